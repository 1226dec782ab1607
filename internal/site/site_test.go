package site

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
)

var baghdad = time.FixedZone("+03", 3*3600)

func day(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, baghdad) }

func page(path, title string, date time.Time) content.Page {
	return content.Page{Path: path, Title: title, Date: date, PublishDate: date, Lastmod: date}
}

func cfg() config.Config {
	c := config.Default()
	c.Location = baghdad
	c.Paginate = 2
	return c
}

func TestAssemblePublicationRules(t *testing.T) {
	now := day(20)
	draft := page("content/draft.md", "مسودة", day(1))
	draft.Draft = true
	future := page("content/future.md", "خبر قادم", day(25))
	expired := page("content/expired.md", "خبر منتهي", day(2))
	expired.ExpiryDate = day(10)
	live := page("content/live.md", "خبر منشور", day(3))
	// A future draft is held as a draft; the later future article does
	// not move the first publish date.
	futureDraft := page("content/future-draft.md", "مسودة قادمة", day(22))
	futureDraft.Draft = true
	later := page("content/later.md", "خبر لاحق", day(28))
	pages := []content.Page{draft, later, future, expired, live, futureDraft}

	cases := []struct {
		opts Options
		want []string
		held Held
	}{
		{Options{Now: now}, []string{"content/live.md"}, Held{Drafts: 2, Future: 2, Expired: 1, NextPublish: day(25)}},
		{Options{Now: now, BuildDrafts: true}, []string{"content/live.md", "content/draft.md"}, Held{Future: 3, Expired: 1, NextPublish: day(22)}},
		{Options{Now: now, BuildFuture: true}, []string{"content/later.md", "content/future.md", "content/live.md"}, Held{Drafts: 2, Expired: 1}},
		{Options{Now: now, BuildExpired: true}, []string{"content/live.md", "content/expired.md"}, Held{Drafts: 2, Future: 2, NextPublish: day(25)}},
	}
	for _, c := range cases {
		s, err := Assemble(cfg(), pages, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range s.Articles {
			got = append(got, a.Path)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v: got %q, want %q", c.opts, got, c.want)
		}
		if !reflect.DeepEqual(s.Held, c.held) {
			t.Errorf("%+v: held %+v, want %+v", c.opts, s.Held, c.held)
		}
		if s.Held.Total() != len(pages)-len(c.want) {
			t.Errorf("%+v: %d held, %d built, of %d", c.opts, s.Held.Total(), len(got), len(pages))
		}
	}
}

func TestPermalinks(t *testing.T) {
	p := page("content/economy/budget.md", "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق", time.Date(2021, 2, 24, 23, 30, 0, 0, time.UTC))
	cases := []struct{ pattern, slug, url, want string }{
		// 23:30 UTC is already the 25th in Baghdad: dates follow the site's zone.
		{"/:year/:month/:day/:slug/", "", "", "/2021/02/25/توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات/"},
		{"/:section/:slug/", "ميزانية", "", "/economy/ميزانية/"},
		{"/:filename/", "", "", "/budget/"},
		{"/news/:year/:title.html", "", "", "/news/2021/توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات.html"},
		{"/:year/:slug/", "", "/ملفات/الطاقة/", "/ملفات/الطاقة/"},
	}
	for _, c := range cases {
		c2 := cfg()
		c2.Permalinks.Article = c.pattern
		pp := p
		pp.Slug, pp.URL = c.slug, c.url
		got, err := permalink(c2, &pp)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.pattern, got, err, c.want)
		}
	}
	c2 := cfg()
	c2.Permalinks.Article = "/:bogus/"
	if _, err := permalink(c2, &p); err == nil {
		t.Error("unknown token accepted")
	}
}

func TestSlugFallsBackToFileName(t *testing.T) {
	p := page("content/x-123.md", "؟؟؟", day(1))
	if got := Slug(&p); got != "x-123" {
		t.Errorf("got %q", got)
	}
}

