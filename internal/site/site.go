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
)

// Options decide which pages are published.
type Options struct {
	// Now is the build time: future and expired are judged against it. It
	// is an input, not the clock, so builds and tests are reproducible.
	Now          time.Time
	BuildDrafts  bool
	BuildFuture  bool
	BuildExpired bool
}

// Article is a published page with its place on the site.
type Article struct {
	*content.Page
	// RelPermalink is the site-relative URL path ("/2021/02/24/slug/"),
	// unescaped and without the base path.
	RelPermalink string
	// OutputPath is the file it is written to ("2021/02/24/slug/index.html").
	OutputPath string
	// Terms are the article's terms by taxonomy name, as merged spellings.
	Terms map[string][]*Term
	// Related are the articles most related to this one, best first.
	Related []*Article
}

// Alias is an old URL that redirects to an article.
type Alias struct {
	OutputPath string
	Target     *Article
}

// Site is the assembled model that renderers read.
type Site struct {
	Config config.Config
	// Articles are the published articles, newest first.
	Articles []*Article
	// Home is the paginated home page: pinned (weighted) articles first,
	// then the newest.
	Home    []Pager
	Aliases []Alias
	// Taxonomies in the config's order ("tags" first by default).
	Taxonomies []*Taxonomy
	Archive    *Archive
	// Skipped counts pages left out as drafts, future or expired.
	Skipped int
}

// Assemble builds the site model from loaded pages. It reports every
// problem it finds (bad permalinks, two sources claiming one URL) at once.
func Assemble(cfg config.Config, pages []content.Page, opts Options) (*Site, error) {
	s := &Site{Config: cfg}
	claims := newClaims()
	var errs []error

	for i := range pages {
		p := &pages[i]
		if !published(p, opts) {
			s.Skipped++
			continue
		}
		rel, err := permalink(cfg, p)
		if err != nil {
			errs = append(errs, diag.At(p.Path, 0, 0, err))
			continue
		}
		a := &Article{Page: p, RelPermalink: rel, OutputPath: OutputPath(rel)}
		s.Articles = append(s.Articles, a)
	}
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
		tx := buildTaxonomy(name, s.Articles, cfg.Paginate)
		s.Taxonomies = append(s.Taxonomies, tx)
		claims.claim(tx.OutputPath, "the "+name+" index")
		for _, t := range tx.Terms {
			for _, pg := range t.Pagers {
				claims.claim(pg.OutputPath, "the "+name+" page of "+t.Name)
			}
		}
		if name == "tags" {
			relate(s.Articles, tx, cfg.Related)
		}
	}
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
	for _, a := range s.Articles {
		if err := claims.claim(a.OutputPath, a.Path); err != nil {
			errs = append(errs, err)
		}
	}
	for _, a := range s.Articles {
		for _, from := range a.Aliases {
			al := Alias{OutputPath: OutputPath(from), Target: a}
			if err := claims.claim(al.OutputPath, a.Path+" (alias "+from+")"); err != nil {
				errs = append(errs, err)
				continue
			}
			s.Aliases = append(s.Aliases, al)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

func published(p *content.Page, opts Options) bool {
	if p.Draft && !opts.BuildDrafts {
		return false
	}
	if !opts.BuildFuture && p.PublishDate.After(opts.Now) {
		return false
	}
	if !opts.BuildExpired && !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(opts.Now) {
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
	if prev, ok := c[outPath]; ok {
		return diag.Errorf(source, 0, 0, "URL /%s is also claimed by %s", strings.TrimSuffix(outPath, "index.html"), prev)
	}
	c[outPath] = source
	return nil
}
