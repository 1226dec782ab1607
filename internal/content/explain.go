package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/i18n"
)

// describe names a value for a message: text is quoted (cut short), so the
// editor sees what was read.
func describe(v any) *i18n.Msg {
	switch v := v.(type) {
	case string:
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return i18n.New(i18n.Quoted, v)
	case int64, float64:
		return i18n.New(i18n.TheNumber, v)
	case bool:
		return i18n.New(i18n.Verbatim, v) // true and false are their own names
	case map[string]any:
		return i18n.New(i18n.KindTablePairs)
	}
	return kind(v)
}

// wholeNumberHint is the value to suggest for a whole number: the text in
// Latin digits when that is one ("٣" → 3), else 1.
func wholeNumberHint(v any) string {
	if s, ok := v.(string); ok {
		latin := strings.TrimSpace(arabic.ToLatinDigits(s))
		if latin != "" && strings.Trim(latin, "0123456789") == "" {
			return latin
		}
	}
	return "1"
}

// dateShape is a date written with separators in some order: 22/05/2024,
// 2024.5.2, 22-05-2024.
var dateShape = regexp.MustCompile(`^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$`)

// badDate explains a date the layouts did not read, suggesting the form
// the writer most likely meant: Latin digits for Arabic-Indic ones, year
// first for day first (the order Arab newsrooms write), two digits for
// month and day.
func badDate(written string, opts Options) error {
	s := arabic.ToLatinDigits(written)
	if s != written {
		if _, err := parseDate(s, opts); err == nil {
			return i18n.New(i18n.BadDate, written, i18n.New(i18n.DateDigits, s, i18n.New(i18n.DateForms)))
		}
	}
	if m := dateShape.FindStringSubmatch(s); m != nil {
		y, mo, d := m[1], m[2], m[3]
		if len(d) == 4 && len(y) <= 2 {
			y, d = d, y
		}
		if len(y) == 4 {
			cand := fmt.Sprintf("%s-%02s-%02s", y, mo, d)
			_, err := time.Parse("2006-01-02", cand)
			if err == nil {
				return i18n.New(i18n.BadDate, written, i18n.New(i18n.DateFix, cand, i18n.New(i18n.DateForms)))
			}
			if strings.Contains(err.Error(), "out of range") {
				return i18n.New(i18n.NoSuchDay, written, rangeWords(err))
			}
		}
	}
	if len(s) >= 10 {
		if _, err := time.Parse("2006-01-02", s[:10]); err != nil && strings.Contains(err.Error(), "out of range") {
			return i18n.New(i18n.NoSuchDay, written, rangeWords(err))
		}
	}
	return i18n.New(i18n.BadDate, written, i18n.New(i18n.DateForms))
}

// rangeWords is the part of time's error that says what is out of range.
func rangeWords(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// missingOpening explains a file whose first line is a front matter key:
// the opening "---" (or "+++") was left out, so the file has no front
// matter. It returns nil for a file that simply starts with text.
func missingOpening(src []byte) *i18n.Msg {
	first, _, _ := bytes.Cut(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), []byte("\n"))
	line := strings.TrimSpace(string(first))
	key, _, found := strings.Cut(line, ":")
	delim := "---"
	if k, _, eq := strings.Cut(line, "="); eq && (!found || len(k) < len(key)) {
		key, found, delim = k, true, "+++"
	}
	key = strings.TrimSpace(key)
	if !found || key == "" || strings.ContainsAny(key, " \t#") || !knownKey(key) {
		return nil
	}
	shown := line
	if utf8.RuneCountInString(shown) > 30 {
		shown = string([]rune(shown)[:30]) + "…"
	}
	return i18n.New(i18n.NoOpening, shown, delim, delim)
}

// isUTF16 reports whether src starts with a UTF-16 byte order mark, as
// Notepad's "Unicode" encoding writes.
func isUTF16(src []byte) bool {
	return bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF})
}

// tagsWithCommas returns the tags written as one text with commas
// ("اقتصاد، سياسة"), as a list to suggest, or nil. Hugo reads such a text
// as one tag, so it builds, but the writer meant several.
func tagsWithCommas(v any) []string {
	s, ok := v.(string)
	if !ok || !strings.ContainsAny(s, ",،") {
		return nil
	}
	var tags []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '،' }) {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) < 2 {
		return nil
	}
	return tags
}

// yamlList writes tags as a YAML flow list of quoted text.
func yamlList(tags []string) string {
	q := make([]string, len(tags))
	for i, t := range tags {
		q[i] = fmt.Sprintf("%q", t)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
