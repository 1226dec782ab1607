package feed

import (
	"bytes"
	"slices"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
)

func parseAtom(t *testing.T, b []byte) *atom.Feed {
	t.Helper()
	f, err := (&atom.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gofeed atom: %v\n%s", err, b)
	}
	return f
}

// links maps rel to href, failing on a wrong type.
func links(t *testing.T, ls []*atom.Link, types map[string]string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, l := range ls {
		m[l.Rel] = l.Href
		if want := types[l.Rel]; l.Type != want {
			t.Errorf("link rel=%s type %q, want %q", l.Rel, l.Type, want)
		}
	}
	return m
}

func TestAtomFields(t *testing.T) {
	c := sample()
	b, err := Atom(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(xmlHeader+`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">`)) {
		t.Errorf("head: %.120s", b)
	}
	f := parseAtom(t, b)
	if f.ID != c.Link || f.Title != c.Title || f.Subtitle != c.Description || f.Language != "ar" {
		t.Errorf("feed = %q %q %q %q", f.ID, f.Title, f.Subtitle, f.Language)
	}
	if want := "2021-02-24T08:00:00-05:00"; f.Updated != want {
		t.Errorf("updated = %q, want %q (newest item, own zone)", f.Updated, want)
	}
	ls := links(t, f.Links, map[string]string{"self": "application/atom+xml", "alternate": "text/html"})
	if ls["self"] != c.SelfURL || ls["alternate"] != c.Link {
		t.Errorf("links = %v", ls)
	}
	if len(f.Entries) != 2 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	en, ar := f.Entries[0], f.Entries[1]
	if len(en.Authors) != 1 || en.Authors[0].Name != "Jane Doe" {
		t.Errorf("english author = %+v", en.Authors)
	}
	if en.Updated != "2021-02-24T08:00:00-05:00" {
		t.Errorf("never-updated entry: updated = %q, want its published", en.Updated)
	}
	if ar.ID != arabicURL || ar.Title != arabicTitle {
		t.Errorf("arabic entry: %q %q", ar.ID, ar.Title)
	}
	if l := links(t, ar.Links, map[string]string{"alternate": "text/html"}); l["alternate"] != arabicURL {
		t.Errorf("entry link = %v", l)
	}
	if ar.Published != "2021-02-24T09:00:00+03:00" || ar.Updated != "2021-02-24T12:30:00+03:00" {
		t.Errorf("published %q, updated %q", ar.Published, ar.Updated)
	}
	// The summary is type="text" (the default): it comes back verbatim.
	if ar.Summary != arabicSummary {
		t.Errorf("summary = %q", ar.Summary)
	}
	if ar.Content == nil || ar.Content.Type != "html" || ar.Content.Value != arabicContent {
		t.Errorf("content = %+v", ar.Content)
	}
	var terms []string
	for _, cat := range ar.Categories {
		terms = append(terms, cat.Term)
	}
	if !slices.Equal(terms, []string{"العراق", "جو بايدن"}) {
		t.Errorf("categories = %q", terms)
	}
	// No author on the item: the publication is credited.
	if len(ar.Authors) != 1 || ar.Authors[0].Name != c.Title {
		t.Errorf("fallback author = %+v", ar.Authors)
	}
}

func TestAtomUniversal(t *testing.T) {
	b, _ := Atom(sample())
	f, err := gofeed.NewParser().ParseString(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if f.FeedType != "atom" || f.FeedLink != "https://example.com/index.xml" || f.Link != "https://example.com/" {
		t.Errorf("type %q, self %q, link %q", f.FeedType, f.FeedLink, f.Link)
	}
	if ar := f.Items[1]; ar.Link != arabicURL || ar.Content != arabicContent || ar.Description != arabicSummary {
		t.Errorf("item: %q %q %q", ar.Link, ar.Content, ar.Description)
	}
}

func TestAtomEmpty(t *testing.T) {
	c := sample()
	c.Items = nil
	b, err := Atom(c)
	if err != nil {
		t.Fatal(err)
	}
	f := parseAtom(t, b)
	// <updated> is mandatory; with nothing dated it is the epoch, not the clock.
	if len(f.Entries) != 0 || f.Updated != "1970-01-01T00:00:00Z" {
		t.Errorf("empty feed: %d entries, updated %q", len(f.Entries), f.Updated)
	}
}

// TestAtomUndated: an entry with no date at all still gets the mandatory
// <updated>, borrowed from the feed.
func TestAtomUndated(t *testing.T) {
	c := sample()
	c.Items = append(c.Items, Item{Title: "بلا تاريخ", URL: "https://example.com/x/"})
	f := parseAtom(t, must(Atom(c)))
	e := f.Entries[2]
	if e.Published != "" || e.Updated != "2021-02-24T08:00:00-05:00" {
		t.Errorf("undated entry: published %q, updated %q", e.Published, e.Updated)
	}
	if e.Content != nil {
		t.Errorf("empty body written as content: %+v", e.Content)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
