package feed

import (
	"encoding/xml"
	"time"
)

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Generator string      `xml:"generator,omitempty"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Author     atomPerson     `xml:"author"`
	Summary    string         `xml:"summary,omitempty"`
	Content    *atomContent   `xml:"content,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

// atomContent is type="html" with the markup in a CDATA section: the
// same text as escaped markup to any XML parser, but readable and
// smaller, since attribute quotes are not turned into &#34;.
type atomContent struct {
	Type string `xml:"type,attr"`
	Text string `xml:",cdata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// epoch stands in for <updated> when nothing is dated (an empty channel):
// Atom requires the element, and the clock would break reproducibility.
var epoch = time.Unix(0, 0).UTC()

// Atom renders c as an Atom 1.0 feed. The feed id is c.Link (a stable,
// absolute IRI, as Atom requires) and each entry's id is its URL. The
// feed's <updated> is the newest item's modification time; an entry's is
// its own, falling back to the feed's when it has no date at all, because
// Atom makes <updated> mandatory.
//
// Atom also requires an author on every entry (or on the feed); entries
// without one are credited to the channel title: an unsigned news brief
// is the publication's own.
func Atom(c Channel) ([]byte, error) {
	updated := newest(c.Items)
	if updated.IsZero() {
		updated = epoch
	}
	doc := atomFeed{
		Lang:     c.Language,
		ID:       c.Link,
		Title:    c.Title,
		Subtitle: c.Description,
		Updated:  rfc3339(updated),
		Links: []atomLink{
			{Href: c.SelfURL, Rel: "self", Type: "application/atom+xml"},
			{Href: c.Link, Rel: "alternate", Type: "text/html"},
		},
		Generator: c.Generator,
	}
	for _, it := range c.Items {
		mod := it.modified()
		if mod.IsZero() {
			mod = updated
		}
		author := it.Author
		if author == "" {
			author = c.Title
		}
		e := atomEntry{
			ID:        it.URL,
			Title:     it.Title,
			Link:      atomLink{Href: it.URL, Rel: "alternate", Type: "text/html"},
			Published: rfc3339(it.Published),
			Updated:   rfc3339(mod),
			Author:    atomPerson{Name: author},
			Summary:   it.Summary,
		}
		if it.ContentHTML != "" {
			e.Content = &atomContent{Type: "html", Text: validXML(it.ContentHTML)}
		}
		for _, cat := range it.Categories {
			e.Categories = append(e.Categories, atomCategory{Term: cat})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return marshalXML(doc)
}
