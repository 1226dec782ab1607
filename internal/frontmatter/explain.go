package frontmatter

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/i18n"
)

// The YAML parser says what it met ("mapping values are not allowed in
// this context"), often a line after the mistake. An editor needs what they
// wrote wrong and how to write it, so the front matter's lines are read
// again for the common mistakes, earliest line first, and the parser's
// words are the fallback. Each mistake is looked for only when the parser's
// problem is one it causes, so valid YAML elsewhere (a quoted value over
// two lines) is not blamed.

// explanation is a plain-words message at a place in the front matter
// (1-based line and byte column).
type explanation struct {
	line, col int
	msg       *i18n.Msg
}

// keyLine is a line "key: value" (or "key:" with nothing after).
type keyLine struct {
	indent   int    // bytes of leading spaces and tabs
	key      string // as written
	colon    int    // byte offset of the key's colon
	valueOff int    // byte offset where the value starts (len(text) when none)
	value    string // without trailing spaces
}

// parseKeyLine reads text as "key: value". Keys are plain words: a list
// item, a comment or a quoted key is not a key line here.
func parseKeyLine(text string) (keyLine, bool) {
	rest := strings.TrimLeft(text, " \t")
	kl := keyLine{indent: len(text) - len(rest)}
	if rest == "" || strings.ContainsRune(`-#"'[{&*!|>%@`+"`", rune(rest[0])) {
		return kl, false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c == ' ' || c == '\t' {
			return kl, false // "key" with a space: text, not a key
		}
		if c != ':' {
			continue
		}
		if i == 0 || i+1 < len(rest) && rest[i+1] != ' ' && rest[i+1] != '\t' {
			return kl, false
		}
		kl.key, kl.colon = rest[:i], kl.indent+i
		v := strings.TrimLeft(rest[i+1:], " \t")
		kl.valueOff = len(text) - len(v)
		kl.value = strings.TrimRight(v, " \t")
		return kl, true
	}
	return kl, false
}

// suggestion is the line key: value with the value quoted for YAML.
func (kl keyLine) suggestion(value string) string {
	return kl.key + ": " + quoteYAML(value)
}