func TestCollisionsNameBothFiles(t *testing.T) {
	a := page("content/a.md", "خبر واحد", day(1))
	b := page("content/b.md", "خبر واحد", day(1))
	c := page("content/c.md", "خبر آخر", day(2))
	c.Aliases = []string{"/2024/03/01/خبر-واحد/"}
	c.Lines = map[string]int{"aliases": 4}
	d := page("content/d.md", "الصفحة الرئيسية", day(3))
	d.URL = "/"
	d.Lines = map[string]int{"url": 3}
	_, err := Assemble(cfg(), []content.Page{a, b, c, d}, Options{Now: day(20)})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, w := range []string{
		"content/b.md: URL /2024/03/01/خبر-واحد/ is also claimed by content/a.md",
		`content/c.md:4: alias "/2024/03/01/خبر-واحد/" collides with content/a.md; choose another`,
		`content/d.md:3: url "/" collides with the home page; choose another`,
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("error\n%s\nlacks %q", msg, w)
		}
	}
}

// A url or alias naming one of the build's own files is an error at its
// line that names that file, before anything is rendered.
func TestCollisionsWithTheBuildsOwnFiles(t *testing.T) {
	var pages []content.Page
	for i, u := range []string{"/index.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/sitemap-2.xml",
		"/news-sitemap.xml", "/robots.txt", "/404.html", "/search/", "/search/data/meta.json", "/tags/العراق/index.xml", "/favicon.ico"} {
		p := tagged(fmt.Sprintf("content/%d.md", i), i+1, "العراق")
		p.Aliases = []string{u}
		p.Lines = map[string]int{"aliases": 7}
		pages = append(pages, p)
	}
	own := page("content/own.md", "خبر", day(1))
	own.URL = "/index.xml"
	own.Lines = map[string]int{"url": 3}
	_, err := Assemble(cfg(), append(pages, own), Options{Now: day(20), Files: map[string]string{"favicon.ico": "static/favicon.ico"}})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, w := range []string{
		`content/own.md:3: url "/index.xml" collides with the site's RSS feed; choose another`,
		`content/0.md:7: alias "/index.xml" collides with the site's RSS feed`,
		`content/1.md:7: alias "/atom.xml" collides with the site's Atom feed`,
		`content/2.md:7: alias "/feed.json" collides with the site's JSON feed`,
		`content/3.md:7: alias "/sitemap.xml" collides with the sitemap`,
		`content/4.md:7: alias "/sitemap-2.xml" collides with a part of the sitemap`,
		`content/5.md:7: alias "/news-sitemap.xml" collides with the Google News sitemap`,
		`content/6.md:7: alias "/robots.txt" collides with robots.txt`,
		`content/7.md:7: alias "/404.html" collides with the 404 page`,
		`content/8.md:7: alias "/search/" collides with the search page`,
		`content/9.md:7: alias "/search/data/meta.json" collides with the search index`,
		`content/10.md:7: alias "/tags/العراق/index.xml" collides with the feed of the tags page of العراق`,
		`content/11.md:7: alias "/favicon.ico" collides with static/favicon.ico`,
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("error\n%s\nlacks %q", msg, w)
		}
	}
}

