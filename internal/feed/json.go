package feed

import (
	"bytes"
	"encoding/json"
)

// jsonVersion identifies JSON Feed 1.1 in the "version" member.
const jsonVersion = "https://jsonfeed.org/version/1.1"

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url,omitempty"`
	FeedURL     string     `json:"feed_url,omitempty"`
	Description string     `json:"description,omitempty"`
	Language    string     `json:"language,omitempty"`
	Items       []jsonItem `json:"items"` // never null: the spec requires an array
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url,omitempty"`
	Title         string       `json:"title,omitempty"`
	Summary       string       `json:"summary,omitempty"`
	ContentHTML   *string      `json:"content_html,omitempty"`
	ContentText   *string      `json:"content_text,omitempty"`
	DatePublished string       `json:"date_published,omitempty"`
	DateModified  string       `json:"date_modified,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// JSONFeed renders c as a JSON Feed 1.1 document. HTML escaping is off
// (SetEscapeHTML(false)) so markup and Arabic stay readable as written;
// the JSON is valid either way, and encoding/json still escapes U+2028
// and U+2029 for JavaScript's sake.
//
// The spec requires content_html or content_text on every item: an item
// without a body carries its summary as content_text. Authors follow the
// same rule as Atom (the item's author, else the channel title), so the
// three formats credit an article alike.
func JSONFeed(c Channel) ([]byte, error) {
	doc := jsonFeed{
		Version:     jsonVersion,
		Title:       c.Title,
		HomePageURL: c.Link,
		FeedURL:     c.SelfURL,
		Description: c.Description,
		Language:    c.Language,
		Items:       make([]jsonItem, 0, len(c.Items)),
	}
	for _, it := range c.Items {
		author := it.Author
		if author == "" {
			author = c.Title
		}
		ji := jsonItem{
			ID:            it.URL,
			URL:           it.URL,
			Title:         it.Title,
			Summary:       it.Summary,
			DatePublished: rfc3339(it.Published),
			DateModified:  rfc3339(it.modified()),
			Tags:          it.Categories,
		}
		if author != "" {
			ji.Authors = []jsonAuthor{{Name: author}}
		}
		if it.ContentHTML != "" {
			ji.ContentHTML = &it.ContentHTML
		} else {
			ji.ContentText = &it.Summary
		}
		doc.Items = append(doc.Items, ji)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
