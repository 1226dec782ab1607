package main

import (
	"crypto/sha512"
	"encoding/base64"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var e2eStylesheetRE = regexp.MustCompile(`<link rel="?stylesheet"? href="?(/css/main\.[0-9a-f]{6,64}\.css)"? integrity="?(sha384-[A-Za-z0-9+/=]+)"?`)

const (
	e2eTagPage = "tags/سياسة/index.html" // g20.md's one tag
	e2eTagFeed = "tags/سياسة/index.xml"
)

// TestE2EBuild: a first build of a small site writes the home, one page per
// article at its dated Arabic URL, tag pages and feeds, the date archive,
// feeds, sitemaps, robots.txt, 404.html and a fingerprinted stylesheet whose
// SRI hash matches its bytes; every link between them resolves.
func TestE2EBuild(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eFirstBuild(t, r, pub, 3)
	if strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("stdout of a build is more than the summary line: %q", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("stderr of a clean build: %q", r.stderr)
	}

	files := e2eFiles(t, pub)
	var css string
	for _, f := range files {
		if strings.HasPrefix(f, "css/") {
			css = f
		}
	}
	if !regexp.MustCompile(`^css/main\.[0-9a-f]{6,64}\.css$`).MatchString(css) {
		t.Fatalf("no fingerprinted css/main.<hash>.css among %q", files)
	}
	// Every kind of output; new kinds may join them.
	for _, want := range []string{
		"index.html", "404.html", css, e2eOldPage, e2eG20Page, e2eGrowthPage,
		"tags/index.html", e2eTagPage, e2eTagFeed,
		"archive/index.html", "2024/index.html", "2024/05/index.html", "2024/04/index.html",
		"economy/index.html", "economy/index.xml", "economy/atom.xml",
		"index.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "robots.txt",
	} {
		if !slices.Contains(files, want) {
			t.Errorf("public/%s missing; public/ holds\n  %q", want, files)
		}
	}
	// No archive for a month without articles.
	if e2eExists(filepath.Join(pub, "2024", "03")) || e2eExists(filepath.Join(pub, "2024", "06")) {
		t.Errorf("archive pages for months without articles: %q", files)
	}

	sum := sha512.Sum384([]byte(e2eRead(t, filepath.Join(pub, css))))
	wantSRI := "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
	for _, f := range e2eHTMLFiles(t, pub) {
		html := e2eRead(t, filepath.Join(pub, f))
		if !strings.Contains(html, `<html lang="ar" dir="rtl">`) {
			t.Errorf("%s: no <html lang=\"ar\" dir=\"rtl\">: %.200s", f, html)
		}
		m := e2eStylesheetRE.FindStringSubmatch(html)
		if m == nil {
			t.Errorf("%s: no stylesheet link with an integrity attribute", f)
			continue
		}
		if m[1] != "/"+css {
			t.Errorf("%s links %s, want /%s", f, m[1], css)
		}
		if m[2] != wantSRI {
			t.Errorf("%s: integrity %s, want %s (sha384 of %s)", f, m[2], wantSRI, css)
		}
	}
	e2eCheckLinks(t, pub, "https://example.com/")

	g20 := e2eRead(t, filepath.Join(pub, e2eG20Page))
	for _, s := range []string{"<title>قمة G20 في الرياض", e2eG20Text, `datetime="2024-05-20T10:00:00+03:00"`} {
		if !strings.Contains(e2ePlain(g20), s) {
			t.Errorf("%s lacks %q", e2eG20Page, s)
		}
	}
	// The article links its tag's page by its percent-encoded URL.
	if link := `href="` + e2eURLPath(e2eTagPage) + `"`; !strings.Contains(g20, link) || !strings.Contains(link, "%D8%B3") {
		t.Errorf("%s does not link its tag page with %s", e2eG20Page, link)
	}
	tag := e2eRead(t, filepath.Join(pub, filepath.FromSlash(e2eTagPage)))
	if !strings.Contains(tag, `href="`+e2eURLPath(e2eG20Page)+`"`) || strings.Contains(tag, e2eURLPath(e2eGrowthPage)) || strings.Contains(tag, e2eURLPath(e2eOldPage)) {
		t.Errorf("%s does not list exactly the article tagged سياسة", e2eTagPage)
	}
	if tags := e2eRead(t, filepath.Join(pub, "tags", "index.html")); !strings.Contains(tags, `href="`+e2eURLPath(e2eTagPage)+`"`) {
		t.Errorf("tags/index.html does not link %s", e2eTagPage)
	}
	// A date without a time of day gets the default time in the site zone.
	if growth := e2eRead(t, filepath.Join(pub, e2eGrowthPage)); !strings.Contains(growth, `datetime="2024-05-21T09:00:00+03:00"`) {
		t.Errorf("%s: no 09:00 Baghdad time for a date-only article", e2eGrowthPage)
	}
	home := e2ePlain(e2eRead(t, filepath.Join(pub, "index.html")))
	for _, title := range []string{"قمة G20 في الرياض", "الاقتصادُ العراقيّ ينمو", "مِهرجانُ بابل يعود"} {
		if !strings.Contains(home, title) {
			t.Errorf("index.html does not list %q", title)
		}
	}
	// Newest first.
	if i, j := strings.Index(home, "الاقتصادُ العراقيّ ينمو"), strings.Index(home, "قمة G20 في الرياض"); i < 0 || j < 0 || i > j {
		t.Errorf("index.html does not list the newest article first")
	}
	if nf := e2eRead(t, filepath.Join(pub, "404.html")); !strings.Contains(nf, `noindex`) {
		t.Errorf("404.html is not marked noindex")
	}
	// The date archive: the April article (22:30 UTC on 31 March) is in
	// April in Baghdad.
	if april := e2eRead(t, filepath.Join(pub, "2024", "04", "index.html")); !strings.Contains(april, e2eURLPath(e2eOldPage)) || strings.Contains(april, e2eURLPath(e2eG20Page)) {
		t.Errorf("2024/04/index.html does not list exactly the April article")
	}

	// The feeds list every article, newest first; the tag's feed its one.
	newestFirst := []string{e2eGrowthPage, e2eG20Page, e2eOldPage}
	for _, feed := range []string{"index.xml", "atom.xml", "feed.json"} {
		if got := e2eFeedLinks(t, pub, "https://example.com/", feed); !slices.Equal(got, newestFirst) {
			t.Errorf("%s lists %q, want %q", feed, got, newestFirst)
		}
	}
	if got := e2eFeedLinks(t, pub, "https://example.com/", e2eTagFeed); !slices.Equal(got, []string{e2eG20Page}) {
		t.Errorf("%s lists %q, want only %s", e2eTagFeed, got, e2eG20Page)
	}
	// The sitemap lists every page but the 404 and the search page, which
	// have nothing for a search engine to index.
	var pages []string
	for _, f := range e2eHTMLFiles(t, pub) {
		if f != "404.html" && f != "search/index.html" {
			pages = append(pages, f)
		}
	}
	if got := e2eSitemapPages(t, pub, "https://example.com/"); !slices.Equal(got, pages) {
		t.Errorf("sitemap.xml lists\n  %q\nwant every page but 404.html and search/\n  %q", got, pages)
	}
	if ns := e2eRead(t, filepath.Join(pub, "news-sitemap.xml")); !strings.Contains(ns, "<urlset") || !strings.Contains(ns, "sitemap-news") {
		t.Errorf("news-sitemap.xml is not a news sitemap: %.300s", ns)
	}
	robots := e2eRead(t, filepath.Join(pub, "robots.txt"))
	for _, want := range []string{"User-agent: *", "Sitemap: https://example.com/sitemap.xml"} {
		if !strings.Contains(robots, want) {
			t.Errorf("robots.txt lacks %q:\n%s", want, robots)
		}
	}
}

// TestE2ENoCommandBuilds: `sahifa` with no arguments builds, as hugo does.
func TestE2ENoCommandBuilds(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, []string{NowEnv + "=" + e2eNow})
	e2eFirstBuild(t, r, filepath.Join(root, "public"), 3)
	if !e2eExists(filepath.Join(root, "public", e2eG20Page)) {
		t.Errorf("no %s after a bare `sahifa`", e2eG20Page)
	}
}

