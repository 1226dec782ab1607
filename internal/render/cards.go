package render

import (
	"bytes"
	"errors"
	"html/template"
	"sync"
)

// storyCard is the partial that draws an article in a list.
const storyCard = "partials/story-card.html"

// cards are an article's story cards: each made once a build, the first
// time a list page of a kind shows the article. An article is on five to
// seven lists (the home pages, its tags', its section's, its month's),
// and executing the card's template for each was a sixth of a full
// build's CPU. A card is made per kind of page, as a page's template may
// redefine the blocks of the partials (a section's page shows each
// card's first tag where other lists show its section).
type cards struct {
	mu     sync.Mutex
	byKind []*madeCard
}

type madeCard struct {
	kind string
	once sync.Once
	html template.HTML
	err  error
}

// of is the card of kind, made or not.
func (cs *cards) of(kind string) *madeCard {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	for _, c := range cs.byKind {
		if c.kind == kind {
			return c
		}
	}
	c := &madeCard{kind: kind}
	cs.byKind = append(cs.byKind, c)
	return c
}

// shared is html, or the equal card of another kind made before: most
// kinds draw an article alike, and every card is held to the end of the
// render (at 100,000 articles, four copies of each took 400 MB).
func (cs *cards) shared(html template.HTML) template.HTML {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	for _, c := range cs.byKind {
		if c.html == html {
			return c.html
		}
	}
	return html
}

// storyCardFunc is the template function storyCard of the page kind's
// template set: the article's card (partials/story-card.html executed
// with the article alone), made once a build. So the card may use only
// the article, and only list pages may ask for it: they are rendered
// after every article's entry is complete.
func storyCardFunc(set *template.Template, kind string) func(*Article) (template.HTML, error) {
	execute := func(a *Article) (template.HTML, error) {
		var b bytes.Buffer
		if err := set.ExecuteTemplate(&b, storyCard, a); err != nil {
			return "", withHint(templateError(err), nil)
		}
		return template.HTML(b.String()), nil
	}
	return func(a *Article) (template.HTML, error) {
		if a.card == nil {
			return execute(a) // an entry made outside a render (tests)
		}
		c := a.card.of(kind)
		c.once.Do(func() {
			html, err := execute(a)
			html = a.card.shared(html)
			a.card.mu.Lock()
			c.html, c.err = html, err
			a.card.mu.Unlock()
		})
		return c.html, c.err
	}
}

// noStoryCard stands for storyCard where no page is executed (partials
// parsed alone, shortcodes), so that templates calling it parse.
func noStoryCard(*Article) (template.HTML, error) {
	return "", errNoStoryCard
}

var errNoStoryCard = errors.New("storyCard: only in a page's templates (partials/article-list.html)")
