package render

import (
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/site"
)

func TestEscapePath(t *testing.T) {
	cases := map[string]string{
		"/":                                   "/",
		"":                                    "",
		"/2021/02/24/خبر/":                    "/2021/02/24/%D8%AE%D8%A8%D8%B1/",
		"/news/page/2/":                       "/news/page/2/",
		"/أ ب/":                               "/%D8%A3%20%D8%A8/",
		"/a?b#c/":                             "/a%3Fb%23c/",
		"/css/main.0123.css":                  "/css/main.0123.css",
		"https://example.github.io/news/قمة/": "https://example.github.io/news/%D9%82%D9%85%D8%A9/",
		"https://example.com:8080/x/":         "https://example.com:8080/x/",
	}
	for in, want := range cases {
		if got := escapePath(in); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSiteURL: a site path names files, so "%" in it is a character,
// encoded as "%25"; only the base URL, which may be copied from a browser
// already encoded, is normalised.
func TestSiteURL(t *testing.T) {
	var cfg config.Config
	if err := cfg.SetBaseURL("https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/"); err != nil {
		t.Fatal(err)
	}
	cases := map[string][2]string{
		"/2021/02/24/a%20b/":    {"/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2021/02/24/a%2520b/", "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2021/02/24/a%2520b/"},
		"/2021/02/24/%2e%2e/":   {"/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2021/02/24/%252e%252e/", "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2021/02/24/%252e%252e/"},
		"/خبر/":                 {"/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%AE%D8%A8%D8%B1/", "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%AE%D8%A8%D8%B1/"},
		"/":                     {"/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/", "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/"},
		"https://x.org/%D8%A3/": {"https://x.org/%D8%A3/", "https://x.org/%D8%A3/"},
	}
	// A renderer's rel and abs give the same links with the base's
	// escaping memoized, each asked twice.
	r := &renderer{site: &site.Site{Config: cfg}}
	for range 2 {
		for in, want := range cases {
			if got := relLink(cfg, in); got != want[0] {
				t.Errorf("relLink(%q) = %q, want %q", in, got, want[0])
			}
			if got := absLink(cfg, in); got != want[1] {
				t.Errorf("absLink(%q) = %q, want %q", in, got, want[1])
			}
			if got := r.rel(in); got != want[0] {
				t.Errorf("rel(%q) = %q, want %q", in, got, want[0])
			}
			if got := r.abs(in); got != want[1] {
				t.Errorf("abs(%q) = %q, want %q", in, got, want[1])
			}
		}
	}
}

func TestReadablePath(t *testing.T) {
	cases := map[string]string{
		"/news/2021/%D8%AE%D8%A8%D8%B1/": "/news/2021/خبر/",
		"/a%2520b/%3F%23/":               "/a%2520b/%3F%23/",
		"/%D8%AE%D8%B5%D9%85-50%25/":     "/خصم-50%25/",
		"/%D8/%FF%":                      "/%D8/%FF%", // not whole UTF-8: left escaped
	}
	for in, want := range cases {
		if got := readablePath(in); got != want {
			t.Errorf("readablePath(%q) = %q, want %q", in, got, want)
		}
	}
}

const rawHTMLBody = "مقدمة.\n\n<div class=\"embed\"><script>alert(1)</script></div>\n\nنص <span dir=\"ltr\">AFP</span> و<b>عاجل</b>.\n\n[رابط](javascript:alert(2))\n"

// renderBody renders one article with the small theme and returns its page.
func renderBody(t *testing.T, md *markdown.Renderer) string {
	t.Helper()
	s := assemble(t, testConfig(), article("content/raw.md", titleG20, at(24, 10), rawHTMLBody))
	out := render(t, s, Options{Layouts: miniLayouts(), Markdown: md})
	return out.get(t, s.Articles[0].OutputPath)
}

// Raw HTML in an article is shown as text unless the site trusts it, and a
// nil Markdown option means the safe default.
func TestRenderRawHTMLEscapedByDefault(t *testing.T) {
	for label, md := range map[string]*markdown.Renderer{"nil": nil, "New()": markdown.New(), "WithUnsafe(false)": markdown.New(markdown.WithUnsafe(false))} {
		doc := renderBody(t, md)
		for _, tg := range scanTags(t, doc) {
			switch tg.name {
			case "script", "div", "span", "b":
				t.Errorf("%s: raw <%s> is live", label, tg.name)
			case "a":
				if strings.Contains(strings.ToLower(tg.attrs["href"]), "javascript:") {
					t.Errorf("%s: javascript: link kept: %q", label, tg.attrs["href"])
				}
			}
		}
		for _, want := range []string{"&lt;div class=", "&lt;span dir=", "عاجل"} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s: the writer's text %q should show: %s", label, want, doc)
			}
		}
	}
}

func TestRenderRawHTMLLiveWhenUnsafe(t *testing.T) {
	doc := renderBody(t, markdown.New(markdown.WithUnsafe(true)))
	for _, want := range []string{`<div class="embed"><script>alert(1)</script></div>`, `<span dir="ltr">AFP</span>`, `<b>عاجل</b>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("unsafe: %s should be live:\n%s", want, doc)
		}
	}
}

// The tag scanner the tests rely on finds what it must, or the escaping
// tests would pass on anything.
func TestScanTags(t *testing.T) {
	doc := `<!doctype html><html lang="ar" dir='rtl'><head><title>a <b> c</title>` +
		`<meta content='x "y" <script>' name=desc><script type="application/ld+json">{"a":"<p>"}</script></head>` +
		`<body><!-- <i> --><p>نص &lt;script&gt;</p><img src=/a.png alt=""/><script>alert(1)</script></body></html>`
	tags := scanTags(t, doc)
	var names []string
	for _, tg := range tags {
		names = append(names, tg.name)
	}
	if got := strings.Join(names, " "); got != "html head title meta script body p img script" {
		t.Fatalf("tags %q", got)
	}
	if tags[0].attrs["dir"] != "rtl" || tags[3].attrs["content"] != `x "y" <script>` || tags[3].attrs["name"] != "desc" {
		t.Errorf("attributes: %v %v", tags[0].attrs, tags[3].attrs)
	}
	if tags[2].text != "a <b> c" || tags[4].text != `{"a":"<p>"}` || tags[8].text != "alert(1)" {
		t.Errorf("raw text: %q %q %q", tags[2].text, tags[4].text, tags[8].text)
	}
	if tags[7].attrs["src"] != "/a.png" {
		t.Errorf("unquoted value: %v", tags[7].attrs)
	}
}
