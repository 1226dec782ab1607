package linkcheck

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
)

// xmlRefs returns the URLs of a feed (RSS 2.0, Atom) or a sitemap (also a
// sitemap index, news and image sitemaps): <loc>, RSS <link>, <guid> and
// <image><url>, Atom <link href> and <id>, enclosure and media url
// attributes, all of which must be absolute; and the links inside the
// HTML of RSS <description> and <content:encoded> and Atom html
// <content> and <summary>, resolved against their item's link as a feed
// reader does. On a parse error it also returns the error's line.
func xmlRefs(data []byte) ([]baseRef, int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	type capture struct {
		html bool // parse the text as HTML
		line int
		text strings.Builder
		abs  bool // a guid or an id: a URL only if it is an absolute one
	}
	type item struct {
		url     string
		pending []baseRef
	}
	var (
		refs    []baseRef
		stack   []string // local names of the open elements
		cap     *capture
		items   []*item
		lastURL string // the URL of the last ref, for an item's link
	)
	add := func(u string, line int, tag, attr string) {
		if u = strings.TrimSpace(u); u != "" {
			refs = append(refs, baseRef{Ref: Ref{URL: u, Line: line, Tag: tag, Attr: attr}, mustAbs: true})
			lastURL = u
		}
	}
	for {
		tok, err := dec.Token()
		line, _ := dec.InputPos()
		if err == io.EOF {
			return refs, line, nil
		}
		if err != nil {
			return refs, line, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, t.Name.Local)
			name, space := t.Name.Local, t.Name.Space
			get := func(key string) (string, bool) {
				for _, a := range t.Attr {
					if a.Name.Local == key && a.Name.Space == "" {
						return a.Value, true
					}
				}
				return "", false
			}
			if (name == "item" && space == "") || (name == "entry" && space == nsAtom) {
				items = append(items, &item{})
			}
			href, hasHref := get("href")
			switch {
			case name == "link" && hasHref:
				add(href, line, name, "href")
				rel, _ := get("rel")
				if len(items) > 0 && (rel == "" || rel == "alternate") && items[len(items)-1].url == "" {
					items[len(items)-1].url = strings.TrimSpace(href)
				}
			case name == "enclosure" || name == "source" || name == "thumbnail" || name == "player" ||
				(name == "content" && space != nsAtom):
				if u, ok := get("url"); ok {
					add(u, line, name, "url")
				}
			case name == "content" && space == nsAtom:
				if u, ok := get("src"); ok {
					add(u, line, name, "src")
				} else if typ, _ := get("type"); typ == "html" {
					cap = &capture{html: true, line: line}
				}
			case name == "summary" && space == nsAtom:
				if typ, _ := get("type"); typ == "html" {
					cap = &capture{html: true, line: line}
				}
			case name == "encoded" && space == nsContent, name == "description" && space == "":
				cap = &capture{html: true, line: line}
			case name == "loc" || name == "comments" || name == "icon" || name == "logo" ||
				(name == "link" && space == "") || (name == "url" && parent == "image"):
				cap = &capture{line: line}
			case name == "guid":
				if p, _ := get("isPermaLink"); p != "false" {
					cap = &capture{line: line, abs: true}
				}
			case name == "id" && space == nsAtom:
				cap = &capture{line: line, abs: true}
			}
		case xml.CharData:
			if cap != nil {
				cap.text.Write(t)
			}
		case xml.EndElement:
			name := t.Name.Local
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if cap != nil {
				c := cap
				cap = nil
				text := strings.TrimSpace(c.text.String())
				switch {
				case c.html:
					h, _ := parseHTML(strings.NewReader(text), c.line-1)
					for _, r := range h.refs {
						if len(items) > 0 {
							it := items[len(items)-1]
							it.pending = append(it.pending, baseRef{Ref: r})
						} else {
							refs = append(refs, baseRef{Ref: r})
						}
					}
				case c.abs && !strings.HasPrefix(text, "http://") && !strings.HasPrefix(text, "https://"):
					// A guid or id that is no URL (tag:, urn:, a number).
				default:
					add(text, c.line, name, "")
					if len(items) > 0 && name == "link" && items[len(items)-1].url == "" {
						items[len(items)-1].url = lastURL
					}
				}
			}
			if (name == "item" && t.Name.Space == "") || (name == "entry" && t.Name.Space == nsAtom) {
				if len(items) > 0 {
					it := items[len(items)-1]
					items = items[:len(items)-1]
					for _, p := range it.pending {
						p.base = it.url
						refs = append(refs, p)
					}
				}
			}
		}
	}
}
