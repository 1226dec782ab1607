package seed

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden and the generated fixtures")

// dump is the golden form of a Parse result: every field spelled out,
// absent ones as "" or 0, so a reviewer sees what is missing too.
type dump struct {
	Encoding  string      `json:"encoding"`
	Title     string      `json:"title"`
	TitleLine int         `json:"title_line"`
	Lede      string      `json:"lede"`
	Date      string      `json:"date"`
	DateLine  int         `json:"date_line"`
	Weekday   string      `json:"weekday"`
	Caption   string      `json:"caption"`
	Dateline  string      `json:"dateline"`
	Agency    string      `json:"agency"`
	Body      []dumpBlock `json:"body"`
	Warnings  []string    `json:"warnings"`
}

// errDump is the golden form of a seed Parse rejects.
type errDump struct {
	Encoding string `json:"encoding"`
	Error    string `json:"error"`
}

type dumpBlock struct {
	Line int    `json:"line"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

func dumpOf(path string, data []byte) []byte {
	_, enc, _ := Decode(data)
	var v any
	a, err := Parse(path, data)
	if err != nil {
		v = errDump{enc, err.Error()}
	} else {
		d := dump{Encoding: enc, Body: []dumpBlock{}, Warnings: []string{}}
		d.Title, d.TitleLine, d.Lede, d.DateLine = a.Title, a.TitleLine, a.Lede, a.DateLine
		if a.HasDate {
			d.Date = a.Date.String()
		}
		d.Weekday, d.Caption, d.Dateline, d.Agency = a.Weekday, a.Caption, a.Dateline, a.Agency
		for _, b := range a.Body {
			d.Body = append(d.Body, dumpBlock{b.Line, b.Kind.String(), b.Text})
		}
		for _, w := range a.Warnings {
			d.Warnings = append(d.Warnings, w.String())
		}
		v = d
	}
	var b bytes.Buffer
	enc2 := json.NewEncoder(&b)
	enc2.SetEscapeHTML(false) // keep <script> readable: escaping is the importer's job
	enc2.SetIndent("", "  ")
	if err := enc2.Encode(v); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestGolden parses every testdata/*.txt and compares with its .golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) < 20 {
		t.Fatalf("want at least 20 seeds in testdata, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := dumpOf("seeds/"+name+".txt", data)
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, got)
			}
			if a, err := Parse(name, data); err == nil {
				text, _, _ := Decode(data)
				if err := lostWords(text, a); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// wordBag counts the words of s: runs of letters, digits and marks.
// Punctuation is not a word, so a dash or the parentheses around a credit
// that the dateline split drops are not "lost"; nor is a lone tatweel
// set as a dash.
func wordBag(bag map[string]int, s string, n int) {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}) {
		if strings.IndexFunc(w, func(r rune) bool { return r != 'ـ' && (unicode.IsLetter(r) || unicode.IsDigit(r)) }) >= 0 {
			bag[w] += n
		}
	}
}

// lostWords checks "nothing lost": the words of the decoded text, as a
// multiset, are exactly the words of the fields plus the date line. The
// second line of a collapsed caption+subheading pair is counted through
// its subheading, as the spec merges the two on purpose.
func lostWords(text string, a Article) error {
	want, got := map[string]int{}, map[string]int{}
	wordBag(want, text, 1)
	for _, s := range []string{a.Title, a.Lede, a.Caption, a.Dateline, a.Agency} {
		wordBag(got, s, 1)
	}
	lines := strings.Split(text, "\n")
	if a.HasDate {
		wordBag(got, lines[a.DateLine-1], 1)
	}
	for _, b := range a.Body {
		if b.Text == "" {
			return fmt.Errorf("line %d: empty %s", b.Line, b.Kind)
		}
		n := 1
		if b.Kind == Subheading && b.Line < len(lines) && clean(lines[b.Line]) == b.Text {
			n = 2
		}
		wordBag(got, b.Text, n)
	}
	var diffs []string
	for w, n := range want {
		if got[w] != n {
			diffs = append(diffs, fmt.Sprintf("%q: text %d, fields %d", w, n, got[w]))
		}
	}
	for w, n := range got {
		if _, ok := want[w]; !ok {
			diffs = append(diffs, fmt.Sprintf("%q: text 0, fields %d", w, n))
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("words lost or invented: %s", strings.Join(diffs, "; "))
	}
	return nil
}
