package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
	"github.com/sahifa/sahifa/internal/output"
)

const article = "2021/02/24/توافق-بين/index.html"

func testSite(t testing.TB) *output.Memory {
	return memory(t,
		htmlFile("index.html", "<html><body><h1>الرئيسية</h1></body></html>"),
		htmlFile(article, "<html><body><h1>توافق</h1></body></html>"),
		htmlFile("404.html", "<html><body><h1>غير موجودة</h1></body></html>"),
		css("css/main.0123456789ab.css", "p{}"),
		output.File{Path: "index.xml", MediaType: "application/rss+xml", Data: []byte("<rss/>")},
		output.File{Path: "img/logo.png", MediaType: "image/png", Data: []byte{0x89, 'P', 'N', 'G'}},
		output.File{Path: "robots.txt", MediaType: "text/plain", Data: []byte("User-agent: *\n")},
	)
}

func get(t *testing.T, s http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	return getFrom(t, s, method, target, "127.0.0.1:1313", "")
}

// getFrom is get with a Host header and an Origin header ("" for none),
// sent to a server listening on port 1313.
func getFrom(t *testing.T, s http.Handler, method, target, host, origin string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "http://"+host+"/", nil)
	req.Host = host
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	// As the HTTP server says which port the request arrived on: the
	// Host is checked against it.
	req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}))
	// Set the raw request line as a browser sends it, bypassing the
	// client-side cleaning NewRequest would do.
	req.RequestURI = target
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	req.URL = u
	// Already done, so that the event stream, which lasts as long as its
	// request, answers its first events and returns.
	ctx, cancel := context.WithCancel(req.Context())
	cancel()
	req = req.WithContext(ctx)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func TestServeBeforeFirstBuild(t *testing.T) {
	s := New()
	rec := get(t, s, "GET", "/some/page/")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), ScriptPath) {
		t.Errorf("GET before a build: %d %s", rec.Code, rec.Body)
	}
	if rec := get(t, s, "GET", ScriptPath); rec.Code != http.StatusOK {
		t.Errorf("GET %s before a build: %d", ScriptPath, rec.Code)
	}
}

func TestServe(t *testing.T) {
	s := New()
	site := testSite(t)
	s.Publish(site)
	build := s.buildID()
	escapedArticle := "/2021/02/24/%D8%AA%D9%88%D8%A7%D9%81%D9%82-%D8%A8%D9%8A%D9%86/"

	cases := []struct {
		method, target string
		code           int
		ctype          string
		body           string // a part of it
		location       string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<h1>الرئيسية</h1>" + ScriptTag([]string{"index.html"}, build) + "</body>", ""},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "الرئيسية", ""},
		{"GET", "/?utm=x", 200, "text/html; charset=utf-8", "الرئيسية", ""},
		{"GET", escapedArticle, 200, "text/html; charset=utf-8", "<h1>توافق</h1>" + ScriptTag([]string{article}, build), ""},
		{"GET", strings.ToLower(escapedArticle), 200, "text/html; charset=utf-8", "توافق", ""},
		{"GET", escapedArticle + "index.html", 200, "text/html; charset=utf-8", "توافق", ""},
		{"GET", strings.TrimSuffix(escapedArticle, "/"), 302, "", "", escapedArticle},
		{"GET", strings.TrimSuffix(escapedArticle, "/") + "?a=1", 302, "", "", escapedArticle + "?a=1"},
		{"GET", "/css/main.0123456789ab.css", 200, "text/css; charset=utf-8", "p{}", ""},
		{"GET", "/index.xml", 200, "application/rss+xml; charset=utf-8", "<rss/>", ""},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent", ""},
		{"GET", "/img/logo.png", 200, "image/png", "PNG", ""},
		{"GET", "/nope/", 404, "text/html; charset=utf-8", "غير موجودة</h1>" + ScriptTag([]string{"nope/index.html", "nope/index.html/index.html", "404.html"}, build), ""},
		{"GET", "/nope", 404, "text/html; charset=utf-8", `data-paths="[&#34;nope&#34;,&#34;nope/index.html&#34;,&#34;404.html&#34;]"`, ""},
		{"GET", "/404.html", 200, "text/html; charset=utf-8", "غير موجودة", ""},
		{"HEAD", "/", 200, "text/html; charset=utf-8", "", ""},
		{"POST", "/", 405, "", "", ""},
		{"PUT", "/index.html", 405, "", "", ""},
		{"DELETE", "/index.html", 405, "", "", ""},
		// Nothing outside the site, whatever the spelling.
		{"GET", "/../../etc/passwd", 400, "", "", ""},
		{"GET", "/css/../index.html", 400, "", "", ""},
		{"GET", "/%2e%2e/%2e%2e/etc/passwd", 400, "", "", ""},
		{"GET", "/%2E%2E/x", 400, "", "", ""},
		{"GET", "/.%2e/x", 400, "", "", ""},
		{"GET", "/./index.html", 400, "", "", ""},
		{"GET", "/css%2fmain.0123456789ab.css", 400, "", "", ""},
		{"GET", "/css%2Fmain.0123456789ab.css", 400, "", "", ""},
		{"GET", "/..%5c..%5cetc", 400, "", "", ""},
		{"GET", `/..\..\etc`, 400, "", "", ""},
		{"GET", "/index.html%00.png", 400, "", "", ""},
		{"GET", "/%ff%fe", 400, "", "", ""},
		{"GET", "//evil.example/", 400, "", "", ""},
		// The dev server's own paths.
		{"GET", ScriptPath, 200, "text/javascript; charset=utf-8", "EventSource", ""},
		{"GET", "/_sahifa/other", 404, "", "", ""},
	}
	for _, c := range cases {
		rec := get(t, s, c.method, c.target)
		name := c.method + " " + c.target
		if rec.Code != c.code {
			t.Errorf("%s: status %d, want %d (%s)", name, rec.Code, c.code, rec.Body)
			continue
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", name, got)
		}
		if c.ctype != "" && rec.Header().Get("Content-Type") != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", name, rec.Header().Get("Content-Type"), c.ctype)
		}
		if !strings.Contains(rec.Body.String(), c.body) {
			t.Errorf("%s: body lacks %q:\n%s", name, c.body, rec.Body)
		}
		if c.location != "" && rec.Header().Get("Location") != c.location {
			t.Errorf("%s: Location %q, want %q", name, rec.Header().Get("Location"), c.location)
		}
		if c.code == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", name, rec.Header().Get("Allow"))
		}
		if c.method == "HEAD" {
			if rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
				t.Errorf("%s: body %d bytes, Content-Length %q", name, rec.Body.Len(), rec.Header().Get("Content-Length"))
			}
		}
	}

	// The built files themselves never carry the script.
	for _, p := range site.Paths() {
		f, _ := site.Get(p)
		if strings.Contains(string(f.Data), "_sahifa") {
			t.Errorf("%s: the served site's file was modified", p)
		}
	}
}

