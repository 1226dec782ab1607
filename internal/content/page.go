// Package content loads a site's articles: Markdown files with Hugo-style
// front matter, read from an fs.FS so tests need no disk.
package content

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/sahifa/sahifa/internal/diag"
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

	// Lines holds the line of every front matter key, lower-cased, for
	// messages about values that are checked later (tags, url, aliases).
	Lines map[string]int

	// Params holds every front matter key, lower-cased, with its decoded
	// value, so themes can reach keys sahifa does not interpret (dateline,
	// caption, agency, source …).
	Params map[string]any

	// Body is the Markdown source after the front matter; BodyLine is the
	// file line it starts on, for positions in Markdown errors.
	Body     []byte
	BodyLine int

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

func hashOf(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}
