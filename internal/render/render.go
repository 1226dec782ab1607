// Package render turns an assembled site into output files: article pages,
// the paginated home, the 404 page, alias redirects, fingerprinted assets
// and copied static files. It writes nothing itself; every file goes to the
// emit function the caller passes (which publishes through package output).
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sahifa/sahifa/internal/cores"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/images"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/minifier"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/search"
	"github.com/sahifa/sahifa/internal/site"
)

// Options are the inputs of rendering besides the site model.
type Options struct {
	Layouts  fs.FS              // rooted at layouts/ (a site's over the theme's: see Layers)
	Assets   fs.FS              // rooted at assets/
	Static   fs.FS              // rooted at static/, copied as is; nil for none
	Markdown *markdown.Renderer // nil: as the site's config says
	Minifier *minifier.Minifier
	// Now is the build time: the news sitemap holds the articles of the
	// two days before it. Zero leaves the news sitemap empty.
	Now time.Time
	// Source is the site root, where images beside articles are read
	// (content/…); nil for none.
	Source fs.FS
	// Images resizes featured images; nil: a processor without a cache,
	// with the site's [images] settings.
	Images *images.Processor
	// Reuse, when set, lets outputs an earlier build made from the same
	// inputs stay without being rendered again (reuse.go).
	Reuse Reuse
	// Memos remember, between builds, what lists need from each
	// article's Markdown and each article's search analysis, so a kept
	// article need not be rendered to be listed or indexed.
	Memos Memos
	// Version identifies the program rendering: outputs are kept only
	// from builds by the same one.
	Version string
	// ReleaseBodies drops each article's Markdown source once its page,
	// search analysis and feed text are done, so a large archive's
	// sources are not all held to the end of the build (550 MB at
	// 100,000 articles). Only for a site model not used again: the dev
	// server keeps its parsed articles for the next build.
	ReleaseBodies bool
	// StableAssets keeps CSS and JS at their own names, without a content
	// hash or an integrity value: for the dev server, where a stylesheet
	// edit must change no page (the browser swaps the stylesheet in
	// place), and which sends every file uncached anyway.
	StableAssets bool
}

// Emit receives each output file. It must be safe for concurrent use.
type Emit func(output.File) error

// Render renders every output of s and passes it to emit. Problems in
// independent pages are all reported, each once.
func Render(s *site.Site, opts Options, emit Emit) error {
	_, err := RenderKept(s, opts, emit)
	return err
}

