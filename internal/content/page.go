// Package content loads a site's articles: Markdown files with Hugo-style
// front matter, read from an fs.FS so tests need no disk.
package content

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"time"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/markdown"
)

// Page is one Markdown source file after its front matter was decoded. It
// holds metadata and the Markdown source; rendering happens later, so
// assembling a site of many pages stays cheap.
type Page struct {
	// Path is the site-relative slash path of the source, e.g.
	// "content/economy/budget.md"; it is what error messages name.
	Path string

	Title       string
	Description string
	Summary     string
	Slug        string // explicit slug from front matter, "" when absent
	URL         string // explicit site-relative URL, "" when absent
	Date        time.Time
	PublishDate time.Time
	Lastmod     time.Time
	ExpiryDate  time.Time
	Draft       bool
	Tags        []string
	Aliases     []string
	Weight      int
	// Image is the featured image as written: a path beside the article,
	// in assets/ or static/, or a full URL; "" for none. ImageLine is the
	// line of the key, for messages about the file it names.
	Image     string
	ImageLine int
	// Authors are the names of the author and authors keys, in the
	// order written, each once.
	Authors []string
	// Breaking marks breaking news (عاجل) on lists and the article.
	Breaking bool
	// Correction is the editor's dated note on a corrected story; zero
	// for none.
	Correction Correction
	// NoRender and Unlisted are Hugo's _build options (and headless):
	// NoRender writes no page for it, Unlisted keeps it off every list,
	// feed and sitemap (hugo.go).
	NoRender bool
	Unlisted bool
	// KeepResources is _build.publishResources: false: of its bundle,
	// only the files its page links are published.
	KeepResources bool

	// Bundle is the files of its bundle, for a leaf bundle's index.md
	// (Hugo's page resources): every file in its folder and below but
	// articles, sorted by name; nil for another page. Listed by every
	// Load, not kept in records: a file added beside an unchanged
	// index.md is a change.
	Bundle []BundleFile
	// BundleLinks are the links and images of an index.md's body to
	// files beside it, at their lines in the file, for the warning
	// about one that is missing.
	BundleLinks []markdown.LocalLink

	// Lines holds the line of every front matter key, lower-cased, for
	// messages about values that are checked later (tags, url, aliases).
	Lines map[string]int

	// Params holds every front matter key, lower-cased, with its decoded
	// value, so themes can reach keys sahifa does not interpret (dateline,
	// caption, agency, source …).
	Params map[string]any

	// Body is the Markdown source after the front matter; BodyLine is the
	// file line it starts on, for positions in Markdown errors. Body is
	// nil for a page taken from an earlier build's records (Parsed):
	// Markdown reads it when it is needed.
	Body     []byte
	BodyLine int
	// source is where Markdown reads a body that is not loaded.
	source fs.FS

	// Hash is the hex SHA-256 of the whole source file: a cheap identity
	// for caches and incremental builds.
	Hash string

	// Warnings are problems found in the file that did not stop it
	// from being read (text HTML forbids, replaced: sanitize.go).
	Warnings []diag.Warning
}

// String returns the page's string param or "" (dateline, caption, agency).
func (p *Page) String(key string) string {
	s, _ := p.Params[key].(string)
	return s
}

// Markdown is the page's Markdown source after the front matter: Body,
// or read again from the file for a page taken from an earlier build's
// records. The file must still be the one those records describe.
func (p *Page) Markdown() ([]byte, error) {
	if p.Body != nil || p.source == nil {
		return p.Body, nil
	}
	src, err := fs.ReadFile(p.source, p.Path)
	if err != nil {
		return nil, err
	}
	if hashOf(src) != p.Hash {
		return nil, diag.Errorf(p.Path, 0, 0, "the file changed while the site was being built; build again")
	}
	doc, err := frontmatter.Split(p.Path, src)
	if err != nil {
		return nil, err
	}
	body, _ := cleanBody(p.Path, doc.Body, doc.BodyLine)
	return body, nil
}

func hashOf(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}
