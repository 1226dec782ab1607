package build

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// The test site's base URL: a GitHub Pages project site, under a sub-path.
const testBase = "https://example.github.io/news/"

func TestTermFeedParses(t *testing.T) {
	dest := buildSite(t, "testdata/site", true)
	data, err := os.ReadFile(filepath.Join(dest, "tags", "العراق", "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if feed.FeedType != "rss" || feed.Language != "ar" || !strings.Contains(feed.Title, "العراق") {
		t.Errorf("channel: %s %q %q", feed.FeedType, feed.Language, feed.Title)
	}
	if want := testBase + "tags/" + url.PathEscape("العراق") + "/"; feed.Link != want {
		t.Errorf("channel link %q, want %q", feed.Link, want)
	}
	if len(feed.Items) != 1 {
		t.Fatalf("%d items, want 1", len(feed.Items))
	}
	it := feed.Items[0]
	if !strings.HasPrefix(it.Link, testBase+"2021/02/24/%D8%AA%D9%88%D8%A7%D9%81%D9%82") || it.GUID != it.Link {
		t.Errorf("item link %q guid %q", it.Link, it.GUID)
	}
	if it.PublishedParsed == nil || !it.PublishedParsed.Equal(time.Date(2021, 2, 24, 6, 0, 0, 0, time.UTC)) || !strings.HasSuffix(it.Published, "+0300") {
		t.Errorf("pubDate %v", it.Published)
	}
	// Term feeds carry the summary only; the site's feeds carry full text.
	if it.Content != "" || !strings.Contains(it.Description, "البعثات الدبلوماسية") {
		t.Errorf("content/description: %q / %q", it.Content, it.Description)
	}
	main, err := os.ReadFile(filepath.Join(dest, "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(main), "هجمات متكررة") {
		t.Error("the site's RSS feed lacks the article's full text")
	}
	if strings.Join(it.Categories, ",") != "العراق,جو بايدن" {
		t.Errorf("categories %q", it.Categories)
	}
	// lastBuildDate comes from the newest item, not the clock.
	if !strings.Contains(string(data), "<lastBuildDate>Wed, 24 Feb 2021 09:00:00 +0300</lastBuildDate>") {
		t.Errorf("lastBuildDate not from the newest item:\n%s", data)
	}
}

var ldRE = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

func jsonLDOf(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := ldRE.FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s has no JSON-LD", path)
	}
	var ld map[string]any
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("%s: JSON-LD does not parse: %v\n%s", path, err, m[1])
	}
	return ld
}

func TestJSONLD(t *testing.T) {
	dest := buildSite(t, "testdata/site", true)
	art := jsonLDOf(t, filepath.Join(dest, "2021", "02", "24", "توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات", "index.html"))
	for _, k := range []string{"headline", "datePublished", "dateModified", "author", "publisher", "inLanguage", "mainEntityOfPage", "keywords"} {
		if art[k] == nil {
			t.Errorf("NewsArticle lacks %s: %v", k, art)
		}
	}
	if art["@type"] != "NewsArticle" || art["datePublished"] != "2021-02-24T09:00:00+03:00" || art["inLanguage"] != "ar" {
		t.Errorf("NewsArticle: %v", art)
	}
	term := jsonLDOf(t, filepath.Join(dest, "tags", "العراق", "index.html"))
	if term["@type"] != "CollectionPage" || term["breadcrumb"] == nil {
		t.Errorf("term page JSON-LD: %v", term)
	}
}

func TestSitemapListsEveryPageButNumberedOnes(t *testing.T) {
	dest := buildSite(t, "testdata/site", true)
	data, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, u := range set.URLs {
		if u.Lastmod == "" {
			t.Errorf("%s has no lastmod", u.Loc)
		}
		listed[u.Loc] = true
	}
	// Every HTML page but the 404, the search page (both noindex), the
	// alias redirect and the lists' numbered pages (reached from their
	// front page, as in Hugo's sitemaps) is listed.
	numbered := regexp.MustCompile(`(^|/)page/[0-9]+/index\.html$`)
	for p := range tree(t, dest) {
		if !strings.HasSuffix(p, ".html") || p == "404.html" || p == "search/index.html" || strings.HasPrefix(p, "old/") {
			continue
		}
		if numbered.MatchString(p) {
			if listed[testBase+strings.TrimSuffix(p, "index.html")] {
				t.Errorf("sitemap lists the numbered page %s", p)
			}
			continue
		}
		loc := testBase + strings.TrimSuffix(p, "index.html")
		u, _ := url.Parse(loc)
		if !listed[u.String()] {
			t.Errorf("sitemap lacks %s", u.String())
		}
	}
	robots, _ := os.ReadFile(filepath.Join(dest, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: "+testBase+"sitemap.xml") || !strings.Contains(string(robots), "news-sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}