// TestE2ERebuildUnchanged: a rebuild with nothing changed rewrites nothing
// (every mtime stays, folders included), and two builds of one site are
// byte-identical.
func TestE2ERebuildUnchanged(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	first := e2eTreeHash(t, pub)
	e2eAge(t, pub)
	before := e2eSnapshot(t, pub)

	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eNoChange(t, r, pub, 3)
	e2eSame(t, "public/ after a rebuild with nothing changed", before, e2eSnapshot(t, pub))

	// A fresh build of the same site elsewhere gives the same bytes.
	other := filepath.Join(t.TempDir(), "out")
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", other)
	e2eFirstBuild(t, r, other, 3)
	if second := e2eTreeHash(t, other); second != first {
		t.Errorf("two builds of one site differ: tree hash %s vs %s", first, second)
	}
}

// TestE2EFailedBuildLeavesOutput: every kind of failure exits 1, names the
// place, and leaves public/ (and the cache) exactly as the last good build
// left it.
func TestE2EFailedBuildLeavesOutput(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	cache := filepath.Join(root, ".sahifa-cache")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	e2eAge(t, pub)
	// Record the aged mtimes in the manifest, as a real user's rebuild would.
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	before := e2eSnapshot(t, pub)
	// The lock file names each build's pid, failed or not; the rest of the
	// cache must stay as it was.
	cacheSnapshot := func() map[string]e2eEntry {
		m := e2eSnapshot(t, cache)
		maps.DeleteFunc(m, func(name string, _ e2eEntry) bool { return strings.HasPrefix(name, "lock-") })
		return m
	}
	beforeCache := cacheSnapshot()

	cases := []struct {
		name  string
		files map[string]string // written before the run, removed after
		toml  string            // replaces sahifa.toml for the run when set
		want  []string          // stderr must contain each
	}{
		{
			name:  "bad date",
			files: map[string]string{"content/x.md": "---\ntitle: \"خبر بتاريخ خاطئ\"\ndate: 2021/13/45\n---\nنص.\n"},
			want:  []string{`content/x.md:3:7: date: "2021/13/45" is not a day of the calendar (month out of range)`, "failed with 1 error;"},
		},
		{
			name: "two broken articles",
			files: map[string]string{
				"content/x.md":         "---\ntitle: \"خبر بتاريخ خاطئ\"\ndate: 2021/13/45\n---\nنص.\n",
				"content/economy/y.md": "---\ntitle: \"خبر آخر\"\n\ndraft: ربما\n---\nنص.\n",
			},
			want: []string{`content/x.md:3:7: date: "2021/13/45" is not a day of the calendar (month out of range)`, "content/economy/y.md:4:8: draft:", "failed with 2 errors;"},
		},
		{
			name:  "template syntax error",
			files: map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n<article>\n<h1>{{.Title}</h1>\n</article>\n{{end}}\n"},
			want:  []string{"layouts/_default/single.html:3:"},
		},
		{
			// Fails while executing, after other files were already staged.
			name:  "template execution error",
			files: map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.NoSuchField.X}}</p>\n{{end}}\n"},
			want:  []string{"layouts/_default/single.html:3:", "NoSuchField"},
		},
		{
			name: "bad config value",
			toml: e2eConfig + "\npaginate = -3\n",
			want: []string{"sahifa.toml:5:12: paginate"},
		},
		{
			name: "bad config syntax",
			toml: e2eConfig + "minify = \n",
			want: []string{"sahifa.toml:4:"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e2eWrite(t, root, c.files)
			if c.toml != "" {
				e2eWrite(t, root, map[string]string{"sahifa.toml": c.toml})
			}
			t.Cleanup(func() {
				for f := range c.files {
					os.Remove(filepath.Join(root, filepath.FromSlash(f)))
				}
				os.RemoveAll(filepath.Join(root, "layouts"))
				e2eWrite(t, root, map[string]string{"sahifa.toml": e2eConfig})
			})
			r := e2eRun(t, root, nil, "build", "--now", e2eNow)
			e2eWant(t, r, exitFail)
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if !strings.Contains(r.stderr, "left as it was") {
				t.Errorf("stderr does not say the output was left alone:\n%s", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout of a failed build: %q", r.stdout)
			}
			e2eSame(t, "public/ after a failed build", before, e2eSnapshot(t, pub))
			e2eSame(t, ".sahifa-cache/ after a failed build", beforeCache, cacheSnapshot())
		})
	}

	// Once fixed, the site builds again with nothing to write.
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eNoChange(t, r, pub, 3)
	e2eSame(t, "public/ after the fixed build", before, e2eSnapshot(t, pub))
}