// RenderKept is Render that also returns what it made besides the files
// (templates, list entries, keys, the search plan), so that the outputs
// a later edit of the same site affects can be made again without the
// others (Rendered.BodyEdited).
func RenderKept(s *site.Site, opts Options, emit Emit) (*Rendered, error) {
	r, assetFiles, err := prepare(s, opts, emit)
	if err != nil {
		return nil, err
	}
	for _, f := range assetFiles {
		if err := emit(f); err != nil {
			return nil, err
		}
	}
	var errs errorSet
	r.images(&errs)
	// The keys again, now that the site data holds the default image
	// (which images sets): pages show it.
	r.keys = newKeys(r.site, r.tpl, r.assets, r.siteData, r.opts.Version)
	r.planSearch()
	r.prefetchBodies()
	r.articles(&errs)
	if errs.err() != nil {
		return nil, errs.err()
	}
	// Everything else reads the finished article entries; it runs in
	// parallel, the search index (one long job) first.
	w := work{r.writeSearch}
	for i := range s.Home {
		w = append(w, func() error { return r.home(&s.Home[i]) })
	}
	w = append(w, r.sections(nil)...)
	for _, tx := range s.Taxonomies {
		w = append(w, r.taxonomy(tx, nil)...)
	}
	w = append(w, r.archive(s.Archive, nil)...)
	w = append(w, r.bundleCopies()...)
	w = append(w, r.writeFeeds(nil)...)
	w = append(w, func() error { return r.writeSitemaps(opts.Now) }, r.notFound)
	for _, al := range s.Aliases {
		w = append(w, func() error { return r.alias(al) })
	}
	if opts.Static != nil {
		w = append(w, func() error { return copyStatic(opts.Static, emit) })
	}
	w.run(&errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return keepRenderer(r), nil
}

// prepare loads the assets and templates and sets up a renderer, with
// opts' defaults filled in; it returns the asset files to emit.
func prepare(s *site.Site, opts Options, emit Emit) (*renderer, []output.File, error) {
	assetFiles, assets, err := publishAssets(opts.Assets, opts.Minifier, func(p string) string { return relLink(s.Config, p) }, !opts.StableAssets)
	if err != nil {
		return nil, nil, err
	}
	tpl, err := LoadTemplates(opts.Layouts, funcMap(s.Config, assets))
	if err != nil {
		return nil, nil, err
	}
	resolveRef := refResolver(s)
	if opts.Markdown == nil {
		opts.Markdown = markdown.New(markdown.WithUnsafe(s.Config.Markup.Unsafe), markdown.WithBasePath(s.Config.BasePath()),
			markdown.WithShortcodes(tpl.shortcodes), markdown.WithRefResolver(resolveRef))
	}
	if opts.Images == nil {
		opts.Images = images.New(images.Options{Widths: s.Config.Images.Widths, Quality: s.Config.Images.Quality})
	}
	if opts.Memos.Bodies == nil {
		opts.Memos.Bodies = &Memo{}
	}
	if opts.Memos.Search == nil {
		opts.Memos.Search = &Memo{}
	}
	r := newRenderer(s, tpl, opts, emit)
	r.assets = assets
	r.resolveRef = resolveRef
	r.keys = newKeys(s, tpl, assets, r.siteData, opts.Version)
	r.bodyKeys = make(map[*site.Article]string, len(s.Articles))
	bodyKey := r.keys.bodyKeys(s)
	for _, a := range s.Written() {
		r.bodyKeys[a] = bodyKey(a.Hash)
	}
	return r, assetFiles, nil
}

// prefetchBodies reads what every article's Markdown told lists in the
// last build, at once, before the articles read it one by one.
func (r *renderer) prefetchBodies() {
	keys := make([]string, 0, len(r.bodyKeys))
	for _, k := range r.bodyKeys {
		keys = append(keys, k)
	}
	r.opts.Memos.Bodies.prefetch(keys)
}

// work is independent jobs of a render.
type work []func() error

// run does the jobs on every core and collects their errors.
func (w work) run(errs *errorSet) {
	jobs := make(chan func() error)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(w)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				errs.add(job())
			}
		}()
	}
	for _, job := range w {
		jobs <- job
	}
	close(jobs)
	wg.Wait()
}

type renderer struct {
	site     *site.Site
	tpl      *Templates
	opts     Options
	emit     Emit
	siteData *SiteData
	// entries are the articles as lists show them, filled in two steps:
	// links and metadata before any page is rendered, summaries and word
	// counts as each article's Markdown is rendered.
	entries map[*site.Article]*Article
	// terms are the term links of every taxonomy.
	terms  map[*site.Term]TermLink
	feeds  []FeedLink
	bodies *feedBodies
	// search collects the articles' text for the search index as they
	// are rendered; nil when the theme has no search page.
	search     *search.Builder
	searchPlan searchPlan
	keys       keys
	sums       sync.Map  // pointer -> *[32]byte: sharedSum
	buffers    sync.Pool // *bytes.Buffer for template output
	keyBufs    sync.Pool // *keyData for pageKey and sharedSum
	// bodyKeys are the articles' body keys, made before any is rendered.
	bodyKeys map[*site.Article]string
	assets   map[string]Asset
	// resolveRef finds the pages ref and relref shortcodes name.
	resolveRef markdown.RefResolver
	// bundles are the articles' bundle files (bundle.go), set with the
	// images, before any article is rendered.
	bundles map[*site.Article]*bundle
	// pageImages are the sections' and terms' pictures, by
	// *site.Section or *site.Term (listimages.go).
	pageImages map[any]*Image
	// years are the articles' years (articleYears), found by the search
	// page, which one job alone renders.
	years []int
	// prefixes are the escaped bases of links (rel, abs).
	prefixes prefixes
}

