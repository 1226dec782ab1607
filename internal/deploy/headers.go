package deploy

import (
	"fmt"
	"hash/fnv"
	"mime"
	"path"
	"regexp"
	"strings"

	"github.com/sahifa/sahifa/internal/config"
)

// Phase is when a file is uploaded. A reader must never get a page that
// links a file not yet uploaded, nor a feed pointing to a page not yet
// there, so what pages link (styles, scripts, images) goes first, then
// the pages, then what points at pages (feeds, sitemaps, robots.txt, the
// search index); deletions come last, after every upload succeeded.
type Phase int

const (
	PhaseAssets Phase = iota
	PhasePages
	PhaseIndexes
	phases
)

func (p Phase) String() string {
	return [...]string{"assets", "pages", "feeds and sitemaps"}[p]
}

// PhaseOf is the phase of the file at site path p.
func PhaseOf(p string) Phase {
	base := path.Base(p)
	switch {
	case strings.HasSuffix(base, ".html"):
		return PhasePages
	case strings.HasSuffix(base, ".xml"), base == "feed.json", base == "robots.txt",
		strings.HasPrefix(p, "search/"):
		return PhaseIndexes
	}
	return PhaseAssets
}

// Header is what an object is stored with.
type Header struct {
	ContentType     string
	CacheControl    string
	ContentEncoding string
	// Gzip uploads the bytes gzip-compressed (ContentEncoding is then
	// "gzip").
	Gzip bool
	// Force uploads the file on every deploy.
	Force bool
}

// Sum fingerprints what a header makes the object look like, so a deploy
// after a change of rules uploads again the files it changes.
func (h Header) Sum() string {
	f := fnv.New64a()
	fmt.Fprintf(f, "%q %q %q %t", h.ContentType, h.CacheControl, h.ContentEncoding, h.Gzip)
	return fmt.Sprintf("%016x", f.Sum64())
}

// Immutable is the Cache-Control of files whose name changes with their
// bytes: a browser or CDN may keep them for a year without asking.
const Immutable = "public, max-age=31536000, immutable"

// fingerprinted matches the names sahifa gives assets and resized images:
// main.aadbfbb8f9d9.css, katyusha.c9568b7b6e47-480.jpg.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{12}(-[0-9]+)?\.[A-Za-z0-9]+$`)

// textTypes are the media types sahifa's text outputs are sent with, fixed
// here rather than taken from the machine's mime.types, which differ
// between systems (.js as text/javascript or application/javascript),
// and with charset=utf-8 so no client guesses another encoding for Arabic.
var textTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".png":         "image/png",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".gif":         "image/gif",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".pdf":         "application/pdf",
	".gz":          "application/gzip",
	".br":          "application/x-brotli",
}

// ContentType is the media type of the file at site path p.
func ContentType(p string) string {
	ext := strings.ToLower(path.Ext(p))
	if t, ok := textTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Rules decide each file's headers: sahifa's defaults, then the first of
// the site's matchers whose pattern matches the path.
type Rules struct {
	matchers []matcher
	maxAge   int
}

type matcher struct {
	re *regexp.Regexp
	config.DeployMatcher
}

// NewRules compiles the matchers of d (config.Parse checked them).
func NewRules(d config.Deployment) (*Rules, error) {
	r := &Rules{maxAge: d.MaxAge}
	for _, m := range d.Matchers {
		re, err := regexp.Compile(m.Pattern)
		if err != nil {
			return nil, fmt.Errorf("deployment matcher %q: %w", m.Pattern, err)
		}
		r.matchers = append(r.matchers, matcher{re, m})
	}
	return r, nil
}

// For returns the header of the file at site path p.
func (r *Rules) For(p string) Header {
	h := Header{ContentType: ContentType(p), CacheControl: fmt.Sprintf("public, max-age=%d", r.maxAge)}
	if fingerprinted.MatchString(path.Base(p)) {
		h.CacheControl = Immutable
	}
	for _, m := range r.matchers {
		if !m.re.MatchString(p) {
			continue
		}
		if m.ContentType != "" {
			h.ContentType = m.ContentType
		}
		if m.CacheControl != "" {
			h.CacheControl = m.CacheControl
		}
		if m.ContentEncoding != "" {
			h.ContentEncoding = m.ContentEncoding
		}
		h.Gzip, h.Force = m.Gzip, m.Force
		if h.Gzip {
			h.ContentEncoding = "gzip"
		}
		break
	}
	return h
}
