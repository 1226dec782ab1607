package render

import (
	"testing"

	"github.com/sahifa/sahifa/internal/config"
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
