package main

// Tests of `sahifa serve` and `sahifa build --watch` run in this process on
// temporary sites: they change files as an editor would and check what is
// served after each change. They wait by polling with a deadline, never
// by sleeping a guessed time.

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
)

// waitFor is how long a test waits for a rebuild it caused.
const waitFor = 20 * time.Second

// syncBuffer is a bytes.Buffer safe to read while serve writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// devServer is a running `sahifa serve`.
type devServer struct {
	root           string
	url            string
	stdout, stderr *syncBuffer
	stop           func() // stops it (and checks it stopped cleanly); also at the test's end
}

// startServe runs serve on root until the test ends, when it checks that
// serve stopped cleanly.
func startServe(t testing.TB, root string, modify ...func(*serveOptions)) *devServer {
	t.Helper()
	return startServeWithin(t, root, waitFor, modify...)
}

// startServeWithin is startServe waiting up to wait for the first build
// (a benchmark's large site takes minutes).
func startServeWithin(t testing.TB, root string, wait time.Duration, modify ...func(*serveOptions)) *devServer {
	t.Helper()
	now, _ := time.Parse(time.RFC3339, e2eNow)
	ready := make(chan string, 1)
	o := serveOptions{
		build:    build.Options{Source: root, Now: now},
		bind:     "127.0.0.1",
		port:     0,
		portSet:  true,
		debounce: 30 * time.Millisecond,
		ready:    func(u string) { ready <- u },
	}
	for _, m := range modify {
		m(&o)
	}
	d := &devServer{root: root, stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- serve(ctx, o, d.stdout, d.stderr) }()
	var once sync.Once
	d.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case code := <-done:
				if code != exitOK {
					t.Errorf("serve exited %d\nstdout:\n%s\nstderr:\n%s", code, d.stdout, d.stderr)
				}
			case <-time.After(waitFor):
				t.Errorf("serve did not stop within %v", waitFor)
			}
		})
	}
	t.Cleanup(d.stop)
	select {
	case d.url = <-ready:
	case code := <-done:
		t.Fatalf("serve exited %d before serving\nstdout:\n%s\nstderr:\n%s", code, d.stdout, d.stderr)
	case <-time.After(wait):
		t.Fatalf("serve not ready within %v\nstderr:\n%s", wait, d.stderr)
	}
	return d
}

// page is a site path's address on the dev server.
func (d *devServer) page(sitePath string) string {
	return strings.TrimSuffix(d.url, "/") + (&url.URL{Path: "/" + strings.TrimSuffix(sitePath, "index.html")}).EscapedPath()
}

// requestFrom is a request with a Host header other than u's and an
// Origin header ("" for none).
func requestFrom(t testing.TB, method, u, host, origin string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	return req
}

type response struct {
	code   int
	header http.Header
	body   string
}

func fetch(t testing.TB, method, u string) response {
	t.Helper()
	return fetchFrom(t, method, u, "", "")
}

// fetchFrom is fetch with a Host header other than u's and an Origin
// header ("" for none), as a web page on another site may send them.
func fetchFrom(t testing.TB, method, u, host, origin string) response {
	t.Helper()
	req := requestFrom(t, method, u, host, origin)
	client := &http.Client{
		Timeout:       waitFor,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(body)}
}

