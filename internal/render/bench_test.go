package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"testing"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/feed"
	"github.com/sahifa/sahifa/internal/images"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/minifier"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
)

// benchNow is after every corpus article, so none is left out as future.
var benchNow = time.Date(corpus.FirstYear+corpus.Years, 6, 1, 12, 0, 0, 0, time.UTC)

// discard is an Emit that keeps nothing, so the benchmarks measure
// rendering, not writing.
func discard(output.File) error { return nil }

// corpusSite assembles n articles of the benchmark corpus as a build does:
// the corpus's own config, Markdown loaded from memory.
func corpusSite(b *testing.B, n int) *site.Site {
	b.Helper()
	cfg, pages := corpusPages(b, n)
	s, err := site.Assemble(cfg, pages, site.Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// corpusPages are n articles of the benchmark corpus, parsed, and its config.
func corpusPages(tb testing.TB, n int) (config.Config, []content.Page) {
	tb.Helper()
	cfg, _, err := config.Parse(corpus.ConfigPath, corpus.Config())
	if err != nil {
		tb.Fatal(err)
	}
	pages, err := content.Load(corpus.MapFS(corpus.Generate(corpus.Options{N: n, Seed: 1})), "content", content.Options{
		Location: cfg.Location, DefaultHour: cfg.DefaultHour(), DefaultMinute: cfg.DefaultMinute(),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return cfg, pages
}

// benchOptions renders with the embedded default theme, minified as the
// corpus's config says, as a site without its own layouts/ does.
func benchOptions(b *testing.B, s *site.Site) Options {
	b.Helper()
	layouts, err := fs.Sub(sahifa.Theme, "layouts")
	if err != nil {
		b.Fatal(err)
	}
	assets, err := fs.Sub(sahifa.Theme, "assets")
	if err != nil {
		b.Fatal(err)
	}
	return Options{
		Layouts:  Layers{layouts},
		Assets:   Layers{assets},
		Markdown: markdown.New(markdown.WithBasePath(s.Config.BasePath())),
		Minifier: minifier.New(s.Config.Minify),
		Now:      benchNow,
		Images:   images.New(images.Options{Widths: s.Config.Images.Widths, Quality: s.Config.Images.Quality}),
	}
}

// benchRenderer is the renderer Render sets up (keep the two in step),
// without rendering anything. Its search index is off: it would grow with
// every iteration, and internal/search has its own benchmark.
func benchRenderer(b *testing.B, s *site.Site, opts Options) *renderer {
	b.Helper()
	r, _, err := prepare(s, opts, discard)
	if err != nil {
		b.Fatal(err)
	}
	r.search = nil
	return r
}

// BenchmarkArticlePage measures one article page as a build makes it:
// Markdown, template, minifying, over the articles of a 1,000-article
// corpus in turn.
func BenchmarkArticlePage(b *testing.B) {
	s := corpusSite(b, 1000)
	r := benchRenderer(b, s, benchOptions(b, s))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := r.article(s.Articles[i%len(s.Articles)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkArticleTemplate measures executing the article template alone
// for one article, its Markdown rendered beforehand and nothing minified.
func BenchmarkArticleTemplate(b *testing.B) {
	s := corpusSite(b, 1000)
	opts := benchOptions(b, s)
	r := benchRenderer(b, s, opts)
	a := s.Articles[len(s.Articles)/2]
	res, err := opts.Markdown.Render(a.Body)
	if err != nil {
		b.Fatal(err)
	}
	// The page data as renderer.article builds it.
	e := r.entries[a]
	e.Summary = firstNonEmpty(e.Summary, res.PlainText)
	e.Words, e.ReadingTime = res.Words, readingTime(res.Words)
	data := r.articlePage(a, e)
	data.Article.Content = template.HTML(res.HTML)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := r.tpl.Execute(&buf, articleLayout, data); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkRender1k measures the whole render stage of a 1,000-article
// site (every page, feed, sitemap and the search index) into an emit that
// discards the files.
func BenchmarkRender1k(b *testing.B) {
	s := corpusSite(b, 1000)
	opts := benchOptions(b, s)
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(s, opts, discard); err != nil {
			b.Fatal(err)
		}
	}
}

// keepAll is a Reuse that keeps every output, as a build where nothing
// changed does once it has checked each file: every key is computed and
// nothing rendered.
type keepAll struct{}

func (keepAll) Keep(path, key string) bool   { return key != "" }
func (keepAll) KeepAll(dir, key string) bool { return key != "" }

// BenchmarkRenderKept1k measures the render stage of a 1,000-article site
// when every output is kept: building each page's data and its key, what
// publishing one article costs in render besides the few pages it changes.
func BenchmarkRenderKept1k(b *testing.B) {
	s := corpusSite(b, 1000)
	opts := benchOptions(b, s)
	opts.Reuse = keepAll{}
	opts.Memos = Memos{Bodies: &Memo{}, Search: &Memo{}}
	if err := Render(s, opts, discard); err != nil { // fills the memos
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(s, opts, discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeys measures the keys of every article page, and of every
// home and term page, of a 1,000-article site, their data made
// beforehand: what a build where (almost) nothing changed spends to
// learn that. Shared sums (list entries, taxonomies) are computed again
// in each iteration, as in each build.
func BenchmarkKeys(b *testing.B) {
	s := corpusSite(b, 1000)
	r := benchRenderer(b, s, benchOptions(b, s))
	var articles, lists []*Page
	for _, a := range s.Articles {
		articles = append(articles, r.articlePage(a, r.entries[a]))
	}
	for i := range s.Home {
		lists = append(lists, r.listPage("home", "", &s.Home[i]))
	}
	for _, tx := range s.Taxonomies {
		td := r.taxonomyData(tx)
		for _, t := range tx.Terms {
			link := r.terms[t]
			for i := range t.Pagers {
				p := r.listPage("term", t.Name, &t.Pagers[i])
				p.Taxonomy, p.Term = td, &link
				lists = append(lists, p)
			}
		}
	}
	bench := func(layout string, pages []*Page) func(*testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.sums.Clear()
				for _, p := range pages {
					if r.pageKey(layout, p, "body") == "" {
						b.Fatal("no key")
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
		}
	}
	b.Run("articles", bench(articleLayout, articles))
	b.Run("lists", bench(termLayout, lists))
	var feeds []feed.Channel
	for _, tx := range s.Taxonomies {
		for _, t := range tx.Terms {
			feeds = append(feeds, feed.Channel{Title: t.Name, Link: r.abs(t.RelPermalink), Items: r.items(t.Articles, s.Config.Feeds.TermLimit, false)})
		}
	}
	b.Run("term feeds", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range feeds {
				if r.feedKey("index.xml", &feeds[i]) == "" {
					b.Fatal("no key")
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(feeds)), "ns/feed")
	})
}
