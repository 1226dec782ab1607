package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"
)

// Namespaces declared on <rss>. RSS 2.0 has no namespace of its own; the
// prefixes are the ones every reader knows.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
)

// The element names below carry their prefix literally ("atom:link"):
// encoding/xml would otherwise declare a fresh default namespace on each
// element, which is valid but not what readers and validators expect.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	NSAtom    string     `xml:"xmlns:atom,attr"`
	NSContent string     `xml:"xmlns:content,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	AtomLink      rssSelf   `xml:"atom:link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	Generator     string    `xml:"generator,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Items         []rssItem `xml:"item"`
}

// rssSelf is the atom:link rel="self" that the RSS Advisory Board's
// profile (and the W3C feed validator) asks for, so a reader that found
// the feed through a redirect or a mirror knows its canonical address.
type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Description string   `xml:"description"`
	Content     *cdata   `xml:"content:encoded,omitempty"`
	Categories  []string `xml:"category"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// RSS renders c as an RSS 2.0 document with the atom and content
// namespaces declared. Dates are RFC 1123 with a numeric zone
// (time.RFC1123Z), because named zones such as "AST" are ambiguous and
// many parsers reject them. lastBuildDate is the newest item's
// modification time, omitted when there are no items.
//
// An item's description is its Summary escaped as HTML: readers render
// RSS descriptions as HTML, so a plain-text "<" or "&" in a lede must
// reach them as "&lt;" and "&amp;" (and the XML layer escapes once more).
// The full body goes in content:encoded as CDATA.
func RSS(c Channel) ([]byte, error) {
	doc := rssDoc{
		Version:   "2.0",
		NSAtom:    nsAtom,
		NSContent: nsContent,
		Channel: rssChannel{
			Title:       c.Title,
			Link:        c.Link,
			AtomLink:    rssSelf{Href: c.SelfURL, Rel: "self", Type: "application/rss+xml"},
			Description: c.Description,
			Language:    c.Language,
			Generator:   c.Generator,
		},
	}
	if t := newest(c.Items); !t.IsZero() {
		doc.Channel.LastBuildDate = t.Format(time.RFC1123Z)
	}
	for _, it := range c.Items {
		ri := rssItem{
			Title:       it.Title,
			Link:        it.URL,
			GUID:        rssGUID{IsPermaLink: "true", Value: it.URL},
			Description: escapeHTML(it.Summary),
			Content:     newCDATA(it.ContentHTML),
			Categories:  it.Categories,
		}
		if !it.Published.IsZero() {
			ri.PubDate = it.Published.Format(time.RFC1123Z)
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	return marshalXML(doc)
}

// htmlEscaper escapes only what HTML needs in text. html.EscapeString
// also escapes quotes, which would litter Arabic ledes with &#34;.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// marshalXML writes the declaration, the indented document and a final
// newline. Indentation only adds whitespace between elements, never
// inside text, so it changes no value while keeping the feed readable.
func marshalXML(doc any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xmlHeader)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
