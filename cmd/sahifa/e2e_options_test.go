package main

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// e2ePublishingSite is the small site plus a draft, a future article and
// an expired one (relative to e2eNow).
func e2ePublishingSite(t *testing.T) string {
	t.Helper()
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{
		"content/draft.md":   "---\ntitle: \"مسودة خبر عاجل\"\ndate: 2024-05-10\ndraft: true\n---\nنص المسودة.\n",
		"content/future.md":  "---\ntitle: \"خبر الشهر المقبل\"\ndate: 2024-07-01T08:00:00+03:00\n---\nنص المستقبل.\n",
		"content/expired.md": "---\ntitle: \"عرض منتهي\"\ndate: 2024-01-15\nexpiryDate: 2024-03-01\n---\nانتهى العرض.\n",
	})
	return root
}

const (
	e2eDraftPage   = "2024/05/10/مسودة-خبر-عاجل/index.html"
	e2eFuturePage  = "2024/07/01/خبر-الشهر-المقبل/index.html"
	e2eExpiredPage = "2024/01/15/عرض-منتهي/index.html"
)

func TestE2EDraftsFutureExpired(t *testing.T) {
	root := e2ePublishingSite(t)
	pub := filepath.Join(root, "public")
	cases := []struct {
		name  string
		env   []string
		args  []string
		shown []string // of draft, future, expired
	}{
		{"default", nil, []string{"--now", e2eNow}, nil},
		{"drafts", nil, []string{"--now", e2eNow, "-D"}, []string{e2eDraftPage}},
		{"future", nil, []string{"--now", e2eNow, "-F"}, []string{e2eFuturePage}},
		{"expired", nil, []string{"--now", e2eNow, "--buildExpired"}, []string{e2eExpiredPage}},
		{"all", nil, []string{"--now", e2eNow, "-DFE"}, []string{e2eDraftPage, e2eFuturePage, e2eExpiredPage}},
		// SAHIFA_NOW after the future article's date publishes it...
		{"env now", []string{NowEnv + "=2024-08-01T00:00:00+03:00"}, nil, []string{e2eFuturePage}},
		// ...and --now wins over it.
		{"flag beats env", []string{NowEnv + "=2024-08-01T00:00:00+03:00"}, []string{"--now", e2eNow}, nil},
		// Two hours before the future article, in another offset: still future.
		{"now in UTC", nil, []string{"--now", "2024-07-01T03:00:00Z"}, nil},
		{"now just after", nil, []string{"--now", "2024-07-01T05:00:00Z"}, []string{e2eFuturePage}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before map[string]e2eEntry
			if e2eExists(pub) {
				e2eAge(t, pub)
				before = e2eSnapshot(t, pub)
			}
			r := e2eRun(t, root, c.env, append([]string{"build"}, c.args...)...)
			e2eBuilt(t, r, pub, 3+len(c.shown))
			e2eMatches(t, r, e2eCompare(before, e2eSnapshot(t, pub)))
			// Every article left out is named by its rule, with the flag
			// that includes it, without --verbose.
			held := map[string]string{
				e2eDraftPage:   "1 draft not built (use -D to include it)\n",
				e2eFuturePage:  "1 future article not built; publishes at 2024-07-01 08:00 +03:00 (use -F to include it)\n",
				e2eExpiredPage: "1 expired article not built (use -E to include it)\n",
			}
			for page, line := range held {
				if got, want := strings.Contains(r.stdout, line), !slices.Contains(c.shown, page); got != want {
					t.Errorf("stdout holds %q = %v, want %v: %s", line, got, want, r)
				}
			}
			home := e2eRead(t, filepath.Join(pub, "index.html"))
			for _, p := range []string{e2eDraftPage, e2eFuturePage, e2eExpiredPage} {
				want := false
				for _, s := range c.shown {
					want = want || s == p
				}
				if got := e2eExists(filepath.Join(pub, filepath.FromSlash(p))); got != want {
					t.Errorf("public/%s exists = %v, want %v", p, got, want)
				}
				link := (&url.URL{Path: "/" + strings.TrimSuffix(p, "index.html")}).EscapedPath()
				if got := strings.Contains(home, `href="`+link+`"`); got != want {
					t.Errorf("index.html links %s = %v, want %v", link, got, want)
				}
			}
		})
	}
	r := e2eRun(t, root, []string{NowEnv + "=tomorrow"}, "build")
	e2eWant(t, r, exitUsage)
	if !strings.Contains(r.stderr, `"tomorrow"`) {
		t.Errorf("a bad %s is not named: %s", NowEnv, r)
	}
}