// eventually polls check until it says yes, failing the test at the
// deadline with check's last word.
func eventually(t testing.TB, what string, check func() (bool, string)) {
	t.Helper()
	end := time.Now().Add(waitFor)
	for {
		ok, last := check()
		if ok {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("%s: not within %v; last: %s", what, waitFor, last)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// served waits until GET u answers code with a body containing want.
func (d *devServer) served(t testing.TB, u string, code int, want string) response {
	t.Helper()
	var r response
	eventually(t, "GET "+u+" → "+strconv.Itoa(code)+" with "+want, func() (bool, string) {
		r = fetch(t, "GET", u)
		return r.code == code && strings.Contains(r.body, want), strconv.Itoa(r.code) + " " + abbrev(r.body) + "\nstderr:\n" + d.stderr.String()
	})
	return r
}

func abbrev(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

func TestServeChanges(t *testing.T) {
	root := e2eNewSite(t)
	d := startServe(t, root)
	g20 := d.page(e2eG20Page)

	r := d.served(t, g20, 200, "مجموعة العشرين")
	if r.header.Get("Content-Type") != "text/html; charset=utf-8" || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", r.header)
	}
	if !strings.Contains(r.body, `<script src="/_sahifa/live.js"`) {
		t.Error("no live-reload script in the served page")
	}
	// Links and canonical URLs point at the dev server, not baseURL.
	if !strings.Contains(r.body, `href="`+g20+`"`) || strings.Contains(r.body, "example.com") {
		t.Errorf("canonical URL is not the dev server's %s:\n%s", g20, abbrev(r.body))
	}
	if !strings.Contains(d.stdout.String(), "first build: 3 articles") || !strings.Contains(d.stdout.String(), "Serving ") {
		t.Errorf("stdout:\n%s", d.stdout)
	}

	t.Run("edit", func(t *testing.T) {
		e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(e2eSite()["content/g20.md"], "بمشاركة قادة", "بحضور زعماء", 1)})
		d.served(t, g20, 200, "بحضور زعماء")
		eventually(t, "a terminal line for the rebuild", func() (bool, string) {
			out := d.stdout.String()
			return regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d content/g20\.md: \d+ pages rendered, \d+ changed, in \S+$`).MatchString(out), out
		})
	})
	t.Run("save by write-then-rename", func(t *testing.T) {
		tmp := filepath.Join(root, "content", "g20.md.tmp")
		e2eWrite(t, root, map[string]string{"content/g20.md.tmp": strings.Replace(e2eSite()["content/g20.md"], "بمشاركة قادة", "بمشاركة رؤساء", 1)})
		if err := os.Rename(tmp, filepath.Join(root, "content", "g20.md")); err != nil {
			t.Fatal(err)
		}
		d.served(t, g20, 200, "بمشاركة رؤساء")
	})

	fresh := d.page("2024/05/22/خبر-جديد/index.html")
	t.Run("create", func(t *testing.T) {
		if r := fetch(t, "GET", fresh); r.code != 404 {
			t.Fatalf("before: %d", r.code)
		}
		e2eWrite(t, root, map[string]string{"content/fresh.md": "---\ntitle: خبر جديد\ndate: 2024-05-22T09:00:00+03:00\n---\nنص الخبر الجديد.\n"})
		d.served(t, fresh, 200, "نص الخبر الجديد")
		d.served(t, d.url, 200, "خبر جديد")
	})
	t.Run("rename away and back", func(t *testing.T) {
		from, to := filepath.Join(root, "content", "fresh.md"), filepath.Join(root, "content", "fresh.md.off")
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
		d.served(t, fresh, 404, "")
		if err := os.Rename(to, from); err != nil {
			t.Fatal(err)
		}
		d.served(t, fresh, 200, "نص الخبر الجديد")
	})
	t.Run("new folders", func(t *testing.T) {
		e2eWrite(t, root, map[string]string{"content/2024/deep/er/x.md": "---\ntitle: خبر عميق\ndate: 2024-05-23T09:00:00+03:00\n---\nفي مجلد جديد.\n"})
		deep := d.page("2024/05/23/خبر-عميق/index.html")
		d.served(t, deep, 200, "في مجلد جديد")
		// The new folder is watched: a second file there is seen too.
		e2eWrite(t, root, map[string]string{"content/2024/deep/er/y.md": "---\ntitle: خبر ثان\ndate: 2024-05-24T09:00:00+03:00\n---\nثان.\n"})
		d.served(t, d.page("2024/05/24/خبر-ثان/index.html"), 200, "ثان.")
	})
	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(root, "content", "fresh.md")); err != nil {
			t.Fatal(err)
		}
		r := d.served(t, fresh, 404, "<script src=\"/_sahifa/live.js\"")
		if !strings.Contains(r.body, "<html") {
			t.Errorf("the 404 answer is not the site's 404 page: %s", abbrev(r.body))
		}
		if home := fetch(t, "GET", d.url); strings.Contains(home.body, "خبر جديد") {
			t.Error("the home page still lists the deleted article")
		}
	})
	t.Run("template", func(t *testing.T) {
		e2eWrite(t, root, map[string]string{"layouts/partials/footer.html": `<footer><p>تذييل الاختبار</p></footer>`})
		d.served(t, g20, 200, "تذييل الاختبار")
		// Renamed so it no longer overrides the theme's: the theme's is back.
		if err := os.Rename(filepath.Join(root, "layouts", "partials", "footer.html"), filepath.Join(root, "layouts", "partials", "footer.html.bak")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "the theme's footer back", func() (bool, string) {
			r := fetch(t, "GET", g20)
			return r.code == 200 && !strings.Contains(r.body, "تذييل الاختبار"), abbrev(r.body)
		})
	})
	t.Run("stylesheet", func(t *testing.T) {
		theme, err := os.ReadFile(filepath.Join("..", "..", "assets", "css", "main.css"))
		if err != nil {
			t.Fatal(err)
		}
		e2eWrite(t, root, map[string]string{"assets/css/main.css": string(theme) + "\n.sahifa-test-rule{color:rgb(1,2,3)}\n"})
		eventually(t, "the new stylesheet linked and served", func() (bool, string) {
			page := fetch(t, "GET", g20)
			i := strings.Index(page.body, "/css/main.")
			if i < 0 {
				return false, abbrev(page.body)
			}
			href := page.body[i : i+strings.Index(page.body[i:], ".css")+4]
			css := fetch(t, "GET", strings.TrimSuffix(d.url, "/")+href)
			return css.code == 200 && strings.Contains(css.body, "sahifa-test-rule") && css.header.Get("Content-Type") == "text/css; charset=utf-8", href
		})
		// Pages differing only by the stylesheet's name are not "changed":
		// open pages swap the stylesheet instead of reloading.
		eventually(t, "the rebuild's line", func() (bool, string) {
			out := d.stdout.String()
			return regexp.MustCompile(` assets/css/main\.css: 0 pages rendered, 0 changed, 1 stylesheet swapped, in `).MatchString(out), out
		})
	})
	t.Run("config", func(t *testing.T) {
		e2eWrite(t, root, map[string]string{"sahifa.toml": strings.Replace(e2eConfig, "صحيفة الاختبار", "صحيفة المعاينة", 1)})
		d.served(t, d.url, 200, "صحيفة المعاينة")
	})
	t.Run("broken and fixed", func(t *testing.T) {
		good := fetch(t, "GET", g20).body
		e2eWrite(t, root, map[string]string{"content/g20.md": "---\ntitle: \"قمة\ndate: 2024-05-20\n---\nنص مكسور\n"})
		eventually(t, "the error in the terminal", func() (bool, string) {
			return strings.Contains(d.stderr.String(), "content/g20.md:"), d.stderr.String()
		})
		if !strings.Contains(d.stderr.String(), "still serving the last good build") {
			t.Errorf("stderr:\n%s", d.stderr)
		}
		// The last good build is what is served.
		if r := fetch(t, "GET", g20); r.code != 200 || stripScript(r.body) != stripScript(good) {
			t.Errorf("after a failed build, %s changed: %d", g20, r.code)
		}
		e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(e2eSite()["content/g20.md"], "بمشاركة قادة", "بعد الإصلاح", 1)})
		d.served(t, g20, 200, "بعد الإصلاح")
	})
	t.Run("editor litter", func(t *testing.T) {
		outBefore, errBefore := d.stdout.String(), d.stderr.String()
		e2eWrite(t, root, map[string]string{
			"content/.g20.md.swp": "swap", "content/g20.md~": "backup", "content/4913": "",
			"content/.#g20.md": "lock", "public/x.html": "x",
		})
		// A real change after the litter: only it causes rebuilds.
		saveAtomic(t, filepath.Join(root, "content", "old.md"), strings.Replace(e2eSite()["content/old.md"], "غياب طويل", "غياب قصير", 1))
		d.served(t, d.page(e2eOldPage), 200, "غياب قصير")
		var added string
		eventually(t, "a line for the rebuild", func() (bool, string) {
			added = strings.TrimPrefix(d.stdout.String(), outBefore)
			return added != "", d.stdout.String()
		})
		for _, l := range strings.Split(strings.TrimSpace(added), "\n") {
			if !strings.Contains(l, " content/old.md: ") {
				t.Errorf("a rebuild not caused by content/old.md: %q", l)
			}
		}
		if d.stderr.String() != errBefore {
			t.Errorf("stderr: %s", strings.TrimPrefix(d.stderr.String(), errBefore))
		}
	})

	// serve never wrote the site to disk (public/ holds only the litter
	// written above).
	if entries, _ := os.ReadDir(filepath.Join(root, "public")); len(entries) != 1 {
		t.Errorf("public/ holds %d entries, want only the test's x.html", len(entries))
	}
}

func stripScript(page string) string {
	i := strings.Index(page, `<script src="/_sahifa/live.js"`)
	if i < 0 {
		return page
	}
	j := strings.Index(page[i:], "</script>")
	return page[:i] + page[i+j+len("</script>"):]
}

func TestServeRenderToDisk(t *testing.T) {
	root := e2eNewSite(t)
	d := startServe(t, root, func(o *serveOptions) { o.renderToDisk = true })
	index := filepath.Join(root, "public", filepath.FromSlash(e2eG20Page))
	eventually(t, "public/ written", func() (bool, string) {
		data, _ := os.ReadFile(index)
		return strings.Contains(string(data), "مجموعة العشرين"), string(data)
	})
	e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(e2eSite()["content/g20.md"], "بمشاركة قادة", "على القرص", 1)})
	d.served(t, d.page(e2eG20Page), 200, "على القرص")
	eventually(t, "public/ rewritten", func() (bool, string) {
		data, _ := os.ReadFile(index)
		return strings.Contains(string(data), "على القرص"), string(data)
	})
	d.stop() // the disk build is done once serve stopped
	for _, p := range e2eHTMLFiles(t, filepath.Join(root, "public")) {
		if strings.Contains(e2eRead(t, filepath.Join(root, "public", p)), "_sahifa") {
			t.Errorf("%s on disk carries the live-reload script", p)
		}
	}
}

func TestServeFirstBuildFails(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{"content/g20.md": "---\ntitle: [\n---\n"})
	d := startServe(t, root)
	r := fetch(t, "GET", d.url)
	if r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "/_sahifa/live.js") {
		t.Errorf("with no good build: %d %s", r.code, r.body)
	}
	if !strings.Contains(d.stderr.String(), "content/g20.md:") {
		t.Errorf("stderr:\n%s", d.stderr)
	}
	e2eWrite(t, root, e2eSite())
	d.served(t, d.page(e2eG20Page), 200, "مجموعة العشرين")
}

// TestServeImportsSeeds: a seed dropped into seeds/ is imported and on the
// site after one save.
func TestServeImportsSeeds(t *testing.T) {
	root := e2eNewSite(t)
	d := startServe(t, root)
	e2eWrite(t, root, map[string]string{"seeds/oil.txt": e2eOilSeed})
	d.served(t, d.url, 200, "ارتفاع أسعار النفط")
	eventually(t, "the import reported", func() (bool, string) {
		return strings.Contains(d.stdout.String(), "seeds/oil.txt → content/"), d.stdout.String()
	})
}

// TestServeEvents: the event stream tells an open page what changed.
func TestServeEvents(t *testing.T) {
	root := e2eNewSite(t)
	d := startServe(t, root)
	events := openEvents(t, d.url)
	hello := nextEvent(t, events)
	if hello.name != "hello" {
		t.Fatalf("first event %+v", hello)
	}
	// Saved as most editors do (write, then rename), so that one save is
	// one event even on a busy machine.
	saveAtomic(t, filepath.Join(root, "content", "old.md"), strings.Replace(e2eSite()["content/old.md"], "غياب طويل", "غياب", 1))
	ev := nextEvent(t, events)
	if ev.name != "build" || !strings.Contains(ev.data, strconv.Quote(e2eOldPage)) || strings.Contains(ev.data, strconv.Quote(e2eG20Page)) {
		t.Errorf("build event %+v, want %s among its pages and not %s", ev, e2eOldPage, e2eG20Page)
	}
	saveAtomic(t, filepath.Join(root, "content", "old.md"), "---\ntitle: x\ndate: nope\n---\n")
	ev = nextEvent(t, events)
	if ev.name != "failure" || !strings.Contains(ev.data, `"file":"content/old.md"`) {
		t.Errorf("failure event %+v", ev)
	}
}

// saveAtomic writes a file as most editors save: into a temporary file,
// renamed over the old one.
func saveAtomic(t testing.TB, path, data string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// sse is one Server-Sent Event.
type sse struct{ name, data string }

// openEvents connects to the dev server's event stream; events arrive on
// the channel until the test ends.
func openEvents(t testing.TB, base string) <-chan sse {
	t.Helper()
	return openEventsFrom(t, base, "")
}

// openEventsFrom is openEvents with an Origin header, as a browser sends
// it.
func openEventsFrom(t testing.TB, base, origin string) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(base, "/")+"/_sahifa/events", nil)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan sse, 64)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<24)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				ch <- ev
				ev = sse{}
			}
		}
	}()
	return ch
}

func nextEvent(t testing.TB, ch <-chan sse) sse {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("event stream ended")
		}
		return ev
	case <-time.After(waitFor):
		t.Fatalf("no event within %v", waitFor)
	}
	return sse{}
}

func TestServeRefuses(t *testing.T) {
	var out, errb bytes.Buffer
	// Not a site folder: a message, not a server on an empty folder.
	code := serve(context.Background(), serveOptions{build: build.Options{Source: t.TempDir()}, bind: "127.0.0.1", debounce: time.Millisecond}, &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "is not a site folder") {
		t.Errorf("empty folder: exit %d, stderr %q", code, errb.String())
	}
	// A port that is taken, asked for by name: an error, not another port.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	errb.Reset()
	code = serve(context.Background(), serveOptions{build: build.Options{Source: e2eNewSite(t)}, bind: "127.0.0.1", port: port, portSet: true, debounce: time.Millisecond}, &out, &errb)
	if code != exitFail || !strings.Contains(errb.String(), "address already in use") {
		t.Errorf("taken port: exit %d, stderr %q", code, errb.String())
	}
}

// TestServeDefaultPortTaken: when the default port is taken, another is used.
func TestServeDefaultPortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	d := startServe(t, e2eNewSite(t), func(o *serveOptions) { o.port, o.portSet = port, false })
	if strings.Contains(d.url, ":"+strconv.Itoa(port)+"/") || !strings.Contains(d.stderr.String(), "is taken; using") {
		t.Errorf("url %s, stderr %s", d.url, d.stderr)
	}
	d.served(t, d.url, 200, "قمة")
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{{"--port", "70000"}, {"--debounce", "0s"}, {"--now", "yesterday"}, {"extra"}, {"--bogus"}} {
		var out, errb bytes.Buffer
		if code := runServe(args, &out, &errb); code != exitUsage {
			t.Errorf("serve %q: exit %d, want %d; %s", args, code, exitUsage, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := runBuild([]string{"--watch", "--debounce", "-1s"}, &out, &errb); code != exitUsage {
		t.Errorf("build --watch --debounce -1s: exit %d", code)
	}
}

func TestBindAddresses(t *testing.T) {
	for _, c := range []struct {
		bind, host string
		loopback   bool
	}{
		{"127.0.0.1", "127.0.0.1", true},
		{"localhost", "localhost", true},
		{"::1", "::1", true},
		{"[::1]", "::1", true},
		{"127.0.0.2", "127.0.0.2", true},
		{"0.0.0.0", "localhost", false},
		{"::", "localhost", false},
		{"192.0.2.1", "192.0.2.1", false},
	} {
		if got := urlHost(c.bind); got != c.host {
			t.Errorf("urlHost(%q) = %q, want %q", c.bind, got, c.host)
		}
		if got := isLoopback(c.bind); got != c.loopback {
			t.Errorf("isLoopback(%q) = %v", c.bind, got)
		}
	}
}

// TestBuildWatch: `sahifa build --watch` rebuilds public/ on each change,
// and a failed build leaves it as it was.
func TestBuildWatch(t *testing.T) {
	root := e2eNewSite(t)
	now, _ := time.Parse(time.RFC3339, e2eNow)
	var out, errb syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- watchBuildLoop(ctx, build.Options{Source: root, Now: now}, 30*time.Millisecond, false, &out, &errb)
	}()
	page := filepath.Join(root, "public", filepath.FromSlash(e2eG20Page))
	onDisk := func(want string) {
		t.Helper()
		eventually(t, "public/ with "+want, func() (bool, string) {
			data, _ := os.ReadFile(page)
			return strings.Contains(string(data), want), out.String() + errb.String()
		})
	}
	onDisk("مجموعة العشرين")
	eventually(t, "watching", func() (bool, string) { return strings.Contains(out.String(), "Watching for changes"), out.String() })
	e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(e2eSite()["content/g20.md"], "بمشاركة قادة", "بعد المراقبة", 1)})
	onDisk("بعد المراقبة")
	// The commit is done once the rebuild's line is printed.
	eventually(t, "the rebuild's line", func() (bool, string) {
		return regexp.MustCompile(` content/g20\.md: \d+ pages rendered; files: `).MatchString(out.String()), out.String()
	})
	before := e2eSnapshot(t, filepath.Join(root, "public"))
	e2eWrite(t, root, map[string]string{"content/g20.md": "---\ntitle: [\n---\n"})
	eventually(t, "the error", func() (bool, string) {
		return strings.Contains(errb.String(), "content/g20.md:") && strings.Contains(errb.String(), "left as it was"), errb.String()
	})
	e2eSame(t, "public/ after a failed build", before, e2eSnapshot(t, filepath.Join(root, "public")))
	if strings.Contains(e2eRead(t, page), "_sahifa") {
		t.Error("build --watch wrote the live-reload script")
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d", code)
		}
	case <-time.After(waitFor):
		t.Fatal("build --watch did not stop")
	}
}

// TestE2EServe runs the real binary: it prints its address, serves the
// site, and stops cleanly on Ctrl+C without writing public/.
func TestE2EServe(t *testing.T) {
	root := e2eNewSite(t)
	cmd, site, stderr := startServeBin(t, root, "serve", "-p", "0", "--now", e2eNow)
	r := fetch(t, "GET", site)
	if r.code != 200 || !strings.Contains(r.body, "صحيفة الاختبار") || !strings.Contains(r.body, "/_sahifa/live.js") {
		t.Errorf("GET %s: %d %s", site, r.code, abbrev(r.body))
	}
	js := fetch(t, "GET", site+"_sahifa/live.js")
	if js.code != 200 || !strings.Contains(js.body, "EventSource") {
		t.Errorf("live.js: %d", js.code)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve after Ctrl+C: %v; stderr:\n%s", err, stderr.String())
	}
	if e2eExists(filepath.Join(root, "public")) {
		t.Error("serve wrote public/")
	}
}

// startServeBin runs the binary with args in root until it prints the
// site's address; the test stops it (cmd), or else it is killed at the
// test's end.
func startServeBin(t *testing.T, root string, args ...string) (cmd *exec.Cmd, site string, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*waitFor)
	t.Cleanup(cancel)
	cmd = execServe(ctx, e2eBin(t), root, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr = &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	for site == "" && lines.Scan() {
		if _, after, ok := strings.Cut(lines.Text(), " at http://"); ok {
			site = "http://" + strings.Fields(after)[0]
		}
	}
	if site == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("no address printed; stderr:\n%s", stderr.String())
	}
	go io.Copy(io.Discard, stdout)
	return cmd, site, stderr
}

// execServe is the command running the binary in dir, without the
// test's SAHIFA_NOW.
func execServe(ctx context.Context, bin, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, NowEnv+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	return cmd
}
