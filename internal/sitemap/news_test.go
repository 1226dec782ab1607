package sitemap

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

type decodedNews struct {
	Name     string `xml:"publication>name"`
	Language string `xml:"publication>language"`
	Date     string `xml:"publication_date"`
	Title    string `xml:"title"`
}

const arabicTitle = "توافق بين بايدن والكاظمي على \"انسحاب\" القوات & المستشارين"

func TestNewsSingle(t *testing.T) {
	items := []NewsItem{
		{Loc: arabicLoc, Title: arabicTitle, Published: t0},
		{Loc: base + "b/", Title: "Second", Published: t0.In(time.UTC).Add(-time.Hour)},
		{Loc: base + "undated/", Title: "بلا تاريخ"}, // dropped: the date is required
	}
	files := News(items, "صحيفة", "ar", base)
	if !slices.Equal(paths(files), []string{"news-sitemap.xml"}) {
		t.Fatalf("files = %q", paths(files))
	}
	set := decode[decodedSet](t, files[0])
	if len(set.URLs) != 2 {
		t.Fatalf("%d urls", len(set.URLs))
	}
	u := set.URLs[0]
	want := decodedNews{Name: "صحيفة", Language: "ar", Date: "2021-02-24T09:00:00+03:00", Title: arabicTitle}
	if u.Loc != arabicLoc || u.News != want {
		t.Errorf("entry = %q %+v, want %+v", u.Loc, u.News, want)
	}
	if d := set.URLs[1].News.Date; d != "2021-02-24T05:00:00Z" {
		t.Errorf("UTC date = %q", d)
	}
}

func TestNewsIndex(t *testing.T) {
	items := make([]NewsItem, MaxNewsURLs+1)
	for i := range items {
		items[i] = NewsItem{Loc: base + "n/" + strconv.Itoa(i) + "/", Title: "خبر " + strconv.Itoa(i), Published: t0.Add(-time.Duration(i) * time.Minute)}
	}
	files := News(items, "صحيفة", "ar", base)
	if !slices.Equal(paths(files), []string{"news-sitemap.xml", "news-sitemap-1.xml", "news-sitemap-2.xml"}) {
		t.Fatalf("files = %q", paths(files))
	}
	idx := decode[decodedIndex](t, files[0])
	if len(idx.Sitemaps) != 2 ||
		idx.Sitemaps[0].Loc != base+"news-sitemap-1.xml" || idx.Sitemaps[0].Lastmod != "2021-02-24T09:00:00+03:00" ||
		idx.Sitemaps[1].Loc != base+"news-sitemap-2.xml" || idx.Sitemaps[1].Lastmod != "2021-02-23T16:20:00+03:00" {
		t.Errorf("index = %+v", idx.Sitemaps)
	}
	p1, p2 := decode[decodedSet](t, files[1]), decode[decodedSet](t, files[2])
	if len(p1.URLs) != MaxNewsURLs || len(p2.URLs) != 1 {
		t.Fatalf("parts hold %d and %d", len(p1.URLs), len(p2.URLs))
	}
	if p2.URLs[0].News.Title != "خبر 1000" || p2.URLs[0].News.Name != "صحيفة" {
		t.Errorf("last entry = %+v", p2.URLs[0].News)
	}
}

func TestNewsEmpty(t *testing.T) {
	files := News(nil, "صحيفة", "ar", base)
	if len(files) != 1 || files[0].Path != "news-sitemap.xml" {
		t.Fatalf("files = %q", paths(files))
	}
	if n := len(decode[decodedSet](t, files[0]).URLs); n != 0 {
		t.Errorf("%d urls", n)
	}
}

func TestRecent(t *testing.T) {
	now := time.Date(2021, 2, 24, 12, 0, 0, 0, baghdad)
	at := func(name string, p time.Time) NewsItem { return NewsItem{Loc: base + name, Title: name, Published: p} }
	items := []NewsItem{
		at("future", now.Add(time.Nanosecond)),
		at("now", now),
		at("utc", now.In(time.UTC).Add(-47*time.Hour)), // another zone, same instant rules
		at("edge", now.Add(-48*time.Hour)),
		at("old", now.Add(-48*time.Hour-time.Nanosecond)),
		at("undated", time.Time{}),
		at("hour", now.Add(-time.Hour)),
	}
	var got []string
	for _, it := range Recent(items, now) {
		got = append(got, it.Title)
	}
	if want := []string{"now", "utc", "edge", "hour"}; !slices.Equal(got, want) {
		t.Errorf("Recent = %q, want %q", got, want)
	}
	if len(Recent(nil, now)) != 0 {
		t.Error("Recent(nil) not empty")
	}
}

func TestRobots(t *testing.T) {
	got := string(Robots([]string{base + "sitemap.xml", "", base + "news-sitemap.xml", base + "sitemap.xml"}))
	want := "User-agent: *\nAllow: /\n\n" +
		"Sitemap: " + base + "sitemap.xml\n" +
		"Sitemap: " + base + "news-sitemap.xml\n"
	if got != want {
		t.Errorf("Robots =\n%s\nwant\n%s", got, want)
	}
	if got := string(Robots(nil)); got != "User-agent: *\nAllow: /\n" {
		t.Errorf("Robots(nil) = %q", got)
	}
}
