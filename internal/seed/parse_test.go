package seed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"":                          "seeds/x.txt:1: empty seed",
		" \n\t\n\u200f\n":           "seeds/x.txt:1: empty seed",
		"\x00\x01PNG":               "seeds/x.txt:1: not a text file",
		"\n\nعنوان فقط\n":           "seeds/x.txt:3: no body text",
		"عنوان\n\nالأحد 2021/03/28": "seeds/x.txt:1: no body text",
	}
	for in, want := range cases {
		_, err := Parse("seeds/x.txt", []byte(in))
		var se *diag.SourceError
		if !errors.As(err, &se) || err.Error() != want {
			t.Errorf("Parse(%q) error = %v, want *diag.SourceError %q", in, err, want)
		}
	}
}

// TestLostWords makes sure the "nothing lost" check can fail: a word
// dropped from a field, or one counted twice, is caught.
func TestLostWords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pair.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("pair.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	text, _, _ := Decode(data)
	if err := lostWords(text, a); err != nil {
		t.Fatalf("intact article: %v", err)
	}
	b := a
	b.Body = append([]Block(nil), a.Body[1:]...)
	if lostWords(text, b) == nil {
		t.Error("dropping the first paragraph went unnoticed")
	}
	b = a
	b.Caption = a.Caption + " " + a.Title
	if lostWords(text, b) == nil {
		t.Error("a word counted twice went unnoticed")
	}
	b = a
	b.Dateline = ""
	if lostWords(text, b) == nil {
		t.Error("losing the dateline went unnoticed")
	}
}

// TestHeaderSlots pins the "never shift" rules on small seeds.
func TestHeaderSlots(t *testing.T) {
	const (
		title = "عنوان الخبر"
		lede  = "ملخص الخبر في جملة واحدة."
		date  = "الأربعاء 2021/02/24"
		capt  = "صورة من الموقع"
		p1    = "الفقرة الأولى من الخبر."
		dl1   = "بغداد – الفقرة الأولى من الخبر."
		p2    = "الفقرة الثانية من الخبر."
	)
	cases := []struct {
		name, seed, lede, caption string
		hasDate                   bool
		first                     string
	}{
		{"full", strings.Join([]string{title, "", lede, date, capt, "", p1, "", p2}, "\n"), lede, capt, true, p1},
		{"no lede", strings.Join([]string{title, "", date, capt, "", p1}, "\n"), "", capt, true, p1},
		{"no caption", strings.Join([]string{title, "", lede, date, "", p1}, "\n"), lede, "", true, p1},
		{"short first paragraph", strings.Join([]string{title, "", date, "", "خبر قصير", "", p2}, "\n"), "", "", true, "خبر قصير"},
		{"caption after a blank is body", strings.Join([]string{title, "", lede, date, "", capt, "", p1}, "\n"), lede, "", true, capt},
		{"no date: header block", strings.Join([]string{title, "", lede, capt, "", p1}, "\n"), lede, capt, false, p1},
		{"no date: lone line, then dateline", strings.Join([]string{title, "", lede, "", dl1}, "\n"), lede, "", false, "الفقرة الأولى من الخبر."},
		{"no date: lone line is body", strings.Join([]string{title, "", p1, "", p2}, "\n"), "", "", false, p1},
		{"no date: dateline opens the body", strings.Join([]string{title, "", dl1, "", p2}, "\n"), "", "", false, "الفقرة الأولى من الخبر."},
		{"no date: one paragraph", strings.Join([]string{title, "", p1}, "\n"), "", "", false, p1},
		{"no date: glued line alone is body", strings.Join([]string{title, p1}, "\n"), "", "", false, p1},
		{"bad date keeps slots", strings.Join([]string{title, "", lede, "الأربعاء 2021/02/30", capt, "", dl1}, "\n"), lede, capt, false, "الأربعاء 2021/02/30"},
	}
	for _, c := range cases {
		a, err := Parse("x.txt", []byte(c.seed))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if a.Lede != c.lede || a.Caption != c.caption || a.HasDate != c.hasDate || a.Body[0].Text != c.first {
			t.Errorf("%s: lede %q caption %q date %v first %q; want %q %q %v %q",
				c.name, a.Lede, a.Caption, a.HasDate, a.Body[0].Text, c.lede, c.caption, c.hasDate, c.first)
		}
		text, _, _ := Decode([]byte(c.seed))
		if err := lostWords(text, a); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
