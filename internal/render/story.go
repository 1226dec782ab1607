package render

import (
	"time"

	"github.com/sahifa/sahifa/internal/site"
)

// AuthorLink is a name of an article's byline.
type AuthorLink struct {
	Name string // as the article writes it
	// URL and Permalink are the author's page (relative with the base
	// path, and absolute), "" when the site has no authors taxonomy.
	URL       string
	Permalink string
	// Organization is true for a byline that is not a person: the
	// article's agency, or the site itself (staff pieces). JSON-LD calls
	// it an Organization rather than a Person.
	Organization bool
}

// Correction is an editor's dated note on a corrected story.
type Correction struct {
	Text string
	Date time.Time
}

// newsFacts fills in what an article's page and lists say about the
// story beyond its text: the byline, the breaking label, a correction.
func (r *renderer) newsFacts(e *Article, a *site.Article) {
	e.Breaking = a.Breaking
	if c := a.Correction; !c.IsZero() {
		e.Correction = &Correction{Text: c.Text, Date: c.Date}
	}
	// An author's page is its term's, found by the key that merged its
	// spellings; a name past the [limits] cap has no page, so no link.
	pages := map[string]*site.Term{}
	for _, t := range a.Terms["authors"] {
		pages[t.Key] = t
	}
	for _, name := range a.Authors {
		l := AuthorLink{Name: name, Organization: name == e.Agency || name == r.site.Config.Title}
		if t := pages[site.TermKey(name)]; t != nil {
			l.URL, l.Permalink = r.rel(t.RelPermalink), r.abs(t.RelPermalink)
		}
		e.Authors = append(e.Authors, l)
	}
}
