package feed

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	gojson "github.com/mmcdole/gofeed/json"
)

func parseJSON(t *testing.T, b []byte) *gojson.Feed {
	t.Helper()
	if !json.Valid(b) {
		t.Fatalf("invalid JSON:\n%s", b)
	}
	f, err := (&gojson.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gofeed json: %v\n%s", err, b)
	}
	return f
}

func TestJSONFeedFields(t *testing.T) {
	c := sample()
	b, err := JSONFeed(c)
	if err != nil {
		t.Fatal(err)
	}
	f := parseJSON(t, b)
	if f.Version != "https://jsonfeed.org/version/1.1" || f.Title != c.Title ||
		f.HomePageURL != c.Link || f.FeedURL != c.SelfURL || f.Language != "ar" || f.Description != c.Description {
		t.Errorf("feed = %q %q %q %q %q", f.Version, f.Title, f.HomePageURL, f.FeedURL, f.Language)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	en, ar := f.Items[0], f.Items[1]
	if ar.ID != arabicURL || ar.URL != arabicURL || ar.Title != arabicTitle {
		t.Errorf("arabic item: %q %q %q", ar.ID, ar.URL, ar.Title)
	}
	if ar.Summary != arabicSummary || ar.ContentHTML != arabicContent || ar.ContentText != "" {
		t.Errorf("summary %q, content_html %q, content_text %q", ar.Summary, ar.ContentHTML, ar.ContentText)
	}
	if ar.DatePublished != "2021-02-24T09:00:00+03:00" || ar.DateModified != "2021-02-24T12:30:00+03:00" {
		t.Errorf("dates %q %q", ar.DatePublished, ar.DateModified)
	}
	if en.DatePublished != "2021-02-24T08:00:00-05:00" || en.DateModified != en.DatePublished {
		t.Errorf("english dates %q %q", en.DatePublished, en.DateModified)
	}
	if !slices.Equal(ar.Tags, []string{"العراق", "جو بايدن"}) {
		t.Errorf("tags = %q", ar.Tags)
	}
	if len(ar.Authors) != 1 || ar.Authors[0].Name != c.Title || len(en.Authors) != 1 || en.Authors[0].Name != "Jane Doe" {
		t.Errorf("authors = %+v / %+v", ar.Authors[0], en.Authors[0])
	}
	// SetEscapeHTML(false): markup stays readable instead of \u003c.
	if !bytes.Contains(b, []byte(`"<p>فقرة أولى &amp; <a href=\"https://example.com/?a=1&amp;b=2\">`)) ||
		bytes.Contains(b, []byte(`\u003c`)) || bytes.Contains(b, []byte(`\u0026`)) {
		t.Errorf("HTML escaped in JSON:\n%s", b)
	}
}

// TestJSONFeedNoBody: the spec requires content_html or content_text.
func TestJSONFeedNoBody(t *testing.T) {
	c := sample()
	c.Items[0].ContentHTML = ""
	f := parseJSON(t, must(JSONFeed(c)))
	if it := f.Items[0]; it.ContentHTML != "" || it.ContentText != "Short lede." {
		t.Errorf("content_html %q, content_text %q", it.ContentHTML, it.ContentText)
	}
}

func TestJSONFeedEmpty(t *testing.T) {
	c := sample()
	c.Items = nil
	b := must(JSONFeed(c))
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	// "items" is required and must be an array, never null.
	if string(raw["items"]) != "[]" {
		t.Errorf("items = %s", raw["items"])
	}
	parseJSON(t, b)
}
