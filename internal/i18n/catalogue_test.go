package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestCatalogueComplete: every message has both languages, the Arabic one
// in Arabic, and both take the same arguments with the same verbs, so
// telling a message in Arabic never prints %!s(MISSING) or drops a value.
func TestCatalogueComplete(t *testing.T) {
	if len(catalogue) != int(idCount) {
		t.Fatalf("catalogue has %d messages, want %d (one per ID)", len(catalogue), idCount)
	}
	// Messages that are only technical text, the same in both languages.
	same := map[ID]bool{KeyValue: true, Quoted: true, Verbatim: true, KindBool: true}
	for id := ID(0); id < idCount; id++ {
		m := catalogue[id]
		if m.en == "" || m.ar == "" {
			t.Errorf("message %d: en %q, ar %q: want both", id, m.en, m.ar)
			continue
		}
		if !same[id] && !strings.ContainsFunc(m.ar, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
			t.Errorf("message %d: the Arabic %q has no Arabic letter", id, m.ar)
		}
		en, err := verbs(m.en)
		if err != nil {
			t.Errorf("message %d, English: %v", id, err)
		}
		ar, err := verbs(m.ar)
		if err != nil {
			t.Errorf("message %d, Arabic: %v", id, err)
		}
		if fmt.Sprint(en) != fmt.Sprint(ar) {
			t.Errorf("message %d: English takes %v, Arabic %v:\n%s\n%s", id, en, ar, m.en, m.ar)
		}
	}
}

// verbs returns the verb each argument of format is printed with, by
// argument index, following fmt's rules for explicit indexes ("%[2]s").
func verbs(format string) (map[int]rune, error) {
	out := map[int]rune{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed [ in %q", format)
			}
			n, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil || n < 1 {
				return nil, fmt.Errorf("bad index in %q", format)
			}
			arg = n - 1
			i += end + 1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			return nil, fmt.Errorf("%q ends in a verb", format)
		}
		if old, ok := out[arg]; ok && old != rune(format[i]) {
			return nil, fmt.Errorf("argument %d printed with %%%c and %%%c in %q", arg+1, old, format[i], format)
		}
		out[arg] = rune(format[i])
		arg++
	}
	return out, nil
}

func TestVerbs(t *testing.T) {
	for _, c := range []struct {
		format string
		want   string
	}{
		{"%s, %d%%", "map[0:115 1:100]"},
		{"في %[2]s: %[1]q", "map[0:113 1:115]"},
		{"%U and %v", "map[0:85 1:118]"},
	} {
		got, err := verbs(c.format)
		if err != nil || fmt.Sprint(got) != c.want {
			t.Errorf("verbs(%q) = %v, %v; want %s", c.format, got, err, c.want)
		}
	}
}

func TestNounsComplete(t *testing.T) {
	if len(nouns) != int(nounCount) {
		t.Fatalf("%d nouns, want %d", len(nouns), nounCount)
	}
	for i, w := range nouns {
		if w.one == "" || w.other == "" || w.ar.Zero == "" || w.ar.One == "" || w.ar.Two == "" || w.ar.Few == "" || w.ar.Many == "" || w.ar.Other == "" {
			t.Errorf("noun %d lacks a form: %+v", i, w)
		}
	}
}

// TestCountArabic: Arabic agrees the counted noun with the number.
func TestCountArabic(t *testing.T) {
	for _, c := range []struct {
		n      int
		en, ar string
	}{
		{1, "1 draft", "مسودة واحدة"},
		{2, "2 drafts", "مسودتان"},
		{3, "3 drafts", "3 مسودات"},
		{10, "10 drafts", "10 مسودات"},
		{11, "11 drafts", "11 مسودة"},
		{100, "100 drafts", "100 مسودة"},
	} {
		if got := English.Count(c.n, Drafts); got != c.en {
			t.Errorf("English.Count(%d) = %q, want %q", c.n, got, c.en)
		}
		if got := Arabic.Count(c.n, Drafts); got != c.ar {
			t.Errorf("Arabic.Count(%d) = %q, want %q", c.n, got, c.ar)
		}
	}
}

func TestParse(t *testing.T) {
	for tag, want := range map[string]Lang{"ar": Arabic, "AR": Arabic, "ar-IQ": Arabic, "ar_EG": Arabic, "en": English, "en-GB": English} {
		if got, err := Parse(tag); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tag, got, err, want)
		}
	}
	for _, tag := range []string{"", "fr", "arabic"} {
		if _, err := Parse(tag); err == nil {
			t.Errorf("Parse(%q): want an error", tag)
		}
	}
	for tag, want := range map[string]Lang{"ar": Arabic, "ar-SA": Arabic, "fa": English, "en": English, "": English} {
		if got := ForTag(tag); got != want {
			t.Errorf("ForTag(%q) = %v, want %v", tag, got, want)
		}
	}
}

// TestMsgTold: a message is told in its language with its nested messages
// in the same one; in Arabic the English text follows in parentheses.
func TestMsgTold(t *testing.T) {
	parser := errors.New("mapping values are not allowed in this context")
	m := New(FrontMatter, New(KeyValue, "date", New(BadDate, "22/05/2024", New(DateFix, "2024-05-22", New(DateForms)))))
	en := `front matter: date: "22/05/2024" is not a date sahifa can read; write it as 2024-05-22; dates are written year-month-day`
	if got := m.Error(); !strings.HasPrefix(got, en) {
		t.Errorf("English:\n%s\nwant it to start with\n%s", got, en)
	}
	got := m.In(Arabic).Error()
	ar := `الترويسة: date: لا يقرأ sahifa "22/05/2024" تاريخا؛ اكتبه هكذا 2024-05-22؛ يُكتب التاريخ سنة-شهر-يوم`
	if !strings.HasPrefix(got, ar) || !strings.HasSuffix(got, " ("+m.Error()+")") {
		t.Errorf("Arabic:\n%s\nwant it to start with\n%s\nand end with the English in parentheses", got, ar)
	}
	if m.Error() == got {
		t.Error("In changed the message it was called on")
	}
	fallback := New(YAMLFallback, parser)
	if !errors.Is(fallback, parser) {
		t.Error("a message does not unwrap to the error it tells")
	}
	if got := fallback.In(Arabic).Error(); !strings.HasPrefix(got, "mapping values are not allowed in this context (YAML)؛ راجع") {
		t.Errorf("the parser's words are not kept in Arabic: %s", got)
	}
}
