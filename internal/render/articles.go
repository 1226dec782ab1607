package render

import (
	"errors"
	"html/template"

	"github.com/sahifa/sahifa/internal/cores"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/site"
)

// articles renders every article page in parallel: the search index's
// delta first, as whether its base stays depends on the delta's analyses
// (search.go).
func (r *renderer) articles(errs *errorSet) {
	r.inSearchOrder(func(a *site.Article) error {
		err := r.article(a)
		if r.opts.ReleaseBodies {
			a.Body = nil
		}
		return err
	}, errs)
}

// inSearchOrder does do for each written article on every core, in the
// order the search index needs: the delta's articles first, then, once
// the base is kept if it can be, the others.
func (r *renderer) inSearchOrder(do func(*site.Article) error, errs *errorSet) {
	written := r.site.Written()
	rest := make([]*site.Article, 0, len(written))
	var delta []*site.Article
	for _, a := range written {
		if sa := r.searchPlan.articles[a]; sa != nil && sa.delta {
			delta = append(delta, a)
		} else {
			rest = append(rest, a)
		}
	}
	eachArticle(delta, do, errs)
	r.keepSearchBase()
	if p := &r.searchPlan; r.search != nil && !p.baseKept {
		// The base is made again: every article's analysis is read.
		keys := make([]string, 0, len(rest))
		for _, a := range rest {
			if sa := p.articles[a]; sa != nil {
				keys = append(keys, sa.key)
			}
		}
		r.opts.Memos.Search.prefetch(keys)
	}
	eachArticle(rest, do, errs)
}

// eachArticle does do for each of arts on every core, a run of them at a
// time: the dev server's rebuild passes 100,000 articles whose job is a
// few map lookups, for which a closure and a channel send each were most
// of the cost.
func eachArticle(arts []*site.Article, do func(*site.Article) error, errs *errorSet) {
	const run = 32
	cores.Each((len(arts)+run-1)/run, func() func(int) {
		return func(i int) {
			for _, a := range arts[i*run : min((i+1)*run, len(arts))] {
				if err := do(a); err != nil {
					errs.add(err)
				}
			}
		}
	})
}

func (r *renderer) article(a *site.Article) error {
	// The Markdown is rendered only when something needs its HTML: the
	// page itself, the search index or a feed. Lists need only its facts,
	// which the memo may know from an earlier build.
	bk := r.bodyKeys[a]
	var html, ownHTML []byte // ownHTML: without shortcodes' output
	rendered := false
	var facts BodyFacts
	render := func() error {
		if rendered {
			return nil
		}
		body, err := a.Markdown()
		if err != nil {
			return err
		}
		res, err := r.opts.Markdown.RenderPage(body, markdown.Page{Title: a.Title, Params: a.Params, SiteParams: r.site.Config.Params, Bundle: r.bundles[a].find()})
		if err != nil {
			line := a.BodyLine
			var le *markdown.LimitError
			var se *markdown.ShortcodeError
			switch {
			case errors.As(err, &le):
				line += le.Line - 1
			case errors.As(err, &se):
				line += se.Line - 1
			}
			return diag.At(a.Path, line, 0, err)
		}
		html, ownHTML, rendered = res.HTML, res.OwnHTML, true
		facts = BodyFacts{PlainText: res.PlainText, Words: res.Words, Refs: res.Refs}
		r.opts.Memos.Bodies.set(bk, facts.encode())
		return nil
	}
	known := false
	if v, ok := r.opts.Memos.Bodies.get(bk); ok {
		facts, known = decodeFacts(v)
	}
	if !known {
		if err := render(); err != nil {
			return err
		}
	}
	// This goroutine alone writes this article's entry; list pages read it
	// only after every article is done, and its key (sharedSum) then.
	e := r.entries[a]
	e.Summary = firstNonEmpty(e.Summary, facts.PlainText)
	e.Words = facts.Words
	e.ReadingTime = readingTime(facts.Words)
	if r.bodies.wanted[a] {
		if err := render(); err != nil {
			return err
		}
		r.bodies.keep(a, html)
	}
	// Pages that no list shows (site.Pages) are not searched either.
	if r.search != nil && r.searchPlan.articles[a] != nil {
		err := r.indexArticle(a, e, func() (string, error) {
			if err := render(); err != nil {
				return "", err
			}
			// Without shortcodes' output, as the analysis is kept by
			// the file's key, which does not cover templates or refs.
			return htmlText(ownHTML), nil
		})
		if err != nil {
			return err
		}
	}

	data := r.articlePage(a, e)
	extra := append([]string{bk}, r.refURLs(facts.Refs)...)
	if b := r.bundles[a]; b != nil {
		extra = append(extra, b.key)
	}
	key := r.pageKey(articleLayout, data, extra...)
	if r.keep(a.OutputPath, key) {
		return nil
	}
	if err := render(); err != nil {
		return err
	}
	data.Article.Content = template.HTML(html) // goldmark's output: raw HTML is escaped unless the site allows it
	return r.render(a.OutputPath, a.Path, articleLayout, data, key)
}

// articlePage is the template data of article a's page, whose list entry
// is e, without its Content.
func (r *renderer) articlePage(a *site.Article, e *Article) *Page {
	page := *e
	for _, rel := range a.Related {
		// From the related article's entry, whose link is already made
		// (percent-encoding it again for each article that relates to it
		// cost more than the page's key); its fields read here are set
		// before any article is rendered.
		re := r.entries[rel]
		page.Related = append(page.Related, RelatedLink{Title: re.Title, URL: re.RelPermalink, Date: re.Date, Dateline: re.Dateline})
	}
	data := &Page{
		Kind:         "article",
		Title:        a.Title,
		Description:  firstNonEmpty(a.Description, e.Summary),
		Permalink:    e.Permalink,
		RelPermalink: e.RelPermalink,
		Site:         r.siteData,
		Article:      &page,
		Section:      e.Section,
		Feeds:        r.feeds,
	}
	return data
}
