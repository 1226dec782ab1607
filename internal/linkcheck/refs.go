// Package linkcheck finds broken internal links in a built site: every URL
// a page, stylesheet, feed, sitemap or JSON file refers to must name a file
// of the site (and a fragment an element of the page it points into), also
// when the site is served under a sub-path such as
// https://example.github.io/news/.
//
// It reads files only: nothing is fetched, so it is fast enough to run on
// every build in CI and needs no server. Refs is exported on its own so that
// a test serving the site with a real server can fetch the same URLs.
package linkcheck

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Ref is one URL a document refers to.
type Ref struct {
	// URL as written, with HTML entities decoded and the surrounding
	// whitespace browsers ignore trimmed (still percent-encoded, if it was).
	URL string
	// Line is the 1-based line of the tag (or CSS/JSON text) carrying it.
	Line int
	// Tag is the element name ("a", "img", "link"…); "style" for url()s in
	// CSS, "script" for URLs in JSON-LD.
	Tag string
	// Attr is the attribute ("href", "src", "srcset"…); "url()" for CSS,
	// "ld+json" for JSON-LD.
	Attr string
}

// urlAttrs lists, per element, the attributes holding one URL. Taken from
// the HTML standard's list of URL-valued attributes, leaving out those that
// name no resource of the site (itemtype, a's ping).
var urlAttrs = map[string][]string{
	"a":          {"href", "xlink:href"},
	"area":       {"href"},
	"link":       {"href"},
	"base":       {"href"},
	"script":     {"src", "xlink:href"},
	"img":        {"src"},
	"image":      {"href", "xlink:href"}, // SVG
	"use":        {"href", "xlink:href"}, // SVG
	"feimage":    {"href", "xlink:href"}, // SVG, lower-cased by the tokenizer
	"source":     {"src"},
	"track":      {"src"},
	"video":      {"src", "poster"},
	"audio":      {"src"},
	"iframe":     {"src"},
	"embed":      {"src"},
	"object":     {"data"},
	"form":       {"action"},
	"button":     {"formaction"},
	"input":      {"src", "formaction"},
	"blockquote": {"cite"},
	"q":          {"cite"},
	"ins":        {"cite"},
	"del":        {"cite"},
	"html":       {"manifest"},
}

// srcsetAttrs lists the attributes holding a srcset (candidates separated
// by commas, each a URL and an optional width or density descriptor).
var srcsetAttrs = map[string]string{
	"img":    "srcset",
	"source": "srcset",
	"link":   "imagesrcset",
}

// metaURLs are the <meta property|name> whose content is a URL of the page
// or of an image a social network fetches: a broken one shows as a missing
// preview, which nobody notices in a browser.
var metaURLs = map[string]bool{
	"og:url": true, "og:image": true, "og:image:url": true, "og:image:secure_url": true,
	"og:video": true, "og:video:url": true, "og:video:secure_url": true,
	"og:audio": true, "og:audio:url": true, "og:audio:secure_url": true,
	"twitter:image": true, "twitter:image:src": true, "twitter:url": true,
	"msapplication-tileimage": true, "msapplication-config": true,
}

// Refs returns every URL the HTML document read from r refers to, in
// document order, each with its line: a[href], link[href] (stylesheets,
// icons, feeds, canonical), script[src], img[src] and each srcset
// candidate, source, video, audio, iframe, form[action], <base href> (the
// URL the others resolve against, not a link itself), the URL of a
// meta refresh, Open Graph and Twitter image and URL metas, url()s in
// <style> and style attributes, and absolute or root-relative URLs in
// JSON-LD. Links inside <noscript> are included. Empty URLs are left out;
// nothing is filtered by scheme or host (Check does that).
func Refs(r io.Reader) ([]Ref, error) {
	d, err := parseHTML(r, 0)
	return d.refs, err
}

// htmlDoc is what Check needs from a page: its references and the
// fragments it defines.
type htmlDoc struct {
	refs []Ref
	ids  map[string]bool
}

