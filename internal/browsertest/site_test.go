package browsertest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
)

// repoRoot is the checkout's root: the example site lives there.
const repoRoot = "../.."

// buildNow is the build's clock: after every example article's date and
// before the vaccination story expires, so the site is the same every run.
var buildNow = time.Date(2024, 5, 1, 0, 0, 0, 0, time.FixedZone("+03", 3*3600))

// mixedTitle is the headline of the one article the tests add to the
// example site: Latin names and a code between Arabic words, with an Arabic
// comma between two Latin words, the case that scrambles a line when the
// Latin runs are not isolated.
const mixedTitle = "قمة G20 تناقش منصات Twitter، Facebook وTikTok بعد COVID-19"

const mixedArticle = `---
title: "` + mixedTitle + `"
slug: "قمة-المنصات"
date: 2024-04-25T10:00:00+03:00
description: "قادة مجموعة G20 يبحثون تنظيم منصات التواصل مثل X وYouTube."
tags: ["العراق", "التكنولوجيا"]
dateline: "الرياض"
agency: "AFP"
caption: "صورة جماعية لقادة G20 في الرياض."
---

اجتمع قادة مجموعة العشرين (G20) لبحث تنظيم منصات مثل Twitter وFacebook، في جلسة نقلها موقع https://g20.example/ مباشرة.
`

// builtSite is the example site built once for all tests of the package.
var builtSite struct {
	once sync.Once
	root string // the temporary folder, removed by TestMain
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtSite.root != "" {
		os.RemoveAll(builtSite.root)
	}
	os.Exit(code)
}

// site builds the repository's example site (sahifa.toml, content/,
// seeds/, static/, data/ copied to a temporary folder, with the mixed-title
// article added) and returns the output folder.
func site(t *testing.T) string {
	t.Helper()
	builtSite.once.Do(func() {
		tmp, err := os.MkdirTemp("", "sahifa-browsertest-")
		if err != nil {
			builtSite.err = err
			return
		}
		builtSite.root = tmp
		src := filepath.Join(tmp, "site")
		for _, name := range []string{"sahifa.toml", "content", "seeds", "static", "data"} {
			if err := copyTree(filepath.Join(repoRoot, name), filepath.Join(src, name)); err != nil {
				builtSite.err = err
				return
			}
		}
		if err := os.WriteFile(filepath.Join(src, "content", "bidi-summit.md"), []byte(mixedArticle), 0o644); err != nil {
			builtSite.err = err
			return
		}
		dest := filepath.Join(tmp, "public")
		_, err = build.Run(build.Options{Source: src, Destination: dest, Now: buildNow, CacheDir: filepath.Join(tmp, "cache")})
		builtSite.dir, builtSite.err = dest, err
	})
	if builtSite.err != nil {
		t.Fatalf("building the example site: %v", builtSite.err)
	}
	return builtSite.dir
}

// copyTree copies a file or folder; a missing one is skipped.
func copyTree(from, to string) error {
	if _, err := os.Stat(from); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

var (
	scriptTag    = regexp.MustCompile(`(?is)<script\b([^>]*)>`)
	timeTag      = regexp.MustCompile(`(?is)<time\b([^>]*)>`)
	resourceRef  = regexp.MustCompile(`(?is)<(?:link|script|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["']?([^"' >]+)`)
	linkRel      = regexp.MustCompile(`(?is)<link\b[^>]*\brel=["']?(canonical|alternate)`)
	searchScript = regexp.MustCompile(`^ src="?/js/search(-analysis|-index|-rank)?\.[0-9a-f]{12}\.js"? integrity="?sha384-[^" ]+"? defer$`)
	shareScript  = regexp.MustCompile(`^ src="?/js/share\.[0-9a-f]{12}\.js"? integrity="?sha384-[^" ]+"? defer$`)
)

// TestBuiltPages checks every page of the built example site without a
// browser: reading needs no JavaScript (the only scripts are JSON-LD data,
// the search page's own and the share links' copy button),
// nothing is loaded from another host, every <time> carries a machine-
// readable datetime, and titles and meta text isolate their Latin runs.
func TestBuiltPages(t *testing.T) {
	dir := site(t)
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc := string(data)
		rel, _ := filepath.Rel(dir, p)
		pages++
		for _, m := range scriptTag.FindAllStringSubmatch(doc, -1) {
			// The search page alone runs a script: the theme's own, with
			// integrity (docs/search.md).
			if rel == filepath.Join("search", "index.html") && searchScript.MatchString(m[1]) {
				continue
			}
			// Article pages: the share links' copy button, which only
			// adds to links and a field that work without it.
			if shareScript.MatchString(m[1]) {
				continue
			}
			if !strings.Contains(m[1], "application/ld+json") {
				t.Errorf("%s: a script that is not data: <script%s>", rel, m[1])
			}
		}
		for _, m := range timeTag.FindAllStringSubmatch(doc, -1) {
			if !regexp.MustCompile(`\bdatetime=["']?\d{4}-\d{2}-\d{2}T`).MatchString(m[1]) {
				t.Errorf("%s: <time%s> without a machine-readable datetime", rel, m[1])
			}
		}
		for _, m := range resourceRef.FindAllStringSubmatch(doc, -1) {
			if linkRel.MatchString(m[0]) {
				continue // links to pages, not resources the browser loads
			}
			if strings.Contains(m[1], "//") {
				t.Errorf("%s: loads %s from another host", rel, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 10 {
		t.Fatalf("only %d pages built", pages)
	}

	article := readPage(t, dir, "2024/04/25/قمة-المنصات/index.html")
	for _, want := range []string{
		"<title>قمة \u2068G20\u2069 تناقش منصات \u2068Twitter\u2069، \u2068Facebook\u2069 و\u2068TikTok\u2069 بعد \u2068COVID-19\u2069 – صحيفة</title>",
		`<meta name="description" content="قادة مجموعة ` + "\u2068G20\u2069" + ` يبحثون`,
		`<h1 class="story-title">قمة <bdi>G20</bdi> تناقش منصات <bdi>Twitter</bdi>، <bdi>Facebook</bdi> و<bdi>TikTok</bdi> بعد <bdi>COVID-19</bdi></h1>`,
		`<strong class="dateline">الرياض</strong>`,
		`(<bdi>AFP</bdi>)`,
		"الخميس 25 نيسان 2024 م – 16 شوال 1445 هـ",
	} {
		if !strings.Contains(article, want) {
			t.Errorf("the mixed-title article lacks %s", want)
		}
	}
	// JSON-LD carries the headline as written, without isolates.
	if !strings.Contains(article, `"headline":"`+mixedTitle+`"`) && !strings.Contains(article, `"headline": "`+mixedTitle+`"`) {
		t.Error("JSON-LD headline is not the plain title")
	}
}

func readPage(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
