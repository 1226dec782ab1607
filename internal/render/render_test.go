package render

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"html"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/site"
)

const (
	// The slug keeps the first eight words of the title.
	pathBiden = "2021/02/24/توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات/index.html"
	pathG20   = "2021/02/25/قمة-g20-في-الرياض/index.html"
	pathXSS   = "2021/02/26/xss/index.html"
	aliasPath = "أرشيف/توافق/index.html"

	xssTitle = `بيان "عاجل" <script>alert(1)</script> & 'تحذير'`
	xssDesc  = `وصف <b>"مقتبس"</b> </script><script>alert(2)</script>`
)

// staticFS holds files copied as is; the SVG has whitespace and a comment
// that a minifier would remove, the PNG bytes that no text tool may touch.
var staticFS = fstest.MapFS{
	"favicon.ico":      {Data: []byte{0, 0, 1, 0, 1, 0, 16, 16}},
	"images/شعار.png":  {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00 <html>  ")},
	"images/logo.svg":  {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <!-- شعار -->\n  <circle r=\"4\"/>\n</svg>\n")},
	"robots.txt":       {Data: []byte("User-agent: *\nAllow: /\n")},
	"CNAME":            {Data: []byte("news.example.com\n")},
	"images/.DS_Store": {Data: []byte("junk")},
}

// newsPages are three articles, one per day, the third with a hostile
// title; with one article per page the home has three pages.
func newsPages() []content.Page {
	a := article("content/iraq/biden.md", titleBiden, at(24, 10), "اتفق **الرئيسان** على [خطة](https://g20.example/خطة) مشتركة.\n\n## الخلفية\n\nنص.\n")
	a.Aliases = []string{"/أرشيف/توافق/"}
	a.Tags = []string{"العراق", "الولايات المتحدة"}
	a.Description = "اتفاق في البيت الأبيض."
	a.Params["dateline"] = "بغداد"
	a.Params["agency"] = "رويترز"
	b := article("content/g20.md", titleG20, at(25, 10), "تستضيف الرياض القمة.\n")
	c := article("content/xss.md", xssTitle, at(26, 10), "نص الخبر.\n")
	c.Slug = "xss"
	c.Description = xssDesc
	c.Tags = []string{"<i>وسم</i>"}
	c.Aliases = []string{"/old-xss/"}
	return []content.Page{a, b, c}
}

// renderNews renders newsPages with the embedded theme under baseURL.
func renderNews(t *testing.T, baseURL string, minify bool) (*site.Site, *memOut) {
	t.Helper()
	cfg := testConfig()
	cfg.Paginate = 1
	if err := cfg.SetBaseURL(baseURL); err != nil {
		t.Fatal(err)
	}
	s := assemble(t, cfg, newsPages()...)
	opts := themeOptions(t, minify)
	opts.Static = staticFS
	return s, render(t, s, opts)
}

var cssName = regexp.MustCompile(`^css/main\.[0-9a-f]{12}\.css$`)

// shareJSName is the share links' copy button (layouts/partials/share.html).
var shareJSName = regexp.MustCompile(`^js/share\.[0-9a-f]{12}\.js$`)

