package markdown

import (
	"bytes"
	"strings"
)

// A shortcode is Hugo's way of calling a template from Markdown:
// {{< name params >}} (its output is HTML) or {{% name params %}} (its
// inner text is Markdown), either closed by {{< /name >}} around inner
// text, or alone. Params are positional ("a" b `c`) or named (k="v").
// {{</* name */>}} writes the call itself, as Hugo's documentation does.
//
// Like Hugo, sahifa finds shortcodes in the Markdown source before
// goldmark parses it, so a shortcode may span paragraphs (a highlighted
// block with blank lines) and is found in code blocks too (Hugo's rule;
// the comment form is how a writer shows one).

// shortcodeTag is one {{< … >}} or {{% … %}} of the source.
type shortcodeTag struct {
	start, end  int // the tag in the source
	name        string
	markdown    bool // {{% %}}
	closing     bool // {{< /name >}}
	selfClosing bool // {{< name />}}
	comment     bool // {{</* … */>}}: literal is what it writes
	literal     string
	positional  []string
	named       map[string]string
	problem     ShortcodeProblemKind // ShortcodeUnclosed for a tag without its end
}

// shortcodeCall is a shortcode as called: an opening tag and, when it
// has a closing one, the inner text between them and the calls in it.
type shortcodeCall struct {
	shortcodeTag
	innerStart, innerEnd int // -1 without a closing tag
	children             []*shortcodeCall
}

func (c *shortcodeCall) hasInner() bool { return c.innerStart >= 0 }

// get is a param by position (int) or name (string); "" when absent.
func (c *shortcodeCall) get(key any) string {
	switch k := key.(type) {
	case int:
		if k >= 0 && k < len(c.positional) {
			return c.positional[k]
		}
	case string:
		return c.named[k]
	}
	return ""
}

// arg is a param that may be given by name or, in Hugo's short form, at
// a position.
func (c *shortcodeCall) arg(name string, pos int) string {
	if v, ok := c.named[name]; ok {
		return v
	}
	return c.get(pos)
}

// scanShortcodeTags finds every shortcode tag of src in order.
func scanShortcodeTags(src []byte) []shortcodeTag {
	var tags []shortcodeTag
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		start := i + j
		if start+2 >= len(src) || (src[start+2] != '<' && src[start+2] != '%') {
			i = start + 2
			continue
		}
		t := scanTag(src, start)
		tags = append(tags, t)
		i = t.end
	}
	return tags
}

// scanTag reads the tag starting at src[start] ("{{<" or "{{%").
func scanTag(src []byte, start int) shortcodeTag {
	t := shortcodeTag{start: start, markdown: src[start+2] == '%'}
	mark := string(src[start+2])
	end := ">}}"
	if t.markdown {
		end = "%}}"
	}
	p := skipSpace(src, start+3)
	if bytes.HasPrefix(src[p:], []byte("/*")) {
		k := bytes.Index(src[p:], []byte("*/"))
		if k >= 0 {
			q := skipSpace(src, p+k+2)
			if bytes.HasPrefix(src[q:], []byte(end)) {
				t.comment, t.end = true, q+len(end)
				t.literal = "{{" + mark + string(src[p+2:p+k]) + end
				return t
			}
		}
		t.problem, t.end = ShortcodeUnclosed, start+3
		return t
	}
	if p < len(src) && src[p] == '/' {
		t.closing = true
		p++
	}
	n := p
	for n < len(src) && isNameByte(src[n]) {
		n++
	}
	t.name = string(src[p:n])
	p = n
	for {
		p = skipSpace(src, p)
		switch {
		case t.name == "":
		case bytes.HasPrefix(src[p:], []byte(end)):
			t.end = p + len(end)
			return t
		case bytes.HasPrefix(src[p:], []byte("/"+end)):
			t.selfClosing, t.end = true, p+1+len(end)
			return t
		case p < len(src) && p-start < maxTagBytes && !t.closing:
			var key, val string
			var ok bool
			if key, val, p, ok = scanParam(src, p, end); ok {
				if key == "" {
					t.positional = append(t.positional, val)
				} else {
					if t.named == nil {
						t.named = map[string]string{}
					}
					t.named[key] = val
				}
				continue
			}
		}
		// No name, or a tag that does not end: the writer's text.
		t.problem, t.end = ShortcodeUnclosed, start+3
		return t
	}
}

