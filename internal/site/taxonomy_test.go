package site

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/sahifa/sahifa/internal/content"
)

func tagged(path string, d int, tags ...string) content.Page {
	p := page(path, "خبر "+path, day(d))
	p.Tags = tags
	return p
}

func TestTermsMergeSpellingVariants(t *testing.T) {
	pages := []content.Page{
		tagged("content/1.md", 1, "إيران", "العراق"),
		tagged("content/2.md", 2, "ايران", "الْعِرَاق"),
		tagged("content/3.md", 3, "إيران", "العـــراق", "G20"),
		tagged("content/4.md", 4, "مدينة الموصل", "g20", "العراق", "العراق"),
	}
	s, err := Assemble(cfg(), pages, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	tx := s.Taxonomies[0]
	var got []string
	for _, term := range tx.Terms {
		got = append(got, fmt.Sprintf("%s=%s %d %s", term.Key, term.Name, len(term.Articles), term.RelPermalink))
	}
	want := []string{
		"العراق=العراق 4 /tags/العراق/",
		"ايران=إيران 3 /tags/إيران/",
		"g20=G20 2 /tags/g20/",
		"مدينه الموصل=مدينة الموصل 1 /tags/مدينة-الموصل/",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("terms\n got %q\nwant %q", got, want)
	}
	// Each article links its terms once, in its own order.
	a := s.Articles[0] // content/4.md, newest
	var names []string
	for _, term := range a.Terms["tags"] {
		names = append(names, term.Name)
	}
	if !reflect.DeepEqual(names, []string{"مدينة الموصل", "G20", "العراق"}) {
		t.Errorf("article terms %q", names)
	}
	if tx.Terms[0].Pagers[2].RelPermalink != "/tags/العراق/page/2/" {
		t.Errorf("term page 2 at %q", tx.Terms[0].Pagers[2].RelPermalink)
	}
}

func TestTermSlugClashGetsNumbered(t *testing.T) {
	s, err := Assemble(cfg(), []content.Page{tagged("content/1.md", 1, "C++", "C")}, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	urls := map[string]bool{}
	for _, term := range s.Taxonomies[0].Terms {
		urls[term.RelPermalink] = true
	}
	if !urls["/tags/c/"] || !urls["/tags/c-2/"] {
		t.Errorf("got %v", urls)
	}
}

func TestOtherTaxonomiesFromFrontMatter(t *testing.T) {
	c := cfg()
	c.Taxonomies = []string{"categories", "tags"}
	p := tagged("content/1.md", 1, "العراق")
	p.Params = map[string]any{"categories": "محليات"}
	s, err := Assemble(c, []content.Page{p}, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	if s.Taxonomies[0].Name != "categories" || s.Taxonomies[0].Terms[0].RelPermalink != "/categories/محليات/" {
		t.Errorf("categories taxonomy: %+v", s.Taxonomies[0].Terms[0])
	}
}

// Authors come from the author and authors keys alike (content.Page.Authors),
// each article's in the order written, with a page per name like a tag's.
func TestAuthorsTaxonomy(t *testing.T) {
	c := cfg()
	c.Taxonomies = []string{"authors", "tags"}
	p1 := tagged("content/1.md", 1, "العراق")
	p1.Authors = []string{"زينب حسن", "هيئة التحرير"}
	p2 := tagged("content/2.md", 2, "العراق")
	p2.Authors = []string{"زينب حسن"}
	s, err := Assemble(c, []content.Page{p1, p2}, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	tx := s.Taxonomies[0]
	var got []string
	for _, term := range tx.Terms {
		got = append(got, fmt.Sprintf("%s %d %s", term.Name, len(term.Articles), term.RelPermalink))
	}
	if want := []string{"زينب حسن 2 /authors/زينب-حسن/", "هيئة التحرير 1 /authors/هيئة-التحرير/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("authors\n got %q\nwant %q", got, want)
	}
	var names []string
	for _, term := range s.Articles[1].Terms["authors"] { // content/1.md
		names = append(names, term.Name)
	}
	if !reflect.DeepEqual(names, []string{"زينب حسن", "هيئة التحرير"}) {
		t.Errorf("article's authors %q, want them in the order written", names)
	}
}

func TestArchiveByYearAndMonthInSiteZone(t *testing.T) {
	pages := []content.Page{
		page("content/a.md", "أ", day(1)),
		page("content/b.md", "ب", day(2)),
		page("content/c.md", "ج", day(2).AddDate(0, -3, 0)), // December 2023
	}
	s, err := Assemble(cfg(), pages, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	ar := s.Archive
	var got []string
	for _, y := range ar.Years {
		got = append(got, fmt.Sprintf("%s %d", y.RelPermalink, len(y.Articles)))
		for _, m := range y.Months {
			got = append(got, fmt.Sprintf("%s %d", m.RelPermalink, len(m.Articles)))
		}
	}
	want := []string{"/2024/ 2", "/2024/03/ 2", "/2023/ 1", "/2023/12/ 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("archive %q, want %q", got, want)
	}
}

func TestRelatedPrefersRareSharedTags(t *testing.T) {
	// Article 0 shares the rare tag "مصطفى الكاظمي" with 1, and only the
	// common tag "العراق" with 2 and 3.
	var pages []content.Page
	pages = append(pages, tagged("content/0.md", 10, "العراق", "مصطفى الكاظمي"))
	pages = append(pages, tagged("content/1.md", 1, "مصطفى الكاظمي"))
	pages = append(pages, tagged("content/2.md", 9, "العراق"))
	pages = append(pages, tagged("content/3.md", 8, "العراق"))
	pages = append(pages, tagged("content/4.md", 7, "كرة القدم"))
	for i := 5; i < 12; i++ {
		pages = append(pages, tagged(fmt.Sprintf("content/%d.md", i), 1, "العراق"))
	}
	c := cfg()
	c.Related = 3
	s, err := Assemble(c, pages, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	var first *Article
	for _, a := range s.Articles {
		if a.Path == "content/0.md" {
			first = a
		}
	}
	var got []string
	for _, r := range first.Related {
		got = append(got, r.Path)
	}
	// The rare tag wins; then recency among equal scores.
	if want := []string{"content/1.md", "content/2.md", "content/3.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("related %q, want %q", got, want)
	}
	for _, a := range s.Articles {
		for _, r := range a.Related {
			if r == a {
				t.Errorf("%s related to itself", a.Path)
			}
		}
		if a.Path == "content/4.md" && len(a.Related) != 0 {
			t.Errorf("an article with no shared tag got related articles")
		}
	}
}

// An article keeps the first [limits] tagsPerArticle distinct terms of
// each taxonomy, with a warning at the key: every term is a page and a
// feed, so 5,000 tags must not make 5,000 of each.
func TestTermsPerArticleAreCapped(t *testing.T) {
	var many []string
	for i := range 60 {
		many = append(many, fmt.Sprintf("وسم %d", i))
	}
	bomb := tagged("content/bomb.md", 2, append([]string{"وسم 0", "وسم 1", "وسم 0"}, many...)...)
	bomb.Authors = []string{"أ", "ب", "ج"}
	bomb.Lines = map[string]int{"tags": 4, "author": 9}
	c := cfg()
	c.Limits.TagsPerArticle = 2
	c.Taxonomies = []string{"authors", "tags"}
	s, err := Assemble(c, []content.Page{bomb, tagged("content/few.md", 1, "العراق", "بغداد")}, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Articles[0]
	if want := []string{"وسم 0", "وسم 1", "وسم 0", "وسم 0", "وسم 1"}; !reflect.DeepEqual(a.Tags, want) {
		t.Errorf("tags kept %q, want %q", a.Tags, want)
	}
	if len(a.Page.Tags) != 63 {
		t.Errorf("the page's own tags changed: %d", len(a.Page.Tags))
	}
	for _, tx := range s.Taxonomies {
		if n := len(a.Terms[tx.Name]); n != 2 {
			t.Errorf("%s: %d terms, want 2", tx.Name, n)
		}
	}
	if n := len(s.Taxonomies[1].Terms); n != 4 {
		t.Errorf("%d tag pages, want 4 (2 + 2 of the other article)", n)
	}
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		"content/bomb.md:4: warning: 60 tags; only the first 2 are used (raise [limits] tagsPerArticle to keep more)",
		"content/bomb.md:9: warning: 3 authors; only the first 2 are used (raise [limits] tagsPerArticle to keep more)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
}

// TestRelatedIsEarlierCoverage publishes a newer article sharing every tag
// and checks no older article's related list moves: related articles are
// earlier coverage, scored as the archive stood when the article appeared.
func TestRelatedIsEarlierCoverage(t *testing.T) {
	tags := [][]string{{"العراق", "بغداد"}, {"العراق"}, {"بغداد", "الموصل"}, {"العراق", "الموصل"}, {"إيران"}, {"العراق", "إيران"}, {"بغداد"}}
	var pages []content.Page
	for i, ts := range tags {
		pages = append(pages, tagged(fmt.Sprintf("content/%d.md", i), i+1, ts...))
	}
	c := cfg()
	c.Related = 3
	related := func(pages []content.Page) map[string][]string {
		s, err := Assemble(c, pages, Options{Now: day(20)})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for _, a := range s.Articles {
			for _, r := range a.Related {
				if !r.Date.Before(a.Date) {
					t.Errorf("%s (%v) related to %s (%v), which is not earlier", a.Path, a.Date, r.Path, r.Date)
				}
				out[a.Path] = append(out[a.Path], r.Path)
			}
		}
		return out
	}
	before := related(pages)
	if len(before["content/6.md"]) == 0 || len(before["content/5.md"]) == 0 {
		t.Fatalf("no related articles at all: %q", before)
	}
	after := related(append(pages, tagged("content/new.md", 15, "العراق", "بغداد", "الموصل", "إيران")))
	if len(after["content/new.md"]) != 3 {
		t.Errorf("the new article has related %q", after["content/new.md"])
	}
	delete(after, "content/new.md")
	if !reflect.DeepEqual(before, after) {
		t.Errorf("publishing changed older articles' related lists:\n%q\n%q", before, after)
	}
}
