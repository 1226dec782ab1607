package wordpress

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Body is a post's HTML as Markdown, with what it needs and what could
// not be carried over.
type Body struct {
	Markdown string
	// Images are the body's pictures by their address in the export, each
	// once, in order: the caller decides where each one goes (Place).
	Images []string
	// Unconverted says, for each thing kept as text or code because
	// sahifa has no Markdown for it, what it was ("<form>", "[gallery]").
	Unconverted []string
}

// ImagePlacer rewrites a picture's address in the export to the one the
// Markdown should use: a file name beside the article when it was copied,
// the address itself when not.
type ImagePlacer func(src string) string

// Convert turns a post's HTML, as WordPress stores it, into Markdown:
// the classic editor's paragraphs (blank lines), [caption] and <figure>
// pictures with their captions, YouTube and X embeds as sahifa's
// shortcodes, Gutenberg's block comments dropped. Anything else without a
// Markdown form is kept visible, as a code block of its HTML, and named
// in Unconverted.
func Convert(src string, place ImagePlacer) (Body, error) {
	var b Body
	src = captions.ReplaceAllStringFunc(src, captionFigure)
	src = embedShortcode.ReplaceAllString(src, "\n\n$1\n\n")
	if !strings.Contains(src, "<!-- wp:") {
		src = autop(src)
	}
	for _, m := range shortcodes.FindAllStringSubmatch(src, -1) {
		b.Unconverted = append(b.Unconverted, "["+m[1]+"]")
	}
	doc, err := html.Parse(strings.NewReader("<body>" + src))
	if err != nil {
		return b, err
	}
	body := find(doc, atom.Body)
	t := transform{place: place, seen: map[string]bool{}}
	t.walk(body)
	b.Images, b.Unconverted = t.images, append(b.Unconverted, t.unconverted...)
	md, err := markdownConverter().ConvertNode(body)
	if err != nil {
		return b, err
	}
	out := string(md)
	for i, sc := range t.shortcodes {
		out = strings.Replace(out, placeholder(i), sc, 1)
	}
	b.Markdown = strings.TrimSpace(out)
	return b, nil
}

// markdownConverter is html-to-markdown with CommonMark, GitHub's
// strikethrough and tables, the Markdown sahifa reads.
func markdownConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(),
	))
}

var (
	// captions is the classic editor's [caption …]<img …> text[/caption].
	captions = regexp.MustCompile(`(?s)\[caption([^\]]*)\](.*?)\[/caption\]`)
	// captionAttr is the older [caption caption="text"] form.
	captionAttr = regexp.MustCompile(`caption="([^"]*)"`)
	// captionImage is the picture at the start of a caption's text, maybe
	// inside a link.
	captionImage = regexp.MustCompile(`(?s)^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$`)
	// embedShortcode is [embed]URL[/embed]: the URL alone on its line,
	// as WordPress's oEmbed reads it.
	embedShortcode = regexp.MustCompile(`\[embed[^\]]*\]\s*(\S+?)\s*\[/embed\]`)
	// shortcodes are the other WordPress shortcodes left in the text:
	// [gallery ids="1,2"] needs a plugin's code, which a static site lacks.
	shortcodes = regexp.MustCompile(`\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]`)
)

// captionFigure is one [caption] as a <figure>.
func captionFigure(s string) string {
	m := captions.FindStringSubmatch(s)
	attrs, inner := m[1], m[2]
	img := captionImage.FindStringSubmatch(inner)
	if img == nil {
		return inner
	}
	text := strings.TrimSpace(img[2])
	if a := captionAttr.FindStringSubmatch(attrs); a != nil && text == "" {
		text = a[1]
	}
	return "\n\n<figure>" + img[1] + "<figcaption>" + text + "</figcaption></figure>\n\n"
}

// autop is WordPress's wpautop, for the classic editor's posts, which
// have no <p>: a blank line ends a paragraph, a line break is a <br>.
// Text already in a block element is left as it is.
func autop(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	for _, chunk := range blankLines.Split(s, -1) {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" {
			continue
		}
		if blockStart.MatchString(chunk) {
			b.WriteString(chunk)
		} else {
			b.WriteString("<p>" + strings.ReplaceAll(chunk, "\n", "<br>\n") + "</p>")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

var (
	blankLines = regexp.MustCompile(`\n[ \t]*\n`)
	blockStart = regexp.MustCompile(`(?i)^<(p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|iframe|script|form|object|embed|video|audio|dl|section|address)\b`)
)

// transform rewrites the parsed body before conversion.
type transform struct {
	place       ImagePlacer
	images      []string
	seen        map[string]bool
	shortcodes  []string
	unconverted []string
}

// placeholder stands for the i-th shortcode in the converter's input: a
// word the converter leaves alone, replaced by the shortcode after it.
func placeholder(i int) string { return "SAHIFASHORTCODE" + strconv.Itoa(i) + "X" }

// embed puts the shortcode sc in place of n, as a paragraph of its own.
func (t *transform) embed(n *html.Node, sc string) {
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: placeholder(len(t.shortcodes))})
	t.shortcodes = append(t.shortcodes, sc)
	n.Parent.InsertBefore(p, n)
	n.Parent.RemoveChild(n)
}

// walk rewrites n's children: pictures, embeds, and what has no Markdown.
func (t *transform) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		t.node(c)
		c = next
	}
}

