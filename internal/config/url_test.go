package config

import "testing"

func TestSetBaseURL(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"https://example.github.io/news", "https://example.github.io/news/", ""},
		{"https://example.com", "https://example.com/", ""},
		{"http://localhost:1313/", "http://localhost:1313/", ""},
		{"HTTPS://Example.com/x", "HTTPS://Example.com/x/", ""},
		{"https://example.com/أخبار", "https://example.com/أخبار/", ""}, // not re-encoded
		{"/news", "/news/", ""},
		{"/", "/", ""},
		{"  /news/  ", "/news/", ""},
		{"", "/", ""},
		{"example.com", "", `must be an absolute http(s) URL or a path starting with "/", got "example.com" (did you mean "https://example.com/"?)`},
		{"news", "", `must be an absolute http(s) URL or a path starting with "/", got "news"`},
		{"https://", "", `must be an absolute http(s) URL or a path starting with "/", got "https://"`},
		{"//cdn.example.com/", "", `"//cdn.example.com/" has no scheme; write "https://cdn.example.com/"`},
		{"https://example.com/?lang=ar", "", `"https://example.com/?lang=ar" must not have a query or fragment`},
	}
	for _, tt := range tests {
		c := Default()
		err := c.SetBaseURL(tt.in)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("SetBaseURL(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			if c.BaseURL != "/" {
				t.Errorf("SetBaseURL(%q) failed but changed BaseURL to %q", tt.in, c.BaseURL)
			}
		case err != nil:
			t.Errorf("SetBaseURL(%q): %v", tt.in, err)
		case c.BaseURL != tt.want:
			t.Errorf("SetBaseURL(%q): BaseURL = %q, want %q", tt.in, c.BaseURL, tt.want)
		}
	}
}

func TestURLHelpers(t *testing.T) {
	type call struct{ rel, abs, relURL string }
	tests := []struct {
		baseURL  string
		basePath string
		calls    []call
	}{
		{"https://example.github.io/news", "/news/", []call{
			{"/2021/02/24/x/", "https://example.github.io/news/2021/02/24/x/", "/news/2021/02/24/x/"},
			{"/2021/02/24/سقوط-الأمطار/", "https://example.github.io/news/2021/02/24/سقوط-الأمطار/", "/news/2021/02/24/سقوط-الأمطار/"},
			{"css/site.css", "https://example.github.io/news/css/site.css", "/news/css/site.css"},
			{"/", "https://example.github.io/news/", "/news/"},
			{"", "https://example.github.io/news/", "/news/"},
			{"https://other.example/a", "https://other.example/a", "https://other.example/a"},
			{"//cdn.example/a.js", "//cdn.example/a.js", "//cdn.example/a.js"},
		}},
		{"https://alrafidain.example", "/", []call{
			{"/2021/02/24/x/", "https://alrafidain.example/2021/02/24/x/", "/2021/02/24/x/"},
			{"/feed.xml", "https://alrafidain.example/feed.xml", "/feed.xml"},
		}},
		{"/sub", "/sub/", []call{ // path only: no host to make absolute URLs with
			{"/2021/02/24/x/", "/sub/2021/02/24/x/", "/sub/2021/02/24/x/"},
		}},
		{"", "/", []call{
			{"/x/", "/x/", "/x/"},
			{"mailto:desk@example.com", "mailto:desk@example.com", "mailto:desk@example.com"},
		}},
	}
	for _, tt := range tests {
		src := ""
		if tt.baseURL != "" {
			src = "baseURL = \"" + tt.baseURL + "\"\n"
		}
		c := mustParse(t, src)
		if got := c.BasePath(); got != tt.basePath {
			t.Errorf("%q: BasePath() = %q, want %q", tt.baseURL, got, tt.basePath)
		}
		for _, k := range tt.calls {
			if got := c.AbsURL(k.rel); got != k.abs {
				t.Errorf("%q: AbsURL(%q) = %q, want %q", tt.baseURL, k.rel, got, k.abs)
			}
			if got := c.RelURL(k.rel); got != k.relURL {
				t.Errorf("%q: RelURL(%q) = %q, want %q", tt.baseURL, k.rel, got, k.relURL)
			}
		}
	}
	// A Config built by hand, BaseURL unset, still gives root-relative URLs.
	var zero Config
	if got := zero.RelURL("/a/"); got != "/a/" {
		t.Errorf("zero Config RelURL = %q", got)
	}
	if got := zero.AbsURL("/a/"); got != "/a/" {
		t.Errorf("zero Config AbsURL = %q", got)
	}
}