func TestRenderOutputPaths(t *testing.T) {
	for _, minify := range []bool{true, false} {
		_, out := renderNews(t, "https://example.github.io/news/", minify)
		var got []string
		css := ""
		for _, p := range out.paths() {
			if cssName.MatchString(p) {
				css = p
				continue
			}
			if searchJSName.MatchString(p) || strings.HasPrefix(p, "search/data/") {
				continue // the search index: TestRenderSearch
			}
			if shareJSName.MatchString(p) {
				p = "js/share.js"
			}
			got = append(got, p)
		}
		want := []string{
			"2021/02/24/توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات/index.html",
			"2021/02/25/قمة-g20-في-الرياض/index.html",
			"2021/02/26/xss/index.html",
			"2021/02/index.html",
			"2021/02/page/1/index.html",
			"2021/02/page/2/index.html",
			"2021/02/page/3/index.html",
			"2021/index.html",
			"2021/page/1/index.html",
			"2021/page/2/index.html",
			"2021/page/3/index.html",
			"404.html",
			"CNAME",
			"archive/index.html",
			"atom.xml",
			"favicon.ico",
			"favicon.svg",
			"feed.json",
			"images/logo.svg",
			"images/شعار.png",
			"index.html",
			"index.xml",
			"iraq/atom.xml", // the section content/iraq/
			"iraq/index.html",
			"iraq/index.xml",
			"js/share.js",
			"news-sitemap.xml",
			"old-xss/index.html",
			"page/1/index.html",
			"page/2/index.html",
			"page/3/index.html",
			"robots.txt", // the site's own, from static/
			"search/index.html",
			"sitemap.xml",
			"tags/i-وسم-i/index.html",
			"tags/i-وسم-i/index.xml",
			"tags/index.html",
			"tags/العراق/index.html",
			"tags/العراق/index.xml",
			"tags/الولايات-المتحدة/index.html",
			"tags/الولايات-المتحدة/index.xml",
			"أرشيف/توافق/index.html",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("minify=%v: paths\n%q\nwant\n%q", minify, got, want)
		}
		if css == "" {
			t.Errorf("minify=%v: no fingerprinted css/main.<hash>.css among %q", minify, out.paths())
		}
		for _, p := range out.paths() {
			if !utf8.ValidString(p) || strings.Contains(p, "%") {
				t.Errorf("output path %q should be raw UTF-8, not percent-encoded", p)
			}
		}
		// Static files are copied byte for byte, even with minify on.
		for name, f := range staticFS {
			if strings.HasPrefix(path.Base(name), ".") {
				continue
			}
			if got := out.get(t, name); got != string(f.Data) {
				t.Errorf("static %s changed: %q", name, got)
			}
		}
		for p, f := range out.files {
			want := map[string]string{".html": "text/html", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain"}[path.Ext(p)]
			if want != "" && f.MediaType != want {
				t.Errorf("%s: media type %q, want %q", p, f.MediaType, want)
			}
		}
	}
}

// The CSS file name carries the first 12 hex digits of the SHA-256 of its
// bytes, and every page's integrity attribute is the SHA-384 of the same
// bytes, so a browser accepts the stylesheet.
func TestRenderAssetFingerprint(t *testing.T) {
	src, err := fs.ReadFile(sahifa.Theme, "assets/css/main.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, minify := range []bool{true, false} {
		_, out := renderNews(t, "https://example.github.io/news/", minify)
		var cssPath string
		for _, p := range out.paths() {
			if cssName.MatchString(p) {
				cssPath = p
			}
		}
		if cssPath == "" {
			t.Fatalf("no css among %q", out.paths())
		}
		data := []byte(out.get(t, cssPath))
		if minify && len(data) >= len(src) {
			t.Errorf("minified CSS is %d bytes, source %d", len(data), len(src))
		}
		if !minify && !bytes.Equal(data, src) {
			t.Errorf("CSS changed with minify off")
		}
		sum := sha256.Sum256(data)
		if want := "css/main." + hex.EncodeToString(sum[:])[:12] + ".css"; cssPath != want {
			t.Errorf("CSS at %s, want %s (hash of emitted bytes)", cssPath, want)
		}
		sri := sha512.Sum384(data)
		integrity := "sha384-" + base64.StdEncoding.EncodeToString(sri[:])
		pages := out.htmlPages()
		checked := 0
		for p, doc := range pages {
			if p == aliasPath || p == "old-xss/index.html" {
				continue // a redirect page has no stylesheet
			}
			links := find(scanTags(t, doc), "link", "rel", "stylesheet")
			if len(links) != 1 {
				t.Errorf("%s: %d stylesheets", p, len(links))
				continue
			}
			if got := links[0].attrs["href"]; got != "/news/"+cssPath {
				t.Errorf("%s: stylesheet href %q, want %q", p, got, "/news/"+cssPath)
			}
			if got := links[0].attrs["integrity"]; got != integrity {
				t.Errorf("%s: integrity %q, want %q", p, got, integrity)
			}
			checked++
		}
		// 3 articles, the home page and its 3 numbered pages, 404, the
		// tags index, 3 tag pages, the archive index, 2021 and 2021/02
		// with 3 numbered pages each, the search page.
		if checked != 23 {
			t.Errorf("checked %d pages with a stylesheet, want 23", checked)
		}
	}
}

// A site's assets/ overrides the theme's file by file; CSS and JS are
// fingerprinted, other assets keep their names.
func TestRenderSiteAssetsOverride(t *testing.T) {
	own := fstest.MapFS{
		"css/main.css":     file("body {\n  direction: rtl;\n  color: #ff0000;\n}\n"),
		"js/app.js":        file("// تعليق\nconst   greeting = \"مرحبا\";\nconsole.log( greeting );\n"),
		"img/logo.svg":     file("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
		"css/.main.css.un": file("editor backup"),
	}
	cfg := testConfig()
	s := assemble(t, cfg, newsPages()[:1]...)
	opts := themeOptions(t, true)
	opts.Assets = Layers{own, sub(t, sahifa.Theme, "assets")}
	out := render(t, s, opts)
	var css, js string
	for _, p := range out.paths() {
		switch {
		case cssName.MatchString(p):
			css = out.get(t, p)
		case regexp.MustCompile(`^js/app\.[0-9a-f]{12}\.js$`).MatchString(p):
			js = out.get(t, p)
		case strings.Contains(p, ".un"):
			t.Errorf("dotfile %s published", p)
		}
	}
	if css != "body{direction:rtl;color:red}" {
		t.Errorf("site CSS should replace the theme's, minified: %q", css)
	}
	if js == "" || strings.Contains(js, "تعليق") || !strings.Contains(js, `"مرحبا"`) {
		t.Errorf("JS not fingerprinted and minified: %q", js)
	}
	if got := out.get(t, "img/logo.svg"); got != `<svg xmlns="http://www.w3.org/2000/svg"/>` {
		t.Errorf("other assets keep name and bytes: %q", got)
	}
}

// isInternal reports whether a link is one the site itself must serve.
func isInternal(u string) bool { return strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") }

// Under a sub-path baseURL (a GitHub Pages project site) every link and
// resource stays under the sub-path, and every internal link resolves to a
// file that was written.
func TestRenderSubPathLinks(t *testing.T) {
	_, out := renderNews(t, "https://example.github.io/news/", true)
	pages := out.htmlPages()
	if len(pages) != 25 { // the 23 pages with a stylesheet and 2 alias redirects
		t.Errorf("%d HTML pages", len(pages))
	}
	seenArabic := false
	for p, doc := range pages {
		for _, tg := range scanTags(t, doc) {
			for _, attr := range []string{"href", "src"} {
				u, ok := tg.attrs[attr]
				if !ok {
					continue
				}
				if !strings.HasPrefix(u, "/news/") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "#") && !strings.HasPrefix(u, "mailto:?") {
					t.Errorf("%s: <%s %s=%q> escapes the base path", p, tg.name, attr, u)
				}
				for i := 0; i < len(u); i++ {
					if u[i] >= 0x80 || u[i] == ' ' {
						t.Errorf("%s: <%s %s=%q> is not percent-encoded", p, tg.name, attr, u)
						break
					}
				}
				if strings.Contains(u, "%D8%") {
					seenArabic = true
				}
				if strings.HasPrefix(u, "https://example.github.io/") {
					u = strings.TrimPrefix(u, "https://example.github.io")
				}
				if !isInternal(u) {
					continue
				}
				raw, err := url.PathUnescape(strings.TrimPrefix(u, "/news/"))
				if err != nil {
					t.Errorf("%s: %q: %v", p, u, err)
					continue
				}
				if raw == "" || strings.HasSuffix(raw, "/") {
					raw += "index.html"
				}
				if _, ok := out.files[raw]; !ok {
					t.Errorf("%s: <%s %s=%q> points to %s, which was not written", p, tg.name, attr, u, raw)
				}
			}
		}
	}
	if !seenArabic {
		t.Error("no percent-encoded Arabic link found")
	}
	// The article links in the home page are the percent-encoded form of
	// the raw UTF-8 output path.
	home := out.get(t, "page/1/index.html")
	want := "/news/" + escapePath(strings.TrimSuffix(pathBiden, "index.html"))
	if !strings.Contains(want, "%D8%AA%D9%88%D8%A7%D9%81%D9%82-") {
		t.Fatalf("escapePath gave %q", want)
	}
	if !strings.Contains(home, `href="`+want+`"`) {
		t.Errorf("page 1 lacks a link to %s:\n%s", want, home)
	}
}

// A baseURL with an Arabic path is written raw in the config and comes out
// percent-encoded once in links.
func TestRenderArabicBaseURL(t *testing.T) {
	_, out := renderNews(t, "https://example.com/أخبار/", true)
	home := out.get(t, "index.html")
	if !strings.Contains(home, `href="/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/"`) {
		t.Errorf("home link not under the encoded base path:\n%s", home)
	}
	if !strings.Contains(home, `<link rel="canonical" href="https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/">`) {
		t.Errorf("canonical:\n%s", home)
	}
}

// A baseURL copied from a browser's address bar is already percent-encoded.
// Links must keep it as is: encoding it again ("%25D8…") points every link
// at a folder that does not exist.
func TestRenderPercentEncodedBaseURL(t *testing.T) {
	const base = "/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/"
	_, out := renderNews(t, "https://example.com"+base, true)
	var bad []string
	for p, doc := range out.htmlPages() {
		for _, tg := range scanTags(t, doc) {
			u := tg.attrs["href"]
			if strings.HasPrefix(u, "https://example.com/") {
				u = strings.TrimPrefix(u, "https://example.com")
			}
			if isInternal(u) && !strings.HasPrefix(u, base) {
				bad = append(bad, p+": "+u)
				break
			}
		}
	}
	if len(bad) > 0 {
		t.Errorf("baseURL %q: links in %d files are not under %s, e.g.\n%s", "https://example.com"+base, len(bad), base, bad[0])
	}
}

func TestRenderDocumentLanguage(t *testing.T) {
	_, out := renderNews(t, "/", true)
	for p, doc := range out.htmlPages() {
		if !strings.Contains(doc, `<html lang="ar" dir="rtl">`) {
			t.Errorf("%s lacks <html lang=\"ar\" dir=\"rtl\">:\n%.200s", p, doc)
		}
		if !strings.HasPrefix(strings.ToLower(doc), "<!doctype html>") {
			t.Errorf("%s has no doctype", p)
		}
		for _, want := range []string{"<head>", "</head>", "<body", "</body>", "</html>", `<meta charset="utf-8">`} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s lacks %s (the minifier must keep document tags)", p, want)
			}
		}
	}
	// ltr sites say so too.
	cfg := testConfig()
	cfg.Language, cfg.Dir = "en", "ltr"
	out = render(t, assemble(t, cfg, newsPages()...), themeOptions(t, true))
	if doc := out.get(t, "index.html"); !strings.Contains(doc, `<html lang="en" dir="ltr">`) {
		t.Errorf("ltr site:\n%.200s", doc)
	}
}