// parseHTML tokenizes an HTML document whose first line is line+1. The
// tokenizer is used rather than the tree builder: it keeps the source
// order and lets lines be counted from the raw bytes of each token.
func parseHTML(r io.Reader, line int) (htmlDoc, error) {
	d := htmlDoc{ids: map[string]bool{}}
	z := html.NewTokenizer(r)
	line++ // the line the next token starts on
	var inStyle, inNoscript, inLDJSON bool
	for {
		tt := z.Next()
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return d, nil
			}
			return d, z.Err()
		case html.TextToken:
			switch {
			case inStyle:
				d.refs = append(d.refs, cssRefs(string(raw), start, "style")...)
			case inLDJSON:
				refs, _ := jsonRefs(raw, start, "script", "ld+json")
				d.refs = append(d.refs, refs...)
			case inNoscript:
				// The tokenizer reads <noscript> as raw text (a browser
				// with scripting would), yet crawlers and readers without
				// scripts follow its links: parse it as HTML.
				inner, err := parseHTML(bytes.NewReader(raw), start-1)
				if err != nil {
					return d, err
				}
				d.refs = append(d.refs, inner.refs...)
				for id := range inner.ids {
					d.ids[id] = true
				}
			}
		case html.EndTagToken:
			inStyle, inNoscript, inLDJSON = false, false, false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			d.tag(tok, start)
			if tt == html.StartTagToken {
				switch tok.Data {
				case "style":
					inStyle = true
				case "noscript":
					inNoscript = true
				case "script":
					inLDJSON = strings.EqualFold(strings.TrimSpace(attr(tok, "type")), "application/ld+json")
				}
			}
		}
	}
}

// tag records the references and fragment targets of one start tag.
func (d *htmlDoc) tag(tok html.Token, line int) {
	add := func(u, a string) {
		if u = strings.TrimSpace(u); u != "" {
			d.refs = append(d.refs, Ref{URL: u, Line: line, Tag: tok.Data, Attr: a})
		}
	}
	for _, a := range tok.Attr {
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + a.Key
		}
		switch {
		case key == "id" && a.Val != "":
			d.ids[a.Val] = true
		case key == "name" && tok.Data == "a" && a.Val != "":
			// <a name> is the old way of making a fragment target; the
			// HTML standard still scrolls to it.
			d.ids[a.Val] = true
		case key == "style":
			d.refs = append(d.refs, cssRefs(a.Val, line, tok.Data)...)
		case srcsetAttrs[tok.Data] == key:
			for _, u := range srcset(a.Val) {
				add(u, key)
			}
		default:
			for _, want := range urlAttrs[tok.Data] {
				if key == want {
					add(a.Val, key)
				}
			}
		}
	}
	if tok.Data == "meta" {
		prop := strings.ToLower(strings.TrimSpace(attr(tok, "property")))
		if prop == "" {
			prop = strings.ToLower(strings.TrimSpace(attr(tok, "name")))
		}
		if metaURLs[prop] {
			add(attr(tok, "content"), "content")
		}
		if strings.EqualFold(strings.TrimSpace(attr(tok, "http-equiv")), "refresh") {
			if u, ok := refreshURL(attr(tok, "content")); ok {
				add(u, "content")
			}
		}
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// srcset splits a srcset attribute into its URLs, following the HTML
// standard's parsing rules: a URL runs to the next whitespace, and a comma
// that ends it (with no descriptor) separates candidates, so URLs with
// commas inside them survive.
func srcset(s string) []string {
	var urls []string
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 0
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == ',') {
			i++
		}
		if i == len(s) {
			break
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		u := s[i:j]
		i = j
		if strings.HasSuffix(u, ",") {
			// No descriptors: the candidate ends here.
			urls = append(urls, strings.TrimRight(u, ","))
			continue
		}
		urls = append(urls, u)
		// Skip the descriptors up to the comma that ends the candidate,
		// minding parentheses as the standard does.
		paren := false
		for i < len(s) {
			c := s[i]
			if c == '(' {
				paren = true
			} else if c == ')' {
				paren = false
			} else if c == ',' && !paren {
				i++
				break
			}
			i++
		}
	}
	return urls
}

// refreshURL returns the URL of a meta refresh content such as
// `0; url=/x/` (also `0;URL='/x/'` and `0 /x/`), as the HTML standard
// parses it.
func refreshURL(content string) (string, bool) {
	s := strings.TrimLeft(content, " \t\n\r\f")
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		return "", false
	}
	s = strings.TrimLeft(s[i:], " \t\n\r\f")
	if s == "" {
		return "", false // a plain reload of the same page
	}
	if s[0] == ';' || s[0] == ',' {
		s = strings.TrimLeft(s[1:], " \t\n\r\f")
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		rest := strings.TrimLeft(s[3:], " \t\n\r\f")
		if strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\r\f")
		}
	}
	if s != "" && (s[0] == '\'' || s[0] == '"') {
		q := s[0]
		s = s[1:]
		if k := strings.IndexByte(s, q); k >= 0 {
			s = s[:k]
		}
	}
	s = strings.TrimSpace(s)
	return s, s != ""
}