// quoteYAML quotes s as a YAML scalar: in single quotes when it holds a
// double quote and no single one (nothing to escape), else in double quotes.
func quoteYAML(s string) string {
	if strings.Contains(s, `"`) && !strings.Contains(s, "'") {
		return "'" + s + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// unquoted is the text inside a value's quotes when it is wholly quoted
// ('it's' → it's), else the value itself.
func unquoted(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// lineText returns front matter line n (1-based) without its line break.
func (s source) lineText(n int) string {
	if n < 1 || n > len(s.starts) {
		return ""
	}
	end := len(s.text)
	if n < len(s.starts) {
		end = s.starts[n] - 1
	}
	return strings.TrimSuffix(string(s.text[s.starts[n-1]:end]), "\r")
}

// problems for which each mistake is looked for.
var (
	quoteProblems = []string{"found unexpected end of stream", "did not find expected key", "could not find expected ':'",
		"did not find expected node content", "found unexpected document indicator"}
	afterProblems = []string{"did not find expected key"}
	listProblems  = []string{"did not find expected ',' or ']'", "did not find expected ',' or '}'", "found unexpected end of stream"}
)

func among(problem string, list []string) bool {
	for _, p := range list {
		if problem == p {
			return true
		}
	}
	return false
}

// explainYAML finds the mistake behind the parser's problem reported at
// front matter line at (0 when the parser gave none).
func (s source) explainYAML(problem string, at int) (explanation, bool) {
	last := s.lineCount()
	if at > 0 {
		last = min(at+1, last) // the parser may report the line after
	}
	if strings.Contains(problem, "tab character") || problem == "found character that cannot start any token" {
		for n := 1; n <= last; n++ {
			t := s.lineText(n)
			indent := len(t) - len(strings.TrimLeft(t, " \t"))
			if i := strings.IndexByte(t[:indent], '\t'); i >= 0 {
				return explanation{n, i + 1, i18n.New(i18n.Tab)}, true
			}
		}
	}
	for n := 1; n <= last; n++ {
		if e, ok := s.explainLine(problem, n, n == at); ok {
			return e, true
		}
	}
	return explanation{}, false
}

// explainLine looks for a mistake on line n that causes problem; reported
// says the parser named this line.
func (s source) explainLine(problem string, n int, reported bool) (explanation, bool) {
	text := s.lineText(n)
	kl, ok := parseKeyLine(text)
	if !ok {
		if e, ok := noSpaceAfterColon(text, n); ok {
			return e, true
		}
		return explanation{}, false
	}
	v := kl.value
	at := func(off int, id i18n.ID, args ...any) (explanation, bool) {
		return explanation{n, off + 1, i18n.New(i18n.KeyValue, kl.key, i18n.New(id, args...))}, true
	}
	switch {
	case v == "":
		return explanation{}, false
	case v[0] == '"' || v[0] == '\'':
		end := closingQuote(v)
		if end < 0 {
			if among(problem, quoteProblems) {
				q := fmt.Sprintf("%c", v[0])
				return at(kl.valueOff, i18n.UnclosedQuote, q, q)
			}
			return explanation{}, false
		}
		if rest := strings.TrimLeft(v[end+1:], " \t"); rest != "" && rest[0] != '#' && among(problem, afterProblems) {
			return at(kl.valueOff+end+1, i18n.AfterQuote, v[:1], kl.suggestion(unquoted(v)))
		}
	case v[0] == '[' || v[0] == '{':
		closer := map[byte]byte{'[': ']', '{': '}'}[v[0]]
		end := closingBracket(v)
		if end < 0 && among(problem, listProblems) {
			return at(kl.valueOff, i18n.UnclosedList, v[:1], string(closer), v[:1], kl.suggestion(v))
		}
		if end >= 0 {
			if rest := strings.TrimLeft(v[end+1:], " \t"); rest != "" && rest[0] != '#' && among(problem, afterProblems) {
				return at(kl.valueOff, i18n.AfterList, v[:1], kl.suggestion(v))
			}
		}
	case strings.ContainsRune("@`%", rune(v[0])) && problem == "found character that cannot start any token",
		strings.HasPrefix(v, "- ") && strings.HasPrefix(problem, "block sequence entries are not allowed"),
		(v[0] == '*' || v[0] == '&') && problem == "did not find expected alphabetic or numeric character":
		return at(kl.valueOff, i18n.SpecialStart, string(v[0]), kl.suggestion(v))
	case v[0] == '|' || v[0] == '>':
		return explanation{}, false
	}
	if !reported {
		return explanation{}, false
	}
	if problem == "found unknown escape character" {
		if i := badEscape(v); i >= 0 {
			return at(kl.valueOff+i, i18n.BadEscape, kl.key+": '"+strings.ReplaceAll(unquoted(v), "'", "''")+"'")
		}
	}
	if problem != "mapping values are not allowed in this context" {
		return explanation{}, false
	}
	if i := valueColon(v); i >= 0 && v[0] != '"' && v[0] != '\'' {
		return at(kl.valueOff+i, i18n.UnquotedColon, kl.suggestion(v))
	}
	if kl.indent > 0 {
		if prev, ok := s.previousKeyLine(n); ok && prev.indent < kl.indent && prev.value != "" {
			return explanation{n, 1, i18n.New(i18n.Indented, s.fileLine(s.previousLine(n)))}, true
		}
	}
	return explanation{}, false
}

// noSpaceAfterColon explains a top-level "key:value": YAML needs a space
// after a key's colon, so the line is text and the next key breaks.
func noSpaceAfterColon(text string, n int) (explanation, bool) {
	i := strings.IndexByte(text, ':')
	if i <= 0 || i+1 >= len(text) || strings.ContainsAny(text[:i], " \t\"'[{#-") || strings.ContainsRune(" \t/:", rune(text[i+1])) {
		return explanation{}, false
	}
	return explanation{n, i + 1, i18n.New(i18n.NoSpaceAfter, text[:i+1], text[:i]+": "+strings.TrimSpace(text[i+1:]))}, true
}

// previousLine returns the number of the nearest non-blank line before n.
func (s source) previousLine(n int) int {
	for n--; n >= 1; n-- {
		if strings.TrimSpace(s.lineText(n)) != "" {
			return n
		}
	}
	return 0
}

func (s source) previousKeyLine(n int) (keyLine, bool) {
	return parseKeyLine(s.lineText(s.previousLine(n)))
}

// closingQuote returns the offset of the quote that closes the quoted
// value v (v[0] is the quote), or -1. In double quotes \" is escaped; in
// single quotes ” is.
func closingQuote(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}

// closingBracket returns the offset of the bracket closing v[0] ('[' or
// '{'), skipping quoted text and nested brackets, or -1.
func closingBracket(v string) int {
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"', '\'':
			end := closingQuote(v[i:])
			if end < 0 {
				return -1
			}
			i += end
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// valueColon returns the offset of a colon in v that YAML reads as a key's
// (followed by a space or ending the value), or -1.
func valueColon(v string) int {
	for i := 0; i < len(v); i++ {
		if v[i] == ':' && (i+1 == len(v) || v[i+1] == ' ' || v[i+1] == '\t') {
			return i
		}
	}
	return -1
}

// badEscape returns the offset of the first backslash in double-quoted v
// that starts no YAML escape, or -1.
func badEscape(v string) int {
	if v == "" || v[0] != '"' {
		return -1
	}
	for i := 1; i+1 < len(v); i++ {
		if v[i] != '\\' {
			continue
		}
		if !strings.ContainsRune(`0abt	nvfre "/\N_LPxuU`, rune(v[i+1])) {
			return i
		}
		i++
	}
	return -1
}

// badCharMessage says what is wrong with the character at off that YAML
// refused.
func (s source) badCharMessage(off int) *i18n.Msg {
	r, size := utf8.DecodeRune(s.text[off:])
	if r == utf8.RuneError && size <= 1 {
		return i18n.New(i18n.NotUTF8)
	}
	return i18n.New(i18n.ControlChar, r)
}