// TestE2ERebuildAfterDelete: deleting an article removes exactly its page
// (and the folders left empty); what listed it is rewritten without it, and
// nothing else is touched. Deleting the only article of a month removes
// that month's archive page too.
func TestE2ERebuildAfterDelete(t *testing.T) {
	root := e2eNewSite(t)
	// Neither the newest article (every page shows the latest update)
	// nor alone in its month, and without tags.
	e2eWrite(t, root, map[string]string{
		"content/brief.md": "---\ntitle: \"موجز أخبار الصباح\"\ndate: 2024-05-10T08:00:00+03:00\n---\nموجز قصير.\n",
	})
	const briefPage = "2024/05/10/موجز-أخبار-الصباح/index.html"
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	if !e2eExists(filepath.Join(pub, filepath.FromSlash(briefPage))) {
		t.Fatalf("no %s", briefPage)
	}

	for _, c := range []struct {
		file, title, page string
		gone              []string // files that must go: the page, and for the April article its month
		goneDirs          []string
	}{
		{"content/brief.md", "موجز أخبار الصباح", briefPage, []string{briefPage}, []string{"2024/05/10/موجز-أخبار-الصباح", "2024/05/10"}},
		{"content/old.md", "مِهرجانُ بابل يعود", e2eOldPage, []string{e2eOldPage, "2024/04/index.html"}, []string{"2024/04/01/مهرجان-بابل-يعود", "2024/04/01", "2024/04"}},
	} {
		e2eAge(t, pub)
		before := e2eSnapshot(t, pub)
		if err := os.Remove(filepath.Join(root, filepath.FromSlash(c.file))); err != nil {
			t.Fatal(err)
		}
		r := e2eRun(t, root, nil, "build", "--now", e2eNow)
		articles := 3
		if c.page == e2eOldPage {
			articles = 2
		}
		e2eBuilt(t, r, pub, articles)
		after := e2eSnapshot(t, pub)
		ch := e2eCompare(before, after)
		e2eMatches(t, r, ch)
		if len(ch.added) > 0 {
			t.Errorf("deleting %s added %q", c.file, ch.added)
		}
		slices.Sort(c.gone)
		if !slices.Equal(ch.gone, c.gone) {
			t.Errorf("deleting %s removed %q, want %q", c.file, ch.gone, c.gone)
		}
		for _, dir := range c.goneDirs {
			if _, ok := after[dir]; ok {
				t.Errorf("public/%s left behind, empty", dir)
			}
		}
		// What listed it was rewritten without it.
		link := e2eURLPath(c.page)
		var listed []string
		for p, b := range before {
			if b.mode.IsRegular() && !slices.Contains(c.gone, p) && (strings.Contains(b.data, link) || strings.Contains(b.data, c.title)) {
				listed = append(listed, p)
				if a := after[p]; strings.Contains(a.data, link) || strings.Contains(a.data, c.title) {
					t.Errorf("public/%s still lists the deleted %s", p, c.file)
				}
			}
		}
		for _, want := range []string{"index.html", "index.xml", "atom.xml", "feed.json", "sitemap.xml", "2024/index.html"} {
			if !slices.Contains(listed, want) {
				t.Errorf("public/%s did not list %s before it was deleted", want, c.file)
			}
		}
		// The other articles' pages, the tags and the rest did not list
		// it and are untouched.
		for _, p := range []string{e2eG20Page, e2eGrowthPage, e2eTagPage, e2eTagFeed, "tags/index.html", "404.html", "robots.txt"} {
			if slices.Contains(ch.changed, p) {
				t.Errorf("public/%s was rewritten though it did not list %s", p, c.file)
			}
		}
	}
}

