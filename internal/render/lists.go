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
	sectionLayout = "_default/section.html"
	archiveLayout = "_default/archive.html"
	periodLayout  = "_default/period.html"
)

// taxonomyTitles are the Arabic names readers see for the usual
// taxonomies; others show their configured name.
var taxonomyTitles = map[string]string{"tags": "الوسوم", "sections": "الأقسام", "authors": "الكتّاب", "categories": "التصنيفات"}

// pager turns one page of a paginated list into template data. Nothing
// in it depends on how long the list is (no page count, no link to the
// newest numbered page), so an older page's data, and so its bytes, stay
// the same as articles are published (site.Pager).
func (r *renderer) pager(p *site.Pager) *Pager {
	// A numbered page's URL only adds ASCII to its list's (site.PageURL),
	// so the list's link, percent-encoded once, serves for all of them:
	// encoding each link again was most of the cost of a kept list page.
	front := r.rel(p.Base)
	link := func(n int) string { return site.PageURL(front, n) }
	pg := &Pager{PageNumber: p.Number, Front: p.Number == 0, FrontURL: link(0), HasPrev: p.Newer > 0, HasNext: p.Older > 0}
	for _, a := range p.Articles {
		pg.Articles = append(pg.Articles, r.entries[a])
	}
	if pg.HasPrev {
		pg.PrevURL = link(p.Newer)
	}
	if pg.HasNext {
		pg.NextURL = link(p.Older)
	}
	pg.Links = pageLinks(p.Near(pageWindowSpan), p.Number, link)
	return pg
}

// pageLinks makes the numbered links of a pager's navigation from page
// numbers newest first, with a gap where pages are left out.
func pageLinks(numbers []int, current int, link func(int) string) []PageLink {
	var links []PageLink
	for i, n := range numbers {
		if i > 0 && n < numbers[i-1]-1 {
			links = append(links, PageLink{Gap: true})
		}
		links = append(links, PageLink{Number: n, URL: link(n), Current: n == current})
	}
	return links
}

// pageWindowSpan is how many numbered links a pager shows on each side of
// the current page. Linking every page would make each of a 1,000-page
// list's pages carry 1,000 links (output quadratic in the archive's size)
// and change every page whenever a page is added.
const pageWindowSpan = 2

