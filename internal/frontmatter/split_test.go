package frontmatter

import (
	"errors"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

func TestSplit(t *testing.T) {
	const title = "title: \"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق\"\n"
	tests := []struct {
		name     string
		src      string
		format   Format
		fm       string
		fmLine   int
		body     string
		bodyLine int
	}{
		{"yaml", "---\n" + title + "---\nنص الخبر\n", YAML, title, 2, "نص الخبر\n", 4},
		{"toml", "+++\ntitle = \"قمة G20 في الرياض\"\n+++\nنص\n", TOML, "title = \"قمة G20 في الرياض\"\n", 2, "نص\n", 4},
		{"bom yaml", "\uFEFF---\n" + title + "---\nنص\n", YAML, title, 2, "نص\n", 4},
		{"bom toml", "\uFEFF+++\na = 1\n+++\n", TOML, "a = 1\n", 2, "", 4},
		{"bom none", "\uFEFF# عنوان\n", None, "", 0, "# عنوان\n", 1},
		{"crlf", "---\r\ntitle: x\r\ntags: [\"العراق\"]\r\n---\r\nbody\r\n", YAML, "title: x\r\ntags: [\"العراق\"]\r\n", 2, "body\r\n", 5},
		{"trailing blanks on delimiters", "--- \t\na: 1\n---  \r\nb\n", YAML, "a: 1\n", 2, "b\n", 4},
		{"yaml closed by dots", "---\na: 1\n...\nb\n", YAML, "a: 1\n", 2, "b\n", 4},
		{"toml fence does not close yaml", "---\na: 1\n+++\n---\nb", YAML, "a: 1\n+++\n", 2, "b", 5},
		{"yaml fence does not close toml", "+++\na = 1\n---\n+++\nb", TOML, "a = 1\n---\n", 2, "b", 5},
		{"empty front matter", "---\n---\nb\n", YAML, "", 2, "b\n", 3},
		{"closing at end of file", "---\na: 1\n---", YAML, "a: 1\n", 2, "", 3},
		{"no front matter", "# عنوان\n\n---\nفقرة\n", None, "", 0, "# عنوان\n\n---\nفقرة\n", 1},
		{"thematic break is not a fence", "----\na: 1\n----\n", None, "", 0, "----\na: 1\n----\n", 1},
		{"indented fence is not a fence", " ---\na: 1\n---\n", None, "", 0, " ---\na: 1\n---\n", 1},
		{"empty file", "", None, "", 0, "", 1},
		{"horizontal rule in body", "---\na: 1\n---\nx\n---\ny\n", YAML, "a: 1\n", 2, "x\n---\ny\n", 4},
		{"indented closing is content", "---\na: |\n  ---\n---\nb", YAML, "a: |\n  ---\n", 2, "b", 5},
		{"json", "{\n  \"title\": \"قمة {G20}\",\n  \"q\": \"\\\"}\"\n}\nنص\n", JSON, "{\n  \"title\": \"قمة {G20}\",\n  \"q\": \"\\\"}\"\n}", 1, "نص\n", 5},
		{"json on one line", "{\"a\": {\"b\": 1}}\nb", JSON, "{\"a\": {\"b\": 1}}", 1, "b", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Split("content/x.md", []byte(tt.src))
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if d.Format != tt.format || string(d.FrontMatter) != tt.fm || d.FMLine != tt.fmLine ||
				string(d.Body) != tt.body || d.BodyLine != tt.bodyLine {
				t.Errorf("Split = {%v %q %d %q %d}, want {%v %q %d %q %d}",
					d.Format, d.FrontMatter, d.FMLine, d.Body, d.BodyLine,
					tt.format, tt.fm, tt.fmLine, tt.body, tt.bodyLine)
			}
			if tt.format == None && d.FrontMatter != nil {
				t.Errorf("FrontMatter = %q, want nil", d.FrontMatter)
			}
		})
	}
}

func TestSplitUnclosed(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"yaml", "---\ntitle: \"العراق\"\ndate: 2024-05-22\n\nنص\n",
			`content/x.md:1:1: front matter: the "---" on line 1 opens the front matter, but no line "---" closes it; add a line "---" after the last key (line 3)`},
		{"body right after the keys", "---\ntitle: \"العراق\"\ntags:\n  - a\nنص الخبر\n\nنص",
			`content/x.md:1:1: front matter: the "---" on line 1 opens the front matter, but no line "---" closes it; add a line "---" after the last key (line 4)`},
		{"yaml delimiter only", "---", `content/x.md:1:1: front matter: the "---" on line 1 opens the front matter, but no line "---" closes it; add a line "---" after the last key (line 1)`},
		{"yaml with bom", "\uFEFF---\r\na: 1\r\n", `content/x.md:1:1: front matter: the "---" on line 1 opens the front matter, but no line "---" closes it; add a line "---" after the last key (line 2)`},
		{"toml", "+++\ntitle = \"x\"\n", `content/x.md:1:1: front matter: the "+++" on line 1 opens the front matter, but no line "+++" closes it; add a line "+++" after the last key (line 2)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split("content/x.md", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Split error = %v, want %s", err, tt.want)
			}
			var se *diag.SourceError
			if !errors.As(err, &se) || se.Line != 1 || se.Col != 1 {
				t.Errorf("error %#v is not a *diag.SourceError at 1:1", err)
			}
		})
	}
}

// A line meant to close the front matter but typed wrong is named.
func TestSplitNearlyClosed(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"four dashes", "---\ntitle: x\n----\nنص\n", `content/x.md:3:1: front matter: line 3 is "----", but the front matter must be closed by a line that is exactly "---"; write "---" there`},
		{"em dashes", "---\ntitle: x\n— — —\nنص\n", `content/x.md:3:1: front matter: line 3 is "— — —", but the front matter must be closed by a line that is exactly "---"`},
		{"toml closed as yaml", "+++\ntitle = \"x\"\n---\n", `content/x.md:3:1: front matter: line 3 is "---", but the front matter must be closed by a line that is exactly "+++"; write "+++" there`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split("content/x.md", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Split error = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestSplitSubslices(t *testing.T) {
	src := []byte("---\na: 1\n---\nbody")
	d, err := Split("x.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if &d.FrontMatter[0] != &src[4] || &d.Body[0] != &src[13] {
		t.Error("FrontMatter and Body must be subslices of src")
	}
}

func TestFormatString(t *testing.T) {
	for f, want := range map[Format]string{None: "none", YAML: "yaml", TOML: "toml", Format(9): "unknown"} {
		if got := f.String(); got != want {
			t.Errorf("Format(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}

func TestJSONFrontMatter(t *testing.T) {
	src := "{\n  \"title\": \"قمة\",\n  \"tags\": [\"a\", \"b\"],\n  \"draft\": false\n}\nنص\n"
	d, err := Split("content/x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fields, err := Decode("content/x.md", d)
	if err != nil {
		t.Fatal(err)
	}
	if len(fields) != 3 || fields[0].Key != "title" || fields[0].Value != "قمة" || fields[0].Line != 2 || fields[2].Value != false || fields[2].Line != 4 {
		t.Errorf("fields %+v", fields)
	}
	_, err = Split("content/x.md", []byte("{\n\"title\": \"x\"\nنص\n"))
	if err == nil || !strings.HasPrefix(err.Error(), `content/x.md:1:1: front matter: the "{" on line 1 opens JSON front matter, but no "}" closes it`) {
		t.Errorf("unclosed: %v", err)
	}
}
