package render

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/site"
)

// pager makes the links of numbered pages from the list's link, encoded
// once; they must be what encoding each page's own URL gives, under any
// base path and for any list (Arabic, a "%" in a slug).
func TestPagerLinksAsEachPageURLEncoded(t *testing.T) {
	for _, baseURL := range []string{"https://example.com/", "https://example.github.io/news/", "https://example.com/أخبار/", "https://example.com/%D8%A3%D8%AE/", "/"} {
		cfg, _, err := config.Parse("sahifa.toml", []byte("baseURL = \""+baseURL+"\"\n"))
		if err != nil {
			t.Fatal(err)
		}
		r := &renderer{site: &site.Site{Config: cfg}}
		for _, base := range []string{"/", "/tags/العراق/", "/tags/a%20b/", "/2024/03/"} {
			want := func(n int) string { return relLink(cfg, site.PageURL(base, n)) }
			front := r.pager(&site.Pager{Base: base, Older: 7})
			if front.FrontURL != want(0) || front.NextURL != want(7) {
				t.Errorf("%s %s: front %q next %q, want %q %q", baseURL, base, front.FrontURL, front.NextURL, want(0), want(7))
			}
			numbered := 0
			for _, l := range front.Links {
				if l.Gap {
					continue
				}
				numbered++
				if l.URL != want(l.Number) {
					t.Errorf("%s %s: page %d linked as %q, want %q", baseURL, base, l.Number, l.URL, want(l.Number))
				}
			}
			if numbered != 3 {
				t.Errorf("%s %s: %d numbered links, want 3 (7, 6, 1)", baseURL, base, numbered)
			}
			mid := r.pager(&site.Pager{Base: base, Number: 3, Newer: 4, Older: 2})
			if mid.PrevURL != want(4) || mid.NextURL != want(2) {
				t.Errorf("%s %s: prev %q next %q, want %q %q", baseURL, base, mid.PrevURL, mid.NextURL, want(4), want(2))
			}
		}
	}
}

// sectionSite is a site of six economy stories (days 1–6, tagged
// العراق), a sport story (day 7) and one in no section (day 8), two to a
// page, with the sections named by their _index.md.
func sectionSite(t *testing.T, params map[string]any) *site.Site {
	t.Helper()
	cfg := testConfig()
	cfg.Paginate = 2
	cfg.Params = params
	var pages []content.Page
	for day := 1; day <= 6; day++ {
		p := article(fmt.Sprintf("content/economy/e%d.md", day), fmt.Sprintf("خبر اقتصادي %d", day), at(day, 9), "نص.")
		p.Tags = []string{"العراق"}
		pages = append(pages, p)
	}
	pages = append(pages, article("content/sport/league.md", "الدوري العراقي", at(7, 9), "نص."), article("content/top.md", "خبر عام", at(8, 9), "نص."))
	s, err := site.Assemble(cfg, pages, site.Options{Now: at(28, 12), Sections: []content.SectionMeta{
		{Folder: "economy", Path: "content/economy/_index.md", Title: "اقتصاد", Weight: 1},
		{Folder: "sport", Path: "content/sport/_index.md", Title: "رياضة", Weight: 2},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sectionBlockTitles are the headlines of each block of the home page's
// section blocks, by the section's name.
func sectionBlockTitles(t *testing.T, doc string) map[string][]string {
	t.Helper()
	blocks := map[string][]string{}
	for _, b := range regexp.MustCompile(`(?s)<section class="section-block".*?</section>`).FindAllString(doc, -1) {
		name := regexp.MustCompile(`<h2[^>]*><a href="[^"]*">([^<]*)</a></h2>`).FindStringSubmatch(b)
		if name == nil {
			t.Fatalf("a block without a linked heading:\n%s", b)
		}
		for _, m := range regexp.MustCompile(`<li>\s*<a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(b, -1) {
			blocks[name[1]] = append(blocks[name[1]], m[1])
		}
	}
	return blocks
}

// With [params] homeSections, the home page's front page ends with each
// section's four newest stories that it does not list itself, in the
// sections' order; a section whose stories are all on the front page
// has no block. Numbered pages have none, as they must keep their bytes
// (docs/output.md).
func TestHomeSectionBlocks(t *testing.T) {
	out := render(t, sectionSite(t, map[string]any{"homeSections": true}), themeOptions(t, false))
	// The front page lists the general story (day 8) and the sport one
	// (day 7): sport has nothing left, economy its days 6 to 3.
	got := sectionBlockTitles(t, out.get(t, "index.html"))
	want := map[string][]string{"اقتصاد": {"خبر اقتصادي 6", "خبر اقتصادي 5", "خبر اقتصادي 4", "خبر اقتصادي 3"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("section blocks = %q, want %q", got, want)
	}
	for p, doc := range out.htmlPages() {
		if p != "index.html" && strings.Contains(doc, "section-block") {
			t.Errorf("%s has section blocks; only the home page's front page may", p)
		}
	}

	off := render(t, sectionSite(t, map[string]any{}), themeOptions(t, false))
	if doc := off.get(t, "index.html"); strings.Contains(doc, "section-block") {
		t.Error("section blocks on the home page without params.homeSections")
	}
}

// A story card's kicker is its section, else its first tag; on its
// section's own page, where the title names the section, its first tag.
func TestListCardKickers(t *testing.T) {
	out := render(t, sectionSite(t, map[string]any{}), themeOptions(t, false))
	kickers := func(p string) []string {
		var got []string
		for _, m := range regexp.MustCompile(`<p class="kicker"><a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(out.get(t, p), -1) {
			got = append(got, m[1])
		}
		return got
	}
	for _, c := range []struct {
		page string
		want []string
	}{
		{"tags/العراق/index.html", []string{"اقتصاد", "اقتصاد"}},
		{"page/2/index.html", []string{"اقتصاد", "اقتصاد"}},
		{"economy/index.html", []string{"العراق", "العراق"}},
	} {
		if got := kickers(c.page); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: kickers %q, want %q", c.page, got, c.want)
		}
	}
}
