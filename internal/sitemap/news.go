package sitemap

import (
	"strings"
	"time"
)

// NewsItem is one article for the Google News sitemap.
type NewsItem struct {
	Loc       string // absolute, percent-encoded
	Title     string // as shown on the article page
	Published time.Time
}

type newsEntry struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// NewsWindow is how far back Google News reads a news sitemap: articles
// older than two days are ignored there (and belong in sitemap.xml).
const NewsWindow = 48 * time.Hour

// News returns the Google News sitemap files for items, in the order
// given, each naming the publication pubName in language lang (an ISO 639
// code such as "ar") and carrying the article's publication date (RFC
// 3339, in its own zone) and title.
//
// The layout is Sitemaps': "news-sitemap.xml" alone for up to MaxNewsURLs
// items, beyond that a sitemap index at "news-sitemap.xml" listing
// "news-sitemap-1.xml", "news-sitemap-2.xml"… (as Google advises past
// 1,000 articles). So robots.txt and the publisher console only ever
// need "news-sitemap.xml", which is always the first file returned.
//
// Callers pass Recent(items, now): News does not filter by age itself, as
// it has no clock. Items without a publication date are left out, because
// Google requires <news:publication_date>. With no items (a quiet two
// days) the result is an empty urlset rather than no file, so that the
// address in robots.txt keeps answering.
func News(items []NewsItem, pubName, lang, baseURL string) []File {
	dated := make([]NewsItem, 0, len(items))
	for _, it := range items {
		if !it.Published.IsZero() {
			dated = append(dated, it)
		}
	}
	pub := newsPublication{Name: pubName, Language: lang}
	fixed := newsOverhead + escapedLen(pubName) + escapedLen(lang)
	parts := split(len(dated), MaxNewsURLs, func(i int) int {
		return fixed + escapedLen(dated[i].Loc) + escapedLen(dated[i].Title)
	})
	sets := make([]urlset, len(parts))
	for p, r := range parts {
		sets[p] = urlset{Xmlns: nsSitemap, XmlnsNews: nsNews}
		for _, it := range dated[r[0]:r[1]] {
			sets[p].URLs = append(sets[p].URLs, urlEntry{
				Loc:  it.Loc,
				News: &newsEntry{Publication: pub, Date: w3c(it.Published), Title: it.Title},
			})
		}
	}
	return withIndex("news-sitemap", sets, baseURL, func(p int) time.Time {
		var t time.Time
		for _, it := range dated[parts[p][0]:parts[p][1]] {
			if it.Published.After(t) {
				t = it.Published
			}
		}
		return t
	})
}

// Recent returns, in their original order, the items published within
// the 48 hours before now: from now-48h through now, both inclusive.
// Future-dated items (scheduled articles a preview build may hold) are
// excluded, as are undated ones.
func Recent(items []NewsItem, now time.Time) []NewsItem {
	from := now.Add(-NewsWindow)
	var out []NewsItem
	for _, it := range items {
		if !it.Published.Before(from) && !it.Published.After(now) {
			out = append(out, it)
		}
	}
	return out
}

// Robots returns a robots.txt that lets every crawler fetch everything
// and lists each non-empty sitemap URL given, in order, once. "Allow: /"
// is spelled out (rather than an empty Disallow) because it reads as what
// it means; crawlers that predate Allow see no rule and allow all anyway.
func Robots(sitemapURLs []string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	seen := map[string]bool{}
	for _, u := range sitemapURLs {
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		if len(seen) == 1 {
			b.WriteString("\n")
		}
		b.WriteString("Sitemap: " + u + "\n")
	}
	return []byte(b.String())
}
