package feed

import (
	"bytes"
	"encoding/xml"
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

func parseRSS(t *testing.T, b []byte) *rss.Feed {
	t.Helper()
	f, err := (&rss.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gofeed rss: %v\n%s", err, b)
	}
	return f
}

func TestRSSFields(t *testing.T) {
	c := sample()
	b, err := RSS(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(`<?xml version="1.0" encoding="utf-8"?>`+"\n<rss")) {
		t.Errorf("declaration: %.60s", b)
	}
	f := parseRSS(t, b)
	if f.Version != "2.0" || f.Title != c.Title || f.Link != c.Link ||
		f.Description != c.Description || f.Language != "ar" || f.Generator != "sahifa" {
		t.Errorf("channel = %q %q %q %q %q %q", f.Version, f.Title, f.Link, f.Description, f.Language, f.Generator)
	}
	// The newest instant is the English item, in its own zone.
	if want := "Wed, 24 Feb 2021 08:00:00 -0500"; f.LastBuildDate != want {
		t.Errorf("lastBuildDate = %q, want %q", f.LastBuildDate, want)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	en, ar := f.Items[0], f.Items[1]
	if en.Title != "Talks <resume> in Washington" || en.PubDate != "Wed, 24 Feb 2021 08:00:00 -0500" {
		t.Errorf("english item: %q %q", en.Title, en.PubDate)
	}
	if ar.Title != arabicTitle || ar.Link != arabicURL {
		t.Errorf("arabic item: %q %q", ar.Title, ar.Link)
	}
	if ar.GUID == nil || ar.GUID.Value != arabicURL || ar.GUID.IsPermalink != "true" {
		t.Errorf("guid = %+v", ar.GUID)
	}
	if want := "Wed, 24 Feb 2021 09:00:00 +0300"; ar.PubDate != want {
		t.Errorf("pubDate = %q, want %q", ar.PubDate, want)
	}
	// description is HTML: the plain-text lede comes back after one
	// HTML unescape, so readers show "&" and "<" rather than eating a tag.
	if got := html.UnescapeString(ar.Description); got != arabicSummary {
		t.Errorf("description = %q", ar.Description)
	}
	if strings.Contains(ar.Description, "< 2500") {
		t.Errorf("raw < reaches the reader's HTML: %q", ar.Description)
	}
	if ar.Content != arabicContent {
		t.Errorf("content:encoded = %q, want %q", ar.Content, arabicContent)
	}
	var cats []string
	for _, cat := range ar.Categories {
		cats = append(cats, cat.Value)
	}
	if !slices.Equal(cats, []string{"العراق", "جو بايدن"}) {
		t.Errorf("categories = %q", cats)
	}
}

// TestRSSUniversal reads the feed the way most Go consumers do, through
// gofeed's format-independent translation.
func TestRSSUniversal(t *testing.T) {
	b, _ := RSS(sample())
	f, err := gofeed.NewParser().ParseString(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if f.FeedType != "rss" || f.FeedLink != "https://example.com/index.xml" {
		t.Errorf("type %q, self %q", f.FeedType, f.FeedLink)
	}
	ar := f.Items[1]
	// gofeed normalises to UTC; TestRSSFields checks the written offset.
	want := time.Date(2021, 2, 24, 6, 0, 0, 0, time.UTC)
	if ar.PublishedParsed == nil || !ar.PublishedParsed.Equal(want) {
		t.Errorf("published = %v, want %v", ar.PublishedParsed, want)
	}
	if ar.Content != arabicContent || !slices.Equal(ar.Categories, []string{"العراق", "جو بايدن"}) {
		t.Errorf("content %q, categories %q", ar.Content, ar.Categories)
	}
}

// TestRSSNamespaces decodes with encoding/xml, which resolves prefixes:
// the atom:link and content:encoded elements must be in the right
// namespaces, not merely carry the right-looking prefixes.
func TestRSSNamespaces(t *testing.T) {
	b, _ := RSS(sample())
	var doc struct {
		Channel struct {
			Self struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
				Type string `xml:"type,attr"`
			} `xml:"http://www.w3.org/2005/Atom link"`
			Items []struct {
				Encoded string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Channel.Self
	if s.Href != "https://example.com/index.xml" || s.Rel != "self" || s.Type != "application/rss+xml" {
		t.Errorf("atom:link = %+v", s)
	}
	if len(doc.Channel.Items) != 2 || doc.Channel.Items[1].Encoded != arabicContent {
		t.Errorf("content:encoded = %+v", doc.Channel.Items)
	}
	// The "]]>" in the body is split across two CDATA sections.
	if !bytes.Contains(b, []byte("a[b[0]]]]><![CDATA[>c")) {
		t.Errorf("CDATA not split around ]]>:\n%s", b)
	}
}

func TestRSSEmpty(t *testing.T) {
	c := sample()
	c.Items = nil
	b, err := RSS(c)
	if err != nil {
		t.Fatal(err)
	}
	f := parseRSS(t, b)
	if len(f.Items) != 0 || f.Title != c.Title {
		t.Errorf("empty feed: %d items, title %q", len(f.Items), f.Title)
	}
	if bytes.Contains(b, []byte("lastBuildDate")) {
		t.Error("lastBuildDate written without items")
	}
}

// TestRSSControlChar: a control character pasted into an article must
// not make the whole feed unparseable.
func TestRSSControlChar(t *testing.T) {
	c := sample()
	c.Items[0].ContentHTML = "<p>قبل\x0bبعد</p>"
	c.Items[0].Title = "عنوان\x01"
	b, _ := RSS(c)
	var v struct{}
	if err := xml.Unmarshal(b, &v); err != nil {
		t.Fatalf("invalid XML: %v", err)
	}
	f := parseRSS(t, b)
	if f.Items[0].Content != "<p>قبل\uFFFDبعد</p>" {
		t.Errorf("content = %q", f.Items[0].Content)
	}
}
