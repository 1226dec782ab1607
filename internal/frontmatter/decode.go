package frontmatter

import (
	"fmt"
	"slices"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
)

// Decode parses the front matter of d into its top-level fields, in file
// order. path is only used in errors.
//
// A Doc without front matter, or with front matter that is empty or only
// comments, gives no fields. Errors with a known place are *diag.SourceError
// values in file coordinates; YAML syntax errors carry a line but no column,
// because the YAML parser does not report one.
func Decode(path string, d Doc) ([]Field, error) {
	src := newSource(path, d.FrontMatter, d.FMLine)
	switch d.Format {
	case None:
		return nil, nil
	case YAML, JSON:
		// A JSON object is YAML too (a flow mapping), so JSON front
		// matter gets YAML's positions and explanations.
		return decodeYAML(src)
	case TOML:
		return decodeTOML(src)
	}
	return nil, fmt.Errorf("%s: front matter: unknown format %d", path, int(d.Format))
}

// source is front matter text with what is needed to report file positions.
type source struct {
	path   string
	text   []byte
	line0  int   // file line of the first line of text
	starts []int // byte offset where each line of text starts
	ylines []int // same, with YAML's line breaks (set by decodeYAML)
}

func newSource(path string, text []byte, line0 int) source {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return source{path: path, text: text, line0: max(line0, 1), starts: starts}
}

// errorAt returns a positioned error telling what (an *i18n.Msg of the
// catalogue, or a rarer problem in English); line is 1-based within the
// front matter and col a 1-based byte column (0 when unknown).
func (s source) errorAt(line, col int, what error) error {
	if line < 1 {
		line, col = 0, 0
	} else {
		line = s.fileLine(line)
	}
	return diag.At(s.path, line, col, i18n.New(i18n.FrontMatter, what))
}

// fileLine converts a 1-based front matter line to a file line.
func (s source) fileLine(line int) int { return s.line0 + line - 1 }

// lineCount returns the number of lines of the text, at least 1.
func (s source) lineCount() int {
	n := len(s.starts)
	if n > 1 && s.starts[n-1] == len(s.text) {
		n-- // text ends with "\n": no line after it
	}
	return n
}

// position returns the 1-based line and byte column of offset in the text.
// The end of text that ends in a newline is placed at the end of the last
// line, so positions stay inside the front matter.
func (s source) position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(s.text))
	if offset == len(s.text) && offset > 0 && s.text[offset-1] == '\n' {
		offset--
	}
	line, _ = slices.BinarySearch(s.starts, offset+1) // starts[line-1] <= offset
	return line, offset - s.starts[line-1] + 1
}
