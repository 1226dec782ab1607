package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/htmltext"
)

// Text that HTML and XML forbid (bytes that are not UTF-8, control
// characters, noncharacters) is replaced with U+FFFD here, where files
// are parsed, so that pages, feeds, the search index and JSON-LD all get
// clean text; each replacement is a warning naming where it was, as the
// writer sees only "�" in the page.

// cleanBody replaces what is forbidden in the Markdown body, which starts
// on line bodyLine of path.
func cleanBody(path string, body []byte, bodyLine int) ([]byte, []diag.Warning) {
	clean, n, first := htmltext.Clean(body)
	if n == 0 {
		return body, nil
	}
	before := body[:first]
	line := bodyLine + bytes.Count(before, []byte("\n"))
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return clean, []diag.Warning{{Path: path, Line: line, Col: col, Msg: replacedMsg(n)}}
}

// cleanValue replaces what is forbidden in the text of a front matter
// value (in lists and tables too).
func cleanValue(v any) (any, int) {
	total := 0
	clean := func(e any) any {
		c, n := cleanValue(e)
		total += n
		return c
	}
	switch v := v.(type) {
	case string:
		s, n, _ := htmltext.CleanString(v)
		return s, n
	case []any:
		for i, e := range v {
			v[i] = clean(e)
		}
	case map[string]any:
		for k, e := range v {
			v[k] = clean(e)
		}
	}
	return v, total
}

func replacedMsg(n int) string {
	what := "character that is not valid UTF-8 or not allowed in HTML (a control character or noncharacter)"
	if n > 1 {
		what = fmt.Sprintf("%d characters that are not valid UTF-8 or not allowed in HTML (control characters or noncharacters)", n)
	}
	return fmt.Sprintf("%s replaced with U+FFFD (�); check the file's encoding or remove them", what)
}

// lineBreaks are replaced by oneLine.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ")

// oneLine makes a title one line: a YAML block scalar or a pasted tab
// would otherwise put line breaks into <title>, headings and feed titles.
func oneLine(s string) string { return lineBreaks.Replace(strings.TrimRight(s, "\r\n")) }