func TestE2EMinify(t *testing.T) {
	root := e2eNewSite(t)
	small := filepath.Join(t.TempDir(), "small")
	big := filepath.Join(t.TempDir(), "big")
	explicit := filepath.Join(t.TempDir(), "explicit")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", small), exitOK)
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", big, "--minify=false"), exitOK)
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", explicit, "--minify"), exitOK)
	if e2eTreeHash(t, small) != e2eTreeHash(t, explicit) {
		t.Errorf("the default build differs from --minify")
	}
	for _, p := range []string{"index.html", e2eG20Page, "404.html"} {
		s := e2ePlain(e2eRead(t, filepath.Join(small, filepath.FromSlash(p))))
		b := e2ePlain(e2eRead(t, filepath.Join(big, filepath.FromSlash(p))))
		if len(b) <= len(s) {
			t.Errorf("%s: --minify=false gives %d bytes, minified %d", p, len(b), len(s))
		}
		// The minifier keeps a newline only where whitespace between
		// inline elements shows (a space between a field and its button).
		if ns, nb := strings.Count(s, ">\n<"), strings.Count(b, ">\n<"); ns*10 > nb {
			t.Errorf("%s: default output has %d newlines between tags (unminified %d); not minified", p, ns, nb)
		}
		if !strings.Contains(b, ">\n<") {
			t.Errorf("%s: --minify=false output has no newline between tags", p)
		}
		for _, text := range []string{"قمة G20 في الرياض", "الاقتصادُ العراقيّ ينمو"} {
			if strings.Contains(s, text) != strings.Contains(b, text) {
				t.Errorf("%s: %q in one build and not the other", p, text)
			}
		}
	}
	if g := e2eRead(t, filepath.Join(big, filepath.FromSlash(e2eG20Page))); !strings.Contains(g, e2eG20Text) {
		t.Errorf("--minify=false article lacks its text %q", e2eG20Text)
	}
	// The stylesheet too, and the pages link whichever one was built.
	for _, dir := range []string{small, big} {
		files := e2eFiles(t, dir)
		m := e2eStylesheetRE.FindStringSubmatch(e2eRead(t, filepath.Join(dir, "index.html")))
		if m == nil || !e2eExists(filepath.Join(dir, filepath.FromSlash(m[1]))) {
			t.Errorf("%s: index.html does not link a stylesheet that exists (%q)", dir, files)
		}
	}

	// minify = false in sahifa.toml, and the flag over it.
	e2eWrite(t, root, map[string]string{"sahifa.toml": e2eConfig + "minify = false\n"})
	fromConfig := filepath.Join(t.TempDir(), "cfg")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", fromConfig), exitOK)
	if e2eTreeHash(t, fromConfig) != e2eTreeHash(t, big) {
		t.Errorf("minify = false in sahifa.toml differs from --minify=false")
	}
	flagWins := filepath.Join(t.TempDir(), "flag")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", flagWins, "--minify=true"), exitOK)
	if e2eTreeHash(t, flagWins) != e2eTreeHash(t, small) {
		t.Errorf("--minify=true does not override minify = false in sahifa.toml")
	}
}

