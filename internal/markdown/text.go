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
			prose.add(c, src)
			body.add(c, src)
		default:
			body.add(c, src)
		}
	}
	text := body.String()
	summary := prose.String()
	if summary == "" {
		summary = text
	}
	return countWords(text) + countWords(notes.String()), cutAtWord(summary, PlainTextRunes)
}

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
	if t.w == nil {
		return ""
	}
	_ = t.w.Flush()
	return strings.Join(strings.Fields(stdhtml.UnescapeString(t.buf.String())), " ")
}

// countWords counts space-separated tokens that contain a letter or a
// digit: "G20", "والكاظمي" and "2021" are words, a lone "–" or "،" is not.
// Arabic attaches و, ب, ل and ال to the next word in writing, and readers
// read them as one, so one token is one word for reading time too.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, isWordRune) >= 0 {
			n++
		}
	}
	return n
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
