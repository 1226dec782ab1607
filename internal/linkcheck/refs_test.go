package linkcheck

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// short renders refs as "line tag[attr] URL" for compact expectations.
func short(refs []Ref) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, fmt.Sprintf("%d %s[%s] %s", r.Line, r.Tag, r.Attr, r.URL))
	}
	return out
}

func TestRefs(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"head", `<!doctype html><html lang=ar dir=rtl><head>
<link rel=stylesheet href="/news/css/main.1234.css" integrity="sha384-x">
<link rel="alternate" type="application/rss+xml" href="https://example.github.io/news/index.xml">
<link rel=canonical href=https://example.github.io/news/>
<link rel=icon href=/news/favicon.ico>
<script src="/news/js/search.abcd.js" defer></script>
<meta property="og:image" content="https://example.github.io/news/images/a-1200.jpg">
<meta property="og:image:alt" content="https://not-a-url-field.example/">
<meta name="twitter:image" content="/news/images/a-1200.jpg">
<meta name="description" content="/looks/like/a/path">
</head>`, []string{
			"2 link[href] /news/css/main.1234.css",
			"3 link[href] https://example.github.io/news/index.xml",
			"4 link[href] https://example.github.io/news/",
			"5 link[href] /news/favicon.ico",
			"6 script[src] /news/js/search.abcd.js",
			"7 meta[content] https://example.github.io/news/images/a-1200.jpg",
			"9 meta[content] /news/images/a-1200.jpg",
		}},
		{"body", `<body>
<a href="/news/tags/%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82/">العراق</a> <a href=" ../x/ ">padded</a>
<a href="">empty</a><a>no href</a>
<form action="/news/search/" role=search><input name=q></form>
<img src="/news/images/a-960.jpg"
     srcset="/news/images/a-480.jpg 480w, /news/images/a-960.jpg 960w,/news/images/a-1200.jpg 1200w" alt>
<picture><source srcset="/news/images/a.webp 1x, /news/images/a@2x.webp 2x" type=image/webp></picture>
<a href="/a?b=1&amp;c=2">entity</a><a href="#main">skip</a><a href=mailto:x@y.z>mail</a>
</body>`, []string{
			"2 a[href] /news/tags/%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82/",
			"2 a[href] ../x/",
			"4 form[action] /news/search/",
			"5 img[src] /news/images/a-960.jpg",
			"5 img[srcset] /news/images/a-480.jpg",
			"5 img[srcset] /news/images/a-960.jpg",
			"5 img[srcset] /news/images/a-1200.jpg",
			"7 source[srcset] /news/images/a.webp",
			"7 source[srcset] /news/images/a@2x.webp",
			"8 a[href] /a?b=1&c=2",
			"8 a[href] #main",
			"8 a[href] mailto:x@y.z",
		}},
		{"raw text is not markup", `<script>var a = '<a href="/in-script/">';</script>
<title><a href="/in-title/"></title><textarea><img src=/in-textarea.png></textarea><!-- <a href="/in-comment/"> -->
<a href=/after/>after</a>`, []string{
			"3 a[href] /after/",
		}},
		{"noscript is parsed", "<noscript>\n<img src=/pixel.gif></noscript><a href=/x/>", []string{
			"2 img[src] /pixel.gif",
			"2 a[href] /x/",
		}},
		{"meta refresh of an alias page", `<meta http-equiv="refresh" content="0; url=/news/%D9%85/">
<meta http-equiv=Refresh content="5;URL='/b/'"><meta http-equiv=refresh content="30">`, []string{
			"1 meta[content] /news/%D9%85/",
			"2 meta[content] /b/",
		}},
		{"base", `<base href="/news/"><a href=x/>`, []string{
			"1 base[href] /news/",
			"1 a[href] x/",
		}},
		{"css", `<style>
@import "print.css";
.a { background: url( '/img/a.png' ) }
.b { mask: url(#m); background: url(data:image/png;base64,AAA) }
</style><div style="background-image:url(&quot;/img/b.png&quot;)"></div>`, []string{
			"2 style[url()] print.css",
			"3 style[url()] /img/a.png",
			"4 style[url()] data:image/png;base64,AAA",
			"5 div[url()] /img/b.png",
		}},
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","headline":"عنوان / خبر",
"url":"https://example.github.io/news/a/","image":["/news/images/a.jpg"],"name":"/x y/"}</script>`, []string{
			"1 script[ld+json] https://schema.org",
			"2 script[ld+json] https://example.github.io/news/a/",
			"2 script[ld+json] /news/images/a.jpg",
		}},
		{"svg", `<svg><use xlink:href="/icons.svg#rss"></use><use href="#local"/><image href="/a.png"/></svg>`, []string{
			"1 use[xlink:href] /icons.svg#rss",
			"1 use[href] #local",
			"1 image[href] /a.png",
		}},
		{"media", `<video src=/v.mp4 poster=/p.jpg><track src=/t.vtt></video><audio src=/a.mp3></audio>