// cssURL matches url(…) (quoted or not) and @import "…" in CSS.
var cssURL = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// cssRefs returns the url()s and @imports of CSS text starting on line.
// Fragment-only url(#id) (SVG paint servers, filters) is left out: it names
// an element of the document using the CSS, not a file.
func cssRefs(css string, line int, tag string) []Ref {
	var refs []Ref
	last, l := 0, line
	for _, m := range cssURL.FindAllStringSubmatchIndex(css, -1) {
		l += strings.Count(css[last:m[0]], "\n")
		last = m[0]
		var u string
		for g := 1; g <= 5; g++ {
			if m[2*g] >= 0 {
				u = css[m[2*g]:m[2*g+1]]
				break
			}
		}
		u = strings.TrimSpace(u)
		if u == "" || strings.HasPrefix(u, "#") {
			continue
		}
		refs = append(refs, Ref{URL: u, Line: l, Tag: tag, Attr: "url()"})
	}
	return refs
}

// jsonURLKeys are the JSON keys whose string value is a URL whatever its
// form (relative too): JSON Feed 1.1 and web app manifest fields.
var jsonURLKeys = map[string]bool{
	"url": true, "external_url": true, "home_page_url": true, "feed_url": true,
	"next_url": true, "icon": true, "favicon": true, "image": true,
	"banner_image": true, "avatar": true, "src": true, "start_url": true, "scope": true,
}

// jsonRefs returns the URLs in a JSON document starting on line: values of
// jsonURLKeys, every other string that is an absolute http(s) URL or a
// root-relative path (no spaces) such as the search index's article URLs,
// and the links inside content_html (JSON Feed), resolved against their
// item's url as a feed reader does. It returns the document's parse error,
// if any, with the references read before it.
func jsonRefs(data []byte, line int, tag, attrName string) ([]Ref, error) {
	refs, err := jsonDocRefs(data, line, tag, attrName)
	out := make([]Ref, len(refs))
	for i, r := range refs {
		out[i] = r.Ref
	}
	return out, err
}

// baseRef is a Ref that resolves against base (an absolute or
// document-relative URL) instead of the document's own URL.
type baseRef struct {
	Ref
	base    string
	mustAbs bool // a feed's, sitemap's or robots.txt's URL, which must be absolute
}

func jsonDocRefs(data []byte, line int, tag, attrName string) ([]baseRef, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func(off int64) int {
		return line + bytes.Count(data[:min(int(off), len(data))], []byte{'\n'})
	}
	type frame struct {
		object  bool
		key     string // the key whose value comes next (objects)
		wantKey bool
		url     string
		pending []baseRef // content_html refs waiting for the item's url
	}
	var stack []*frame
	var refs []baseRef
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF && len(stack) > 0 {
			err = io.ErrUnexpectedEOF // Token does not check the nesting
		}
		if err == io.EOF {
			return refs, nil
		}
		if err != nil {
			return refs, err
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		// The token's own line: InputOffset before Token may sit before
		// the separator and whitespace, which rarely span lines.
		l := lineAt(off)
		key := ""
		isKey := false
		if top != nil && top.object {
			if top.wantKey {
				isKey = true
			} else {
				key = top.key
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if top != nil && top.object {
					top.wantKey = true
				}
				stack = append(stack, &frame{object: t == '{', wantKey: t == '{'})
			case '}', ']':
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, p := range f.pending {
					p.base = f.url
					refs = append(refs, p)
				}
			}
		case string:
			if isKey {
				top.key, top.wantKey = t, false
				continue
			}
			if top != nil && top.object {
				top.wantKey = true
			}
			switch {
			case key == "content_html":
				doc, _ := parseHTML(strings.NewReader(t), l-1)
				for _, r := range doc.refs {
					top.pending = append(top.pending, baseRef{Ref: r})
				}
			case jsonURLKeys[key] && strings.TrimSpace(t) != "":
				if key == "url" {
					top.url = t
				}
				refs = append(refs, baseRef{Ref: Ref{URL: strings.TrimSpace(t), Line: l, Tag: tag, Attr: attrName}})
			case looksLikeURL(t):
				refs = append(refs, baseRef{Ref: Ref{URL: t, Line: l, Tag: tag, Attr: attrName}})
			}
		default:
			if top != nil && top.object {
				top.wantKey = true
			}
		}
	}
}

// looksLikeURL says whether a JSON string is surely a URL: an absolute
// http(s) URL, or a root-relative path, with no whitespace (so that a
// headline or an excerpt is never taken for one).
func looksLikeURL(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	if strings.HasPrefix(s, "/") {
		return len(s) > 1 && !strings.HasPrefix(s, "//")
	}
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