func TestOrderAndPagination(t *testing.T) {
	var pages []content.Page
	for i := 1; i <= 5; i++ {
		pages = append(pages, page(fmt.Sprintf("content/%d.md", i), fmt.Sprintf("خبر %d", i), day(i)))
	}
	pages[0].Weight = 1 // pinned: first on the home page though oldest
	s, err := Assemble(cfg(), pages, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles[0].Path != "content/5.md" || s.Articles[4].Path != "content/1.md" {
		t.Errorf("articles not newest first")
	}
	if len(s.Home) != 4 {
		t.Fatalf("%d home pages, want the front page and 3 numbered", len(s.Home))
	}
	var got [][]string
	for _, pg := range s.Home {
		var row []string
		for _, a := range pg.Articles {
			row = append(row, a.Path)
		}
		got = append(got, row)
	}
	// The front page: the pinned article, then the newest; numbered pages
	// counted from the oldest, the newest holding the remainder.
	want := [][]string{{"content/1.md", "content/5.md"}, {"content/2.md", "content/1.md"}, {"content/4.md", "content/3.md"}, {"content/5.md"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("home pages %q, want %q", got, want)
	}
	if s.Home[1].RelPermalink != "/page/1/" || s.Home[1].OutputPath != "page/1/index.html" || s.Home[0].OutputPath != "index.html" {
		t.Errorf("page URLs %q %q %q", s.Home[1].RelPermalink, s.Home[1].OutputPath, s.Home[0].OutputPath)
	}
	// 4.md is the newest article the front page leaves out: on page 2.
	if s.Home[0].Older != 2 || s.Home[0].Newer != 0 || s.Home[1].Older != 0 || s.Home[1].Newer != 2 || s.Home[3].Newer != 0 || s.Home[3].Older != 2 {
		t.Errorf("links: front %d/%d, page 1 %d/%d, page 3 %d/%d", s.Home[0].Newer, s.Home[0].Older,
			s.Home[1].Newer, s.Home[1].Older, s.Home[3].Newer, s.Home[3].Older)
	}
}

// TestPublishingKeepsOlderPages publishes articles one by one into lists of
// every length around the page size and checks the promise of anchored
// pagination: every numbered page but the newest two keeps its articles and
// its links exactly, and the front page always shows the newest.
func TestPublishingKeepsOlderPages(t *testing.T) {
	const per = 3
	var all []*Article
	for i := range 40 {
		all = append(all, &Article{RelPermalink: fmt.Sprintf("/a%d/", i)})
	}
	newestFirst := func(n int) []*Article { // the first n published, newest first
		out := make([]*Article, n)
		for i := range n {
			out[i] = all[n-1-i]
		}
		return out
	}
	type shown struct {
		articles   []*Article
		newer, old int
		near       []int
	}
	view := func(p Pager) shown { return shown{p.Articles, p.Newer, p.Older, p.Near(2)} }
	prev := Paginate(nil, nil, per, "/")
	for n := 1; n <= len(all); n++ {
		list := newestFirst(n)
		pagers := Paginate(list, list, per, "/")
		front := pagers[0]
		if want := list[:min(per, n)]; !reflect.DeepEqual(front.Articles, want) {
			t.Fatalf("n=%d: front page shows %d articles, not the newest %d", n, len(front.Articles), len(want))
		}
		if n > per && len(pagers) != (n+per-1)/per+1 {
			t.Fatalf("n=%d: %d pagers", n, len(pagers))
		}
		for num := 1; num < len(prev)-2; num++ {
			if !reflect.DeepEqual(view(prev[num]), view(pagers[num])) || prev[num].RelPermalink != pagers[num].RelPermalink {
				t.Errorf("n=%d: page %d changed when one article was published: %+v → %+v", n, num, view(prev[num]), view(pagers[num]))
			}
		}
		// Every article is on exactly one numbered page, newest first.
		if n > per {
			var seen []*Article
			for num := len(pagers) - 1; num >= 1; num-- {
				seen = append(seen, pagers[num].Articles...)
			}
			if !reflect.DeepEqual(seen, list) {
				t.Errorf("n=%d: numbered pages do not hold every article once, in order", n)
			}
		}
		prev = pagers
	}
}

func TestEmptySiteHasAHomePage(t *testing.T) {
	s, err := Assemble(cfg(), nil, Options{Now: day(1)})
	if err != nil || len(s.Home) != 1 || len(s.Home[0].Articles) != 0 {
		t.Fatalf("got %+v, %v", s, err)
	}
}

func TestOutputPath(t *testing.T) {
	for in, want := range map[string]string{
		"/": "index.html", "/a/b/": "a/b/index.html", "/a/b.html": "a/b.html", "/a/b": "a/b/index.html",
		"/ملفات/الطاقة/": "ملفات/الطاقة/index.html",
	} {
		if got := OutputPath(in); got != want {
			t.Errorf("OutputPath(%q) = %q, want %q", in, got, want)
		}
	}
}
