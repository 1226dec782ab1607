package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
)

var (
	baghdad = time.FixedZone("AST", 3*60*60)
	t0      = time.Date(2021, 2, 24, 9, 0, 0, 0, baghdad)
)

const (
	base      = "https://example.com/news/"
	arabicLoc = base + "2021/02/24/%D8%AA%D9%88%D8%A7%D9%81%D9%82-%D8%A8%D8%A7%D9%8A%D8%AF%D9%86/"
	queryLoc  = base + "search/?q=a&page=2"
)

// Decoding structs name the sitemaps.org namespace, so a file with the
// right element names in the wrong namespace fails to decode.
type decodedSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string      `xml:"loc"`
		Lastmod string      `xml:"lastmod"`
		News    decodedNews `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

type decodedIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func decode[T any](t *testing.T, f File) T {
	t.Helper()
	var v T
	if !bytes.HasPrefix(f.Data, []byte(xml.Header)) {
		t.Errorf("%s: no XML declaration", f.Path)
	}
	if err := xml.Unmarshal(f.Data, &v); err != nil {
		t.Fatalf("%s: %v\n%.500s", f.Path, err, f.Data)
	}
	return v
}

func paths(files []File) []string {
	var p []string
	for _, f := range files {
		p = append(p, f.Path)
	}
	return p
}

func TestSitemapsSingle(t *testing.T) {
	urls := []URL{
		{Loc: base, Lastmod: t0.Add(time.Hour)},
		{Loc: arabicLoc, Lastmod: t0},
		{Loc: queryLoc}, // no lastmod known
	}
	files := Sitemaps(urls, base)
	if !slices.Equal(paths(files), []string{"sitemap.xml"}) {
		t.Fatalf("files = %q", paths(files))
	}
	set := decode[decodedSet](t, files[0])
	if len(set.URLs) != 3 {
		t.Fatalf("%d urls", len(set.URLs))
	}
	for i, want := range []struct{ loc, lastmod string }{
		{base, "2021-02-24T10:00:00+03:00"},
		{arabicLoc, "2021-02-24T09:00:00+03:00"},
		{queryLoc, ""},
	} {
		if u := set.URLs[i]; u.Loc != want.loc || u.Lastmod != want.lastmod {
			t.Errorf("url %d = %q %q, want %q %q", i, u.Loc, u.Lastmod, want.loc, want.lastmod)
		}
	}
	if !bytes.Contains(files[0].Data, []byte("?q=a&amp;page=2")) {
		t.Error("& in a URL not escaped")
	}
	if bytes.Contains(files[0].Data, []byte("<lastmod></lastmod>")) {
		t.Error("empty lastmod written")
	}
	if !bytes.Equal(files[0].Data, Sitemaps(urls, base)[0].Data) {
		t.Error("not deterministic")
	}
}

// countURLs counts the entries of a big generated sitemap without
// decoding it, which would take encoding/xml seconds; the small tests
// decode the same markup fully.
func countURLs(f File) int { return bytes.Count(f.Data, []byte("<url>")) }

// manyURLs builds n URLs cheaply. Lastmods cycle over 1,000 minutes, so
// a part's newest lastmod is not simply its last one.
func manyURLs(n int) []URL {
	urls := make([]URL, n)
	for i := range urls {
		urls[i] = URL{Loc: base + "p/" + strconv.Itoa(i) + "/", Lastmod: t0.Add(time.Duration(i%1000) * time.Minute)}
	}
	return urls
}

func TestSitemapsExactlyMax(t *testing.T) {
	files := Sitemaps(manyURLs(MaxURLs), base)
	if !slices.Equal(paths(files), []string{"sitemap.xml"}) {
		t.Fatalf("files = %q", paths(files))
	}
	if n := countURLs(files[0]); n != MaxURLs {
		t.Errorf("%d urls", n)
	}
}

func TestSitemapsIndex(t *testing.T) {
	urls := manyURLs(MaxURLs + 1)
	// A part with no lastmod at all gets none in the index.
	urls[MaxURLs].Lastmod = time.Time{}
	files := Sitemaps(urls, "https://example.com/news") // no final "/": added
	if !slices.Equal(paths(files), []string{"sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"}) {
		t.Fatalf("files = %q", paths(files))
	}
	idx := decode[decodedIndex](t, files[0])
	if len(idx.Sitemaps) != 2 {
		t.Fatalf("index lists %d sitemaps", len(idx.Sitemaps))
	}
	if s := idx.Sitemaps[0]; s.Loc != base+"sitemap-1.xml" || s.Lastmod != "2021-02-25T01:39:00+03:00" {
		t.Errorf("index entry 1 = %+v", s)
	}
	if s := idx.Sitemaps[1]; s.Loc != base+"sitemap-2.xml" || s.Lastmod != "" {
		t.Errorf("index entry 2 = %+v", s)
	}
	p2 := decode[decodedSet](t, files[2])
	if n := countURLs(files[1]); n != MaxURLs || len(p2.URLs) != 1 {
		t.Fatalf("parts hold %d and %d urls", n, len(p2.URLs))
	}
	first := "<url>\n    <loc>" + base + "p/0/</loc>"
	if !bytes.Contains(files[1].Data[:200], []byte(first)) || p2.URLs[0].Loc != base+"p/50000/" {
		t.Errorf("order lost: %.200s, %q", files[1].Data, p2.URLs[0].Loc)
	}
}

func TestSitemapsEmpty(t *testing.T) {
	files := Sitemaps(nil, base)
	if len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Fatalf("files = %q", paths(files))
	}
	if n := len(decode[decodedSet](t, files[0]).URLs); n != 0 {
		t.Errorf("%d urls", n)
	}
}

func TestSplitBytes(t *testing.T) {
	size := func(int) int { return 100 }
	cases := []struct {
		n, count, bytes int
		want            [][2]int
	}{
		{0, 10, 1 << 20, [][2]int{{0, 0}}},
		{5, 2, 1 << 20, [][2]int{{0, 2}, {2, 4}, {4, 5}}},
		// fileOverhead (400) + 3×100 fits in 700, a fourth entry does not.
		{7, 10, 700, [][2]int{{0, 3}, {3, 6}, {6, 7}}},
		// An entry bigger than the limit still gets a part of its own.
		{2, 10, 50, [][2]int{{0, 1}, {1, 2}}},
	}
	for _, c := range cases {
		if got := splitBytes(c.n, c.count, c.bytes, size); !slices.Equal(got, c.want) {
			t.Errorf("splitBytes(%d, %d, %d) = %v, want %v", c.n, c.count, c.bytes, got, c.want)
		}
	}
}

// TestEscapedLenBounds checks the size estimate against encoding/xml.
func TestEscapedLenBounds(t *testing.T) {
	for _, s := range []string{"", arabicLoc, queryLoc, "a<b>\"c'\t\n\r&", "عنوان \"بين\" & <قوسين>"} {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		if escapedLen(s) < b.Len() {
			t.Errorf("escapedLen(%q) = %d < %d", s, escapedLen(s), b.Len())
		}
	}
	// The fixed overhead covers a real entry's markup.
	one := Sitemaps([]URL{{Loc: queryLoc, Lastmod: t0}}, base)[0].Data
	empty := Sitemaps(nil, base)[0].Data
	if got := len(one) - len(empty); got > urlOverhead+escapedLen(queryLoc) {
		t.Errorf("one entry weighs %d bytes, estimated %d", got, urlOverhead+escapedLen(queryLoc))
	}
	if len(empty) > fileOverhead {
		t.Errorf("empty file weighs %d bytes, fileOverhead is %d", len(empty), fileOverhead)
	}
}

// Series cuts each group into parts of its own, so that one more article
// at the end of the articles changes their last part and the index, and
// no other part; a small site keeps one sitemap.xml.
func TestSeriesAppendChangesTheLastPart(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	urls := func(prefix string, n int) []URL {
		out := make([]URL, n)
		for i := range out {
			out[i] = URL{Loc: fmt.Sprintf("%s%d/", prefix, i), Lastmod: t0.Add(time.Duration(i) * time.Hour)}
		}
		return out
	}
	lists := urls(base+"tags/وسم-", 700)
	if files := Series([][]URL{lists[:10], urls(base+"a/", 100)}, base); len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Fatalf("a small site: %d files", len(files))
	}
	before := Series([][]URL{lists, urls(base+"a/", 2*PartURLs+10)}, base)
	after := Series([][]URL{lists, urls(base+"a/", 2*PartURLs+11)}, base)
	if len(before) != 5 || len(after) != 5 {
		t.Fatalf("%d and %d files, want the index, the lists' part and 3 parts of articles", len(before), len(after))
	}
	var changed []string
	for i := range after {
		if after[i].Path != before[i].Path {
			t.Fatalf("part %d renamed: %s → %s", i, before[i].Path, after[i].Path)
		}
		if !bytes.Equal(after[i].Data, before[i].Data) {
			changed = append(changed, after[i].Path)
		}
	}
	if want := []string{"sitemap.xml", "sitemap-4.xml"}; !reflect.DeepEqual(changed, want) {
		t.Errorf("one more article changed %q, want %q", changed, want)
	}
}
