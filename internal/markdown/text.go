package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// summarize returns the word count of the whole document and its plain
// text cut for a summary. Footnotes count as words read, but are left out
// of the summary: a short brief's description should not end with
// "المصدر: رويترز".
//
// The summary is made of the top-level paragraphs only: a table's cells or
// a code block read as a run of words make a poor teaser. A document with
// no paragraph falls back to all its text.
func summarize(doc ast.Node, src []byte) (words int, plain string) {
	var body, notes, prose textBuffer
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case east.KindFootnoteList:
			notes.add(c, src)
		case ast.KindParagraph:
			// The summary is the start of the prose: paragraphs past
			// what it can hold need not be collected twice.
			if prose.size() < proseBytes {
				prose.add(c, src)
			}
			body.add(c, src)
		default:
			body.add(c, src)
		}
	}
	// cutAtWord needs one rune past its limit to see where a word ends.
	summary := collapse(prose.unescaped(), PlainTextRunes+1)
	if summary == "" {
		summary = collapse(body.unescaped(), PlainTextRunes+1)
	}
	// Counting words needs no collapsed copy of the text.
	return countWords(body.unescaped()) + countWords(notes.unescaped()), cutAtWord(summary, PlainTextRunes)
}

// proseBytes is enough collected prose for a summary of PlainTextRunes
// runes (Arabic takes two bytes a rune), with room for markup-free
// spaces and character references that collapse.
const proseBytes = 16 * PlainTextRunes

// nodeText is the text of n as readers see it, whitespace collapsed.
func nodeText(n ast.Node, src []byte) string {
	var t textBuffer
	t.add(n, src)
	return t.String()
}

// textBuffer collects text through goldmark's own HTML text writer, so
// backslash escapes and entity references (\* , &amp;, &#1575;) are
// resolved exactly as in the rendered page; the HTML escaping that writer
// adds is undone once, at the end.
type textBuffer struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

func (t *textBuffer) add(root ast.Node, src []byte) {
	if t.w == nil {
		t.w = bufio.NewWriter(&t.buf)
	}
	w := t.w
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeInline {
			// Blocks (paragraphs, table cells, list items) are
			// separate runs of text even where HTML has no space.
			_ = w.WriteByte(' ')
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n.Kind() {
			case ast.KindHTMLBlock:
				return ast.WalkSkipChildren, nil // markup, not text
			case ast.KindCodeBlock, ast.KindFencedCodeBlock:
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					html.DefaultWriter.RawWrite(w, seg.Value(src))
				}
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if n.IsRaw() {
				html.DefaultWriter.RawWrite(w, n.Value(src))
			} else {
				html.DefaultWriter.Write(w, n.Value(src))
			}
			if n.SoftLineBreak() || n.HardLineBreak() {
				_ = w.WriteByte(' ')
			}
		case *ast.String:
			switch {
			case n.IsCode():
				_, _ = w.Write(n.Value)
			case n.IsRaw():
				html.DefaultWriter.RawWrite(w, n.Value)
			default:
				html.DefaultWriter.Write(w, n.Value)
			}
		case *ast.AutoLink:
			html.DefaultWriter.RawWrite(w, n.Label(src))
		case *ast.Image, *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
			// Alt text is not read as part of the article, raw HTML is
			// markup, and footnote numbers are not words.
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// String returns the collected text with runs of whitespace collapsed
// to single spaces and none at either end.
func (t *textBuffer) String() string {
	return collapse(t.unescaped(), -1)
}

// collapse returns s with runs of whitespace collapsed to single spaces
// and none at either end, cut after limit runes (limit < 0: all of it).
// It is strings.Join(strings.Fields(s), " ") in one pass that stops
// early: summaries need only their first few hundred runes.
func collapse(s string, limit int) string {
	var b strings.Builder
	b.Grow(min(len(s), max(limit, 0)*4+8))
	if limit < 0 {
		b.Grow(len(s))
	}
	space, n := false, 0
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if limit >= 0 && n >= limit {
			break
		}
		if space {
			if limit >= 0 && n+1 >= limit {
				// The space itself is the rune past a whole word.
				b.WriteByte(' ')
				break
			}
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// unescaped returns the collected text as it is, whitespace and all.
func (t *textBuffer) unescaped() string {
	if t.w == nil {
		return ""
	}
	_ = t.w.Flush()
	return stdhtml.UnescapeString(t.buf.String())
}

// size is how many bytes were collected so far.
func (t *textBuffer) size() int {
	if t.w == nil {
		return 0
	}
	return t.buf.Len() + t.w.Buffered()
}

// countWords counts space-separated tokens that contain a letter or a
// digit: "G20", "والكاظمي" and "2021" are words, a lone "–" or "،" is not.
// Arabic attaches و, ب, ل and ال to the next word in writing, and readers
// read them as one, so one token is one word for reading time too.
func countWords(s string) int {
	// One pass, no copies: strings.Fields falls back to a slow path on
	// non-ASCII text, and this runs over every article's whole text.
	n := 0
	word := false // inside a token that has a letter or digit
	for _, r := range s {
		switch {
		case isSpace(r):
			word = false
		case !word && isWordRune(r):
			word = true
			n++
		}
	}
	return n
}

// isSpace is unicode.IsSpace with the common cases first: ASCII, and
// the Arabic block, which has no spaces.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	if r >= 0x600 && r <= 0x6FF {
		return false
	}
	return unicode.IsSpace(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// cutAtWord returns s if it has at most max runes, else its longest
// prefix of whole words within max runes (s is whitespace-collapsed). A
// first word longer than max is cut at max runes.
func cutAtWord(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	end := 0
	for i := 0; i < max; i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	if s[end] == ' ' {
		return s[:end]
	}
	if i := strings.LastIndexByte(s[:end], ' '); i > 0 {
		return s[:i]
	}
	return s[:end]
}