func TestSitePath(t *testing.T) {
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{"/", "", true},
		{"/a/b/", "a/b/", true},
		{"/%D8%AA%D9%88%D8%A7%D9%81%D9%82/", "توافق/", true},
		{"/a%20b.html", "a b.html", true},
		{"/a..b/c.html", "a..b/c.html", true},
		{"/...", "...", true},
		{"", "", false},
		{"a", "", false},
		{"/..", "", false},
		{"/a/../b", "", false},
		{"/%2e%2e/b", "", false},
		{"/a/%2E", "", false},
		{"/a%2fb", "", false},
		{"/a%5Cb", "", false},
		{"/a\\b", "", false},
		{"/a%00", "", false},
		{"/%zz", "", false},
		{"/%ff", "", false},
		{"//host/x", "", false},
	}
	for _, c := range cases {
		got, ok := sitePath(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("sitePath(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestServeWithout404Page(t *testing.T) {
	s := New()
	s.Publish(memory(t, htmlFile("index.html", "x")))
	rec := get(t, s, "GET", "/nope")
	if rec.Code != 404 || !strings.Contains(rec.Body.String(), ScriptPath) {
		t.Errorf("got %d %s", rec.Code, rec.Body)
	}
}

func TestContentType(t *testing.T) {
	for in, want := range map[string]string{
		"text/html":              "text/html; charset=utf-8",
		"text/css":               "text/css; charset=utf-8",
		"text/javascript":        "text/javascript; charset=utf-8",
		"application/json":       "application/json; charset=utf-8",
		"application/feed+json":  "application/feed+json; charset=utf-8",
		"application/atom+xml":   "application/atom+xml; charset=utf-8",
		"image/svg+xml":          "image/svg+xml; charset=utf-8",
		"image/png":              "image/png",
		"font/woff2":             "font/woff2",
		"text/html; charset=x":   "text/html; charset=x",
		"":                       "application/octet-stream",
		"application/javascript": "application/javascript; charset=utf-8",
	} {
		if got := ContentType(in); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProblems(t *testing.T) {
	err := errors.Join(
		diag.Errorf("content/x.md", 3, 0, "front matter: found unexpected end of stream"),
		fmt.Errorf("render: %w", diag.Errorf("layouts/a.html", 7, 12, "bad")),
		errors.New("write: disk full"),
	)
	got := Problems(err)
	want := []Problem{
		{File: "content/x.md", Line: 3, Message: "front matter: found unexpected end of stream", Text: "content/x.md:3: front matter: found unexpected end of stream"},
		{File: "layouts/a.html", Line: 7, Col: 12, Message: "bad", Text: "render: layouts/a.html:7:12: bad"},
		{Message: "write: disk full", Text: "write: disk full"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// event is one Server-Sent Event as a browser would see it.
type event struct {
	name string
	data map[string]any
}

// stream connects to the events of srv and delivers them on a channel,
// closed when the stream ends.
func stream(t *testing.T, url string) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url+EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" {
		t.Errorf("events Content-Type %q", ct)
	}
	ch := make(chan event, 16)
	go func() {
		defer close(ch)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data)
			case line == "" && ev.name != "":
				ch <- ev
				ev = event{}
			}
		}
	}()
	return ch
}

func next(t *testing.T, ch <-chan event, name string) event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatalf("stream ended, want %q", name)
		}
		if ev.name != name {
			t.Fatalf("got event %q %v, want %q", ev.name, ev.data, name)
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatalf("no %q event within 10s", name)
	}
	return event{}
}

