package frontmatter

import (
	"bytes"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
)

// bom is the UTF-8 byte order mark, skipped at the start of a file.
var bom = []byte("\xEF\xBB\xBF")

// Split separates front matter from the body. path is only used in errors.
//
// A file whose first line (after an optional UTF-8 BOM) is "---" holds YAML
// front matter up to the next line that is "---" or "..."; a first line
// "+++" opens TOML front matter closed by the next "+++" line. Delimiter
// lines may carry trailing spaces or tabs and may end in "\r\n". Any other
// file has no front matter: Format is None and the whole file (minus a BOM)
// is the body. An opening delimiter without a closing one is an error.
func Split(path string, src []byte) (Doc, error) {
	rest := bytes.TrimPrefix(src, bom)
	first, afterFirst := cutLine(rest)
	var format Format
	switch string(trimDelim(first)) {
	case "---":
		format = YAML
	case "+++":
		format = TOML
	default:
		if bytes.HasPrefix(bytes.TrimLeft(first, " \t"), []byte("{")) {
			return splitJSON(path, rest)
		}
		return Doc{Format: None, Body: rest, BodyLine: 1}, nil
	}

	fm := afterFirst
	line := 2 // line number of the line being examined
	for cur := afterFirst; len(cur) > 0; line++ {
		l, next := cutLine(cur)
		if isClosing(format, trimDelim(l)) {
			bodyLine := line + 1
			if len(l) == len(cur) {
				bodyLine = line // closing line ends the file without "\n"
			}
			return Doc{
				Format:      format,
				FrontMatter: fm[:len(fm)-len(cur)],
				FMLine:      2,
				Body:        next,
				BodyLine:    bodyLine,
			}, nil
		}
		cur = next
	}
	return Doc{}, unclosed(path, format, afterFirst)
}

// splitJSON separates JSON front matter, an object the file starts with,
// from the body after the line its closing brace ends. Braces inside
// strings do not count.
func splitJSON(path string, src []byte) (Doc, error) {
	depth, inString, escaped := 0, false, false
	for i, c := range src {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth > 0 {
				continue
			}
			end := i + 1
			rest := src[end:]
			bodyLine := 1 + bytes.Count(src[:end], []byte("\n"))
			// Like a delimiter line, the brace's line is the front
			// matter's (Hugo ignores the rest of it), to the end of the
			// file when it is the last line.
			_, after, _ := bytes.Cut(rest, []byte("\n"))
			rest, bodyLine = after, bodyLine+1
			return Doc{Format: JSON, FrontMatter: src[:end], FMLine: 1, Body: rest, BodyLine: bodyLine}, nil
		}
	}
	return Doc{}, diag.At(path, 1, 1, i18n.New(i18n.FrontMatter, i18n.New(i18n.NoClosingBrace)))
}

// unclosed explains front matter that no delimiter line closes: a line
// that was meant to close it ("----", "— — —", "+++" after "---") is
// named, else the place after the last key where the line belongs.
func unclosed(path string, format Format, fm []byte) error {
	delim := delimiter(format)
	last := 1 // the line after which the closing line belongs
	ended := false
	line := 2
	for cur := fm; len(cur) > 0; line++ {
		l, next := cutLine(cur)
		t := string(bytes.TrimSpace(l))
		if nearlyDelimiter(t) {
			return diag.At(path, line, 1, i18n.New(i18n.FrontMatter, i18n.New(i18n.NearlyClosing, line, t, delim, delim)))
		}
		// The front matter runs to the first blank line or line of
		// body text: a line that is not a key, an indented line, a
		// list item or a comment.
		looksLikeFM := t != "" && (len(l) > 0 && (l[0] == ' ' || l[0] == '\t') || strings.HasPrefix(t, "- ") ||
			strings.HasPrefix(t, "#") || strings.HasPrefix(t, "[") || looksLikeKey(t))
		if !ended && looksLikeFM {
			last = line
		} else {
			ended = true
		}
		cur = next
	}
	return diag.At(path, 1, 1, i18n.New(i18n.FrontMatter, i18n.New(i18n.NoClosing, delim, delim, delim, last)))
}

// nearlyDelimiter reports whether a trimmed line of unclosed front matter
// looks like a delimiter typed wrong: two or more dashes, pluses or
// dash-like characters (a word processor's em dash, a tatweel), such as
// "----" or "+++" under "---".
func nearlyDelimiter(t string) bool {
	n := 0
	for _, r := range t {
		switch r {
		case '-', '+', '—', '–', 'ـ', '−':
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 2
}

// looksLikeKey reports whether a trimmed line starts as "key:" or "key =".
func looksLikeKey(t string) bool {
	i := strings.IndexAny(t, ":=")
	return i > 0 && !strings.ContainsAny(strings.TrimSpace(t[:i]), " \t")
}

// cutLine returns the first line of b without its "\n" and the text after it.
// A final line without "\n" is returned whole with an empty rest.
func cutLine(b []byte) (line, rest []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, b[len(b):]
	}
	return b[:i], b[i+1:]
}

// trimDelim removes a trailing "\r" and trailing spaces and tabs.
func trimDelim(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte("\r"))
	return bytes.TrimRight(line, " \t")
}

// isClosing reports whether a trimmed line closes front matter of format f.
func isClosing(f Format, line []byte) bool {
	s := string(line)
	if f == YAML {
		return s == "---" || s == "..."
	}
	return s == "+++"
}

// delimiter returns the opening delimiter of format f.
func delimiter(f Format) string {
	if f == TOML {
		return "+++"
	}
	return "---"
}
