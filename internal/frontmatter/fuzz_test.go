package frontmatter

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

var fuzzSeeds = []string{
	"",
	"---",
	"---\n",
	"+++\n+++",
	"---\n---\n",
	"\uFEFF---\r\ntitle: \"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق\"\r\n---\r\nنص\r\n",
	"---\ntitle: \"قمة G20 في الرياض\"\ntags: [\"العراق\", \"جو بايدن\"]\ndate: 2021-02-24T09:00:00+03:00\n...\nbody",
	"+++\ntitle = \"قمة G20 في الرياض\"\ndate = 2021-02-24\n[params]\na.b = 1\n[[r]]\nx = 09:00:00\n+++\n",
	"--- \t\n- a\n---  \n",
	"---\na: &x {b: 1}\nc:\n  <<: *x\nd: *x\n---\n",
	"---\na: &x [*x]\n---\n",
	"---\na: \"x\u2028y\"\rb: 1\n---\n",
	"---\nt: !!binary /w==\n---\n",
	"---\na: [\n---\n",
	"+++\na = [1,\n+++\n",
	"+++\n\"<<\" = {x = 1e300, y = nan}\n+++\n",
	"# no front matter\n---\n",
	"\uFEFF",
	"---\n?\n...",
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Split("f.md", src)
		rest := bytes.TrimPrefix(src, bom)
		first, _ := cutLine(rest)
		open := string(trimDelim(first))
		// JSON front matter opens with the object's "{" (Hugo's rule).
		if bytes.HasPrefix(bytes.TrimLeft(first, " \t"), []byte("{")) {
			open = "{"
		}
		if err != nil {
			var se *diag.SourceError
			// At the opening line, or at a line meant to close.
			if !errors.As(err, &se) || se.Line < 1 || se.Line > bytes.Count(src, []byte("\n"))+1 || se.Col != 1 || se.Path != "f.md" {
				t.Fatalf("error %v is not a *diag.SourceError at a line of f.md, column 1", err)
			}
			if open != "---" && open != "+++" && open != "{" {
				t.Fatalf("error %v without an opening delimiter", err)
			}
			return
		}
		if d.Format == None {
			if open == "---" || open == "+++" || open == "{" {
				t.Fatalf("opening %q not recognised", open)
			}
			if !bytes.Equal(d.Body, rest) || d.BodyLine != 1 || d.FrontMatter != nil || d.FMLine != 0 {
				t.Fatalf("Format None: got %+v", d)
			}
			return
		}
		if d.Format == JSON {
			// The object is the front matter: it opens the file (after
			// spaces) and ends with its "}"; the body follows it.
			fm := bytes.TrimLeft(d.FrontMatter, " \t")
			if open != "{" || len(fm) < 2 || fm[0] != '{' || fm[len(fm)-1] != '}' || d.FMLine != 1 {
				t.Fatalf("JSON front matter %q (FMLine %d) of %q", d.FrontMatter, d.FMLine, src)
			}
			return
		}
		// FrontMatter and Body are subslices of src, in order.
		fmOff := cap(src) - cap(d.FrontMatter)
		bodyOff := cap(src) - cap(d.Body)
		if fmOff < 0 || fmOff+len(d.FrontMatter) > bodyOff || bodyOff+len(d.Body) != len(src) {
			t.Fatalf("bad offsets: front matter at %d+%d, body at %d+%d, len %d",
				fmOff, len(d.FrontMatter), bodyOff, len(d.Body), len(src))
		}
		// The opening line is the first line, with its newline.
		openLine := src[len(src)-len(rest) : fmOff]
		if bytes.Count(openLine, []byte("\n")) != 1 || openLine[len(openLine)-1] != '\n' ||
			string(trimDelim(openLine[:len(openLine)-1])) != delimiter(d.Format) {
			t.Fatalf("bad opening line %q", openLine)
		}
		// The closing line is one line between front matter and body.
		closeLine := src[fmOff+len(d.FrontMatter) : bodyOff]
		closeText := bytes.TrimSuffix(closeLine, []byte("\n"))
		if bytes.IndexByte(closeText, '\n') >= 0 || !isClosing(d.Format, trimDelim(closeText)) {
			t.Fatalf("bad closing line %q", closeLine)
		}
		// No earlier line closes the front matter.
		for cur := d.FrontMatter; len(cur) > 0; {
			l, next := cutLine(cur)
			if isClosing(d.Format, trimDelim(l)) {
				t.Fatalf("front matter %q contains closing line %q", d.FrontMatter, l)
			}
			cur = next
		}
		if d.FMLine != 2 {
			t.Fatalf("FMLine = %d", d.FMLine)
		}
		if want := bytes.Count(src[:bodyOff], []byte("\n")) + 1; d.BodyLine != want {
			t.Fatalf("BodyLine = %d, want %d", d.BodyLine, want)
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Split("f.md", src)
		if err != nil {
			return
		}
		fields, err := Decode("f.md", d)
		if err != nil {
			var se *diag.SourceError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *diag.SourceError", err, err)
			}
			if se.Line != 0 && (se.Line < d.FMLine || se.Line >= d.BodyLine) || se.Col < 0 {
				t.Fatalf("error %v outside the front matter (lines %d to %d)", err, d.FMLine, d.BodyLine-1)
			}
			return
		}
		seen := map[string]bool{}
		for _, fl := range fields {
			if seen[fl.Key] {
				t.Fatalf("duplicate key %q", fl.Key)
			}
			seen[fl.Key] = true
			if fl.Line < d.FMLine || fl.Line >= d.BodyLine || fl.Col < 1 {
				t.Fatalf("field %q at %d:%d outside the front matter", fl.Key, fl.Line, fl.Col)
			}
			if !normalised(fl.Value) {
				t.Fatalf("field %q has a value of type %T", fl.Key, fl.Value)
			}
		}
		text, err := EncodeYAML(fields)
		if err != nil {
			if !strings.Contains(err.Error(), "not valid UTF-8") {
				t.Fatalf("EncodeYAML: %v", err)
			}
			return
		}
		d2, err := Split("g.md", append(append([]byte("---\n"), text...), "---\n"...))
		if err != nil {
			t.Fatalf("Split of encoded: %v\n%s", err, text)
		}
		again, err := Decode("g.md", d2)
		if err != nil {
			t.Fatalf("Decode of encoded: %v\n%s", err, text)
		}
		if !equalFields(again, fields) {
			t.Fatalf("round trip differs:\n%s\ngot  %#v\nwant %#v", text, again, fields)
		}
	})
}

// normalised reports whether v only holds the documented value types.
func normalised(v any) bool {
	switch x := v.(type) {
	case nil, string, bool, int64, float64:
		return true
	case []any:
		for _, e := range x {
			if !normalised(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range x {
			if !normalised(e) {
				return false
			}
		}
		return true
	}
	return false
}
