package linkcheck

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const sub = "https://example.github.io/news/"

// page wraps body in a minimal page.
func page(body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("<!doctype html><html lang=ar dir=rtl><head><title>t</title></head><body>\n" + body + "\n</body></html>")}
}

// smallSite is a small built site: Arabic article and tag folders, an image in
// three widths, a stylesheet, feeds and a sitemap, all as sahifa writes
// them for the sub-path base URL.
func smallSite() fstest.MapFS {
	return fstest.MapFS{
		"index.html": page(`<a href="/news/">home</a> <a href="/news/2021/02/24/%D8%AE%D8%A8%D8%B1/">encoded</a>
<a href="2021/02/24/خبر/#%D8%A7%D9%84%D9%85%D9%82%D8%AF%D9%85%D8%A9">relative, raw Arabic, encoded fragment</a>`),
		"2021/02/24/خبر/index.html": page(`<h2 id="المقدمة">المقدمة</h2><a name="old-anchor"></a><p id="fn:1">note</p>
<img src="/news/images/a-960.jpg" srcset="/news/images/a-480.jpg 480w, /news/images/a-960.jpg 960w">`),
		"tags/العراق/index.html":  page(`<a href="../../">up</a> <a href="../">tags</a>`),
		"tags/index.html":         page(`<a href="%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82/">tag</a>`),
		"images/a-480.jpg":        {Data: []byte("jpg")},
		"images/a-960.jpg":        {Data: []byte("jpg")},
		"css/main.css":            {Data: []byte(`@font-face{src:url(../fonts/naskh.woff2)}.x{background:url("/news/images/a-480.jpg")}`)},
		"fonts/naskh.woff2":       {Data: []byte("font")},
		"404.html":                page(`<link rel=stylesheet href="/news/css/main.css"><a href="/news/">home</a> <a href="#main">skip</a><main id="main"></main>`),
		"robots.txt":              {Data: []byte("User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/news/sitemap.xml\n")},
		"sitemap.xml":             {Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.github.io/news/</loc></url><url><loc>https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1/</loc></url></urlset>`)},
		"index.xml":               {Data: []byte(rss("https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1/", `<p><a href="#fn:1">1</a> <img src="https://example.github.io/news/images/a-480.jpg"></p>`))},
		"search/data/d/0.json":    {Data: []byte(`[["/news/2021/02/24/خبر/","خبر","2021-02-24"]]`)},
		"search/index.html":       page(`<section data-index="/news/search/data/"><form action="/news/search/"></form></section>`),
		"feed.json":               {Data: []byte(`{"home_page_url":"https://example.github.io/news/","items":[{"url":"https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1/","content_html":"<a href=\"#old-anchor\">a</a>"}]}`)},
		"old/alias/index.html":    {Data: []byte(`<meta http-equiv="refresh" content="0; url=/news/2021/02/24/%D8%AE%D8%A8%D8%B1/">`)},
		"external/index.html":     page(`<a href="https://example.com/news/x/">other host</a> <a href="//cdn.example.net/x.js">protocol-relative</a> <a href="mailto:desk@example.org">mail</a> <a href="tel:+9641">tel</a> <a href="javascript:void(0)">js</a> <img src="data:image/gif;base64,R0lGOD"> <a href="http://example.github.io/news/">own host over http</a> <a href="HTTPS://EXAMPLE.GITHUB.IO:443/news/tags/">own host, other spelling</a>`),
		"empty-folder/readme.txt": {Data: []byte("not a page")},
	}
}

func rss(link, html string) string {
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://example.github.io/news/</link><atom:link href="https://example.github.io/news/index.xml" rel="self" type="application/rss+xml"/><item><title>x</title><link>` +
		link + `</link><guid isPermaLink="true">` + link + `</guid><description>lede</description><content:encoded><![CDATA[` + html + `]]></content:encoded></item></channel></rss>`
}

func TestCheckCleanSite(t *testing.T) {
	rep, err := CheckReport(smallSite(), sub)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Error(p)
	}
	if rep.Files != 14 {
		t.Errorf("read %d files, want 14 (every .html, .xml, .json, .css and robots.txt)", rep.Files)
	}
	if rep.Internal < 25 {
		t.Errorf("checked only %d internal references", rep.Internal)
	}
}

// TestCheckProblems adds one file at a time to the clean site and expects
// exactly its problems.
func TestCheckProblems(t *testing.T) {
	tests := []struct {
		name, file string
		data       string // a page body, unless file is not .html
		base       string // default sub
		want       []string
	}{
		{"root-relative link outside the sub-path", "p/index.html", `<a href="/tags/">tags</a>`, "",
			[]string{`p/index.html:2: broken link /tags/ (not under the base path /news/)`}},
		{"the same links are checked on a root site", "p/index.html", `<a href="/tags/">tags</a><a href="/tagz/">x</a>`, "https://example.github.io/",
			[]string{`p/index.html:2: broken link /tagz/ (no such file)`}},
		{"missing page", "p/index.html", `<a href="/news/2021/02/24/%D8%AE%D8%A8%D8%B1-2/">x</a>`, "",
			[]string{`p/index.html:2: broken link /news/2021/02/24/%D8%AE%D8%A8%D8%B1-2/ (no such file)`}},
		{"raw Arabic path missing", "p/index.html", "\n<a href=\"../tags/ايران/\">x</a>", "",
			[]string{`p/index.html:3: broken link ../tags/ايران/ (no such file)`}},
		{"missing srcset candidate", "p/index.html", `<img src="/news/images/a-960.jpg" srcset="/news/images/a-480.jpg 480w, /news/images/a-1200.jpg 1200w">`, "",
			[]string{`p/index.html:2: broken link /news/images/a-1200.jpg (no such file)`}},
		{"missing stylesheet and script", "p/index.html", `<link rel=stylesheet href="/news/css/main.0000.css"><script src="../js/x.js"></script>`, "",
			[]string{`p/index.html:2: broken link /news/css/main.0000.css (no such file)`, `p/index.html:2: broken link ../js/x.js (no such file)`}},
		{"missing fragment, same page", "p/index.html", `<a href="#nowhere">x</a><h2 id="here"></h2><a href="#here">ok</a><a href="#">top</a><a href="#top">top</a>`, "",
			[]string{`p/index.html:2: broken link #nowhere (no element with id "nowhere" in p/index.html)`}},
		{"missing Arabic heading anchor in another page", "p/index.html", `<a href="/news/2021/02/24/%D8%AE%D8%A8%D8%B1/#%D8%A7%D9%84%D8%AE%D8%A7%D8%AA%D9%85%D8%A9">x</a>
<a href="/news/2021/02/24/خبر/#المقدمة">ok raw</a><a href="/news/2021/02/24/خبر/#old-anchor">ok name</a><a href="/news/2021/02/24/خبر/#:~:text=x">ok directive</a>`, "",
			[]string{`p/index.html:2: broken link /news/2021/02/24/%D8%AE%D8%A8%D8%B1/#%D8%A7%D9%84%D8%AE%D8%A7%D8%AA%D9%85%D8%A9 (no element with id "الخاتمة" in 2021/02/24/خبر/index.html)`}},
		{"fragment on an image is not checked", "p/index.html", `<a href="/news/images/a-480.jpg#x">x</a>`, "", nil},
		{"folder without trailing slash is served by a redirect", "p/index.html", `<a href="/news/tags">x</a><a href="/news">home</a>`, "", nil},
		{"folder without index.html", "p/index.html", `<a href="/news/empty-folder/">x</a><a href="/news/images/a-480.jpg/">x</a>`, "",
			[]string{`p/index.html:2: broken link /news/empty-folder/ (folder without index.html)`, `p/index.html:2: broken link /news/images/a-480.jpg/ (names a file as a folder)`}},
		{"absolute URL on the own host", "p/index.html", `<link rel=canonical href="https://example.github.io/news/p/"><link rel=canonical href="https://example.github.io/p/">`, "",
			[]string{`p/index.html:2: broken link https://example.github.io/p/ (not under the base path /news/)`}},
		{"og:image", "p/index.html", `<meta property="og:image" content="https://example.github.io/news/images/a-1200.jpg">`, "",
			[]string{`p/index.html:2: broken link https://example.github.io/news/images/a-1200.jpg (no such file)`}},
		{"base element", "p/index.html", `<base href="/news/tags/"><a href="العراق/">ok</a><a href="ايران/">x</a>`, "",
			[]string{`p/index.html:2: broken link ايران/ (no such file)`}},
		{"malformed URL", "p/index.html", `<a href="/news/%zz/">x</a>`, "",
			[]string{`p/index.html:2: broken link /news/%zz/ (malformed URL: invalid URL escape "%zz")`}},
		{"dot segments cannot climb out", "p/index.html", `<a href="../../../../news/tags/">ok</a><a href="../../../../tags/">x</a>`, "",
			[]string{`p/index.html:2: broken link ../../../../tags/ (not under the base path /news/)`}},
		{"page-relative link in 404.html", "404.html", `<a href="tags/">x</a><a href="/news/tags/">ok</a><a href="#x">own</a><p id=x>`, "",
			[]string{`404.html:2: broken link tags/ (page-relative URL in 404.html, which hosts serve at every missing path, at any depth)`}},
		{"alias to a missing article", "old/b/index.html", `<meta http-equiv="refresh" content="0; url=/news/2021/02/24/%D8%AE%D8%A8%D8%B1-3/">`, "",
			[]string{`old/b/index.html:2: broken link /news/2021/02/24/%D8%AE%D8%A8%D8%B1-3/ (no such file)`}},
		{"style attribute", "p/index.html", `<div style="background:url(/news/images/none.png)"></div>`, "",
			[]string{`p/index.html:2: broken link /news/images/none.png (no such file)`}},
		{"stylesheet url() resolves against the stylesheet", "css/print.css", "a{}\n.b{background:url(../images/a-480.jpg)}\n.c{background:url(images/a-480.jpg)}", "",
			[]string{`css/print.css:3: broken link images/a-480.jpg (no such file)`}},
		{"sitemap loc", "sitemap2.xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.github.io/news/missing/</loc></url>
<url><loc>/news/</loc></url>
<url><loc>https://example.github.io/tags/</loc></url>
</urlset>`, "", []string{
			`sitemap2.xml:3: broken link https://example.github.io/news/missing/ (no such file)`,
			`sitemap2.xml:4: broken link /news/ (not an absolute URL: feeds, sitemaps and robots.txt need absolute URLs)`,
			`sitemap2.xml:5: broken link https://example.github.io/tags/ (not under the base path /news/)`,
		}},
		{"feed item content resolves against the item link", "tags/x.xml", rss("https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1/",
			`<a href="#fn:2">2</a><a href="#fn:1">1</a><img src="../../../../images/a-480.jpg"><img src="/news/images/a-2.jpg">`), "", []string{
			`tags/x.xml:1: broken link #fn:2 (no element with id "fn:2" in 2021/02/24/خبر/index.html)`,
			`tags/x.xml:1: broken link /news/images/a-2.jpg (no such file)`,
		}},
		{"feed item link", "tags/y.xml", rss("https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1-5/", ""), "", []string{
			`tags/y.xml:1: broken link https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1-5/ (no such file)`,
			`tags/y.xml:1: broken link https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1-5/ (no such file)`,
		}},
		{"atom", "atom.xml", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://example.github.io/news/</id>
<link href="https://example.github.io/news/atom2.xml" rel="self"/>
<entry><id>tag:example.github.io,2021:1</id><link href="/news/x/" rel="alternate"/>
<content type="html">&lt;a href="#y"&gt;y&lt;/a&gt;</content></entry></feed>`, "", []string{
			`atom.xml:3: broken link https://example.github.io/news/atom2.xml (no such file)`,
			`atom.xml:4: broken link /news/x/ (not an absolute URL: feeds, sitemaps and robots.txt need absolute URLs)`,
			`atom.xml:5: broken link #y (no such file)`,
		}},
		{"broken feed XML", "bad.xml", "<?xml version=\"1.0\"?>\n<rss><channel><title>x</channel></rss>", "", []string{
			`bad.xml:2: cannot parse: XML syntax error on line 2: element <title> closed by </channel>`,
		}},
		{"JSON feed", "feed2.json", `{"items":[{"url":"https://example.github.io/news/2021/02/24/%D8%AE%D8%A8%D8%B1/","content_html":"<a href=\"#nope\">x</a>"}]}`, "", []string{
			`feed2.json:1: broken link #nope (no element with id "nope" in 2021/02/24/خبر/index.html)`,
		}},
		{"search index URL outside the sub-path", "search/data/d/1.json", "[\n[\"/2021/02/24/خبر/\",\"عنوان\"]]", "", []string{
			`search/data/d/1.json:2: broken link /2021/02/24/خبر/ (not under the base path /news/)`,
		}},
		{"broken JSON", "search/data/d/2.json", `[["/news/"`, "", []string{
			`search/data/d/2.json:1: cannot parse: unexpected EOF`,
		}},
		{"robots.txt sitemap", "robots.txt", "Sitemap: https://example.github.io/sitemap.xml\nsitemap: /news/sitemap.xml\n", "", []string{
			`robots.txt:1: broken link https://example.github.io/sitemap.xml (not under the base path /news/)`,
			`robots.txt:2: broken link /news/sitemap.xml (not an absolute URL: feeds, sitemaps and robots.txt need absolute URLs)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := smallSite()
			if strings.HasSuffix(tt.file, ".html") {
				fsys[tt.file] = page(tt.data)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			base := tt.base
			if base == "" {
				base = sub
			}
			problems, err := Check(fsys, base)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				// On the root site every /news/ link of the clean site is
				// broken too; only the added file matters here.
				if p.Page == tt.file {
					got = append(got, p.String())
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCheckWrongBase: the sub-path site checked against the root URL it
// was not built for has its every internal link broken, and a site built
// for the root fails under a sub-path. This is the mistake CI catches
// when a template writes "/" instead of the base path.
func TestCheckWrongBase(t *testing.T) {
	problems, err := Check(smallSite(), "https://example.github.io/")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) < 20 {
		t.Errorf("only %d problems checking a /news/ site as a root site: %q", len(problems), problems)
	}
	problems, err = Check(smallSite(), "https://elsewhere.example/news/")
	if err != nil {
		t.Fatal(err)
	}
	// Absolute links to example.github.io are then external; the root-relative ones still resolve.
	if len(problems) != 0 {
		t.Errorf("problems: %q", problems)
	}
}

func TestCheckBadBase(t *testing.T) {
	for _, base := range []string{"", "/news/", "example.github.io/news/", "ftp://example.org/", "https://%zz/"} {
		if _, err := Check(smallSite(), base); err == nil {
			t.Errorf("Check(base %q): no error", base)
		}
	}
	// The base path gets its slash added.
	if problems, err := Check(smallSite(), "https://example.github.io/news"); err != nil || len(problems) != 0 {
		t.Errorf("base without its slash: %v %q", err, problems)
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{Page: "public/a/index.html", Line: 12, URL: "/x/", Reason: "no such file"}
	if got, want := p.String(), "public/a/index.html:12: broken link /x/ (no such file)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p = Problem{Page: "public/a.xml", Line: 3, Reason: "cannot parse: EOF"}
	if got, want := p.String(), "public/a.xml:3: cannot parse: EOF"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