<iframe src="/embed/"></iframe><object data=/o.svg></object><blockquote cite=/src/>q</blockquote>`, []string{
			"1 video[src] /v.mp4", "1 video[poster] /p.jpg", "1 track[src] /t.vtt", "1 audio[src] /a.mp3",
			"2 iframe[src] /embed/", "2 object[data] /o.svg", "2 blockquote[cite] /src/",
		}},
		{"lines across a multi-line tag and CRLF", "<p>\r\n<a\r\nhref=/one/\r\n>1</a>\r\n\r\n<a href=/two/>", []string{
			"2 a[href] /one/",
			"6 a[href] /two/",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, err := Refs(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if got := short(refs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Refs:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSrcset(t *testing.T) {
	tests := map[string][]string{
		"a.jpg":                             {"a.jpg"},
		"a.jpg 1x, b.jpg 2x":                {"a.jpg", "b.jpg"},
		" a.jpg 480w ,b.jpg 960w ":          {"a.jpg", "b.jpg"},
		"a.jpg,b.jpg":                       {"a.jpg,b.jpg"}, // no space: one URL with a comma, as the standard reads it
		"a.jpg, b.jpg":                      {"a.jpg", "b.jpg"},
		"/x,y.jpg 1x, /z.jpg 2x":            {"/x,y.jpg", "/z.jpg"},
		"data:image/png;base64,AA= 1x":      {"data:image/png;base64,AA="},
		"a.jpg (future, descriptor), b.jpg": {"a.jpg", "b.jpg"},
		"":                                  nil,
		" , ":                               nil,
	}
	for in, want := range tests {
		if got := srcset(in); !reflect.DeepEqual(got, want) {
			t.Errorf("srcset(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	tests := map[string]string{
		"0; url=/x/":       "/x/",
		"0;URL='/x/'":      "/x/",
		`0; url="/a b/"`:   "/a b/",
		"0, url = /x/":     "/x/",
		"3 /x/":            "/x/",
		"0.5;url=/x/":      "/x/",
		"0":                "",
		"30;":              "",
		"url=/x/":          "",
		"  1 ;  url=/ع/  ": "/ع/",
	}
	for in, want := range tests {
		got, ok := refreshURL(in)
		if got != want || ok != (want != "") {
			t.Errorf("refreshURL(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestJSONRefs(t *testing.T) {
	data := []byte(`{"version":"https://jsonfeed.org/version/1.1","home_page_url":"https://example.github.io/news/",
"items":[
 {"id":"1","url":"https://example.github.io/news/a/","content_html":"<p><a href=\"#fn:1\">1</a> <img src=\"../b.png\">","image":"img/a.jpg"},
 {"content_html":"<a href=\"/news/x/\">x</a>","url":"https://example.github.io/news/b/"}
],
"docs":[["/news/2021/02/24/خبر/","عنوان","2021-02-24"],["not/a/root/path","/with space/"]]}`)
	refs, err := jsonDocRefs(data, 1, "", "json")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range refs {
		got = append(got, fmt.Sprintf("%d %s base=%s", r.Line, r.URL, r.base))
	}
	want := []string{
		"1 https://jsonfeed.org/version/1.1 base=",
		"1 https://example.github.io/news/ base=",
		"3 https://example.github.io/news/a/ base=",
		"3 img/a.jpg base=",
		"3 #fn:1 base=https://example.github.io/news/a/",
		"3 ../b.png base=https://example.github.io/news/a/",
		"4 https://example.github.io/news/b/ base=",
		"4 /news/x/ base=https://example.github.io/news/b/",
		"6 /news/2021/02/24/خبر/ base=",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("jsonDocRefs:\n got %q\nwant %q", got, want)
	}
	if _, err := jsonDocRefs([]byte(`{"url": "/x/",`), 1, "", "json"); err == nil {
		t.Error("truncated JSON: no error")
	}
}
