// Package feed turns a channel of articles into syndication documents:
// RSS 2.0, Atom 1.0 and JSON Feed 1.1.
//
// It is pure: no clock, no file system, no global state. The same Channel
// always yields the same bytes, so a rebuild of an unchanged site leaves
// its feeds byte-identical (and the output layer does not rewrite them).
// Every time is written in its own zone offset, as the caller gave it,
// because a newsroom's readers expect the local time of publication.
package feed

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Item is one article in a feed.
type Item struct {
	Title       string
	URL         string // absolute, already percent-encoded (Arabic paths arrive as %D8%..)
	Summary     string // the lede, plain text
	ContentHTML string // the full article body HTML
	Published   time.Time
	Updated     time.Time // zero when never updated
	Categories  []string  // tag names (Arabic)
	Author      string    // may be ""
}

// Channel is one feed: the site's home or a term page, and its items.
type Channel struct {
	Title, Description string
	Link               string // absolute URL of the HTML page this feed belongs to (site home or term page)
	SelfURL            string // absolute URL of the feed itself
	Language           string // "ar"
	Items              []Item // newest first; the caller already applied the limit
	Generator          string // "sahifa"
}

// xmlHeader is written before every XML feed. encoding/xml's own
// xml.Header spells the encoding in capitals; the product's acceptance
// criteria spell it "utf-8" (both are the same to any parser).
const xmlHeader = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

// modified is when an item last changed: Updated when set and not before
// Published, else Published. An Updated before Published is a data slip
// (a copied front matter) and must not make the item look older.
func (it Item) modified() time.Time {
	if it.Updated.After(it.Published) {
		return it.Updated
	}
	return it.Published
}

// newest is the latest modification time among the items, or the zero
// time when there are none. It stands in for "now" in lastBuildDate and
// <updated>, because reading the clock would make every build differ.
func newest(items []Item) time.Time {
	var t time.Time
	for _, it := range items {
		if m := it.modified(); m.After(t) {
			t = m
		}
	}
	return t
}

// rfc3339 formats t for Atom and JSON Feed, keeping its zone offset, or
// returns "" for the zero time so that optional fields are omitted.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// validXML replaces the runes that XML 1.0 forbids (most C0 controls,
// U+FFFE, U+FFFF) and invalid UTF-8 with U+FFFD. encoding/xml
// already does this for ordinary text but not inside CDATA sections, and a
// stray control character pasted into an article would otherwise make the
// whole feed unparseable.
func validXML(s string) string {
	ok := true
	for _, r := range s {
		if !isXMLChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !isXMLChar(r) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// isXMLChar reports whether r is a Char in the XML 1.0 grammar.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// cdata is an element whose text is written as a CDATA section, so that
// article HTML stays readable in the feed instead of turning into
// &lt;p&gt; soup. encoding/xml splits any "]]>" inside the text into two
// sections ("]]]]><![CDATA[>"), which parsers join back together.
type cdata struct {
	Text string `xml:",cdata"`
}

// newCDATA returns nil for empty text so the element is omitted.
func newCDATA(s string) *cdata {
	if s == "" {
		return nil
	}
	return &cdata{Text: validXML(s)}
}
