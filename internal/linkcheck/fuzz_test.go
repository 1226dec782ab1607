package linkcheck

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzCheck feeds arbitrary bytes to every parser Check uses (as a page, a
// feed, a JSON file, a stylesheet and robots.txt): a broken file must come
// out as Problems, never as a panic or an error, and every reference of a
// page must carry a line of that page and a non-empty URL.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		`<a href="/news/x/#%D8%A7">x</a><img srcset="a.jpg 1x, b,c.jpg 2x"><base href=/news/>`,
		"<noscript>\n<img src=/p.gif></noscript><style>a{background:url('/x.png')}</style>",
		`<meta http-equiv=refresh content="0;url='/x/'"><script type=application/ld+json>{"url":"/a/","b":["/c/"]}</script>`,
		`<?xml version="1.0"?><rss><channel><item><link>https://example.github.io/news/a/</link><description><![CDATA[<a href="#f">]]></description></item></channel></rss>`,
		`{"items":[{"url":"https://example.github.io/news/","content_html":"<a href=\"../x\">"}]}`,
		"Sitemap: https://example.github.io/news/sitemap.xml\n",
		"<a href=\"%zz\">", "<a href=//[::1]:x/>", "",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		refs, err := Refs(bytes.NewReader(data))
		if err != nil {
			return // the tokenizer gives up only on read errors, but allow it
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, r := range refs {
			if r.URL == "" || r.URL != strings.TrimSpace(r.URL) {
				t.Errorf("ref with empty or untrimmed URL: %+v", r)
			}
			if r.Line < 1 || r.Line > lines {
				t.Errorf("ref line %d outside the %d lines of the page: %+v", r.Line, lines, r)
			}
		}
		fsys := fstest.MapFS{}
		for _, name := range []string{"index.html", "a/index.html", "feed.xml", "feed.json", "main.css", "robots.txt"} {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		if _, err := Check(fsys, "https://example.github.io/news/"); err != nil {
			t.Errorf("Check: %v", err)
		}
	})
}
