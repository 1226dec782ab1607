// Package sitemap writes the files that tell crawlers what a site holds:
// sitemaps (sitemaps.org 0.9), Google News sitemaps and robots.txt.
//
// It is pure: callers pass URLs and times and get back file contents with
// site-relative paths, ready for the output layer. Nothing reads the
// clock (Recent takes "now" as an argument), so builds are reproducible.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// Limits of the sitemaps.org protocol and of Google News.
const (
	// MaxURLs is the most <url> entries one sitemap may hold.
	MaxURLs = 50000
	// MaxBytes is the most one sitemap may weigh, uncompressed.
	MaxBytes = 50 * 1024 * 1024
	// MaxNewsURLs is the most entries Google reads from one news sitemap.
	MaxNewsURLs = 1000
)

const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsNews    = "http://www.google.com/schemas/sitemap-news/0.9"
)

// URL is one page for the sitemap.
type URL struct {
	Loc     string    // absolute, percent-encoded
	Lastmod time.Time // zero when unknown: <lastmod> is then omitted
}

// File is one generated file.
type File struct {
	Path string // site-relative, e.g. "sitemap.xml"
	Data []byte
}

// Sitemaps returns the sitemap files for urls, in the order given.
//
// When the URLs fit in one file (at most MaxURLs entries and MaxBytes) the
// result is "sitemap.xml" alone. Otherwise it is a sitemap index at
// "sitemap.xml" followed by "sitemap-1.xml", "sitemap-2.xml"…, each within
// both limits; the index lists them by absolute URL (baseURL + path) with
// the newest lastmod of each part. Either way "sitemap.xml" is the one
// address to give robots.txt and search consoles, and it is always the
// first file returned.
//
// baseURL is the site's absolute base URL; a missing final "/" is added.
// With no URLs at all the result is an empty urlset: the sitemaps.org
// schema wants at least one <url>, but an empty file is better than a
// robots.txt pointing at a missing one.
func Sitemaps(urls []URL, baseURL string) []File {
	return series([][]URL{urls}, MaxURLs, baseURL)
}

// PartURLs is how many URLs one part of a large site's sitemap holds in
// Series: small enough that rewriting the part a publish adds to costs
// little (about 1 MB), large enough that 100,000 articles make 20 parts.
const PartURLs = 5000

// Series is Sitemaps for groups of URLs that change in different ways. A
// site whose URLs fit in one part (PartURLs) gets "sitemap.xml" alone,
// the groups one after the other. Otherwise each group is cut into parts
// of its own, numbered across the groups in order, under the index: a
// group that only grows at its end (articles, oldest first) then changes
// only its last part when an article is published, and its other parts
// keep their bytes, so a deploy does not upload them again.
func Series(groups [][]URL, baseURL string) []File {
	return series(groups, PartURLs, baseURL)
}

func series(groups [][]URL, perPart int, baseURL string) []File {
	var all []URL
	for _, g := range groups {
		all = append(all, g...)
	}
	if len(all) <= perPart {
		groups = [][]URL{all} // one part, if MaxBytes allows
	}
	var sets []urlset
	var parts [][]URL
	for _, urls := range groups {
		if len(urls) == 0 && len(groups) > 1 {
			continue // an empty group of several makes no part
		}
		for _, r := range split(len(urls), perPart, func(i int) int {
			return urlOverhead + escapedLen(urls[i].Loc)
		}) {
			set := urlset{Xmlns: nsSitemap}
			for _, u := range urls[r[0]:r[1]] {
				set.URLs = append(set.URLs, urlEntry{Loc: u.Loc, Lastmod: w3c(u.Lastmod)})
			}
			sets = append(sets, set)
			parts = append(parts, urls[r[0]:r[1]])
		}
	}
	return withIndex("sitemap", sets, baseURL, func(p int) time.Time {
		var t time.Time
		for _, u := range parts[p] {
			if u.Lastmod.After(t) {
				t = u.Lastmod
			}
		}
		return t
	})
}

