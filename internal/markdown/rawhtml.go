package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// rawHTMLAsText renders raw HTML as escaped, visible text; it is used
// only when the site does not trust raw HTML. goldmark's default writes
// "<!-- raw HTML omitted -->" instead, which silently loses whatever the
// writer typed (a pasted embed, "<b>عاجل</b>"); shown literally, the
// writer sees it in the preview and nothing in it can execute.
//
// HTML comments are the exception: they are dropped, as a browser would
// hide them. Editors leave notes to each other in comments (who the
// source was, what to check), and publishing those as text would expose
// exactly what the writer meant to keep out of the article.
type rawHTMLAsText struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawHTMLAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

// renderRawHTML writes an inline tag such as <span dir="ltr"> as text in
// the flow of its paragraph.
func renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(src)...)
	}
	html.DefaultWriter.RawWrite(w, stripComments(raw))
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock writes a block of HTML as a preformatted block, as it
// is code the writer typed and its line breaks matter for reading it.
func renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var raw []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		raw = append(raw, seg.Value(src)...)
	}
	if n.HasClosure() {
		raw = append(raw, n.ClosureLine.Value(src)...)
	}
	raw = stripComments(raw)
	if len(bytes.TrimSpace(raw)) == 0 {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<pre class="raw-html"><code>`)
	html.DefaultWriter.RawWrite(w, raw)
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// FirstRawHTML is the first raw HTML of a Markdown document (a tag or a
// block, HTML comments aside), cut short for a message, and the line of
// the document it is on; "" for none: a
// site that does not trust raw HTML shows it to readers as text, and the
// writer is told so once per file at build time. Only a document with a
// "<" is parsed, so most articles cost a byte scan.
func FirstRawHTML(src []byte) (string, int) {
	if bytes.IndexByte(src, '<') < 0 {
		return "", 0
	}
	start := -1
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	var first []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || first != nil {
			return ast.WalkContinue, nil
		}
		var raw []byte
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
				if start < 0 {
					start = seg.Start
				}
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw = append(raw, seg.Value(src)...)
				if start < 0 {
					start = seg.Start
				}
			}
		default:
			return ast.WalkContinue, nil
		}
		if raw = bytes.TrimSpace(stripComments(raw)); len(raw) > 0 {
			first = raw
		} else {
			start = -1
		}
		return ast.WalkSkipChildren, nil
	})
	if first == nil {
		return "", 0
	}
	s, _, _ := strings.Cut(string(first), "\n")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s, 1 + bytes.Count(src[:start], []byte("\n"))
}

var (
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
)

// stripComments removes complete HTML comments (including the short
// forms <!--> and <!--->) from b. An unterminated "<!--" and what follows
// it are kept: that is a typing mistake, and hiding it would make the
// rest of the article vanish.
func stripComments(b []byte) []byte {
	var out []byte
	for {
		i := bytes.Index(b, commentOpen)
		if i < 0 {
			break
		}
		rest := b[i+len(commentOpen):]
		var end int
		switch {
		case bytes.HasPrefix(rest, []byte(">")):
			end = 1
		case bytes.HasPrefix(rest, []byte("->")):
			end = 2
		default:
			j := bytes.Index(rest, commentClose)
			if j < 0 {
				return append(out, b...)
			}
			end = j + len(commentClose)
		}
		out = append(out, b[:i]...)
		b = rest[end:]
	}
	if out == nil {
		return b
	}
	return append(out, b...)
}