func (t *transform) node(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.Img:
		if src := attr(n, "src"); src != "" {
			setAttr(n, "src", t.image(src))
		}
		return
	case atom.A:
		// A picture linked to its own full size: the link follows it.
		if href := attr(n, "href"); isUpload(href) && find(n, atom.Img) != nil {
			setAttr(n, "href", t.image(href))
		}
	case atom.Figure:
		if sc := embedOf(n); sc != "" {
			t.embed(n, sc)
			return
		}
		if t.figure(n) {
			return
		}
	case atom.P:
		// A URL alone in its paragraph is an oEmbed.
		if sc := embedURL(strings.TrimSpace(textOf(n))); sc != "" && find(n, atom.Img) == nil {
			t.embed(n, sc)
			return
		}
	case atom.Blockquote:
		if hasClass(n, "twitter-tweet") || hasClass(n, "instagram-media") {
			if sc := tweetOf(n); sc != "" {
				t.embed(n, sc)
				return
			}
		}
	case atom.Iframe:
		if sc := embedURL(attr(n, "src")); sc != "" {
			t.embed(n, sc)
			return
		}
		t.keepAsCode(n)
		return
	case atom.Script:
		// widgets.js and its kind come with embeds, which are links now.
		if attr(n, "src") != "" && embedScript.MatchString(attr(n, "src")) {
			n.Parent.RemoveChild(n)
			return
		}
		t.keepAsCode(n)
		return
	case atom.Form, atom.Object, atom.Embed, atom.Input, atom.Textarea, atom.Select, atom.Button, atom.Video, atom.Audio, atom.Style:
		t.keepAsCode(n)
		return
	}
	t.walk(n)
}

var embedScript = regexp.MustCompile(`(platform\.twitter\.com|instagram\.com)/.*\.js`)

// keepAsCode shows n's HTML as a code block, so nothing the writer put
// in the post silently disappears, and notes it.
func (t *transform) keepAsCode(n *html.Node) {
	var buf bytes.Buffer
	html.Render(&buf, n)
	t.unconverted = append(t.unconverted, "<"+n.Data+">")
	pre := &html.Node{Type: html.ElementNode, Data: "pre", DataAtom: atom.Pre}
	code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
	code.AppendChild(&html.Node{Type: html.TextNode, Data: buf.String()})
	pre.AppendChild(code)
	n.Parent.InsertBefore(pre, n)
	n.Parent.RemoveChild(n)
}

// figure writes a picture with a caption as sahifa's figure shortcode,
// and reports whether n was one.
func (t *transform) figure(n *html.Node) bool {
	img := find(n, atom.Img)
	if img == nil {
		return false
	}
	src := t.image(attr(img, "src"))
	caption := ""
	if fc := find(n, atom.Figcaption); fc != nil {
		caption = strings.Join(strings.Fields(textOf(fc)), " ")
	}
	sc := `{{< figure src=` + quote(src)
	if alt := attr(img, "alt"); alt != "" {
		sc += ` alt=` + quote(alt)
	}
	if caption != "" {
		sc += ` caption=` + quote(caption)
	}
	t.embed(n, sc+` >}}`)
	return true
}

// image records a body picture and returns its new address.
func (t *transform) image(src string) string {
	if !t.seen[src] {
		t.seen[src] = true
		t.images = append(t.images, src)
	}
	if t.place == nil {
		return src
	}
	return t.place(src)
}

// quote is a shortcode param's value: in double quotes, with \" and \\.
func quote(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// embedOf is the shortcode for a Gutenberg embed block's <figure>, which
// holds its URL as text; "" when it is not one sahifa knows.
func embedOf(n *html.Node) string {
	if !hasClass(n, "wp-block-embed") {
		return ""
	}
	return embedURL(strings.TrimSpace(textOf(n)))
}

var (
	youtubeURL = regexp.MustCompile(`^(?:https?:)?//(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)([A-Za-z0-9_-]{6,})`)
	postURL    = regexp.MustCompile(`^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]+)/status(?:es)?/([0-9]+)`)
)

// embedURL is the shortcode for a YouTube or X address, "" for others.
func embedURL(u string) string {
	u = strings.ReplaceAll(u, "&amp;", "&")
	if m := youtubeURL.FindStringSubmatch(u); m != nil {
		return `{{< youtube ` + m[1] + ` >}}`
	}
	if m := postURL.FindStringSubmatch(u); m != nil {
		return fmt.Sprintf(`{{< x user=%q id=%q >}}`, m[1], m[2])
	}
	return ""
}

// tweetOf is the shortcode for an embedded post's blockquote: its last
// link to the post itself.
func tweetOf(n *html.Node) string {
	sc := ""
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if s := embedURL(attr(n, "href")); s != "" {
				sc = s
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return sc
}

// isUpload reports whether u is a file of WordPress's uploads folder.
func isUpload(u string) bool { return strings.Contains(u, "/wp-content/uploads/") }

// UploadPath is u's path under wp-content/uploads ("2021/02/x.jpg"),
// decoded; "" when u is not an upload.
func UploadPath(u string) string {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	_, rel, ok := strings.Cut(parsed.Path, "/wp-content/uploads/")
	if !ok || rel == "" || strings.Contains("/"+rel+"/", "/../") {
		return ""
	}
	return rel
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}
