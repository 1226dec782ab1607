package render

import (
	"errors"
	"slices"

	"github.com/sahifa/sahifa/internal/search"
	"github.com/sahifa/sahifa/internal/site"
)

// Rendered is what a render made besides its files, kept so that the
// outputs an edit affects can be made again without the others: the dev
// server's rebuild after a save (build.Live). It belongs to one site
// model and is used by one rebuild at a time.
type Rendered struct {
	r *renderer
}

// keepRenderer keeps what a finished render made for later rerenders,
// without what belongs to that render's output (its writer, the output
// it could keep from) or what a rerender makes anew (the search index).
func keepRenderer(r *renderer) *Rendered {
	r.emit, r.opts.Reuse = nil, nil
	if r.search != nil {
		r.search = search.NewBuilder()
	}
	return &Rendered{r: r}
}

// ErrNotKept is returned by a rerender that needs something the render
// before did not keep (an article's search analysis): the caller renders
// the whole site instead.
var ErrNotKept = errors.New("rerender: not kept from the last render")

// BodyEdited makes again, into emit, the outputs that the Markdown body
// of article a shows, after its file changed and its front matter did
// not: a.Page is the file as parsed now, and the site's structure (order,
// URLs, pagination, terms, sections, related articles) is the one the
// render before made, which a body does not decide. Those outputs are
// its page, its list entry (summary, word count, reading time) on the
// list pages that show it and the home page, the feeds that carry it,
// and the search index (its analysis and stored fields); nothing else
// of the site shows the body (docs/performance.md, "serve").
// Outputs whose key did not change are taken from reuse, as a build
// does. On an error, the Rendered is left half changed: drop it.
func (rd *Rendered) BodyEdited(a *site.Article, reuse Reuse, emit Emit) error {
	r := rd.r
	old, ok := r.entries[a]
	if !ok {
		return ErrNotKept
	}
	r.emit, r.opts.Reuse = emit, reuse
	defer func() { r.emit, r.opts.Reuse = nil, nil }()

	// The entry as newRenderer and the images made it, from the new file;
	// article fills in what the Markdown tells.
	e := r.entry(a, map[*site.Section]*SectionLink{a.Section: old.Section})
	e.Image = old.Image
	*old = e
	r.bodyKeys[a] = r.keys.bodyKeys(r.site)(a.Hash)
	// Keys shared by many pages were hashed from the old entry.
	r.sums.Clear()

	var errs errorSet
	if r.search != nil && r.searchPlan.articles[a] != nil {
		r.replanSearch(a)
		rd.reindex(a, &errs)
	} else {
		errs.add(r.article(a))
	}
	if errs.err() != nil {
		return errs.err()
	}

	shown := func(arts []*site.Article) bool { return slices.Contains(arts, a) }
	w := work{r.writeSearch}
	for i := range r.site.Home {
		// The front page also lists sections' stories it does not show.
		if p := &r.site.Home[i]; p.Number == 0 || shown(p.Articles) {
			w = append(w, func() error { return r.home(p) })
		}
	}
	w = append(w, r.sections(shown)...)
	for _, tx := range r.site.Taxonomies {
		w = append(w, r.taxonomy(tx, shown)...)
	}
	w = append(w, r.archive(r.site.Archive, shown)...)
	w = append(w, r.writeFeeds(shown)...)
	w.run(&errs)
	return errs.err()
}

// replanSearch keys article a's analysis again, from its new body, and
// the base with it when a is in the base.
func (r *renderer) replanSearch(a *site.Article) {
	p := &r.searchPlan
	sa := p.articles[a]
	sa.key, _ = analysisKey(nil, r.keys.program, sa.doc, r.bodyKeys[a])
	if !sa.delta {
		p.baseKey = r.baseKey(p)
	}
	p.kept, p.baseKept = map[string]bool{}, false
	r.search = search.NewBuilder()
}

// reindex renders article a and adds every article to a new search index
// in the order a build does (articles). Every other article's analysis
// comes from the memo.
func (rd *Rendered) reindex(a *site.Article, errs *errorSet) {
	r := rd.r
	r.inSearchOrder(func(b *site.Article) error {
		switch {
		case b == a:
			return r.article(a)
		case r.searchPlan.articles[b] == nil:
			return nil
		}
		return r.indexArticle(b, r.entries[b], func() (string, error) { return "", ErrNotKept })
	}, errs)
}
