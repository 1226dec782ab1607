package render

import (
	"html/template"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sahifa/sahifa/internal/config"
)

// Page is what every template receives as its dot. Field names follow
// Hugo's where Hugo has one, so theme authors feel at home.
type Page struct {
	Kind         string // "home", "article", "section", "terms", "term", "archive", "period", "search" or "404"
	Title        string // "" on the first home page
	Description  string
	Permalink    string // absolute, percent-encoded
	RelPermalink string // with the base path, percent-encoded
	Site         *SiteData
	Article      *Article // Kind "article"
	Pager        *Pager   // Kinds "home", "section", "term" and "period": the page's slice of the list
	// Section is the section a page is about (Kind "section") or the one
	// an article is filed in (Kind "article", nil for none).
	Section  *SectionLink
	Taxonomy *TaxonomyData // Kinds "terms" and "term"
	Term     *TermLink     // Kind "term"
	Archive  *ArchiveData  // Kinds "archive" and "period"
	Period   *PeriodLink   // Kind "period"
	Search   *SearchData   // Kind "search"
	// Image is a section's or a term's picture, from its _index.md
	// (image:); nil for none and on other pages (an article's is
	// Article.Image).
	Image *Image
	// SectionBlocks are, on the home page's front page only, each
	// section's newest stories that the front page does not list, for
	// the theme's blocks (params.homeSections). The front page changes
	// with every publish anyway; no other page gets them.
	SectionBlocks []SectionBlock
	// Feeds are the feeds to announce in <head> (rel="alternate").
	Feeds []FeedLink
}

// SectionBlock is a section's newest stories, for a block on the home
// page.
type SectionBlock struct {
	Section  *SectionLink // without its count, as articles show it
	Articles []*Article   // newest first, at most sectionBlockSize
}

// SearchData is what the search page's script needs (docs/search.md).
type SearchData struct {
	DataURL string // the index folder, with the base path: "/search/data/"
	Count   int    // articles in the index
	Digits  string // "latin" or "arabic": the site's dates.digits, for counts
	// Years are the years of the articles, newest first, in the site's
	// time zone: the search page's filter by year.
	Years []int
}

// TermLink is a term of a taxonomy as a link.
//
// Values that move whenever an article is published (counts, the list of
// every term or year) are given only to the pages that change with them
// anyway: the taxonomy index, the archive index and a list's front page.
// On an article page and a list's numbered pages they are zero, so those
// pages keep their bytes, and their keys, as the archive grows
// (docs/output.md, docs/templates.md).
type TermLink struct {
	Name    string
	URL     string // with the base path, percent-encoded
	Count   int    // on the taxonomy index and the term's front page only
	FeedURL string // the term's RSS feed
}

// SectionLink is a section of the site (a folder under content/) as a
// link, with what its _index.md says.
type SectionLink struct {
	Name        string
	Description string
	URL         string // with the base path, percent-encoded
	FeedURL     string // its RSS feed, absolute
	AtomURL     string // its Atom feed, absolute
	Count       int    // on the section's front page only, like a term's
}

// MenuLink is an entry of a menu ([[menu.main]] in sahifa.toml, or the
// sections).
type MenuLink struct {
	Name string
	// URL is a link with the base path, percent-encoded, or a full URL
	// off the site (External).
	URL      string
	External bool
	Children []MenuLink // one level
}

// TaxonomyData is a taxonomy with all its terms, busiest first.
type TaxonomyData struct {
	Name  string // "tags"
	Title string // "الوسوم"
	URL   string
	Terms []TermLink // on the taxonomy index only
}

// PeriodLink is a year or month of the archive as a link.
type PeriodLink struct {
	Year    int
	Month   int       // 0 for a year
	Date    time.Time // the period's first day, for date functions
	URL     string
	YearURL string // the year's page (URL itself for a year)
	// Count and Months are not set on a period's numbered pages.
	Count  int
	Months []PeriodLink // a year's months, newest first
}

// ArchiveData is the date archive: years, newest first.
type ArchiveData struct {
	URL   string
	Years []PeriodLink // on the archive index only
}

// FeedLink is a feed announced in a page's <head>.
type FeedLink struct {
	Type  string // "application/rss+xml", "application/atom+xml", "application/feed+json"
	Title string
	URL   string // absolute
}

// RelatedLink is a related article as a link: only what a list of
// further reading shows, fixed before any page is rendered.
type RelatedLink struct {
	Title    string
	URL      string
	Date     time.Time
	Dateline string
}

