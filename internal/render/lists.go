package render

import (
	"fmt"
	"time"

	"github.com/sahifa/sahifa/internal/site"
)

// Layouts of list pages, relative to layouts/.
const (
	termsLayout   = "_default/terms.html"
	termLayout    = "_default/term.html"
	archiveLayout = "_default/archive.html"
	periodLayout  = "_default/period.html"
)

// taxonomyTitles are the Arabic names readers see for the usual
// taxonomies; others show their configured name.
var taxonomyTitles = map[string]string{"tags": "الوسوم", "sections": "الأقسام", "authors": "الكتّاب", "categories": "التصنيفات"}

// pager turns one page of a paginated list into template data.
func (r *renderer) pager(p *site.Pager) *Pager {
	pg := &Pager{PageNumber: p.Number, TotalPages: p.Total, HasPrev: p.Number > 1, HasNext: p.Number < p.Total}
	for _, a := range p.Articles {
		pg.Articles = append(pg.Articles, r.entries[a])
	}
	link := func(n int) string { return r.rel(site.PageURL(p.Base, n)) }
	if pg.HasPrev {
		pg.PrevURL = link(p.Number - 1)
	}
	if pg.HasNext {
		pg.NextURL = link(p.Number + 1)
	}
	prev := 0
	for _, n := range pageWindow(p.Number, p.Total) {
		if n > prev+1 {
			pg.Links = append(pg.Links, PageLink{Gap: true})
		}
		pg.Links = append(pg.Links, PageLink{Number: n, URL: link(n), Current: n == p.Number})
		prev = n
	}
	return pg
}

// pageWindowSpan is how many numbered links a pager shows on each side of
// the current page.
const pageWindowSpan = 2

// pageWindow is the page numbers a pager links to: the first, the last,
// and a few around the current one. Linking every page would make each of
// a 1,000-page list's pages carry 1,000 links: output quadratic in the
// archive's size.
func pageWindow(current, total int) []int {
	lo, hi := max(1, current-pageWindowSpan), min(total, current+pageWindowSpan)
	// A gap never hides a single page: its link is as short as the "…".
	if lo == 3 {
		lo = 2
	}
	if hi == total-2 {
		hi = total - 1
	}
	var ns []int
	if lo > 1 {
		ns = append(ns, 1)
	}
	for n := lo; n <= hi; n++ {
		ns = append(ns, n)
	}
	if hi < total {
		ns = append(ns, total)
	}
	return ns
}

// listPage is the data every paginated list page shares.
func (r *renderer) listPage(kind, title string, p *site.Pager) *Page {
	if p.Number > 1 {
		title = fmt.Sprintf("%s – الصفحة %d", title, p.Number)
	}
	return &Page{
		Kind:         kind,
		Title:        title,
		Description:  r.site.Config.Description,
		Permalink:    r.abs(p.RelPermalink),
		RelPermalink: r.rel(p.RelPermalink),
		Site:         r.siteData,
		Pager:        r.pager(p),
		Feeds:        r.feeds,
	}
}

func (r *renderer) home(p *site.Pager) error {
	data := r.listPage("home", "", p)
	if p.Number > 1 {
		data.Title = fmt.Sprintf("الصفحة %d", p.Number)
	}
	return r.page(p.OutputPath, "home page", homeLayout, data)
}

func (r *renderer) taxonomyData(tx *site.Taxonomy) *TaxonomyData {
	td := &TaxonomyData{Name: tx.Name, Title: tx.Name, URL: r.rel(tx.RelPermalink)}
	if t, ok := taxonomyTitles[tx.Name]; ok {
		td.Title = t
	}
	for _, t := range tx.Terms {
		td.Terms = append(td.Terms, r.terms[t])
	}
	return td
}

// taxonomy is the work of rendering a taxonomy's index page and every
// page of every term.
func (r *renderer) taxonomy(tx *site.Taxonomy) work {
	td := r.taxonomyData(tx)
	index := &Page{
		Kind:         "terms",
		Title:        td.Title,
		Description:  r.site.Config.Description,
		Permalink:    r.abs(tx.RelPermalink),
		RelPermalink: td.URL,
		Site:         r.siteData,
		Taxonomy:     td,
		Feeds:        r.feeds,
	}
	w := work{func() error { return r.page(tx.OutputPath, tx.Name+" index", termsLayout, index) }}
	for _, t := range tx.Terms {
		link := r.terms[t]
		feeds := append([]FeedLink{{Type: "application/rss+xml", Title: r.site.Config.Title + " – " + t.Name, URL: link.FeedURL}}, r.feeds...)
		for i := range t.Pagers {
			w = append(w, func() error {
				data := r.listPage("term", t.Name, &t.Pagers[i])
				data.Taxonomy, data.Term, data.Feeds = td, &link, feeds
				return r.page(t.Pagers[i].OutputPath, tx.Name+" page of "+t.Name, termLayout, data)
			})
		}
	}
	return w
}

// periodLink describes a year (Month 0) or a month of the archive.
func (r *renderer) periodLink(p *site.Period) PeriodLink {
	month := p.Month
	if month == 0 {
		month = time.January
	}
	pl := PeriodLink{Year: p.Year, Month: int(p.Month), URL: r.rel(p.RelPermalink), Count: len(p.Articles),
		Date: time.Date(p.Year, month, 1, 12, 0, 0, 0, location(r.site.Config))}
	for _, m := range p.Months {
		pl.Months = append(pl.Months, r.periodLink(m))
	}
	return pl
}

// archive is the work of rendering the archive index and every year's
// and month's pages.
func (r *renderer) archive(ar *site.Archive) work {
	if ar == nil {
		return nil
	}
	ad := &ArchiveData{URL: r.rel(ar.RelPermalink)}
	for _, y := range ar.Years {
		ad.Years = append(ad.Years, r.periodLink(y))
	}
	w := work{func() error {
		return r.page(ar.OutputPath, "archive index", archiveLayout, &Page{
			Kind: "archive", Title: "الأرشيف", Description: r.site.Config.Description,
			Permalink: r.abs(ar.RelPermalink), RelPermalink: ad.URL, Site: r.siteData, Archive: ad, Feeds: r.feeds,
		})
	}}
	periods := func(p *site.Period, title string) {
		pl := r.periodLink(p)
		for i := range p.Pagers {
			w = append(w, func() error {
				data := r.listPage("period", title, &p.Pagers[i])
				data.Archive, data.Period = ad, &pl
				return r.page(p.Pagers[i].OutputPath, "archive of "+p.RelPermalink, periodLayout, data)
			})
		}
	}
	for _, y := range ar.Years {
		periods(y, "أرشيف "+r.site.Config.Dates.Format().Number(y.Year))
		for _, m := range y.Months {
			periods(m, "أرشيف "+r.site.Config.Dates.Format().MonthYear(time.Date(m.Year, m.Month, 1, 12, 0, 0, 0, time.UTC)))
		}
	}
	return w
}