func newRenderer(s *site.Site, tpl *Templates, opts Options, emit Emit) *renderer {
	r := &renderer{site: s, tpl: tpl, opts: opts, emit: emit, siteData: siteData(s),
		entries: make(map[*site.Article]*Article, len(s.Articles)),
		terms:   map[*site.Term]TermLink{},
		bodies:  newFeedBodies(s),
	}
	r.buffers.New = func() any { return new(bytes.Buffer) }
	r.keyBufs.New = func() any { return new(keyData) }
	if tpl.Has(searchLayout) {
		r.search = search.NewBuilder()
	}
	cfg := s.Config
	for _, tx := range s.Taxonomies {
		for _, t := range tx.Terms {
			r.terms[t] = TermLink{Name: t.Name, URL: r.rel(t.RelPermalink), Count: len(t.Articles), FeedURL: r.abs(t.RelPermalink + "index.xml")}
		}
	}
	filed := r.filedSections()
	written := s.Written()
	entries := make([]Article, len(written))
	// On every core: the links of every article are percent-encoded
	// here, before anything else of the render can start.
	cores.Each(len(written), func() func(int) {
		return func(i int) { entries[i] = r.entry(written[i], filed) }
	})
	for i, a := range written {
		r.entries[a] = &entries[i]
	}
	r.feeds = []FeedLink{
		{Type: "application/rss+xml", Title: cfg.Title, URL: r.abs("/index.xml")},
		{Type: "application/atom+xml", Title: cfg.Title, URL: r.abs("/atom.xml")},
		{Type: "application/feed+json", Title: cfg.Title, URL: r.abs("/feed.json")},
	}
	return r
}

// entry is article a as lists show it, but for what its Markdown and its
// picture tell (set as the article and the images are rendered); filed
// are the sections' links (filedSections).
func (r *renderer) entry(a *site.Article, filed map[*site.Section]*SectionLink) Article {
	e := Article{
		Title:        a.Title,
		Description:  a.Description,
		Summary:      firstNonEmpty(a.Summary, a.Description),
		Date:         a.Date,
		Lastmod:      a.Lastmod,
		Tags:         a.Tags,
		Permalink:    r.abs(a.RelPermalink),
		RelPermalink: r.rel(a.RelPermalink),
		Dateline:     a.String("dateline"),
		Agency:       a.String("agency"),
		Caption:      a.String("caption"),
		Draft:        a.Draft,
		Params:       a.Params,
		Section:      filed[a.Section],
		source:       a.Hash,
		card:         &cards{},
	}
	for _, t := range a.Terms["tags"] {
		link := r.terms[t]
		link.Count = 0 // moves with every article tagged: not on article pages (data.go)
		e.TagLinks = append(e.TagLinks, link)
	}
	r.newsFacts(&e, a)
	return e
}

// rel and abs make a site-relative path into a link with the base path,
// or an absolute URL, percent-encoded.
func (r *renderer) rel(p string) string {
	return siteURL(r.site.Config.RelURL(p), p, r.prefixes.escape)
}

func (r *renderer) abs(p string) string {
	return siteURL(r.site.Config.AbsURL(p), p, r.prefixes.escape)
}

func siteData(s *site.Site) *SiteData {
	c := s.Config
	return &SiteData{
		Title:        c.Title,
		Description:  c.Description,
		LanguageCode: c.Language,
		Dir:          c.Dir,
		BaseURL:      c.BaseURL,
		Copyright:    c.Copyright,
		Author:       c.Author,
		Params:       c.Params,
		Menus:        menuLinks(s),
	}
}