// withIndex names the files of sets after stem ("stem.xml" for a single
// set, otherwise an index "stem.xml" plus "stem-N.xml") and builds the
// index, taking each part's lastmod from newest. Shared by Sitemaps and
// News so that both follow the same layout.
func withIndex(stem string, sets []urlset, baseURL string, newest func(part int) time.Time) []File {
	if len(sets) == 1 { // split always returns at least one part
		return []File{{Path: stem + ".xml", Data: marshal(sets[0])}}
	}
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	idx := sitemapIndex{Xmlns: nsSitemap}
	files := []File{{Path: stem + ".xml"}}
	for p, set := range sets {
		path := stem + "-" + strconv.Itoa(p+1) + ".xml"
		files = append(files, File{Path: path, Data: marshal(set)})
		idx.Sitemaps = append(idx.Sitemaps, indexEntry{Loc: baseURL + path, Lastmod: w3c(newest(p))})
	}
	files[0].Data = marshal(idx)
	return files
}

// Element names carry the "news:" prefix literally, with the namespace
// declared once on <urlset>: with namespaced tags encoding/xml would
// repeat an xmlns declaration on every news element of every entry.
type urlset struct {
	XMLName   xml.Name   `xml:"urlset"`
	Xmlns     string     `xml:"xmlns,attr"`
	XmlnsNews string     `xml:"xmlns:news,attr,omitempty"`
	URLs      []urlEntry `xml:"url"`
}

type urlEntry struct {
	Loc     string     `xml:"loc"`
	Lastmod string     `xml:"lastmod,omitempty"`
	News    *newsEntry `xml:"news:news,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	Xmlns    string       `xml:"xmlns,attr"`
	Sitemaps []indexEntry `xml:"sitemap"`
}

type indexEntry struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// w3c formats t in the W3C Datetime profile that sitemaps require (RFC
// 3339, keeping t's zone offset), or "" for the zero time.
func w3c(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// marshal writes the declaration, the indented document and a final
// newline. Marshalling these plain structs cannot fail, so an error is a
// programming mistake and panics rather than burdening every caller.
func marshal(doc any) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic("sitemap: " + err.Error())
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// Size accounting for split. The overheads bound the markup around one
// entry with its indentation, a 25-byte lastmod and the file's own
// declaration and root element; they are upper bounds, so a part never
// exceeds MaxBytes however its URLs are shaped.
const (
	urlOverhead  = 100 // <url>, <loc>, <lastmod> tags, their value and indentation
	newsOverhead = 400 // the same plus the news:* elements, besides the escaped texts
	fileOverhead = 400 // declaration, <urlset> with namespaces, final newline
)

// split cuts n entries into consecutive ranges [from, to) of at most
// maxCount entries whose sizes (by size(i)) add up to at most MaxBytes.
// n == 0 gives one empty range, so that callers always write a file.
func split(n, maxCount int, size func(i int) int) [][2]int {
	return splitBytes(n, maxCount, MaxBytes, size)
}

// splitBytes is split with the byte limit as a parameter, for tests.
func splitBytes(n, maxCount, maxBytes int, size func(i int) int) [][2]int {
	var parts [][2]int
	from, total := 0, fileOverhead
	for i := 0; i < n; i++ {
		s := size(i)
		// i > from: an entry too big on its own still gets a part.
		if i > from && (i-from == maxCount || total+s > maxBytes) {
			parts = append(parts, [2]int{from, i})
			from, total = i, fileOverhead
		}
		total += s
	}
	return append(parts, [2]int{from, n})
}

// escapedLen bounds len(s) after XML escaping as encoding/xml does it.
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&', '\'', '"', '<', '>', '\t', '\n', '\r':
			n += 4 // each escape is 5 bytes for 1: "&amp;", "&#34;", "&#x9;"
		}
	}
	return n
}
