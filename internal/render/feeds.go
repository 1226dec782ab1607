package render

import (
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/sahifa/sahifa/internal/feed"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/sitemap"
)

// feedBodies keeps the rendered body of every article that appears in a
// feed, so feeds carry full text without rendering Markdown twice, while
// articles in no feed are not held in memory.
type feedBodies struct {
	mu     sync.Mutex
	wanted map[*site.Article]bool
	html   map[*site.Article]string
}

// newFeedBodies marks the articles whose full text the feeds carry: the
// site's newest. Term feeds carry summaries only: with a long tail of
// small tags nearly every article is among some tag's newest, and full
// text there made the term feeds most of the site's bytes (240 MB of
// 690 MB at 10,000 articles) and kept every body in memory.
func newFeedBodies(s *site.Site) *feedBodies {
	fb := &feedBodies{wanted: map[*site.Article]bool{}, html: map[*site.Article]string{}}
	for _, a := range s.Articles[:min(len(s.Articles), s.Config.Feeds.Limit)] {
		fb.wanted[a] = true
	}
	return fb
}

func fullText(fb *feedBodies, a *site.Article, full bool) string {
	if !full {
		return ""
	}
	return fb.html[a]
}

func (fb *feedBodies) keep(a *site.Article, html []byte) {
	if !fb.wanted[a] { // read-only after construction: no lock needed
		return
	}
	fb.mu.Lock()
	fb.html[a] = string(html)
	fb.mu.Unlock()
}

// items makes feed items of the first n articles, with their full text
// when full (newFeedBodies kept it).
func (r *renderer) items(arts []*site.Article, n int, full bool) []feed.Item {
	arts = arts[:min(len(arts), n)]
	items := make([]feed.Item, len(arts))
	for i, a := range arts {
		e := r.entries[a]
		items[i] = feed.Item{
			Title:       a.Title,
			URL:         e.Permalink,
			Summary:     e.Summary,
			ContentHTML: fullText(r.bodies, a, full),
			Published:   a.Date,
			Updated:     a.Lastmod,
			Categories:  a.Tags,
			Author:      strings.Join(a.Authors, "، "),
		}
	}
	return items
}

// writeFeeds is the work of writing the site's RSS, Atom and JSON feeds
// and an RSS feed per term, those only picks by the articles they carry.
// Feed times come from the articles, never the clock, so two builds
// of the same site give the same bytes.
func (r *renderer) writeFeeds(only shows) work {
	cfg := r.site.Config
	ch := feed.Channel{
		Title:       cfg.Title,
		Description: cfg.Description,
		Link:        r.abs("/"),
		Language:    cfg.Language,
		Generator:   "sahifa",
		Items:       r.items(r.site.Articles, cfg.Feeds.Limit, true),
	}
	var w work
	for _, f := range []struct {
		path, mediaType string
		encode          func(feed.Channel) ([]byte, error)
	}{
		{"index.xml", "application/rss+xml", feed.RSS},
		{"atom.xml", "application/atom+xml", feed.Atom},
		{"feed.json", "application/feed+json", feed.JSONFeed},
	} {
		if !only.wants(r.site.Articles[:min(len(r.site.Articles), cfg.Feeds.Limit)]) {
			break
		}
		ch := ch
		ch.SelfURL = r.abs("/" + f.path)
		w = append(w, func() error { return r.emitData(f.path, f.mediaType, f.encode, ch) })
	}
	if r.tpl.Has(sectionLayout) {
		w = append(w, r.sectionFeeds(ch, only)...)
	}
	for _, tx := range r.site.Taxonomies {
		if !r.tpl.Has(termLayout) {
			break // no term pages, so no page for a term feed to belong to
		}
		for _, t := range tx.Terms {
			if !only.wants(t.Articles[:min(len(t.Articles), cfg.Feeds.TermLimit)]) {
				continue
			}
			w = append(w, func() error {
				tch := ch
				tch.Title = cfg.Title + " – " + t.Name
				tch.Link = r.abs(t.RelPermalink)
				tch.SelfURL = r.abs(t.RelPermalink + "index.xml")
				tch.Items = r.items(t.Articles, cfg.Feeds.TermLimit, false)
				return r.emitData(strings.TrimPrefix(t.RelPermalink, "/")+"index.xml", "application/rss+xml", feed.RSS, tch)
			})
		}
	}
	return w
}

// sectionFeeds is the work of writing each section's RSS and Atom feeds
// that only picks: summaries, as term feeds carry, of its newest articles.
func (r *renderer) sectionFeeds(whole feed.Channel, only shows) work {
	var w work
	for _, sec := range r.site.Sections {
		if !only.wants(sec.Articles[:min(len(sec.Articles), r.site.Config.Feeds.Limit)]) {
			continue
		}
		ch := whole
		ch.Title = r.site.Config.Title + " – " + sec.Name
		if sec.Description != "" {
			ch.Description = sec.Description
		}
		ch.Link = r.abs(sec.RelPermalink)
		ch.Items = r.items(sec.Articles, r.site.Config.Feeds.Limit, false)
		for _, f := range []struct {
			name, mediaType string
			encode          func(feed.Channel) ([]byte, error)
		}{
			{site.SectionRSS, "application/rss+xml", feed.RSS},
			{site.SectionAtom, "application/atom+xml", feed.Atom},
		} {
			path := strings.TrimPrefix(sec.RelPermalink, "/") + f.name
			w = append(w, func() error {
				ch := ch
				ch.SelfURL = r.abs("/" + path)
				return r.emitData(path, f.mediaType, f.encode, ch)
			})
		}
	}
	return w
}