// menuLinks are the site's menus as links.
func menuLinks(s *site.Site) map[string][]MenuLink {
	var links func(items []*site.MenuItem) []MenuLink
	links = func(items []*site.MenuItem) []MenuLink {
		var out []MenuLink
		for _, it := range items {
			l := MenuLink{Name: it.Name, URL: it.URL, External: it.External, Children: links(it.Children)}
			if !it.External {
				l.URL = relLink(s.Config, it.URL)
			}
			out = append(out, l)
		}
		return out
	}
	menus := make(map[string][]MenuLink, len(s.Menus))
	for name, items := range s.Menus {
		menus[name] = links(items)
	}
	return menus
}

func (r *renderer) notFound() error {
	cfg := r.site.Config
	data := &Page{
		Kind:         "404",
		Title:        "الصفحة غير موجودة",
		Description:  cfg.Description,
		Permalink:    absLink(cfg, "/404.html"),
		RelPermalink: relLink(cfg, "/404.html"),
		Site:         r.siteData,
	}
	return r.page("404.html", "404 page", notFound, data)
}

// page executes a page template, minifies the result and emits it,
// unless the page the last build made from the same data can stay.
func (r *renderer) page(outPath, source, layout string, data *Page) error {
	if !r.tpl.Has(layout) {
		return nil
	}
	key := r.pageKey(layout, data)
	if r.keep(outPath, key) {
		return nil
	}
	return r.render(outPath, source, layout, data, key)
}

// render executes a page template, minifies the result and emits it with
// its key.
func (r *renderer) render(outPath, source, layout string, data *Page, key string) error {
	if !r.tpl.Has(layout) {
		return nil
	}
	// Template output is pooled: pages are rendered by the thousand, each
	// tens of kilobytes before minifying.
	buf := r.buffers.Get().(*bytes.Buffer)
	defer r.buffers.Put(buf)
	buf.Reset()
	if err := r.tpl.Execute(buf, layout, data); err != nil {
		return err
	}
	out := r.buffers.Get().(*bytes.Buffer)
	defer r.buffers.Put(out)
	if err := r.opts.Minifier.Into(out, "text/html", buf); err != nil {
		return fmt.Errorf("%s: minify: %w", source, err)
	}
	return r.emit(output.File{Path: outPath, MediaType: "text/html", Data: bytes.Clone(out.Bytes()), Key: key})
}

var aliasPage = template.Must(template.New("alias").Parse(`<!doctype html>
<html lang="{{.Lang}}" dir="{{.Dir}}"><head><meta charset="utf-8"><title>{{.Title}}</title><link rel="canonical" href="{{.Abs}}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={{.Rel}}"></head>
<body><p><a href="{{.Rel}}">{{.Title}}</a></p></body></html>
`))

// alias writes a redirect page at an article's or a section's old URL: static hosts have
// no server-side redirects that work everywhere, a meta refresh does.
func (r *renderer) alias(al site.Alias) error {
	cfg := r.site.Config
	var buf bytes.Buffer
	err := aliasPage.Execute(&buf, map[string]string{
		"Lang": cfg.Language, "Dir": cfg.Dir, "Title": al.Title,
		"Abs": absLink(cfg, al.RelPermalink),
		"Rel": relLink(cfg, al.RelPermalink),
	})
	if err != nil {
		return err
	}
	return r.emit(output.File{Path: al.OutputPath, MediaType: "text/html", Data: buf.Bytes()})
}

// copyStatic copies static/ as is: favicon, CNAME, robots.txt, images,
// and hidden files hosts read (.nojekyll for GitHub Pages).
func copyStatic(fsys fs.FS, emit Emit) error {
	names, err := Layers{fsys}.StaticFiles()
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := emit(output.File{Path: name, MediaType: mediaType(name), Data: data}); err != nil {
			return err
		}
	}
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// errorSet collects errors from parallel work, each distinct message once:
// a broken template fails every article the same way, and one line says it.
type errorSet struct {
	mu   sync.Mutex
	seen map[string]bool
	errs []error
}

func (s *errorSet) add(err error) {
	if err == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	for _, e := range diag.Flatten(err) {
		if !s.seen[e.Error()] {
			s.seen[e.Error()] = true
			s.errs = append(s.errs, e)
		}
	}
}

func (s *errorSet) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := append([]error(nil), s.errs...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errors.Join(errs...)
}