func TestEvents(t *testing.T) {
	s := New(WithPing(time.Hour))
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.Publish(testSite(t))

	a := stream(t, srv.URL)
	hello := next(t, a, "hello")
	if hello.data["build"] != s.buildID() || hello.data["failed"] != false {
		t.Errorf("hello %v", hello.data)
	}

	// A changed article: its path in "pages".
	site := testSite(t)
	edited := memory(t, htmlFile(article, "<h1>جديد</h1>"))
	for _, p := range site.Paths() {
		if p != article {
			f, _ := site.Get(p)
			edited.Write(f)
		}
	}
	s.Publish(edited)
	ev := next(t, a, "build")
	if fmt.Sprint(ev.data["pages"]) != "["+article+"]" || ev.data["build"] != s.buildID() || ev.data["files"] != nil {
		t.Errorf("build event %v", ev.data)
	}

	// A failed build: the overlay's data, for open pages and new ones.
	s.Fail(errors.Join(diag.Errorf("content/x.md", 3, 1, "front matter: bad")))
	ev = next(t, a, "failure")
	errs, _ := ev.data["errors"].([]any)
	if len(errs) != 1 || errs[0].(map[string]any)["text"] != "content/x.md:3:1: front matter: bad" {
		t.Errorf("failure event %v", ev.data)
	}
	// The last good build is still served.
	if rec := get(t, s, "GET", "/"); rec.Code != 200 {
		t.Errorf("GET / after a failed build: %d", rec.Code)
	}
	b := stream(t, srv.URL)
	if h := next(t, b, "hello"); h.data["failed"] != true {
		t.Errorf("hello during a failure: %v", h.data)
	}
	next(t, b, "failure")

	// A good build clears it: an event even when nothing changed.
	s.Publish(edited)
	for _, ch := range []<-chan event{a, b} {
		if ev := next(t, ch, "build"); ev.data["pages"] != nil {
			t.Errorf("unchanged build: %v", ev.data)
		}
	}

	// Close ends the streams, so the HTTP server can shut down.
	s.Close()
	for _, ch := range []<-chan event{a, b} {
		select {
		case ev, ok := <-ch:
			if ok {
				t.Errorf("event after Close: %v", ev)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("stream still open after Close")
		}
	}
}

// TestSlowStream: a page that does not read its events is dropped rather
// than holding up the builds.
func TestSlowStream(t *testing.T) {
	s := New()
	ch, _ := s.subscribe()
	for range 100 {
		s.Publish(testSite(t))
	}
	n := 0
	for range ch {
		n++
	}
	if n == 0 || n > 16 {
		t.Errorf("a stalled stream got %d events before being closed", n)
	}
}

// TestOverlayLanguage: the overlay's headings and the page before the
// first good build are in the server's language; the errors are as the
// terminal prints them (issue 16, item 8).
func TestOverlayLanguage(t *testing.T) {
	for _, c := range []struct {
		lang             i18n.Lang
		title, dir, page string
	}{
		{i18n.English, "sahifa: the build failed", "ltr", `<html lang="en" dir="ltr">`},
		{i18n.Arabic, "sahifa: فشل البناء", "rtl", `<html lang="ar" dir="rtl">`},
	} {
		s := New(WithLang(c.lang))
		rec := get(t, s, "GET", "/")
		if body := rec.Body.String(); !strings.Contains(body, c.page) || !strings.Contains(body, html.EscapeString(c.lang.Sprintf(i18n.NoGoodBuild))) {
			t.Errorf("%v: the page before the first build:\n%s", c.lang, body)
		}
		s.Fail(diag.Errorf("content/x.md", 3, 1, "front matter: bad"))
		var ev struct {
			Errors []Problem
			Texts  OverlayTexts
		}
		data := strings.TrimPrefix(strings.Split(string(s.failureFrame()), "\n")[1], "data: ")
		if err := json.Unmarshal([]byte(data), &ev); err != nil {
			t.Fatalf("%v: %v in %s", c.lang, err, s.failureFrame())
		}
		if ev.Texts.Title != c.title || ev.Texts.Dir != c.dir || ev.Texts.Lang != c.lang.String() || ev.Texts.Hint == "" || ev.Texts.Hide == "" {
			t.Errorf("%v: overlay texts %+v", c.lang, ev.Texts)
		}
		if len(ev.Errors) != 1 || ev.Errors[0].Text != "content/x.md:3:1: front matter: bad" {
			t.Errorf("%v: errors %+v", c.lang, ev.Errors)
		}
	}
}
