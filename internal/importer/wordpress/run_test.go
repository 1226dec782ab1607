package wordpress

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/wxr"
)

func siteConfig(t *testing.T, toml string) config.Config {
	t.Helper()
	cfg, _, err := config.Parse("sahifa.toml", []byte(toml))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestAliasOnlyWhenTheURLMoves: with the blog's own permalink structure,
// the posts keep their URLs and need no alias; a child page, filed at the
// top, keeps its old /parent/child/ address as one. Dates are the site's
// zone's, from post_date_gmt: 22:30 GMT on 1 March is 2 March in Baghdad.
func TestAliasOnlyWhenTheURLMoves(t *testing.T) {
	root := t.TempDir()
	cfg := siteConfig(t, "timezone = \"Asia/Baghdad\"\n[permalinks]\narticle = \"/:year/:month/:slug/\"\n")
	res, err := Run(Options{Root: root, Config: cfg, Export: "testdata/export.xml", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Aliases != 1 {
		t.Errorf("%d aliases, want 1 (the child page)", res.Aliases)
	}
	if res.Posts != 18 || res.Drafts != 2 || res.Pages != 3 || res.ImagesRemote == 0 {
		t.Errorf("result: %+v", res)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 0 {
		t.Errorf("a dry run wrote %v", entries)
	}
	cfg = siteConfig(t, "timezone = \"Asia/Baghdad\"\n")
	res, err = Run(Options{Root: root, Config: cfg, Export: "testdata/export.xml"})
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(root, "content", "politics", "قمة-الجوار", "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"date: 2021-03-02T01:30:00+03:00", `aliases: ["/2021/03/قمة-الجوار/"]`, `categories: ["سياسة", "اقتصاد"]`, `description: "قمة إقليمية في بغداد"`} {
		if !strings.Contains(string(md), want) {
			t.Errorf("Markdown lacks %s:\n%s", want, md)
		}
	}
}

// TestCategoriesAsTaxonomy: posts filed by year, categories listed.
func TestCategoriesAsTaxonomy(t *testing.T) {
	root := t.TempDir()
	if _, err := Run(Options{Root: root, Config: config.Default(), Export: "testdata/export.xml", Categories: Taxonomy}); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(root, "content", "2021", "budget-vote", "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), `categories: ["سياسة"]`) {
		t.Errorf("%s", md)
	}
	if _, err := Run(Options{Root: root, Config: config.Default(), Export: "testdata/export.xml", Categories: "tags"}); err == nil {
		t.Error("--categories tags was taken")
	}
}

func TestSlugAndOldPath(t *testing.T) {
	for _, tc := range []struct{ name, title, want string }{
		{"%d8%b3%d9%88%d9%82-%d8%a7%d9%84%d8%b3%d8%b1%d8%a7%d9%8a", "", "سوق-السراي"},
		{"%D8%B3%D9%88%D9%82", "", "سوق"},
		{"", "مسودة: تقرير عن الكهرباء", "مسودة-تقرير-عن-الكهرباء"},
		{"..", "", "post-7"},
		{"_hidden", "عنوان", "عنوان"},
		{"%zz", "", "%zz"},
	} {
		if got := slugOf(&wxr.Item{ID: 7, Name: tc.name, Title: tc.title}); got != tc.want {
			t.Errorf("slugOf(%q, %q) = %q, want %q", tc.name, tc.title, got, tc.want)
		}
	}
	for _, tc := range []struct{ link, base, want string }{
		{"https://a.example/2021/02/%d8%b3%d9%88%d9%82/", "/", "/2021/02/سوق/"},
		{"https://a.example/news/2021/x/", "/news/", "/2021/x/"},
		{"https://a.example/?p=5", "/", ""},
		{"https://a.example/", "/", ""},
		{"https://other.example/elsewhere/x/", "/news/", ""},
	} {
		if got := oldPath(tc.link, tc.base); got != tc.want {
			t.Errorf("oldPath(%q, %q) = %q, want %q", tc.link, tc.base, got, tc.want)
		}
	}
}

// TestRedirectFileEdited: a redirect file an editor changed is left alone.
func TestRedirectFileEdited(t *testing.T) {
	root := t.TempDir()
	opts := Options{Root: root, Config: config.Default(), Export: "testdata/export.xml"}
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, filepath.FromSlash(RedirectsFile))
	data, _ := os.ReadFile(file)
	edited := append(data, "/old /new 301\n"...)
	os.WriteFile(file, edited, 0o644)
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != string(edited) {
		t.Error("an edited _redirects was overwritten")
	}
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[len(res.Warnings)-1].String(), "static/_redirects: warning: not written by an import, or edited since") {
		t.Errorf("warnings: %v", res.Warnings)
	}
}
