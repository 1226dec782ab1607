package wordpress

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/wxr"
)

// entry is what the first pass keeps of a post or page: enough to place
// it and know its new URL, not its text.
type entry struct {
	id, line   int
	page       bool // a WordPress page: an undated page in sahifa
	draft      bool
	title      string
	slug       string // decoded, as it will be written
	date       time.Time
	category   string // nicename of its first category, "" for none
	link       string // the old permalink as exported
	markdown   string // "content/…/index.md"
	newURL     string // site-relative, unescaped, from site.Assemble
	alias      string // the old permalink's path when it differs, else ""
	thumbnail  int    // _thumbnail_id, 0 for none
	categories []string
}

// attachment is a picture of the media library.
type attachment struct {
	url, caption, alt string
}

// skipReason says why an item is not imported, "" when it is.
func skipReason(it *wxr.Item) string {
	switch {
	case it.Type != "post" && it.Type != "page":
		return it.Type
	case it.Status == "private":
		return "private"
	case it.Status == "trash":
		return "trash"
	case it.Password != "":
		return "password-protected"
	case it.Status == "auto-draft" || it.Status == "inherit":
		return it.Status
	}
	return ""
}

// slugOf is a post's slug: its post_name percent-decoded once (WordPress
// stores Arabic slugs encoded), kept exactly; else one made from the
// title, else post-ID. A slug must be one folder name the loader reads.
func slugOf(it *wxr.Item) string {
	s, err := url.PathUnescape(strings.TrimSpace(it.Name))
	if err != nil || !utf8.ValidString(s) {
		s = strings.TrimSpace(it.Name)
	}
	if s == "" || strings.ContainsAny(s, "/\\\x00") || s == "." || s == ".." || strings.ContainsRune("._#", rune(s[0])) {
		s = arabic.Slugify(it.Title, site.SlugWords)
	}
	if s == "" {
		s = "post-" + strconv.Itoa(it.ID)
	}
	return s
}

// plan places every post and page: its Markdown path, its new URL (as
// the build will give it: site.Assemble, the one place URLs are made) and
// the alias its old permalink needs.
type plan struct {
	cfg         config.Config
	taxonomy    bool // categories as a taxonomy, not sections
	site        wxr.Site
	entries     []*entry
	byID        map[int]*entry
	attachments map[int]attachment
	topOf       map[string]string // category nicename → its top ancestor's
	names       map[string]string // category nicename → name
	authors     map[string]string // login → display name
}

func newPlan(cfg config.Config, taxonomy bool) *plan {
	return &plan{cfg: cfg, taxonomy: taxonomy, byID: map[int]*entry{}, attachments: map[int]attachment{},
		topOf: map[string]string{}, names: map[string]string{}, authors: map[string]string{}}
}

// add keeps what the first pass needs of an item that is imported.
func (p *plan) add(it *wxr.Item) {
	loc := location(p.cfg)
	e := &entry{id: it.ID, line: it.Line, page: it.Type == "page", title: strings.TrimSpace(it.Title),
		slug: slugOf(it), link: strings.TrimSpace(it.Link)}
	e.draft = it.Status != "publish" && it.Status != "future"
	switch {
	case !it.Date.IsZero():
		e.date = it.Date.In(loc)
	case !it.LocalDate.IsZero():
		// A draft has no GMT date: its local one is the blog's clock.
		l := it.LocalDate
		e.date = time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, loc)
	}
	for _, t := range it.TermsOf("category") {
		if e.category == "" {
			e.category = t.Nicename
		}
		e.categories = append(e.categories, strings.TrimSpace(t.Name))
	}
	e.thumbnail, _ = strconv.Atoi(strings.TrimSpace(it.Meta["_thumbnail_id"]))
	p.entries = append(p.entries, e)
	p.byID[e.id] = e
}

// addAttachment keeps a media library item.
func (p *plan) addAttachment(it *wxr.Item) {
	u := strings.TrimSpace(it.AttachmentURL)
	if u == "" {
		u = strings.TrimSpace(it.GUID)
	}
	p.attachments[it.ID] = attachment{url: u, caption: strings.TrimSpace(it.Excerpt), alt: strings.TrimSpace(it.Meta["_wp_attachment_image_alt"])}
}

// setSite takes the channel's authors and categories.
func (p *plan) setSite(s wxr.Site) {
	p.site = s
	parent := map[string]string{}
	for _, c := range s.Categories {
		parent[c.Nicename] = c.Parent
		p.names[c.Nicename] = strings.TrimSpace(c.Name)
	}
	for _, c := range s.Categories {
		top, seen := c.Nicename, map[string]bool{}
		for parent[top] != "" && !seen[top] { // a loop in a broken export ends
			seen[top] = true
			top = parent[top]
		}
		p.topOf[c.Nicename] = top
	}
	for _, a := range s.Authors {
		name := strings.TrimSpace(a.DisplayName)
		if name == "" {
			name = a.Login
		}
		p.authors[a.Login] = name
	}
}