// listPage is the data every paginated list page shares.
func (r *renderer) listPage(kind, title string, p *site.Pager) *Page {
	if p.Number > 0 {
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
	if p.Number > 0 {
		data.Title = fmt.Sprintf("الصفحة %d", p.Number)
	} else {
		data.SectionBlocks = r.sectionBlocks(p.Articles)
	}
	return r.page(p.OutputPath, "home page", homeLayout, data)
}

// sectionBlockSize is how many stories a section's block on the home
// page lists: the theme shows them as a short column of headlines.
const sectionBlockSize = 4

// sectionBlocks are each section's newest stories but those the front
// page lists already (shown), in the sections' order; a section with
// nothing left has no block.
func (r *renderer) sectionBlocks(shown []*site.Article) []SectionBlock {
	onFront := make(map[*site.Article]bool, len(shown))
	for _, a := range shown {
		onFront[a] = true
	}
	var blocks []SectionBlock
	for _, sec := range r.site.Sections {
		var b SectionBlock
		for _, a := range sec.Articles {
			if len(b.Articles) == sectionBlockSize {
				break
			}
			if !onFront[a] {
				b.Articles = append(b.Articles, r.entries[a])
			}
		}
		if b.Articles != nil {
			b.Section = b.Articles[0].Section // the section's link, shared by its entries
			blocks = append(blocks, b)
		}
	}
	return blocks
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

// shows picks the list pages (and feeds) a render makes by the articles
// they show: nil makes every one, and the pages that show no article
// (the indexes) too; a rerender (rerender.go) makes only those that show
// the article it is about.
type shows func(arts []*site.Article) bool

// wants reports whether the list page or feed showing arts is made.
func (s shows) wants(arts []*site.Article) bool { return s == nil || s(arts) }

// taxonomy is the work of rendering a taxonomy's index page and every
// page of every term that only picks.
func (r *renderer) taxonomy(tx *site.Taxonomy, only shows) work {
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
	var w work
	if only == nil {
		w = append(w, func() error { return r.page(tx.OutputPath, tx.Name+" index", termsLayout, index) })
	}
	// A term's pages get the taxonomy without its terms, and numbered
	// pages the term without its count: those move whenever any article
	// is tagged, and an old page must keep its bytes and its key (data.go).
	named := &TaxonomyData{Name: td.Name, Title: td.Title, URL: td.URL}
	for _, t := range tx.Terms {
		if !only.wants(t.Articles) {
			continue
		}
		link := r.terms[t]
		uncounted := link
		uncounted.Count = 0
		feeds := append([]FeedLink{{Type: "application/rss+xml", Title: r.site.Config.Title + " – " + t.Name, URL: link.FeedURL}}, r.feeds...)
		for i := range t.Pagers {
			if !only.wants(t.Pagers[i].Articles) {
				continue
			}
			w = append(w, func() error {
				data := r.listPage("term", t.Name, &t.Pagers[i])
				data.Taxonomy, data.Term, data.Feeds, data.Image = named, &link, feeds, r.pageImages[t]
				if d := t.Meta().Description; d != "" {
					data.Description = d
				}
				if t.Pagers[i].Number > 0 {
					data.Term = &uncounted
				}
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
		Date: time.Date(p.Year, month, 1, 12, 0, 0, 0, location(r.site.Config)), YearURL: r.rel(p.RelPermalink)}
	if p.Month != 0 {
		pl.YearURL = r.rel(site.YearURL(p.Year))
	}
	for _, m := range p.Months {
		pl.Months = append(pl.Months, r.periodLink(m))
	}
	return pl
}

// archive is the work of rendering the archive index and every year's
// and month's pages that only picks.
func (r *renderer) archive(ar *site.Archive, only shows) work {
	if ar == nil {
		return nil
	}
	ad := &ArchiveData{URL: r.rel(ar.RelPermalink)}
	for _, y := range ar.Years {
		ad.Years = append(ad.Years, r.periodLink(y))
	}
	var w work
	if only == nil {
		w = append(w, func() error {
			return r.page(ar.OutputPath, "archive index", archiveLayout, &Page{
				Kind: "archive", Title: "الأرشيف", Description: r.site.Config.Description,
				Permalink: r.abs(ar.RelPermalink), RelPermalink: ad.URL, Site: r.siteData, Archive: ad, Feeds: r.feeds,
			})
		})
	}
	// A period's pages get the archive without its years, and numbered
	// pages the period without its count and months: those move with
	// every article of the period, and an old page must keep its bytes and
	// its key (data.go).
	named := &ArchiveData{URL: ad.URL}
	periods := func(p *site.Period, title string) {
		if !only.wants(p.Articles) {
			return
		}
		pl := r.periodLink(p)
		bare := PeriodLink{Year: pl.Year, Month: pl.Month, Date: pl.Date, URL: pl.URL, YearURL: pl.YearURL}
		for i := range p.Pagers {
			if !only.wants(p.Pagers[i].Articles) {
				continue
			}
			w = append(w, func() error {
				data := r.listPage("period", title, &p.Pagers[i])
				data.Archive, data.Period = named, &pl
				if p.Pagers[i].Number > 0 {
					data.Period = &bare
				}
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

// sectionLink is a section as a link, with its count.
func (r *renderer) sectionLink(sec *site.Section) SectionLink {
	base := sec.RelPermalink
	return SectionLink{Name: sec.Name, Description: sec.Description, URL: r.rel(base),
		FeedURL: r.abs(base + site.SectionRSS), AtomURL: r.abs(base + site.SectionAtom), Count: len(sec.Articles)}
}

// filedSections are the sections as their articles show them, one link
// each shared by its articles' entries and pages: without the count, so
// an article's page and its entry on lists keep their bytes as the
// section grows.
func (r *renderer) filedSections() map[*site.Section]*SectionLink {
	filed := make(map[*site.Section]*SectionLink, len(r.site.Sections))
	for _, sec := range r.site.Sections {
		link := r.sectionLink(sec)
		link.Count = 0
		filed[sec] = &link
	}
	return filed
}

// sections is the work of rendering every page of every section that
// only picks.
func (r *renderer) sections(only shows) work {
	var w work
	for _, sec := range r.site.Sections {
		if !only.wants(sec.Articles) {
			continue
		}
		link := r.sectionLink(sec)
		// Numbered pages get the section without its count, which moves
		// with every article published in it (data.go).
		uncounted := link
		uncounted.Count = 0
		feeds := append([]FeedLink{
			{Type: "application/rss+xml", Title: r.site.Config.Title + " – " + sec.Name, URL: link.FeedURL},
			{Type: "application/atom+xml", Title: r.site.Config.Title + " – " + sec.Name, URL: link.AtomURL},
		}, r.feeds...)
		for i := range sec.Pagers {
			if !only.wants(sec.Pagers[i].Articles) {
				continue
			}
			w = append(w, func() error {
				p := &sec.Pagers[i]
				data := r.listPage("section", sec.Name, p)
				data.Section, data.Feeds, data.Image = &link, feeds, r.pageImages[sec]
				if sec.Description != "" {
					data.Description = sec.Description
				}
				if p.Number > 0 {
					data.Section = &uncounted
				}
				return r.page(p.OutputPath, "section content/"+sec.Folder+"/", sectionLayout, data)
			})
		}
	}
	return w
}
