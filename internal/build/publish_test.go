package build

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/output"
)

// publishedArticle is a story newer than every article of the generated
// corpus (2016–2025), with four tags.
const publishedArticle = `---
title: "الحكومة العراقية تبحث مع وفد إيراني ملف المياه في الموصل"
date: 2026-01-01T10:00:00+03:00
tags: ["العراق", "بغداد", "إيران", "الموصل"]
author: "زينب حسن"
---
قال مسؤولون في بغداد إن الحكومة العراقية بحثت مع وفد إيراني ملف المياه والطاقة في الموصل.
`

// Publishing one article into a built archive rewrites only the outputs
// docs/output.md lists ("What a new article changes"), and nothing that
// shows older articles alone: the archive's numbered pages, other tags'
// pages, older articles' pages all keep their bytes.
func TestPublishingWritesOnlyItsOutputs(t *testing.T) {
	root := t.TempDir()
	for i, f := range corpus.Generate(corpus.Options{N: 400, Seed: 3}) {
		switch {
		case f.Path == corpus.ConfigPath:
			// Authors' pages and the home page's section blocks, as the
			// example site has them.
			f.Data = append(f.Data, "\n[params]\nhomeSections = true\n\n[taxonomies]\ntag = \"tags\"\nauthor = \"authors\"\n"...)
		case i%7 == 0 && bytes.HasPrefix(f.Data, []byte("---\n")):
			// A byline on some of the archive, so the new article's
			// author has older pages for it to leave alone.
			f.Data = append([]byte("---\nauthor: \"زينب حسن\"\n"), f.Data[4:]...)
		}
		// One article in ten is filed in a section, which the new one
		// joins.
		if strings.HasPrefix(f.Path, "content/") && i%10 == 0 {
			f.Path = "content/economy/" + path.Base(f.Path)
		}
		writeFile(t, root, f.Path, f.Data)
	}
	// A section's old URL and Hugo's pages without a date (issue 19):
	// none of them lists articles, so a publish leaves them alone.
	writeFile(t, root, "content/economy/_index.md", []byte("---\ntitle: اقتصاد\naliases: [/business/]\n---\n"))
	writeFile(t, root, "content/about.md", []byte("---\ntitle: من نحن\naliases: [who]\n---\nصحيفة.\n"))
	writeFile(t, root, "content/economy/guide.md", []byte("---\ntitle: دليل القسم\n---\nدليل.\n"))
	now := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	work := t.TempDir()
	dest, cache := filepath.Join(work, "public"), filepath.Join(work, "cache")
	if _, err := Run(Options{Source: root, Destination: dest, CacheDir: cache, Now: now}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)

	writeFile(t, root, "content/economy/publish-test.md", []byte(publishedArticle))
	res, err := Run(Options{Source: root, Destination: dest, CacheDir: cache, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	after := readTree(t, dest)

	// Lists the article joins: the front page and the newest numbered
	// pages (the newest holds it; the two before it link to a new page),
	// and their feeds.
	lists := []string{"", "2026/", "2026/01/", "economy/"}
	for _, tag := range []string{"العراق", "بغداد", "إيران", "الموصل"} {
		lists = append(lists, "tags/"+tag+"/")
	}
	lists = append(lists, "authors/زينب-حسن/")
	allowed := []*regexp.Regexp{
		regexp.MustCompile(`^2026/01/01/[^/]+/index\.html$`), // the article
		regexp.MustCompile(`^(index\.xml|atom\.xml|feed\.json|sitemap[^/]*\.xml|news-sitemap\.xml)$`),
		regexp.MustCompile(`^(archive|tags|authors|search)/index\.html$`),
		regexp.MustCompile(`^search/data/`), // its words' shards (docs/search.md)
	}
	newestPage := func(list string) int {
		n := 0
		for p := range after {
			if rest, ok := strings.CutPrefix(p, list+"page/"); ok {
				if k, err := strconv.Atoi(strings.TrimSuffix(rest, "/index.html")); err == nil {
					n = max(n, k)
				}
			}
		}
		return n
	}
	listOutput := func(p string) bool {
		for _, list := range lists {
			if p == list+"index.html" || p == list+"index.xml" || p == list+"atom.xml" {
				return true
			}
			if rest, ok := strings.CutPrefix(p, list+"page/"); ok {
				k, err := strconv.Atoi(strings.TrimSuffix(rest, "/index.html"))
				if err == nil && k >= newestPage(list)-2 {
					return true
				}
			}
		}
		return false
	}

	var written, search []string
	for p, data := range after {
		if old, ok := before[p]; ok && bytes.Equal(old, data) {
			continue
		}
		if strings.HasPrefix(p, "search/data/") {
			search = append(search, p)
		} else {
			written = append(written, p)
		}
		if listOutput(p) || slices.ContainsFunc(allowed, func(re *regexp.Regexp) bool { return re.MatchString(p) }) {
			continue
		}
		t.Errorf("publishing one article changed %s, which docs/output.md does not list", p)
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("publishing one article removed %s", p)
		}
	}
	slices.Sort(written)
	t.Logf("%d files written besides %d search files, %d pages rendered of %d:\n%s",
		len(written), len(search), res.Rendered, res.Pages, strings.Join(written, "\n"))
	if len(written) > 40 {
		t.Errorf("%d files written besides the search index, want at most 40", len(written))
	}
	// The search index: meta.json, the delta's two files and the last
	// block of summaries (docs/search.md).
	if slices.Sort(search); len(search) > 4 {
		t.Errorf("%d search files written, want at most 4: %v", len(search), search)
	}
	// Rendering is bounded too: pages whose inputs did not change are
	// neither rendered nor written.
	if res.Rendered > 40 {
		t.Errorf("%d pages rendered, want at most 40", res.Rendered)
	}

	// And the result is what a clean build gives.
	clean := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: root, Destination: clean, CacheDir: t.TempDir(), Now: now}); err != nil {
		t.Fatal(err)
	}
	if diff := diffTrees(t, os.DirFS(dest), os.DirFS(clean)); diff != "" {
		t.Fatalf("after publishing, the incremental build differs from a clean one:\n%s", diff)
	}
}

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	return readFS(t, os.DirFS(dir))
}

