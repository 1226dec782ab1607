package site

import (
	"fmt"
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
)

// SlugWords is how many words of a title make its slug: long Arabic
// headlines would otherwise make unwieldy URLs.
const SlugWords = 8

// Slug is the page's URL segment: its own slug, else one made from its
// title, else its file name.
func Slug(p *content.Page) string {
	if p.Slug != "" {
		return p.Slug
	}
	if s := arabic.Slugify(p.Title, SlugWords); s != "" {
		return s
	}
	return fileName(p)
}

// fileName is the page's file name without .md and without a language
// code (about.ar.md is about).
func fileName(p *content.Page) string {
	return content.FileStem(p.Path)
}

// section is the first folder under content/, "" for top-level files.
// A bundle's folder (about/ of content/about/index.md) holds one page, so
// it is the page, not a section: a bundle at the top of content/ is in
// none, as in Hugo.
func section(p *content.Page) string {
	rel := p.Path
	if content.FileStem(rel) == "index" {
		rel = path.Dir(rel)
	}
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		rel = rel[i+1:] // drop the content folder itself
	}
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}

// permalink gives the page's site-relative URL: its url key when set, else
// the configured pattern expanded with the page's date in the site's zone.
func permalink(cfg config.Config, p *content.Page) (string, error) {
	if p.URL != "" {
		return p.URL, nil
	}
	pattern := cfg.Permalinks.Article
	if pattern == "" {
		pattern = "/:year/:month/:day/:slug/"
	}
	return expand(cfg, pattern, p)
}

// expand fills a permalink pattern in with the page's date in the site's
// zone, its slug, file name and section.
func expand(cfg config.Config, pattern string, p *content.Page) (string, error) {
	d := p.Date
	if cfg.Location != nil {
		d = d.In(cfg.Location)
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != ':' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		j := i + 1
		for j < len(pattern) && (pattern[j] >= 'a' && pattern[j] <= 'z') {
			j++
		}
		switch tok := pattern[i+1 : j]; tok {
		case "year":
			fmt.Fprintf(&b, "%04d", d.Year())
		case "month":
			fmt.Fprintf(&b, "%02d", int(d.Month()))
		case "day":
			fmt.Fprintf(&b, "%02d", d.Day())
		case "slug":
			b.WriteString(Slug(p))
		case "title":
			s := arabic.Slugify(p.Title, SlugWords)
			if s == "" {
				s = fileName(p)
			}
			b.WriteString(s)
		case "filename", "contentbasename":
			b.WriteString(fileName(p))
		case "section":
			b.WriteString(section(p))
		default:
			return "", fmt.Errorf("permalink %q: unknown token :%s", pattern, tok)
		}
		i = j
	}
	u := path.Clean(b.String())
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	if strings.HasSuffix(pattern, "/") && u != "/" {
		u += "/"
	}
	for _, seg := range strings.Split(u, "/") {
		if seg == ".." {
			return "", fmt.Errorf("permalink %q gives %q, which leaves the site", pattern, u)
		}
	}
	return u, nil
}
