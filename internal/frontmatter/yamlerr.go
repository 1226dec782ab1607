package frontmatter

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/i18n"
	"go.yaml.in/yaml/v3"
)

// yamlLineStarts returns the byte offsets where lines start as yaml.v3
// counts them: it also breaks lines at a lone "\r", NEL, LS and PS.
func yamlLineStarts(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); {
		switch {
		case text[i] == '\n':
			i++
		case text[i] == '\r':
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
		case bytes.HasPrefix(text[i:], []byte("\u0085")):
			i += 2
		case bytes.HasPrefix(text[i:], []byte("\u2028")), bytes.HasPrefix(text[i:], []byte("\u2029")):
			i += 3
		default:
			i++
			continue
		}
		starts = append(starts, i)
	}
	return starts
}

// yamlOffset returns the byte offset of a yaml.v3 mark (1-based line,
// 1-based column counted in characters).
func (s source) yamlOffset(line, col int) int {
	if line < 1 || len(s.ylines) == 0 {
		return 0
	}
	off := s.ylines[min(line, len(s.ylines))-1]
	end := len(s.text)
	if line < len(s.ylines) {
		end = s.ylines[line]
	}
	for i := 1; i < col && off < end; i++ {
		_, size := utf8.DecodeRune(s.text[off:end])
		off += size
	}
	return off
}

// nodePos returns the file line and byte column of a YAML node.
func (s source) nodePos(n *yaml.Node) (line, col int) {
	line, col = s.position(s.yamlOffset(n.Line, n.Column))
	return s.fileLine(line), col
}

// nodeErr returns an error positioned at a YAML node.
func (s source) nodeErr(n *yaml.Node, what error) error {
	line, col := s.position(s.yamlOffset(n.Line, n.Column))
	return s.errorAt(line, col, what)
}

var (
	yamlLineRe   = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)
	yamlAnchorRe = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
)

// yamlParserProblems are the messages of the YAML parser (as opposed to its
// scanner). yaml.v3 reports their line 0-based, and leaves out a line that
// is 0, while scanner lines are 1-based.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlSyntaxError turns an error of yaml.Unmarshal into a positioned error.
// yaml.v3 only reports a line, so the column is left out, except for unknown
// aliases and bad characters, which are found in the text.
func (s source) yamlSyntaxError(err error) error {
	msg := err.Error()
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, convErr := strconv.Atoi(m[1])
		if convErr != nil {
			line = 0
		} else if yamlParserProblems[m[2]] {
			line++
		}
		if line > 0 {
			// "unexpected end of stream" is reported on the line after
			// the last.
			line, _ = s.position(s.yamlOffset(line, 1))
			line = min(line, s.lineCount())
		}
		return s.explained(m[2], line)
	}
	msg = cleanYAMLMessage(msg)
	if m := yamlAnchorRe.FindStringSubmatch(msg); m != nil {
		if off := findAlias(s.text, m[1]); off >= 0 {
			line, col := s.position(off)
			return s.errorAt(line, col, i18n.New(i18n.UnknownAnchor, m[1]))
		}
		return s.errorAt(0, 0, i18n.New(i18n.UnknownAnchor, m[1]))
	}
	if off := firstBadChar(s.text); off >= 0 {
		line, col := s.position(off)
		return s.errorAt(line, col, s.badCharMessage(off))
	}
	// A problem on the first line: yaml.v3 leaves out a (0-based) line 0.
	return s.explained(msg, 1)
}

// explained returns the error for the parser's problem at front matter
// line: the mistake in plain words when it is a known one, else the
// parser's words with what to check.
func (s source) explained(problem string, line int) error {
	if e, ok := s.explainYAML(problem, line); ok {
		return s.errorAt(e.line, e.col, e.msg)
	}
	return s.errorAt(line, 0, i18n.New(i18n.YAMLFallback, problem))
}

// cleanYAMLMessage strips the "yaml: " and "unmarshal errors:" prefixes and
// a relative "line N: " from a yaml.v3 error message.
func cleanYAMLMessage(msg string) string {
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg = strings.TrimSpace(msg)
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i > 0 {
			if _, err := strconv.Atoi(msg[len("line "):i]); err == nil {
				msg = msg[i+2:]
			}
		}
	}
	return msg
}

// findAlias returns the offset of the first "*name" alias in text, or -1.
func findAlias(text []byte, name string) int {
	needle := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(text[off:], needle)
		if i < 0 {
			return -1
		}
		end := off + i + len(needle)
		if end == len(text) || strings.IndexByte(" \t\r\n,[]{}", text[end]) >= 0 {
			return off + i
		}
		off += i + 1
	}
}

// firstBadChar returns the offset of the first invalid UTF-8 sequence or
// character YAML does not allow in a document, or -1.
func firstBadChar(text []byte) int {
	for off := 0; off < len(text); {
		r, size := utf8.DecodeRune(text[off:])
		if r == utf8.RuneError && size <= 1 || !yamlPrintable(r) {
			return off
		}
		off += size
	}
	return -1
}

// yamlPrintable reports whether r is in YAML's c-printable set.
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