// scanParam reads one param at src[p]: "quoted", `raw`, bare, or any of
// these after name=. It stops before the tag's end.
func scanParam(src []byte, p int, end string) (key, val string, next int, ok bool) {
	if p < len(src) && (src[p] == '"' || src[p] == '`') {
		val, next, ok = scanValue(src, p)
		return "", val, next, ok
	}
	n := p
	for n < len(src) && !isSpaceByte(src[n]) && src[n] != '=' && !bytes.HasPrefix(src[n:], []byte(end)) && !bytes.HasPrefix(src[n:], []byte("/"+end)) {
		n++
	}
	if n == p {
		return "", "", p, false
	}
	if n < len(src) && src[n] == '=' {
		key = string(src[p:n])
		if n+1 < len(src) && (src[n+1] == '"' || src[n+1] == '`') {
			val, next, ok = scanValue(src, n+1)
			return key, val, next, ok
		}
		_, val, next, ok = scanParam(src, n+1, end)
		return key, val, next, ok
	}
	return "", string(src[p:n]), n, true
}

// scanValue reads a "quoted" value (backslash escapes \" and \\) or a
// `raw` one at src[p].
func scanValue(src []byte, p int) (string, int, bool) {
	q := src[p]
	var b strings.Builder
	for i := p + 1; i < len(src); i++ {
		switch {
		case src[i] == q:
			return b.String(), i + 1, true
		case q == '"' && src[i] == '\\' && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '\\'):
			i++
		}
		b.WriteByte(src[i])
	}
	return "", p, false
}

func skipSpace(src []byte, p int) int {
	for p < len(src) && isSpaceByte(src[p]) {
		p++
	}
	return p
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isNameByte reports whether c may be in a shortcode's name. Hugo's
// names in folders ("dir/name") are not read: "name/>}}" would be one.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// maxTagBytes bounds a tag's params, so that a "{{<" never closed is not
// read to the end of the article once for every one.
const maxTagBytes = 4096

// pairShortcodes makes calls of the tags of known shortcodes: a closing
// tag closes the nearest open call of its name, and the calls between
// them are inside it. The tags of unknown names, and closing tags that
// close nothing, stay the writer's text; they are returned as strays.
func pairShortcodes(tags []shortcodeTag, known func(string) bool) (top []*shortcodeCall, strays []shortcodeTag) {
	var calls []*shortcodeCall
	var open []*shortcodeCall
	for _, t := range tags {
		switch {
		case t.comment:
			calls = append(calls, &shortcodeCall{shortcodeTag: t, innerStart: -1, innerEnd: -1})
		case t.problem != 0 || !known(t.name):
			strays = append(strays, t)
		case t.closing:
			k := len(open) - 1
			for k >= 0 && open[k].name != t.name {
				k--
			}
			if k < 0 {
				t.problem = ShortcodeStrayClosing
				strays = append(strays, t)
				continue
			}
			c := open[k]
			c.innerStart, c.innerEnd, c.end = c.shortcodeTag.end, t.start, t.end
			open = open[:k]
		default:
			c := &shortcodeCall{shortcodeTag: t, innerStart: -1, innerEnd: -1}
			calls = append(calls, c)
			if !t.selfClosing {
				open = append(open, c)
			}
		}
	}
	// Calls are in source order, and a closed call's range holds exactly
	// the calls made inside it: nest them.
	var stack []*shortcodeCall
	for _, c := range calls {
		for len(stack) > 0 && c.start >= stack[len(stack)-1].end {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, c)
		} else {
			top = append(top, c)
		}
		if c.hasInner() {
			stack = append(stack, c)
		}
	}
	return top, strays
}