// sectionOf is the folder under content/ a post goes in: its first
// category's top ancestor, decoded (sections), or its year (taxonomy:
// folders named by a number are storage, not sections).
func (p *plan) sectionOf(e *entry) string {
	if p.taxonomy || e.category == "" {
		if e.date.IsZero() {
			return "drafts"
		}
		return strconv.Itoa(e.date.Year())
	}
	top := p.topOf[e.category]
	if top == "" {
		top = e.category
	}
	return folderName(top)
}

// folderName is a category's nicename as a folder: decoded once, as
// WordPress encodes Arabic ones.
func folderName(nicename string) string {
	s, err := url.PathUnescape(nicename)
	if err != nil || !utf8.ValidString(s) || s == "" || strings.ContainsAny(s, "/\\\x00") || strings.ContainsRune("._#", rune(s[0])) {
		return "category-" + strings.Trim(strings.ReplaceAll(nicename, "%", ""), "./\\_#")
	}
	return s
}

// place gives every entry its Markdown path, a leaf bundle so that its
// pictures go beside it: content/<section>/<slug>/index.md for a post,
// content/<slug>/index.md for a page. A child page is not put inside its
// parent's folder: a bundle holds no other pages; its old address
// (/parent/child/) becomes an alias.
func (p *plan) place() {
	taken := map[string]bool{}
	for _, e := range p.entries {
		dir := "content"
		if !e.page {
			dir = path.Join(dir, p.sectionOf(e))
		}
		folder := path.Join(dir, e.slug)
		if taken[folder] {
			folder += "-" + strconv.Itoa(e.id)
		}
		taken[folder] = true
		e.markdown = folder + "/index.md"
	}
}

// pages are the entries as the content loader would read them, enough for
// their URLs; with aliases once they are known, so that an alias that
// would take another page's URL is found before anything is written.
func (p *plan) pages(withAliases bool) []content.Page {
	pages := make([]content.Page, len(p.entries))
	for i, e := range p.entries {
		pg := content.Page{Path: e.markdown, Title: e.title, Slug: e.slug, Draft: e.draft}
		if !e.page {
			pg.Date, pg.PublishDate, pg.Lastmod = e.date, e.date, e.date
		}
		if withAliases && e.alias != "" {
			pg.Aliases = []string{e.alias}
		}
		pages[i] = pg
	}
	return pages
}

// urls gives each entry the URL the build will give it, and the alias its
// old permalink needs.
func (p *plan) urls() error {
	cfg := p.cfg
	// Only URLs are wanted: no lists of terms, no menus to resolve.
	cfg.Taxonomies, cfg.Menus = nil, nil
	opts := site.Options{BuildDrafts: true, BuildFuture: true, BuildExpired: true}
	s, err := site.Assemble(cfg, p.pages(false), opts)
	if err != nil {
		return err
	}
	byPath := map[string]string{}
	for _, a := range slices.Concat(s.Articles, s.Pages) {
		byPath[a.Path] = a.RelPermalink
	}
	base := oldBasePath(p.site)
	for _, e := range p.entries {
		e.newURL = byPath[e.markdown]
		if old := oldPath(e.link, base); old != "" && old != e.newURL && !e.draft {
			e.alias = old
		}
	}
	_, err = site.Assemble(cfg, p.pages(true), opts)
	return err
}

// oldBasePath is the path the blog was served under ("/" or "/news/").
func oldBasePath(s wxr.Site) string {
	for _, u := range []string{s.BaseBlogURL, s.Link, s.BaseSiteURL} {
		if parsed, err := url.Parse(strings.TrimSpace(u)); err == nil && parsed.Host != "" {
			return strings.TrimSuffix(parsed.Path, "/") + "/"
		}
	}
	return "/"
}

// oldPath is a permalink's path under the blog's base, percent-decoded
// once (Arabic slugs exactly as WordPress had them), or "" when it is no
// path a static site can serve: a ?p= link, the home page.
func oldPath(link, base string) string {
	u, err := url.Parse(link)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || u.Path == "" {
		return ""
	}
	rel, ok := strings.CutPrefix(u.Path, strings.TrimSuffix(base, "/"))
	if !ok || rel == "" || rel == "/" || !utf8.ValidString(rel) || strings.ContainsAny(rel, "?#") {
		return ""
	}
	if !strings.HasPrefix(rel, "/") {
		rel = "/" + rel
	}
	return rel
}

// location is the site's time zone.
func location(cfg config.Config) *time.Location {
	if cfg.Location == nil {
		return time.UTC
	}
	return cfg.Location
}

// describe names an entry in messages.
func (e *entry) describe() string {
	kind := "post"
	if e.page {
		kind = "page"
	}
	return fmt.Sprintf("%s %d", kind, e.id)
}
