// Package markdown turns an article's Markdown into HTML with goldmark,
// configured for Arabic news: heading IDs that keep Arabic letters, no
// English typographic quotes, raw HTML shown rather than dropped when the
// site does not trust it, and the text facts (headings, word count,
// summary text) that templates need.
package markdown

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/sahifa/sahifa/internal/htmltext"
)

// Option configures a Renderer.
type Option func(*config)

type config struct {
	unsafe     bool
	basePath   string
	shortcodes map[string]*template.Template
	resolveRef RefResolver
}

// WithBasePath makes site-relative links and images in the Markdown
// ("/2021/02/24/خبر/", "/images/x.jpg") point under the site's base path
// ("/news/"), so articles keep working on a host that serves the site
// from a sub-path, such as a GitHub Pages project site.
func WithBasePath(p string) Option {
	return func(c *config) { c.basePath = p }
}

// WithUnsafe sets whether raw HTML in the Markdown is written into the
// page as HTML (the site's markup.unsafe setting). When off, the default,
// raw HTML is shown as literal text and links with script URLs are
// neutralised, so an article cannot run script on the site.
func WithUnsafe(on bool) Option {
	return func(c *config) { c.unsafe = on }
}

// Renderer converts Markdown to HTML. A Renderer is safe for concurrent
// use by multiple goroutines: it holds only the goldmark configuration,
// and all per-document state (heading IDs, footnotes) lives in the
// parser context created by each Render call.
type Renderer struct {
	md goldmark.Markdown
	config
}

// Heading is one heading of a rendered document, in document order, for
// tables of contents.
type Heading struct {
	Level int    // 1 to 6
	ID    string // the id attribute written on the heading
	Text  string // the heading's text, without markup
}

// Result is a rendered document.
type Result struct {
	HTML     []byte
	Headings []Heading
	// Words counts the words of the text (Arabic, Latin or other),
	// for reading time.
	Words int
	// PlainText is the start of the document's text without markup,
	// whitespace collapsed, at most PlainTextRunes runes cut at a word
	// boundary, for summaries and meta descriptions. When the writer ends
	// the summary with Hugo's divider <!--more-->, it is the text before
	// it, up to ChosenSummaryRunes.
	PlainText string
	// OwnHTML is HTML without what shortcodes wrote, for text that must
	// depend on the document alone (the search index); it is HTML when the
	// document has no shortcode.
	OwnHTML []byte
	// Refs are the pages the document's ref and relref shortcodes name,
	// as written: its HTML changes when their addresses do.
	Refs []string
}

// ChosenSummaryRunes is the longest summary a writer's <!--more-->
// divider makes: the writer chose where it ends, so it is not cut at
// PlainTextRunes, but a divider forgotten at the end of a long article
// does not make every list carry the whole article.
const ChosenSummaryRunes = 1200

// moreDivider ends the summary, as in Hugo.
var moreDivider = []byte("<!--more-->")

// PlainTextRunes is the longest Result.PlainText, in runes.
const PlainTextRunes = 300

// Linkify's default patterns accept only ASCII after the host, so a bare
// link to an Arabic article (https://ar.wikipedia.org/wiki/العراق) would
// stop at "/wiki/". These are goldmark's patterns with letters, marks and
// digits of any script allowed in the path; Arabic punctuation (، ؛ ؟) is
// not a letter, so it still ends the link as a full stop does.
var (
	linkifyURL = regexp.MustCompile(`^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `\p{L}\p{M}\p{N}]*)?`)
	linkifyWWW = regexp.MustCompile(`^www\.[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_\+.~#!?&/=\(\);,'">\^{}\[\]` + "`" + `\p{L}\p{M}\p{N}]*)?`)
)

// New returns a Renderer for CommonMark with GFM tables, strikethrough,
// autolinks (linkify) and footnotes. The typographer is deliberately not
// enabled: it turns "straight" quotes into English curly quotes, which
// are wrong in Arabic text (Arabic uses «» or keeps straight quotes).
func New(opts ...Option) *Renderer {
	var c config
	for _, o := range opts {
		o(&c)
	}
	htmlOpts := []renderer.Option{}
	if c.unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	} else {
		// Takes precedence over goldmark's own raw-HTML renderers
		// (priority 1000), which would replace the writer's text with
		// "<!-- raw HTML omitted -->".
		htmlOpts = append(htmlOpts, renderer.WithNodeRenderers(util.Prioritized(rawHTMLAsText{}, 100)))
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.NewLinkify(
				extension.WithLinkifyURLRegexp(linkifyURL),
				extension.WithLinkifyWWWRegexp(linkifyWWW),
			),
			extension.Footnote,
		),
		// Heading IDs come from our transformer, not parser.WithAutoHeadingID:
		// goldmark generates those from the raw source line, so a link
		// in a heading would put its URL into the id.
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(headingIDTransformer{}, 100),
			util.Prioritized(basePathTransformer{base: strings.TrimSuffix(c.basePath, "/")}, 200),
			util.Prioritized(bundleTransformer{}, 50),
		)),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	return &Renderer{md: md, config: c}
}

// Render converts one Markdown document. The returned HTML is a fragment
// (no <html> or <body>); its headings carry ids unique within it. A
// document past the limits in limits.go gives a *LimitError.
func (r *Renderer) Render(src []byte) (Result, error) { return r.RenderPage(src, Page{}) }

// RenderPage is Render for the document of page, whose params and title
// its shortcodes may show. A shortcode that cannot be written gives a
// *ShortcodeError. Shortcodes' output is left out of the Result's text
// facts (summary, words, headings), which so depend on the document
// alone.
func (r *Renderer) RenderPage(original []byte, page Page) (Result, error) {
	if err := checkLimits(original); err != nil {
		return Result{}, err
	}
	sc, err := r.expandShortcodes(original, page)
	if err != nil {
		return Result{}, err
	}
	src := sc.src
	// A fresh context per document: heading ids are de-duplicated
	// within this document only, and no state is shared between
	// concurrent renders.
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	if page.Bundle != nil {
		pc.Set(bundleKey, page.Bundle)
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, err
	}
	words, plain := summarize(doc, src)
	if i := bytes.Index(src, moreDivider); i >= 0 {
		// The summary is the text before the divider, parsed alone so
		// that it is what a reader sees there (links, emphasis and
		// all), as Hugo's is.
		before := r.md.Parser().Parse(text.NewReader(src[:i]), parser.WithContext(parser.NewContext(parser.WithIDs(newHeadingIDs()))))
		var t textBuffer
		t.add(before, src[:i])
		plain = cutAtWord(collapse(t.unescaped(), ChosenSummaryRunes+1), ChosenSummaryRunes)
	}
	hs := headings(doc, src)
	for i := range hs {
		hs[i].Text, _, _ = htmltext.CleanString(sc.stripText(hs[i].Text))
	}
	plain, _, _ = htmltext.CleanString(sc.stripText(plain))
	// Character references such as &#1; decode to characters HTML
	// forbids, whatever the source held (the source itself was cleaned
	// when it was read, with a warning).
	out, _, _ := htmltext.Clean(sc.fill(buf.Bytes()))
	own := out
	if len(sc.html) > 0 {
		own, _, _ = htmltext.Clean([]byte(sc.strip(buf.String())))
	}
	return Result{
		HTML:      out,
		Headings:  hs,
		Words:     words,
		PlainText: plain,
		OwnHTML:   own,
		Refs:      sc.refs,
	}, nil
}