// SiteData is the site-wide part of the template data.
type SiteData struct {
	Title        string
	Description  string
	LanguageCode string
	Dir          string
	BaseURL      string
	Copyright    string
	Author       string
	Params       map[string]any
	// Image is the default picture for social previews (images.default);
	// nil when the site sets none.
	Image *Image
	// Menus are the site's menus by name: "main" is the masthead's, the
	// sections unless sahifa.toml gives [[menu.main]]. A new section
	// changes it on every page; a new article does not.
	Menus map[string][]MenuLink
	// There is no Lastmod (Hugo's .Site.Lastmod): every page shows site
	// data, and a value that changes with every publish would make every
	// page of the archive change with it (docs/output.md).
}

// Article is an article as templates see it. Lists get it without Content.
type Article struct {
	Title        string
	Description  string
	Summary      string
	Content      template.HTML
	Date         time.Time
	Lastmod      time.Time
	Tags         []string
	Permalink    string
	RelPermalink string
	Dateline     string
	Agency       string
	Caption      string
	ReadingTime  int
	Words        int
	Draft        bool
	Params       map[string]any
	// Image is the featured image; nil when the article has none.
	Image *Image
	// TagLinks are the article's tags as links to their pages.
	TagLinks []TermLink
	// Section is the section the article is filed in, without its count
	// (which moves with every article published in it); nil for none.
	// Lists show it as the card's kicker.
	Section *SectionLink
	// Authors are the byline, in the order written (story.go).
	Authors []AuthorLink
	// Breaking marks breaking news: an "عاجل" label on lists and the page.
	Breaking bool
	// Correction is the editor's dated note; nil for none.
	Correction *Correction
	// Related are further articles on the same subjects (article pages only).
	Related []RelatedLink

	// source is the hash of the article's file: keys are made from it
	// (keyData.article) instead of from every field the file gives.
	source string
	// card holds the article's story cards, made when lists first show it
	// (cards.go).
	card *cards
}

// Pager is one page of a paginated list. Lists are numbered from their
// oldest page, so a page keeps its articles as newer ones are published
// (docs/output.md); the list's front page shows the newest.
type Pager struct {
	// PageNumber is 0 on the front page, else the page's number counted
	// from the oldest page, 1.
	PageNumber int
	// Front is true on the list's front page (the home page, a term's
	// page, an archive period's page), whose URL is FrontURL.
	Front    bool
	FrontURL string
	Articles []*Article
	// HasPrev and PrevURL lead to newer articles (rel="prev"), HasNext
	// and NextURL to older ones (rel="next").
	HasPrev bool
	HasNext bool
	PrevURL string
	NextURL string
	// Links are numbered pages near this one, newest first, and page 1.
	Links []PageLink
}

// PageLink is one numbered link of a pager's navigation, or a gap (…)
// where the pages between two links are left out.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// escapePath percent-encodes each segment of a URL path: Arabic paths are
// written as UTF-8 file names, but links, canonical URLs and feeds carry
// them encoded, which every browser, crawler and feed reader accepts.
//
// A segment that is already percent-encoded (a baseURL copied from a
// browser's address bar) is decoded first, so it is not encoded twice.
// Use it only for such URLs; site paths go through siteURL.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if strings.Contains(s, "%") {
			if raw, err := url.PathUnescape(s); err == nil {
				s = raw
			}
		}
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// relLink and absLink make the site path p (a permalink, an asset's
// path) into a link under the base path, or an absolute URL,
// percent-encoded.
func relLink(c config.Config, p string) string { return siteURL(c.RelURL(p), p, escapePath) }
func absLink(c config.Config, p string) string { return siteURL(c.AbsURL(p), p, escapePath) }

// siteURL percent-encodes joined, the URL config made by putting the site
// path p under the base URL. The base may be copied from a browser
// already encoded, so escapePath normalises it; p names files, so each of
// its characters, '%' included, is encoded as it is: the slug "a%20b" is
// the folder "a%20b/", linked as "a%2520b/", which a host decodes back to
// the folder's name (decoded, the link would ask for "a b/").
// The base's part is normalised by escapeBase: escapePath, or a memo of
// it (prefixes).
func siteURL(joined, p string, escapeBase func(string) string) string {
	tail := strings.TrimLeft(p, "/")
	if joined == p || !strings.HasSuffix(joined, tail) {
		return escapePath(joined) // an absolute URL, which config leaves as it is
	}
	segs := strings.Split(tail, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return escapeBase(joined[:len(joined)-len(tail)]) + strings.Join(segs, "/")
}

// prefixes memoizes escapePath of the few bases links start with (the
// base URL, the base path): a build makes every article's links, and
// escaping the same base again for each was two thirds of making them.
type prefixes struct{ m sync.Map }

func (ps *prefixes) escape(base string) string {
	if v, ok := ps.m.Load(base); ok {
		return v.(string)
	}
	esc := escapePath(base)
	ps.m.Store(base, esc)
	return esc
}

// wordsPerMinute is a typical reading speed for Arabic news prose.
const wordsPerMinute = 200

func readingTime(words int) int {
	return max(1, (words+wordsPerMinute/2)/wordsPerMinute)
}