// The article page: title, description, canonical and Open Graph URL,
// JSON-LD, body and metadata.
func TestRenderArticlePage(t *testing.T) {
	_, out := renderNews(t, "https://example.github.io/news/", true)
	doc := out.get(t, pathBiden)
	tags := scanTags(t, doc)
	canonical := "https://example.github.io/news/" + escapePath(strings.TrimSuffix(pathBiden, "index.html"))
	checkAttr(t, tags, "link", "rel", "canonical", "href", canonical)
	checkAttr(t, tags, "meta", "property", "og:url", "content", canonical)
	checkAttr(t, tags, "meta", "property", "og:title", "content", titleBiden)
	checkAttr(t, tags, "meta", "property", "og:type", "content", "article")
	checkAttr(t, tags, "meta", "name", "description", "content", "اتفاق في البيت الأبيض.")
	checkAttr(t, tags, "meta", "property", "article:published_time", "content", "2021-02-24T10:00:00+03:00")
	if got := find(tags, "title", "", ""); len(got) != 1 || got[0].text != titleBiden+" – صحيفة الاختبار" {
		t.Errorf("<title>: %+v", got)
	}
	ld := jsonLD(t, tags)
	if ld["headline"] != titleBiden || ld["url"] != canonical || ld["@type"] != "NewsArticle" || ld["dateline"] != "بغداد" {
		t.Errorf("JSON-LD: %v", ld)
	}
	if kw, _ := ld["keywords"].([]any); len(kw) != 2 || kw[0] != "العراق" {
		t.Errorf("JSON-LD keywords: %v", ld["keywords"])
	}
	for _, want := range []string{
		`<h1 class="story-title">` + titleBiden + `</h1>`,
		`<strong>الرئيسان</strong>`,
		`<strong class="dateline">بغداد</strong>`,
		`<bdi>رويترز</bdi>`,
		`rel="tag">الولايات المتحدة</a>`,
		`href="https://g20.example/%D8%AE%D8%B7%D8%A9"`,
		`id="الخلفية"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	// 404 page: noindex and its own title.
	nf := scanTags(t, out.get(t, "404.html"))
	checkAttr(t, nf, "meta", "name", "robots", "content", "noindex")
	// A 404 has no address of its own: hosts serve it at any missing one
	// (and Cloudflare Pages redirects /404.html), so no canonical link.
	if l := find(nf, "link", "rel", "canonical"); len(l) != 0 {
		t.Errorf("404 page has a canonical link %v", l)
	}
	if m := find(nf, "meta", "property", "og:url"); len(m) != 0 {
		t.Errorf("404 page has og:url %v", m)
	}
}

func checkAttr(t *testing.T, tags []tag, name, key, val, attr, want string) {
	t.Helper()
	got := find(tags, name, key, val)
	if len(got) != 1 {
		t.Errorf("%d <%s %s=%q>, want 1", len(got), name, key, val)
		return
	}
	if unisolate(got[0].attrs[attr]) != want {
		t.Errorf("<%s %s=%q> %s=%q, want %q", name, key, val, attr, got[0].attrs[attr], want)
	}
}

// unisolate removes the bidi isolation the theme adds around Latin runs
// (<bdi> in markup, U+2068…U+2069 in plain text), to compare the words.
func unisolate(s string) string {
	return strings.NewReplacer("<bdi>", "", "</bdi>", "", "\u2068", "", "\u2069", "").Replace(s)
}

// jsonLD parses the page's one JSON-LD block.
func jsonLD(t *testing.T, tags []tag) map[string]any {
	t.Helper()
	blocks := find(tags, "script", "type", "application/ld+json")
	if len(blocks) != 1 {
		t.Fatalf("%d JSON-LD blocks", len(blocks))
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(blocks[0].text), &v); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, blocks[0].text)
	}
	return v
}

// Titles, descriptions and tags are data, never markup: a title with a
// script tag, quotes and an ampersand comes out escaped in every place it
// appears, and reads back exactly.
func TestRenderEscapesHostileText(t *testing.T) {
	for _, minify := range []bool{true, false} {
		_, out := renderNews(t, "https://example.github.io/news/", minify)
		for p, doc := range out.htmlPages() {
			tags := scanTags(t, doc)
			for _, tg := range tags {
				src := strings.TrimPrefix(tg.attrs["src"], "/news/")
				ours := (p == "search/index.html" && searchJSName.MatchString(src)) || shareJSName.MatchString(src)
				if tg.name == "script" && tg.attrs["type"] != "application/ld+json" && !ours {
					t.Errorf("minify=%v %s: live <script> tag %v", minify, p, tg.attrs)
				}
				if tg.name == "i" || tg.name == "b" {
					t.Errorf("minify=%v %s: markup from the data became a <%s> tag", minify, p, tg.name)
				}
				for k := range tg.attrs {
					if strings.HasPrefix(k, "on") || k == "alert(1)" {
						t.Errorf("minify=%v %s: attribute %s", minify, p, k)
					}
				}
				if tg.name == "title" && strings.ContainsAny(tg.text, "<") {
					t.Errorf("minify=%v %s: '<' unescaped in <title>: %q", minify, p, tg.text)
				}
			}
		}
		doc := out.get(t, pathXSS)
		tags := scanTags(t, doc)
		if got := find(tags, "title", "", ""); len(got) != 1 || unisolate(htmlUnescape(got[0].text)) != xssTitle+" – صحيفة الاختبار" {
			t.Errorf("minify=%v: <title> %+v", minify, got)
		}
		checkAttr(t, tags, "meta", "property", "og:title", "content", xssTitle)
		checkAttr(t, tags, "meta", "name", "description", "content", xssDesc)
		checkAttr(t, tags, "meta", "property", "article:tag", "content", "<i>وسم</i>")
		h1 := regexp.MustCompile(`<h1 class="story-title">(.*?)</h1>`).FindStringSubmatch(doc)
		if h1 == nil || htmlUnescape(unisolate(h1[1])) != xssTitle {
			t.Errorf("minify=%v: h1 %q", minify, h1)
		}
		ld := jsonLD(t, tags)
		if ld["headline"] != xssTitle || ld["description"] != xssDesc {
			t.Errorf("minify=%v: JSON-LD headline %q description %q", minify, ld["headline"], ld["description"])
		}
		if strings.Contains(strings.ToLower(find(tags, "script", "type", "application/ld+json")[0].text), "</script") {
			t.Errorf("minify=%v: </script> inside the JSON-LD block", minify)
		}
		// The home page lists it (it is the newest) and the alias names it.
		home := out.get(t, "index.html")
		lead := regexp.MustCompile(`<h2 class="lead-title"><a href="[^"]*">(.*?)</a></h2>`).FindStringSubmatch(home)
		if lead == nil || htmlUnescape(unisolate(lead[1])) != xssTitle {
			t.Errorf("minify=%v: home lead %q", minify, lead)
		}
		al := scanTags(t, out.get(t, "old-xss/index.html"))
		if got := find(al, "title", "", ""); len(got) != 1 || htmlUnescape(got[0].text) != xssTitle {
			t.Errorf("minify=%v: alias <title> %+v", minify, got)
		}
	}
}