func (r *renderer) emitData(path, mediaType string, encode func(feed.Channel) ([]byte, error), ch feed.Channel) error {
	key := r.feedKey(path, &ch)
	if r.keep(path, key) {
		return nil
	}
	data, err := encode(ch)
	if err != nil {
		return err
	}
	if data, err = r.opts.Minifier.Bytes(mediaType, data); err != nil {
		return err
	}
	return r.emitKeyed(output.File{Path: path, MediaType: mediaType, Data: data}, key)
}

// writeSitemaps writes sitemap.xml (an index past 50,000 URLs), the Google
// News sitemap of the articles published in the two days before the build
// time, and robots.txt pointing to both unless the site has its own.
func (r *renderer) writeSitemaps(now time.Time) error {
	cfg := r.site.Config
	var news []sitemap.NewsItem
	for _, a := range r.site.Articles {
		news = append(news, sitemap.NewsItem{Loc: r.entries[a].Permalink, Title: a.Title, Published: a.Date})
	}
	base := r.abs("/")
	lists, articles := r.sitemapURLs()
	files := sitemap.Series([][]sitemap.URL{lists, articles}, base)
	files = append(files, sitemap.News(sitemap.Recent(news, now), cfg.Title, cfg.Language, base)...)
	if !hasFile(r.opts.Static, "robots.txt") {
		files = append(files, sitemap.File{Path: "robots.txt", Data: sitemap.Robots([]string{r.abs("/sitemap.xml"), r.abs("/news-sitemap.xml")})})
	}
	for _, f := range files {
		mt := "application/xml"
		if f.Path == "robots.txt" {
			mt = "text/plain"
		}
		data, err := r.opts.Minifier.Bytes(mt, f.Data)
		if err != nil {
			return err
		}
		if err := r.emit(output.File{Path: f.Path, MediaType: mt, Data: data}); err != nil {
			return err
		}
	}
	return nil
}

// sitemapURLs lists the pages search engines should index, in two
// groups: the lists' front pages (the home page, the sections, the taxonomy indexes and
// each term, the archive and its years and months) and the articles,
// oldest first. A list's numbered pages are not listed (nor are they in
// Hugo's sitemaps): crawlers reach them from the front page, and listing
// them made every publish rewrite every part of a large site's sitemap.
// Oldest first, a newly published article goes at the end of the last
// part (sitemap.Series).
func (r *renderer) sitemapURLs() (lists, articles []sitemap.URL) {
	s := r.site
	add := func(rel string, lastmod time.Time) {
		lists = append(lists, sitemap.URL{Loc: r.abs(rel), Lastmod: lastmod})
	}
	front := func(ps []site.Pager) {
		add(ps[0].RelPermalink, newestChange(ps[0].Articles))
	}
	front(s.Home)
	if r.tpl.Has(termsLayout) {
		for _, tx := range s.Taxonomies {
			add(tx.RelPermalink, newestChange(s.Articles))
		}
	}
	if r.tpl.Has(sectionLayout) {
		for _, sec := range s.Sections {
			front(sec.Pagers)
		}
	}
	if r.tpl.Has(termLayout) {
		for _, tx := range s.Taxonomies {
			for _, t := range tx.Terms {
				front(t.Pagers)
			}
		}
	}
	if s.Archive != nil && r.tpl.Has(archiveLayout) {
		add(s.Archive.RelPermalink, newestChange(s.Articles))
	}
	if s.Archive != nil && r.tpl.Has(periodLayout) {
		for _, y := range s.Archive.Years {
			front(y.Pagers)
			for _, m := range y.Months {
				front(m.Pagers)
			}
		}
	}
	// Pages without a date, by path: few, and not news (site.Pages).
	for _, p := range s.Pages {
		if !p.Unlisted {
			lists = append(lists, sitemap.URL{Loc: r.abs(p.RelPermalink), Lastmod: p.Lastmod})
		}
	}
	for i := len(s.Articles) - 1; i >= 0; i-- {
		a := s.Articles[i]
		// The entry's link is this one, made once a build already.
		loc := ""
		if e := r.entries[a]; e != nil {
			loc = e.Permalink
		} else {
			loc = r.abs(a.RelPermalink)
		}
		articles = append(articles, sitemap.URL{Loc: loc, Lastmod: a.Lastmod})
	}
	return lists, articles
}

func newestChange(arts []*site.Article) time.Time {
	var t time.Time
	for _, a := range arts {
		if a.Lastmod.After(t) {
			t = a.Lastmod
		}
	}
	return t
}

func hasFile(fsys fs.FS, name string) bool {
	if fsys == nil {
		return false
	}
	_, err := fs.Stat(fsys, name)
	return err == nil
}
