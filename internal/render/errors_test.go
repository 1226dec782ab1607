package render

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/minifier"
	"github.com/sahifa/sahifa/internal/output"
)

func TestErrorSet(t *testing.T) {
	var s errorSet
	if s.err() != nil {
		t.Fatal("empty set has an error")
	}
	s.add(nil)
	if s.err() != nil {
		t.Fatal("nil added counts as an error")
	}
	tplErr := diag.Errorf("layouts/_default/single.html", 3, 7, "can't evaluate field Nope")
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A fresh value each time: the message is what makes errors
			// the same, not their identity.
			s.add(diag.Errorf("layouts/_default/single.html", 3, 7, "can't evaluate field Nope"))
		}()
	}
	wg.Wait()
	if got := diag.Flatten(s.err()); len(got) != 1 || got[0].Error() != tplErr.Error() {
		t.Fatalf("50 identical errors gave %d: %v", len(got), s.err())
	}
	// Joined errors are split into their leaves, each kept once; the
	// result is sorted, so it does not depend on goroutine timing.
	s.add(errors.Join(errors.New("b"), tplErr, errors.New("a")))
	s.add(errors.New("b"))
	got := diag.Flatten(s.err())
	var msgs []string
	for _, e := range got {
		msgs = append(msgs, e.Error())
	}
	want := []string{"a", "b", tplErr.Error()}
	if strings.Join(msgs, "|") != strings.Join(want, "|") {
		t.Errorf("errors %q, want %q", msgs, want)
	}
	var se *diag.SourceError
	if !errors.As(got[2], &se) || se.Line != 3 {
		t.Errorf("leaves keep their type: %T", got[2])
	}
}

// manyArticles makes n articles with distinct titles and dates.
func manyArticles(n int) []content.Page {
	pages := make([]content.Page, n)
	for i := range pages {
		pages[i] = article(fmt.Sprintf("content/a%02d.md", i), fmt.Sprintf("%s %d", titleG20, i), at(1+i%27, i%24), "نص")
	}
	return pages
}

// A template error that every article hits is reported once, at the
// template, not fifty times.
func TestRenderTemplateErrorReportedOnce(t *testing.T) {
	l := miniLayouts()
	l["_default/single.html"] = file("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.Nope}}</p>\n{{end}}")
	s := assemble(t, testConfig(), manyArticles(50)...)
	if len(s.Articles) != 50 {
		t.Fatalf("%d articles", len(s.Articles))
	}
	out := newMemOut()
	err := Render(s, Options{Layouts: l, Minifier: minifier.New(true)}, out.emit)
	leaves := diag.Flatten(err)
	if len(leaves) != 1 {
		t.Fatalf("want 1 error, got %d:\n%v", len(leaves), err)
	}
	var se *diag.SourceError
	if !errors.As(leaves[0], &se) || se.Path != "layouts/_default/single.html" || se.Line != 3 || se.Col == 0 {
		t.Errorf("error %v", err)
	}
	// Article errors stop the build before lists are made from them.
	if _, ok := out.files["index.html"]; ok {
		t.Error("home page written although articles failed")
	}
}

// Errors of different pages (articles, home, 404) are all reported.
func TestRenderReportsEveryPageKind(t *testing.T) {
	l := miniLayouts()
	l["index.html"] = file("{{define \"main\"}}\n{{.Home}}{{end}}")
	l["404.html"] = file("{{define \"main\"}}\n\n{{.NotFound}}{{end}}")
	s := assemble(t, testConfig(), manyArticles(3)...)
	err := Render(s, Options{Layouts: l}, newMemOut().emit)
	ses := sourceErrors(t, err)
	paths := map[string]int{}
	for _, se := range ses {
		paths[se.Path] = se.Line
	}
	if len(ses) != 2 || paths["layouts/index.html"] != 2 || paths["layouts/404.html"] != 3 {
		t.Errorf("got %v", err)
	}
}

// Render with the small theme: every kind of output reaches emit, and the
// Minifier option may be left nil.
func TestRenderMiniTheme(t *testing.T) {
	cfg := testConfig()
	cfg.Paginate = 2
	pages := manyArticles(5)
	pages[0].Aliases = []string{"/قديم/"}
	s := assemble(t, cfg, pages...)
	out := newMemOut()
	if err := Render(s, Options{Layouts: miniLayouts()}, out.emit); err != nil {
		t.Fatal(err)
	}
	// 5 articles, the home page and its 3 numbered pages, 404, 1 alias,
	// and the site-wide feeds and sitemaps (the mini theme has no tag or
	// archive layouts, so no tag or archive pages and no tag feeds).
	if n := len(out.paths()); n != 17 {
		t.Errorf("%d files: %q", n, out.paths())
	}
	for _, p := range []string{"index.html", "page/1/index.html", "page/2/index.html", "page/3/index.html", "404.html", "قديم/index.html"} {
		if _, ok := out.files[p]; !ok {
			t.Errorf("%s not written", p)
		}
	}
	// Page 3 is the newest numbered page: the remainder, the newest article.
	if got := out.get(t, "page/3/index.html"); !strings.Contains(got, "HOME 3/false [قمة G20 في الرياض 4]") {
		t.Errorf("page 3: %s", got)
	}
	types := map[string]string{"index.xml": "application/rss+xml", "atom.xml": "application/atom+xml", "feed.json": "application/feed+json",
		"sitemap.xml": "application/xml", "news-sitemap.xml": "application/xml", "robots.txt": "text/plain"}
	for p, f := range out.files {
		want := types[p]
		if want == "" {
			want = "text/html"
		}
		if f.MediaType != want {
			t.Errorf("%s: media type %q, want %q", p, f.MediaType, want)
		}
	}
}

// An emit failure (a full disk) fails Render.
func TestRenderEmitError(t *testing.T) {
	s := assemble(t, testConfig(), manyArticles(4)...)
	boom := errors.New("disk full")
	for _, failOn := range []string{s.Articles[2].OutputPath, "index.html", "404.html", "favicon.ico"} {
		out := newMemOut()
		emit := func(f output.File) error {
			if f.Path == failOn {
				return boom
			}
			return out.emit(f)
		}
		opts := Options{Layouts: miniLayouts(), Static: staticFS}
		if err := Render(s, opts, emit); !errors.Is(err, boom) {
			t.Errorf("emit failing on %s: Render returned %v", failOn, err)
		}
	}
}

// A missing theme file fails Render with the template's name.
func TestRenderMissingLayout(t *testing.T) {
	l := miniLayouts()
	delete(l, "_default/baseof.html")
	err := Render(assemble(t, testConfig()), Options{Layouts: l}, newMemOut().emit)
	if err == nil || !strings.Contains(err.Error(), "layouts/_default/baseof.html") {
		t.Errorf("got %v", err)
	}
}
