// Package site assembles loaded pages into the model of a site: which
// articles are published, in what order, at which URLs, and how lists are
// paginated. It is pure and deals in metadata only, so it stays fast enough
// to redo on every change; rendering is another package's job.
package site

import (
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
)

// Options decide which pages are published.
type Options struct {
	// Now is the build time: future and expired are judged against it. It
	// is an input, not the clock, so builds and tests are reproducible.
	Now          time.Time
	BuildDrafts  bool
	BuildFuture  bool
	BuildExpired bool
	// Files are other files the build writes, by output path, each with
	// what it is ("static/favicon.ico"), so an article's url or alias
	// naming one is reported as such.
	Files map[string]string
	// Sections are what the sections' _index.md files say (name,
	// description, order); content.LoadSections reads them.
	Sections []content.SectionMeta
	// Lang is the language of warnings.
	Lang i18n.Lang
}

// Article is a published page with its place on the site.
type Article struct {
	*content.Page
	// RelPermalink is the site-relative URL path ("/2021/02/24/slug/"),
	// unescaped and without the base path.
	RelPermalink string
	// OutputPath is the file it is written to ("2021/02/24/slug/index.html").
	OutputPath string
	// Tags are the page's tags as written, but no more distinct ones than
	// [limits] tagsPerArticle. They stand in for Page.Tags (which keeps
	// every one) wherever the site is rendered: pages, feeds, search.
	Tags []string
	// Terms are the article's terms by taxonomy name, as merged spellings.
	Terms map[string][]*Term
	// Related are the articles most related to this one, best first.
	Related []*Article
	// Section is the section the article is filed in (its folder under
	// content/), nil for none.
	Section *Section
	// Files are the files of its bundle published beside its page
	// (bundle.go).
	Files []BundleFile
}

// Alias is an old URL that redirects to a page: an article, or a
// section's front page.
type Alias struct {
	OutputPath string
	// Title and RelPermalink are the page redirected to.
	Title, RelPermalink string
}

// Site is the assembled model that renderers read.
type Site struct {
	Config config.Config
	// Articles are the published articles, newest first.
	Articles []*Article
	// Pages are published pages that no list shows: pages without a date
	// and Hugo's _build list: never (pages.go); by source path. Each has
	// its page, like an article, but no place on the home page, in
	// sections, taxonomies, the archive, feeds or the news sitemap.
	Pages []*Article
	// Home is the paginated home page: pinned (weighted) articles first,
	// then the newest.
	Home    []Pager
	Aliases []Alias
	// Taxonomies in the config's order ("tags" first by default).
	Taxonomies []*Taxonomy
	Archive    *Archive
	// Sections are the folders of content/ with published articles, in
	// menu order (sections.go).
	Sections []*Section
	// Menus are the site's menus by name; MainMenu lists the sections
	// unless the config gives it.
	Menus map[string][]*MenuItem
	// Held counts the pages left out as drafts, future or expired.
	Held Held
	// Warnings are problems that do not stop the build (too many tags).
	Warnings []diag.Warning
}

