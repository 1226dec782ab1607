package markdown

import (
	"os"
	"strings"
	"testing"
)

// goldenCase is one case of testdata/golden.txt.
type goldenCase struct {
	title    string
	unsafe   bool
	markdown string
	html     string
}

const (
	caseSep = "\n//= = = = = = = = = = = = = = = = = = = = = = = =//\n"
	partSep = "\n//- - - - - - - - -//\n"
)

// readGolden parses a file of cases in the layout of goldmark's
// _test/extra.txt, so new cases are added as data, not code.
func readGolden(t *testing.T, path string) []goldenCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), caseSep)
	var cases []goldenCase
	for i, b := range blocks[1:] { // blocks[0] is the file's preamble
		parts := strings.Split(b, partSep)
		if len(parts) != 3 {
			t.Fatalf("%s: case %d has %d parts, want 3 (title, markdown, html)", path, i+1, len(parts))
		}
		title := strings.TrimSpace(parts[0])
		c := goldenCase{title: title, unsafe: strings.Contains(title, "[unsafe]"), markdown: parts[1] + "\n", html: parts[2]}
		cases = append(cases, c)
	}
	return cases
}

func TestGolden(t *testing.T) {
	safe, unsafe := New(), New(WithUnsafe(true))
	cases := readGolden(t, "testdata/golden.txt")
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	for _, c := range cases {
		t.Run(c.title, func(t *testing.T) {
			r := safe
			if c.unsafe {
				r = unsafe
			}
			res, err := r.Render([]byte(c.markdown))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimRight(string(res.HTML), "\n")
			want := strings.TrimRight(c.html, "\n")
			if got != want {
				t.Errorf("markdown:\n%s\ngot:\n%s\nwant:\n%s", c.markdown, got, want)
			}
		})
	}
}