// readFS reads every file of fsys, by path.
func readFS(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// In the dev server a stylesheet edit renders no page: CSS keeps its name
// in memory builds, so pages do not change and open ones swap the sheet.
func TestServeStylesheetEditRendersNoPage(t *testing.T) {
	root := t.TempDir()
	for _, f := range corpus.Generate(corpus.Options{N: 30, Seed: 5}) {
		writeFile(t, root, f.Path, f.Data)
	}
	now := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	parsed := &content.Parsed{}
	first := output.NewMemoryAfter(nil)
	res, err := Run(Options{Source: root, Memory: first, Parsed: parsed, CacheDir: t.TempDir(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	css, err := fs.ReadFile(sahifa.Theme, "assets/css/main.css")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, root, "assets/css/main.css", append(css, "\n.masthead { border-block-end-width: 3px; }\n"...))
	next := output.NewMemoryAfter(first)
	memos := res.Memos.Next()
	res, err = Run(Options{Source: root, Memory: next, Memos: &memos, Parsed: parsed, CacheDir: t.TempDir(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != 0 {
		t.Errorf("a stylesheet edit rendered %d of %d pages", res.Rendered, res.Pages)
	}
	home, ok := next.Get("index.html")
	if !ok || !bytes.Contains(home.Data, []byte(`href="/css/main.css"`)) || bytes.Contains(home.Data, []byte("integrity=")) {
		t.Errorf("the home page does not link the stylesheet by its own name:\n%.600s", home.Data)
	}
	sheet, ok := next.Get("css/main.css")
	if !ok || !bytes.Contains(sheet.Data, []byte("border-block-end-width:3px")) {
		t.Errorf("css/main.css is not the edited stylesheet")
	}
}
