package sitemap

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// lint runs xmllint on files against a schema in testdata and returns
// its complaint, or nil when the files are valid. It skips the test when
// xmllint (Debian package libxml2-utils) or the schema is missing: the Go
// decoding tests still run everywhere, and the schemas are committed
// because CI cannot download them.
func lint(t *testing.T, schema string, files []File) error {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (apt-get install libxml2-utils)")
	}
	xsd, err := filepath.Abs(filepath.Join("testdata", schema))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(xsd); err != nil {
		t.Skipf("schema missing: %v", err)
	}
	dir := t.TempDir()
	args := []string{"--noout", "--nonet", "--schema", xsd}
	for _, f := range files {
		p := filepath.Join(dir, f.Path)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("xmllint --schema %s: %v\n%s", schema, err, out)
	}
	return nil
}

// xmllint fails the test unless files are valid against schema.
func xmllint(t *testing.T, schema string, files []File) {
	t.Helper()
	if err := lint(t, schema, files); err != nil {
		t.Error(err)
	}
}

func TestXSDSitemap(t *testing.T) {
	xmllint(t, "sitemap.xsd", Sitemaps([]URL{
		{Loc: base, Lastmod: t0},
		{Loc: arabicLoc},
		{Loc: queryLoc, Lastmod: t0},
	}, base))
}

func TestXSDSitemapIndex(t *testing.T) {
	files := Sitemaps(manyURLs(MaxURLs+1), base)
	xmllint(t, "siteindex.xsd", files[:1])
	// Only the small part: the 50,000-entry one is made the same way and
	// would cost seconds of xmllint time.
	xmllint(t, "sitemap.xsd", files[2:])
}

func TestXSDNews(t *testing.T) {
	xmllint(t, "news-subset.xsd", News([]NewsItem{
		{Loc: arabicLoc, Title: arabicTitle, Published: t0},
		{Loc: queryLoc, Title: "<عاجل>", Published: t0},
	}, "صحيفة & شركاه", "ar", base))
}

func TestXSDNewsIndex(t *testing.T) {
	items := make([]NewsItem, MaxNewsURLs+1)
	for i := range items {
		items[i] = NewsItem{Loc: arabicLoc, Title: arabicTitle, Published: t0}
	}
	files := News(items, "صحيفة", "ar", base)
	xmllint(t, "siteindex.xsd", files[:1])
	xmllint(t, "news-subset.xsd", files[1:])
}

// TestXSDRejects makes sure the validation is real: schemas that let a
// broken file through would make the tests above pass vacuously.
func TestXSDRejects(t *testing.T) {
	bad := []File{{Path: "bad.xml", Data: []byte(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://example.com/</loc><lastmod>yesterday</lastmod>
    <news:news><news:title>t</news:title></news:news></url>
</urlset>`)}}
	if lint(t, "news-subset.xsd", bad) == nil {
		t.Error("xmllint accepted a broken news sitemap")
	}
}
