package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/linkcheck"
)

// TestHugoSite builds testdata/hugo-site, content as a Hugo site holds it
// (issue 19): a page without a title, a headless bundle, _build options,
// a translation, JSON front matter, draft as text, pages without a date,
// a section's _index.md with aliases, <!--more-->, raw HTML, a relative
// alias, bundles' files, shortcodes, a section's and a term's _index.md
// with an image, and Hugo's config.toml for settings. It builds, with one warning for each, writes what Hugo would and
// nothing else, and links to no missing file.
func TestHugoSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	minify := false
	res, err := Run(Options{Source: "testdata/hugo-site", Destination: dest, Minify: &minify, Now: buildNow, CacheDir: t.TempDir(), NoImport: true})
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, w := range res.Warnings {
		warnings = append(warnings, w.String())
	}
	for _, want := range []string{
		`content/archives.md:2: warning: no title: the page is called "archives", after its file name`,
		`content/posts/no-title.md:2: warning: no title: the page is called "Heading as Title", after its first heading`,
		`content/posts/raw.md:7: warning: raw HTML (<div class="embed">video</div>) is shown to readers as text`,
		`content/posts/string-draft.md:4:8: warning: draft: "true" is text, read as true as Hugo reads it`,
		`content/posts/string-published.md:4:8: warning: draft: "false" is text, read as false as Hugo reads it`,
		`content/: warning: translations not built: 1, in ja (sahifa builds the site's one language, en-us,`,
		`content/: warning: pages without a date: 3 (content/about.md, content/archives.md, content/posts/guide.md); each is published as a page at /slug/`,
		`content/posts/shortcodes.md:37: warning: shortcode mystery is shown to readers as text`,
		`config.toml:6:1: warning: Hugo's "theme" is not read: sahifa has no such setting`,
	} {
		if !containsPrefix(warnings, want) {
			t.Errorf("no warning %s", want)
		}
	}
	if len(warnings) != 9 {
		t.Errorf("%d warnings, want 9:\n%s", len(warnings), strings.Join(warnings, "\n"))
	}
	if res.Articles != 9 || res.Held.Drafts != 1 {
		t.Errorf("%d articles, %d drafts; want 9 and 1", res.Articles, res.Held.Drafts)
	}

	files := tree(t, dest)
	read := func(p string) string {
		t.Helper()
		data, ok := files[p]
		if !ok {
			t.Errorf("%s not written", p)
		}
		return string(data)
	}
	// Pages without a date: at /slug/, or beside their section's.
	for _, p := range []string{"about/index.html", "archives/index.html", "posts/writing-guide/index.html"} {
		if page := read(p); strings.Contains(page, `class="date-line"`) || strings.Contains(page, "0001") {
			t.Errorf("%s shows a date", p)
		}
	}
	// Articles, whatever their front matter's format or title.
	for _, p := range []string{"2024/02/01/a-post-in-json/index.html", "2024/02/03/ready/index.html",
		"2024/02/08/heading-as-title/index.html", "2024/01/15/my-first-post/index.html"} {
		read(p)
	}
	// Redirects: the about page's aliases, one relative to the top; the
	// section's; a post's relative alias beside it, in its section.
	for p, to := range map[string]string{
		"about-us/index.html":                          "/blog/about/",
		"about-hugo/index.html":                        "/blog/about/",
		"articles/index.html":                          "/blog/posts/",
		"blog-old/index.html":                          "/blog/posts/",
		"posts/migrate-from-jekyl/index.html":          "/blog/2024/02/06/migrate-from-jekyll/",
		"2024/02/07/unlisted/index.html":               "", // written, though on no list
		"posts/index.html":                             "",
		"2024/02/04/with-a-summary-divider/index.html": "",
	} {
		if page := read(p); to != "" && !strings.Contains(page, `http-equiv="refresh" content="0; url=`+to+`"`) {
			t.Errorf("%s does not redirect to %s:\n%s", p, to, page)
		}
	}
	if page := read("posts/index.html"); !strings.Contains(page, "<title>\u2068Posts") || !strings.Contains(page, "Everything we wrote") {
		t.Errorf("the section's page lacks its _index.md title and description")
	}
	// A section's and a term's _index.md image, on the page and in its
	// social previews; a term's title, description and aliases.
	for p, want := range map[string][]string{
		"posts/index.html": {`<img class="list-image" src="/blog/images/cover.e970655381bc-960.jpg" srcset="/blog/images/cover.e970655381bc-480.jpg 480w,`,
			`<meta property="og:image" content="https://example.org/blog/images/cover.e970655381bc-1200.jpg">`},
		"tags/hugo/index.html": {"<title>\u2068Hugo, the generator\u2069", `<p class="section-description"><bdi>Posts about the generator we came from</bdi>.</p>`,
			`<img class="list-image" src="/blog/images/logo.e970655381bc-960.jpg"`, `<meta property="og:image" content="https://example.org/blog/images/logo.e970655381bc-1200.jpg">`},
		"topics/hugo/index.html": {`http-equiv="refresh" content="0; url=/blog/tags/hugo/"`},
	} {
		page := read(p)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", p, w)
			}
		}
	}
	// Nothing of the headless bundle, render: never, the draft or the
	// translation.
	for p := range files {
		for _, gone := range []string{"homepage", "work", "not-ready", "約", "ja/"} {
			if strings.Contains(p, gone) {
				t.Errorf("%s written", p)
			}
		}
	}
	// Lists and feeds hold news only; the summary stops at <!--more-->.
	feed := read("index.xml")
	for _, p := range []string{"Writing Guide", "About", "archives", "Unlisted"} {
		for _, list := range []string{"index.xml", "index.html", "posts/index.html", "news-sitemap.xml"} {
			if strings.Contains(read(list), ">"+p+"<") {
				t.Errorf("%s lists %q", list, p)
			}
		}
	}
	if !strings.Contains(feed, "The summary ends here.") || strings.Contains(read("index.html"), "The rest is only on the page") {
		t.Errorf("the summary does not stop at <!--more-->")
	}
	// Shortcodes: Hugo's built-ins as links out (nothing loaded from
	// another host), the site's own from layouts/shortcodes/, an unknown
	// one as text.
	page := read("2024/02/09/shortcodes/index.html")
	for _, want := range []string{
		`<figure><img src="/blog/images/photo.svg" alt="The caption" loading="lazy"><figcaption><h4>A photo</h4><p>The caption Reuters</p></figcaption></figure>`,
		`<a href="https://www.youtube.com/watch?v=ZJthWmvUzzc" rel="external noopener">`,
		`<a href="https://vimeo.com/146022717" rel="external noopener">`,
		`<a href="https://x.com/SanDiegoZoo/status/1453110110599868418" rel="external noopener">`,
		`<a href="https://x.com/i/status/877500564405444608" rel="external noopener">`,
		`<a href="https://www.instagram.com/p/BWNjjyYFxVx/" rel="external noopener">`,
		`<a href="https://gist.github.com/spf13/7896402" rel="external noopener">`,
		"<pre><code class=\"language-go\">func main() {\n\n\tfmt.Println(&#34;&lt;hello&gt;&#34;)\n}\n</code></pre>",
		`<a href="/blog/2024/01/15/my-first-post/">the first post</a> (https://example.org/blog/2024/01/15/my-first-post/)`,
		`By Sara, for The news desk.`,
		`<aside class="note" data-kind="tip"><p>A <strong>site's own</strong> shortcode.</p>`,
		`<p>{{&lt; mystery 42 `,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the shortcodes page lacks %s", want)
		}
	}
	for _, remote := range []string{"<iframe", "<script src=\"http", "<img src=\"http"} {
		if strings.Contains(page, remote) {
			t.Errorf("the shortcodes page loads from another host: %s", remote)
		}
	}
	// A bundle's files beside its page: its photo resized (srcset, no
	// camera metadata), the others as they are; links to them absolute,
	// as its feed entry carries the same HTML. With publishResources
	// false, only what the page links.
	bundle := read("2024/01/15/my-first-post/index.html")
	photo := `https://example.org/blog/images/photo.e970655381bc-`
	for _, want := range []string{
		`<img src="` + photo + `960.jpg" alt="A photo from the trip" srcset="` + photo + `480.jpg 480w, ` + photo + `960.jpg 960w, ` + photo + `1200.jpg 1200w" sizes="(min-width: 42rem) 42rem, 100vw" width="960" height="640" loading="lazy">`,
		`<a href="https://example.org/blog/2024/01/15/my-first-post/report.pdf">full report</a>`,
		`<a href="https://example.org/blog/2024/01/15/my-first-post/images/drawing.svg#top">a drawing</a>`,
		`<figure><img src="` + photo + `960.jpg" alt="The same photo" srcset="` + photo + `480.jpg 480w,`,
	} {
		if !strings.Contains(bundle, want) {
			t.Errorf("the bundle's page lacks %s", want)
		}
		if !strings.Contains(read("index.xml"), want) { // in CDATA
			t.Errorf("the RSS feed lacks %s", want)
		}
	}
	for p, data := range files {
		if strings.Contains(string(data), "GPS-SECRET") {
			t.Errorf("%s holds the photo's camera metadata", p)
		}
	}
	for _, p := range []string{"2024/01/15/my-first-post/photo.jpg", "2024/01/15/my-first-post/report.pdf",
		"2024/01/15/my-first-post/images/drawing.svg", "images/photo.e970655381bc-480.jpg", "2024/01/16/quiet-bundle/notes.txt"} {
		read(p)
	}
	if _, ok := files["2024/01/16/quiet-bundle/unused.txt"]; ok {
		t.Error("a file of a bundle with publishResources: false that its page does not link was published")
	}
	sitemap := read("sitemap.xml")
	if !strings.Contains(sitemap, "https://example.org/blog/about/") || strings.Contains(sitemap, "unlisted") {
		t.Errorf("sitemap.xml: want the undated pages, not list: never:\n%s", sitemap)
	}

	problems, err := linkcheck.Check(os.DirFS(dest), "https://example.org/blog/")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func containsPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
