package sitemap_test

import (
	"net/url"
	"testing"

	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/sitemap"
)

const benchBase = "https://bench.example/"

// articleURL is an article's permalink as the corpus config makes it,
// percent-encoded as sitemaps carry it.
func articleURL(a *corpus.Article) string {
	return benchBase + a.Date.Format("2006/01/02/") + url.PathEscape(a.Slug) + "/"
}

// BenchmarkSitemaps10k measures the sitemap of a 10,000-article site:
// every article with its date, in one file.
func BenchmarkSitemaps10k(b *testing.B) {
	arts := corpus.Articles(10000, 1)
	urls := make([]sitemap.URL, len(arts))
	for i := range arts {
		urls[i] = sitemap.URL{Loc: articleURL(&arts[i]), Lastmod: arts[i].Date}
	}
	b.ReportAllocs()
	for b.Loop() {
		if files := sitemap.Sitemaps(urls, benchBase); len(files) == 0 {
			b.Fatal("no sitemap")
		}
	}
}

// BenchmarkNews measures a Google News sitemap of 1,000 articles, the
// most one file holds.
func BenchmarkNews(b *testing.B) {
	arts := corpus.Articles(1000, 1)
	items := make([]sitemap.NewsItem, len(arts))
	for i := range arts {
		items[i] = sitemap.NewsItem{Loc: articleURL(&arts[i]), Title: arts[i].Title, Published: arts[i].Date}
	}
	b.ReportAllocs()
	for b.Loop() {
		if files := sitemap.News(items, "صحيفة المقياس", "ar", benchBase); len(files) == 0 {
			b.Fatal("no news sitemap")
		}
	}
}