// The alias page sends browsers on with a meta refresh and search engines
// with a canonical link, both to the article.
func TestRenderAliasPage(t *testing.T) {
	_, out := renderNews(t, "https://example.github.io/news/", true)
	doc := out.get(t, aliasPath)
	tags := scanTags(t, doc)
	rel := "/news/" + escapePath(strings.TrimSuffix(pathBiden, "index.html"))
	checkAttr(t, tags, "link", "rel", "canonical", "href", "https://example.github.io"+rel)
	checkAttr(t, tags, "meta", "http-equiv", "refresh", "content", "0; url="+rel)
	checkAttr(t, tags, "meta", "name", "robots", "content", "noindex")
	checkAttr(t, tags, "a", "href", rel, "href", rel)
	if !strings.Contains(doc, `<html lang="ar" dir="rtl">`) || !strings.Contains(doc, `<meta charset="utf-8">`) {
		t.Errorf("alias page:\n%s", doc)
	}
}

// Pagination: one article per page, numbered from the oldest; the front
// page shows the newest and leads to the page of the next older one;
// prev/next links (newer/older) and the current page marked.
func TestRenderPager(t *testing.T) {
	_, out := renderNews(t, "https://example.github.io/news/", true)
	type nav struct{ prev, next, current string }
	want := map[string]nav{
		"index.html":        {"", "/news/page/2/", "/news/"},
		"page/1/index.html": {"/news/page/2/", "", "/news/page/1/"},
		"page/2/index.html": {"/news/page/3/", "/news/page/1/", "/news/page/2/"},
		"page/3/index.html": {"", "/news/page/2/", "/news/page/3/"},
	}
	for p, w := range want {
		tags := scanTags(t, out.get(t, p))
		got := nav{}
		if l := find(tags, "a", "rel", "prev"); len(l) == 1 {
			got.prev = l[0].attrs["href"]
		}
		if l := find(tags, "a", "rel", "next"); len(l) == 1 {
			got.next = l[0].attrs["href"]
		}
		if l := find(tags, "a", "aria-current", "page"); len(l) == 1 {
			got.current = l[0].attrs["href"]
		}
		if got != w {
			t.Errorf("%s: prev/next/current %+v, want %+v", p, got, w)
		}
		if n := len(find(tags, "nav", "class", "pagination")); n != 1 {
			t.Errorf("%s: %d pagination navs", p, n)
		}
	}
	order := []string{xssTitle, titleBiden, titleG20, xssTitle}
	for i, p := range []string{"index.html", "page/1/index.html", "page/2/index.html", "page/3/index.html"} {
		doc := out.get(t, p)
		if !strings.Contains(htmlUnescape(unisolate(doc)), order[i]) {
			t.Errorf("%s should list %q", p, order[i])
		}
		for _, other := range order {
			if other != order[i] && strings.Contains(htmlUnescape(unisolate(doc)), ">"+other+"<") {
				t.Errorf("%s also lists %q", p, other)
			}
		}
	}
	if tl := find(scanTags(t, out.get(t, "page/2/index.html")), "title", "", ""); len(tl) != 1 || tl[0].text != "الصفحة 2 – صحيفة الاختبار" {
		t.Errorf("page 2 title %+v", tl)
	}
	// A single page of articles has no pagination at all.
	cfg := testConfig()
	out = render(t, assemble(t, cfg, newsPages()...), themeOptions(t, true))
	if strings.Contains(out.get(t, "index.html"), "pagination") {
		t.Error("one page should have no pagination nav")
	}
	if _, ok := out.files["page/2/index.html"]; ok {
		t.Error("page/2 written for one page of articles")
	}
}