// TestE2ESourceDestinationBaseURL: -s and -d from another working folder,
// relative and absolute, and -b for a site under a sub-path.
func TestE2ESourceDestinationBaseURL(t *testing.T) {
	work := t.TempDir()
	site := filepath.Join(work, "موقعي")
	e2eWrite(t, site, e2eSite())

	// Relative paths, resolved against the working folder.
	r := e2eRun(t, work, nil, "build", "--now", e2eNow, "-s", "موقعي", "-d", "out/site")
	e2eFirstBuild(t, r, filepath.Join(work, "out", "site"), 3)
	if !e2eExists(filepath.Join(work, "out", "site", filepath.FromSlash(e2eG20Page))) {
		t.Errorf("no %s under the -d folder", e2eG20Page)
	}
	if e2eExists(filepath.Join(site, "public")) || e2eExists(filepath.Join(work, "public")) {
		t.Errorf("a public/ folder was made despite -d")
	}

	// Absolute paths and the long flags, from an unrelated folder.
	other := filepath.Join(t.TempDir(), "news")
	r = e2eRun(t, t.TempDir(), nil, "build", "--now", e2eNow, "--source="+site, "--destination", other,
		"-b", "https://example.github.io/news/")
	e2eFirstBuild(t, r, other, 3)

	g20Path := "/" + strings.TrimSuffix(e2eG20Page, "index.html")
	g20Link := (&url.URL{Path: "/news" + g20Path}).EscapedPath()
	home := e2eRead(t, filepath.Join(other, "index.html"))
	for _, want := range []string{
		`href="` + g20Link + `"`,
		`href="/news/css/main.`,
		`<link rel="canonical" href="https://example.github.io/news/">`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html with -b lacks %s", want)
		}
	}
	page := e2eRead(t, filepath.Join(other, filepath.FromSlash(e2eG20Page)))
	if want := `<link rel="canonical" href="https://example.github.io` + g20Link + `">`; !strings.Contains(page, want) {
		t.Errorf("article with -b lacks %s", want)
	}
	// No link of any page may leave the sub-path for the host's root, and
	// every one resolves; so do the feeds' and the sitemap's.
	for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(home+page, -1) {
		if !strings.HasPrefix(m[1], "/news/") {
			t.Errorf("root-relative link outside /news/: %s", m[1])
		}
	}
	e2eCheckLinks(t, other, "https://example.github.io/news/")
	for _, feed := range []string{"index.xml", "atom.xml", "feed.json", e2eTagFeed} {
		if links := e2eFeedLinks(t, other, "https://example.github.io/news/", feed); len(links) == 0 {
			t.Errorf("%s with -b lists no articles", feed)
		}
	}
	if pages := e2eSitemapPages(t, other, "https://example.github.io/news/"); !slices.Contains(pages, e2eG20Page) {
		t.Errorf("sitemap.xml with -b lacks %s: %q", e2eG20Page, pages)
	}
	if robots := e2eRead(t, filepath.Join(other, "robots.txt")); !strings.Contains(robots, "Sitemap: https://example.github.io/news/sitemap.xml") {
		t.Errorf("robots.txt with -b does not point at the sitemap under /news/:\n%s", robots)
	}
	// Without -b, sahifa.toml's baseURL.
	plain := e2eRead(t, filepath.Join(work, "out", "site", filepath.FromSlash(e2eG20Page)))
	if want := `<link rel="canonical" href="https://example.com` + (&url.URL{Path: g20Path}).EscapedPath() + `">`; !strings.Contains(plain, want) {
		t.Errorf("article without -b lacks %s", want)
	}

	r = e2eRun(t, work, nil, "build", "-s", "موقعي", "-b", "ftp://example.com/")
	e2eWant(t, r, exitFail)
	if !strings.Contains(r.stderr, "baseURL") {
		t.Errorf("a bad -b is not named: %s", r)
	}
}

func TestE2EDuplicateURL(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{
		"content/economy/g20-again.md": "---\ntitle: \"قمةُ G20 في الرياض\"\ndate: 2024-05-20T18:00:00+03:00\n---\nنص آخر.\n",
	})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitFail)
	for _, f := range []string{"content/g20.md", "content/economy/g20-again.md"} {
		if !strings.Contains(r.stderr, f) {
			t.Errorf("stderr does not name %s:\n%s", f, r.stderr)
		}
	}
	if e2eExists(filepath.Join(root, "public")) {
		t.Errorf("a failed first build left a public/ folder")
	}
}

// TestE2ESiteOverrides: a site's layouts/404.html replaces only the theme's
// 404 page; static/ is copied byte for byte, and a static/robots.txt takes
// the place of the generated one.
func TestE2ESiteOverrides(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	e2eAge(t, pub)
	before := e2eSnapshot(t, pub)

	cname := "news.example.org\n"
	favicon := "\x00\x01\x02\xff binary \r\n"
	robots := "User-agent: *\nDisallow: /drafts/\n"
	e2eWrite(t, root, map[string]string{
		"layouts/404.html":        "{{define \"main\"}}<p class=\"lost\">عذرا، هذه الصفحة غير موجودة في صحيفتنا</p>{{end}}\n",
		"static/CNAME":            cname,
		"static/img/favicon.ico":  favicon,
		"static/.well-known/x.tx": "مرحبا",
		"static/robots.txt":       robots,
	})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eBuilt(t, r, pub, 3)
	after := e2eSnapshot(t, pub)
	ch := e2eCompare(before, after)
	e2eMatches(t, r, ch)
	if want := []string{"404.html", "robots.txt"}; !slices.Equal(ch.changed, want) {
		t.Errorf("rewritten: %q, want only %q", ch.changed, want)
	}
	if want := []string{".well-known/x.tx", "CNAME", "img/favicon.ico"}; !slices.Equal(ch.added, want) || len(ch.gone) > 0 {
		t.Errorf("added %q and removed %q, want added %q", ch.added, ch.gone, want)
	}

	nf := after["404.html"].data
	if !strings.Contains(nf, `<p class="lost">عذرا، هذه الصفحة غير موجودة في صحيفتنا</p>`) || !strings.Contains(nf, `<html lang="ar" dir="rtl">`) {
		t.Errorf("404.html does not use the site's layouts/404.html inside the theme's base:\n%s", nf)
	}
	for p, want := range map[string]string{"CNAME": cname, "img/favicon.ico": favicon, ".well-known/x.tx": "مرحبا", "robots.txt": robots} {
		if got := after[p]; got.data != want {
			t.Errorf("public/%s = %q, want %q", p, got.data, want)
		}
	}

	// Without static/robots.txt, the generated one is back.
	if err := os.Remove(filepath.Join(root, "static", "robots.txt")); err != nil {
		t.Fatal(err)
	}
	r = e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eBuilt(t, r, pub, 3)
	if got := e2eRead(t, filepath.Join(pub, "robots.txt")); got != before["robots.txt"].data {
		t.Errorf("robots.txt after static/robots.txt was deleted = %q, want the generated %q", got, before["robots.txt"].data)
	}
}