// TestE2EForeignFileSurvives: a file the user put into public/ by hand is
// neither deleted nor changed by rebuilds, and the build notes it; a file
// sahifa wrote and the user edited in public/ is sahifa's again.
func TestE2EForeignFileSurvives(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	generatedRobots := e2eRead(t, filepath.Join(pub, "robots.txt"))
	const verify, note = "google0123456789abcdef.html", "2024/04/01/ملاحظة-يدوية.html"
	e2eWrite(t, pub, map[string]string{
		verify:       "google-site-verification: google0123456789abcdef.html",
		note:         "<p>كتبت باليد</p>",
		"robots.txt": "User-agent: *\nDisallow: /\n",
	})
	// Deleting the April article empties its folder of sahifa's files,
	// but not of the user's.
	if err := os.Remove(filepath.Join(root, "content", "old.md")); err != nil {
		t.Fatal(err)
	}
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eBuilt(t, r, pub, 2, verify, note)
	if c := e2eParseSummary(t, r); c.removed != 2 { // the April article and its month
		t.Errorf("want 2 files removed: %s", r)
	}
	// The note counts what a rebuild sees without walking the archive:
	// the verification file at the top, not the page inside 2024/, a
	// folder of sahifa's (docs/output.md).
	if !strings.Contains(r.stderr, "1 file in") || !strings.Contains(r.stderr, "not written by sahifa") {
		t.Errorf("stderr does not note the foreign file at the top:\n%s", r.stderr)
	}
	if got := e2eRead(t, filepath.Join(pub, verify)); got != "google-site-verification: google0123456789abcdef.html" {
		t.Errorf("%s = %q", verify, got)
	}
	if got := e2eRead(t, filepath.Join(pub, filepath.FromSlash(note))); got != "<p>كتبت باليد</p>" {
		t.Errorf("hand-written page = %q", got)
	}
	if got := e2eRead(t, filepath.Join(pub, "robots.txt")); got != generatedRobots {
		t.Errorf("robots.txt edited in public/ is not rebuilt (static/robots.txt is the way to replace it):\n%s", got)
	}
	if e2eExists(filepath.Join(pub, filepath.FromSlash(e2eOldPage))) {
		t.Errorf("the deleted article's page is still there")
	}
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "--quiet")
	e2eWant(t, r, exitOK)
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("--quiet printed something: %s", r)
	}
	if !e2eExists(filepath.Join(pub, verify)) || !e2eExists(filepath.Join(pub, filepath.FromSlash(note))) {
		t.Errorf("a foreign file is gone after a second rebuild")
	}
}