// Assemble builds the site model from loaded pages. It reports every
// problem it finds (bad permalinks, two sources claiming one URL) at once.
func Assemble(cfg config.Config, pages []content.Page, opts Options) (*Site, error) {
	s := &Site{Config: cfg}
	claims := newClaims()
	for p, what := range opts.Files {
		claims[p] = what
	}
	var errs []error

	var out leftOut
	for i := range pages {
		p := &pages[i]
		k := kindOf(p, cfg.Language)
		if k == unwritten {
			out.add(p, k, cfg.Language)
			continue
		}
		if s.Held.hold(p, opts) {
			continue
		}
		out.add(p, k, cfg.Language)
		rel, err := pageURL(cfg, p, k)
		if err != nil {
			errs = append(errs, diag.At(p.Path, 0, 0, err))
			continue
		}
		a := &Article{Page: p, RelPermalink: rel, OutputPath: OutputPath(rel)}
		a.Tags = s.capTerms(p, "tags", p.Tags)
		if k == standalone {
			s.Pages = append(s.Pages, a)
			continue
		}
		s.Articles = append(s.Articles, a)
	}
	s.Warnings = append(s.Warnings, out.warnings(cfg.Language, opts.Lang)...)
	sort.SliceStable(s.Articles, func(i, j int) bool { return newer(s.Articles[i], s.Articles[j]) })

	s.Home = Paginate(HomeOrder(s.Articles), s.Articles, cfg.Paginate, "/")
	for _, pg := range s.Home {
		claims.claim(pg.OutputPath, "the home page")
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	for _, name := range cfg.Taxonomies {
		tx := buildTaxonomy(name, s.Articles, cfg.Paginate, s.capTerms)
		s.nameTerms(tx, opts.Sections)
		s.Taxonomies = append(s.Taxonomies, tx)
		claims.claim(tx.OutputPath, "the "+name+" index")
		for _, t := range tx.Terms {
			for _, pg := range t.Pagers {
				claims.claim(pg.OutputPath, "the "+name+" page of "+t.Name)
			}
			claims.claim(strings.TrimPrefix(t.RelPermalink, "/")+"index.xml", "the feed of the "+name+" page of "+t.Name)
		}
		if name == "tags" {
			relate(s.Articles, tx, cfg.Related)
		}
	}
	s.buildSections(opts.Sections)
	errs = append(errs, s.buildMenus(cfg)...)
	s.Archive = buildArchive(s.Articles, loc, cfg.Paginate)
	claims.claim(s.Archive.OutputPath, "the archive index")
	for _, y := range s.Archive.Years {
		for _, p := range y.Months {
			for _, pg := range p.Pagers {
				claims.claim(pg.OutputPath, "the archive of "+p.RelPermalink)
			}
		}
		for _, pg := range y.Pagers {
			claims.claim(pg.OutputPath, "the archive of "+y.RelPermalink)
		}
	}
	// After every page of the site's own: a folder named like one of
	// them is the one to rename.
	errs = append(errs, s.claimSections(claims)...)
	written := s.Written()
	for _, a := range written {
		var err error
		if a.URL != "" {
			err = claims.claimFor(a.Page, "url", a.URL, a.OutputPath)
		} else {
			err = claims.claim(a.OutputPath, a.Path)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	for _, a := range written {
		for _, from := range a.Aliases {
			al := Alias{OutputPath: OutputPath(from), Title: a.Title, RelPermalink: a.RelPermalink}
			if err := claims.claimFor(a.Page, "aliases", from, al.OutputPath); err != nil {
				errs = append(errs, err)
				continue
			}
			s.Aliases = append(s.Aliases, al)
		}
	}
	errs = append(errs, s.sectionAliases(claims)...)
	errs = append(errs, s.termAliases(claims)...)
	errs = append(errs, s.claimBundles(written, claims)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

// Written are the articles and the pages, each of which has a page of
// its own: the articles newest first, then the pages.
func (s *Site) Written() []*Article {
	return append(s.Articles[:len(s.Articles):len(s.Articles)], s.Pages...)
}

// Held counts the articles a build leaves out, each under the first rule
// that left it out (a future draft is a draft), so that the build can say
// what it left out and which flag includes it.
type Held struct {
	Drafts, Future, Expired int
	// NextPublish is the earliest publish date of the future articles:
	// when a build without -F would first show one of them.
	NextPublish time.Time
}

// Total is how many articles were left out.
func (h Held) Total() int { return h.Drafts + h.Future + h.Expired }

// hold counts p and reports true when opts leave it out.
func (h *Held) hold(p *content.Page, opts Options) bool {
	switch {
	case p.Draft && !opts.BuildDrafts:
		h.Drafts++
	case !opts.BuildFuture && p.PublishDate.After(opts.Now):
		h.Future++
		if h.NextPublish.IsZero() || p.PublishDate.Before(h.NextPublish) {
			h.NextPublish = p.PublishDate
		}
	case !opts.BuildExpired && !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(opts.Now):
		h.Expired++
	default:
		return false
	}
	return true
}

// newer orders articles newest first; ties fall back to the source path so
// the order never depends on the file system.
func newer(a, b *Article) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	return a.Path < b.Path
}

// HomeOrder puts articles with a weight first (lowest weight first), as Hugo
// does, so an editor can pin a story to the top; the rest stay newest first.
func HomeOrder(articles []*Article) []*Article {
	out := make([]*Article, len(articles))
	copy(out, articles)
	sort.SliceStable(out, func(i, j int) bool {
		wi, wj := out[i].Weight, out[j].Weight
		if (wi != 0) != (wj != 0) {
			return wi != 0
		}
		return wi < wj
	})
	return out
}

// OutputPath maps a site-relative URL path to the file that serves it:
// "/a/b/" → "a/b/index.html", "/a/b.html" → "a/b.html". Pretty URLs as
// folders with index.html work on every static host.
func OutputPath(rel string) string {
	p := strings.TrimPrefix(rel, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	last := p[strings.LastIndex(p, "/")+1:]
	if strings.Contains(last, ".") {
		return p
	}
	return p + "/index.html"
}

// claims records which source produced each output path so that two
// sources writing one file is an error naming both.
type claims map[string]string

func newClaims() claims { return claims{} }

func (c claims) claim(outPath, source string) error {
	if prev, ok := c.owner(outPath); ok {
		return diag.Errorf(source, 0, 0, "URL /%s is also claimed by %s", strings.TrimSuffix(outPath, "index.html"), prev)
	}
	c[outPath] = source
	return nil
}

// claimFor claims outPath for the value of an article's front matter key
// (url, or one of its aliases), reporting a clash at that key's line.
func (c claims) claimFor(p *content.Page, key, value, outPath string) error {
	if prev, ok := c.owner(outPath); ok {
		name := key
		if key == "aliases" {
			name = "alias"
		}
		return diag.Errorf(p.Path, p.Lines[key], 0, "%s %q collides with %s; choose another", name, value, prev)
	}
	c[outPath] = p.Path
	return nil
}

// owner says what already writes outPath: a source claimed before, or
// one of the build's own files.
func (c claims) owner(outPath string) (string, bool) {
	if prev, ok := c[outPath]; ok {
		return prev, true
	}
	return reserved(outPath)
}
