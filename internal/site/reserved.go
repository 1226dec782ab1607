package site

import (
	"regexp"
	"strings"
)

// reservedOutputs are the files every build writes besides pages, by
// output path: an article's url or alias naming one would be written
// over it (docs/content.md).
var reservedOutputs = map[string]string{
	"index.xml":         "the site's RSS feed",
	"atom.xml":          "the site's Atom feed",
	"feed.json":         "the site's JSON feed",
	"sitemap.xml":       "the sitemap",
	"news-sitemap.xml":  "the Google News sitemap",
	"robots.txt":        "robots.txt",
	"404.html":          "the 404 page",
	"search/index.html": "the search page",
}

// sitemapPart matches the parts a sitemap is split into past 50,000 URLs.
var sitemapPart = regexp.MustCompile(`^(news-)?sitemap-[0-9]+\.xml$`)

// reserved says which of the build's own files is at output path p, if any.
func reserved(p string) (string, bool) {
	if what, ok := reservedOutputs[p]; ok {
		return what, true
	}
	switch {
	case sitemapPart.MatchString(p):
		return "a part of the sitemap", true
	case strings.HasPrefix(p, "search/data/"):
		return "the search index", true
	}
	return "", false
}