// An empty site still has a home page and a 404 page.
func TestRenderEmptySite(t *testing.T) {
	out := render(t, assemble(t, testConfig()), themeOptions(t, true))
	for _, p := range []string{"index.html", "404.html"} {
		if _, ok := out.files[p]; !ok {
			t.Errorf("%s missing from %q", p, out.paths())
		}
	}
	if !strings.Contains(out.get(t, "index.html"), "لا توجد أخبار منشورة بعد") {
		t.Error("empty home page should say there is no news")
	}
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }

// A pager links the front page, the pages near the current one and page 1
// (the oldest), with a gap for the rest, and never the newest numbered
// page unless it is near: a link to it would change every page whenever a
// page is added. Linking every page made each page of a long list carry a
// link to every other page.
func TestPageWindow(t *testing.T) {
	for _, c := range []struct {
		articles, page int // page 0 is the front page
		want           string
	}{
		{5, 0, ""},         // fits the front page: no numbered pages
		{12, 0, "1"},       // front page, then page 1 (2 pages: 10 + 2)
		{12, 1, "2 [1]"},   // page 1 of 2
		{12, 2, "[2] 1"},   // the newest page
		{60, 0, "5 4 … 1"}, // the front page shows the newest 10: older is page 5
		{60, 3, "5 4 [3] 2 1"},
		{10000, 0, "999 998 … 1"},
		{10000, 6, "8 7 [6] 5 4 … 1"},
		{10000, 4, "6 5 [4] 3 2 1"},
		{10000, 1000, "[1000] 999 998 … 1"},
		{10001, 999, "1001 1000 [999] 998 997 … 1"},
	} {
		list := make([]*site.Article, c.articles)
		for i := range list {
			list[i] = &site.Article{}
		}
		p := site.Paginate(list, list, 10, "/")[c.page]
		var got []string
		for _, l := range pageLinks(p.Near(pageWindowSpan), p.Number, func(int) string { return "" }) {
			switch {
			case l.Gap:
				got = append(got, "…")
			case l.Current:
				got = append(got, "["+strconv.Itoa(l.Number)+"]")
			default:
				got = append(got, strconv.Itoa(l.Number))
			}
		}
		if s := strings.Join(got, " "); s != c.want {
			t.Errorf("%d articles, page %d: links %s, want %s", c.articles, c.page, s, c.want)
		}
	}
}