func TestE2ERawHTML(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{
		"content/raw.md": "---\ntitle: \"خبر فيه شيفرة\"\ndate: 2024-05-22\n---\nقبل الشيفرة.\n\n<script>alert(1)</script>\n\nنص <b>غامق</b> هنا.\n",
	})
	const rawPage = "2024/05/22/خبر-فيه-شيفرة/index.html"
	pub := filepath.Join(root, "public")
	page := filepath.Join(pub, filepath.FromSlash(rawPage))
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	html := e2eRead(t, page)
	if strings.Contains(html, "<script>alert") || strings.Contains(html, "<b>غامق") {
		t.Errorf("raw HTML in Markdown is live by default:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("raw HTML is not shown escaped:\n%s", html)
	}

	e2eAge(t, pub)
	before := e2eSnapshot(t, pub)
	e2eWrite(t, root, map[string]string{"sahifa.toml": e2eConfig + "\n[markup]\nunsafe = true\n"})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eBuilt(t, r, pub, 4)
	ch := e2eCompare(before, e2eSnapshot(t, pub))
	e2eMatches(t, r, ch)
	// The page with raw HTML changes (and feeds carrying its body may);
	// no other page does.
	if !slices.Contains(ch.changed, rawPage) || len(ch.added)+len(ch.gone) > 0 {
		t.Errorf("unsafe = true changed %q, added %q, removed %q; want %s changed", ch.changed, ch.added, ch.gone, rawPage)
	}
	for _, p := range ch.changed {
		if strings.HasSuffix(p, ".html") && p != rawPage {
			t.Errorf("public/%s changed with unsafe = true though it has no raw HTML", p)
		}
	}
	html = e2eRead(t, page)
	if !strings.Contains(html, "<script>alert(1)</script>") || !strings.Contains(html, "<b>غامق</b>") {
		t.Errorf("raw HTML is not live with [markup] unsafe = true:\n%s", html)
	}
	if strings.Contains(html, "&lt;script") {
		t.Errorf("raw HTML still escaped with unsafe = true")
	}
}

// TestE2EDestinationSafety: a destination that is or contains the site's
// own folders (docs/design.md) is refused before anything is touched.
func TestE2EDestinationSafety(t *testing.T) {
	work := t.TempDir()
	root := filepath.Join(work, "site")
	e2eWrite(t, root, e2eSite())
	e2eWrite(t, work, map[string]string{"notes.txt": "لا تحذفني"})
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	e2eWrite(t, root, map[string]string{"content/extra.md": "---\ntitle: \"خبر إضافي\"\ndate: 2024-05-23\n---\nنص.\n"})
	before := e2eSnapshot(t, work)

	for _, c := range []struct {
		dir  string
		args []string
	}{
		{root, []string{"-d", "."}},
		{root, []string{"-d", "content"}},
		{root, []string{"-d", "layouts"}},
		{root, []string{"-d", "static"}},
		{root, []string{"-d", ".."}},
		{root, []string{"-d", root}},
		{work, []string{"-s", "site", "-d", "site"}},
		{work, []string{"-s", "site", "-d", "."}},
		{work, []string{"-s", "site", "-d", "site/content/"}},
		// Inside an input folder: pages would land among the sources.
		{root, []string{"-d", "content/economy"}},
		{root, []string{"-d", "static/www"}},
	} {
		r := e2eRun(t, c.dir, nil, append([]string{"build", "--now", e2eNow}, c.args...)...)
		if r.code != exitFail || !strings.Contains(r.stderr, "refusing to build into") {
			t.Errorf("want exit 1 refusing the destination, got %s", r)
		}
	}
	e2eSame(t, "the site folder after refused builds", before, e2eSnapshot(t, work))
	if _, err := os.Stat(filepath.Join(root, "content", "extra.md")); err != nil {
		t.Fatal(err)
	}
}
