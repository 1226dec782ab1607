package publishtest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/linkcheck"
)

const (
	// exampleSite is the repository root, which is the example site.
	exampleSite = "../.."
	// notFoundText is the heading of layouts/404.html: the body of a 404
	// must be the site's own not-found page, not nginx's.
	notFoundText = "الصفحة غير موجودة"
	mimeTypes    = "/etc/nginx/mime.types"
	// brotliModule is Debian's libnginx-mod-http-brotli-static; when it is
	// installed the .br twins are checked too.
	brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
)

// buildNow fixes the build time, so the test does not depend on the day
// it runs (the news sitemap and future articles do).
func buildNow() time.Time { return time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC) }

// need skips the test when nginx is missing, or fails it when
// SAHIFA_NGINX=require (as .ci/run sets).
func need(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("SAHIFA_NGINX") == "require" {
		t.Fatalf("%s (SAHIFA_NGINX=require)", msg)
	}
	t.Skipf("%s; skipping (install Debian's nginx, or set SAHIFA_NGINX=require to fail instead)", msg)
}

func nginxBinary(t *testing.T) string {
	t.Helper()
	if os.Getenv("SAHIFA_NGINX") == "off" {
		t.Skip("SAHIFA_NGINX=off")
	}
	bin := os.Getenv("SAHIFA_NGINX_BIN")
	if bin == "" {
		bin = "/usr/sbin/nginx"
		if _, err := os.Stat(bin); err != nil {
			if bin, err = exec.LookPath("nginx"); err != nil {
				need(t, "nginx not found at /usr/sbin/nginx nor on PATH")
			}
		}
	}
	if _, err := os.Stat(bin); err != nil {
		need(t, "nginx: %v", err)
	}
	if _, err := os.Stat(mimeTypes); err != nil {
		need(t, "nginx's MIME table: %v", err)
	}
	return bin
}

// TestNginx builds the example site and serves it with nginx: as a GitHub
// Pages project site (under /news/, the nginx location an alias of the
// output folder) and as a site at the root of its host, the latter with
// --precompress and gzip_static on, the configuration docs/publishing.md
// recommends.
func TestNginx(t *testing.T) {
	bin := nginxBinary(t)
	for _, tc := range []struct {
		name        string
		baseURL     string
		precompress bool
	}{
		{"subpath", "https://example.github.io/news/", false},
		{"root-precompressed", "https://sahifa.example/", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			public := filepath.Join(dir, "public")
			_, err := build.Run(build.Options{
				Source: exampleSite, Destination: public, BaseURL: tc.baseURL,
				Now: buildNow(), CacheDir: filepath.Join(dir, "cache"),
				// A test must not import seeds into the repository's content/.
				NoImport:    true,
				Precompress: tc.precompress,
			})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			base, err := url.Parse(tc.baseURL)
			if err != nil {
				t.Fatal(err)
			}
			brotli := false
			if tc.precompress {
				_, err := os.Stat(brotliModule)
				brotli = err == nil
			}
			addr := startNginx(t, bin, dir, nginxSite{prefix: base.Path, public: public, brotli: brotli})
			c := newCrawler(t, tc.baseURL, "http://"+addr+base.Path, public)
			c.immutable = base.Path == "/"
			c.crawl()
			c.checkNotFound()
			if tc.precompress {
				c.checkPrecompressed(brotli)
			}
			c.logTypes()
		})
	}
}

// nginxSite is what the test's nginx configuration serves.
type nginxSite struct {
	prefix string // URL path of the site: "/" or "/news/"
	public string // the built site
	brotli bool   // load the brotli_static module and turn it on
}

// config writes the nginx.conf for site on port. Every path nginx writes
// (pid, logs, temporary files) is in dir, so the test needs no root and
// touches nothing of a system nginx.
func (s nginxSite) config(dir string, port int) string {
	var b strings.Builder
	if s.brotli {
		fmt.Fprintf(&b, "load_module %s;\n", brotliModule)
	}
	// One process and no master: a kill then ends all of nginx, leaving no
	// orphaned worker holding the port.
	fmt.Fprintf(&b, "master_process off;\npid %[1]s/nginx.pid;\nerror_log %[1]s/error.log warn;\nevents { worker_connections 64; }\n", dir)
	fmt.Fprintf(&b, "http {\n  include %s;\n  default_type application/octet-stream;\n", mimeTypes)
	fmt.Fprintf(&b, "  access_log %s/access.log;\n", dir)
	for _, tmp := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&b, "  %s_temp_path %s/%s_temp;\n", tmp, dir, tmp)
	}
	// The same settings as docs/publishing.md's configuration.
	b.WriteString("  charset utf-8;\n  charset_types text/css text/plain text/xml application/javascript application/rss+xml application/atom+xml;\n")
	b.WriteString("  gzip_static on;\n  gzip_vary on;\n")
	if s.brotli {
		b.WriteString("  brotli_static on;\n")
	}
	fmt.Fprintf(&b, "  server {\n    listen 127.0.0.1:%d;\n    server_name localhost;\n", port)
	if s.prefix == "/" {
		fmt.Fprintf(&b, "    root %s;\n    location / { try_files $uri $uri/ =404; }\n    error_page 404 /404.html;\n", s.public)
		// Fingerprinted stylesheets and scripts never change under one
		// name: caches may keep them for a year. (A regex with braces
		// must be quoted in nginx.conf.)
		b.WriteString("    location ~ \"\\.[0-9a-f]{12}\\.(css|js)$\" { add_header Cache-Control \"public, max-age=31536000, immutable\"; }\n")
	} else {
		// A project site: the host's root is someone else's (here an
		// empty folder); only the prefix is this site's, an alias of the
		// output folder, with its own not-found page.
		fmt.Fprintf(&b, "    root %s;\n    location %s {\n      alias %s/;\n      try_files $uri $uri/ =404;\n      error_page 404 %s404.html;\n    }\n", filepath.Join(dir, "empty"), s.prefix, s.public, s.prefix)
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// startNginx starts nginx serving site on a free loopback port and returns
// its host:port. nginx is killed and waited for when the test ends.
func startNginx(t *testing.T, bin, dir string, site nginxSite) string {
	t.Helper()
	// The host's root outside a sub-path: nothing of this site.
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	for attempt := 1; ; attempt++ {
		port := freePort(t)
		conf := filepath.Join(dir, "nginx.conf")
		if err := os.WriteFile(conf, []byte(site.config(dir, port)), 0o644); err != nil {
			t.Fatal(err)
		}
		stderr, err := os.Create(filepath.Join(dir, "stderr.log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "-p", dir, "-c", conf, "-g", "daemon off;")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Start(); err != nil {
			stderr.Close()
			t.Fatalf("starting nginx: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		err = waitListening(addr, exited)
		if err == nil {
			t.Cleanup(func() {
				_ = cmd.Process.Kill()
				<-exited
				stderr.Close()
			})
			return addr
		}
		stderr.Close()
		logs := nginxLogs(dir)
		// Another process may take the free port between our probe and
		// nginx's bind: try another.
		if strings.Contains(logs, "Address already in use") && attempt < 3 {
			continue
		}
		t.Fatalf("nginx did not start: %v\n%s\nconfiguration:\n%s", err, logs, site.config(dir, port))
	}
}

// freePort returns a loopback port nothing listens on now (never 80: the
// kernel picks from the ephemeral range).
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// waitListening waits until addr accepts connections, nginx exits, or ten
// seconds pass.
func waitListening(addr string, exited <-chan error) error {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("nginx exited: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return errors.New("nothing listens after 10s")
}

func nginxLogs(dir string) string {
	var b strings.Builder
	for _, name := range []string{"stderr.log", "error.log"} {
		if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(data) > 0 {
			fmt.Fprintf(&b, "%s:\n%s\n", name, data)
		}
	}
	return b.String()
}

// crawler fetches a built site from nginx: the sitemap's URLs, every
// file of the output, and every internal URL the fetched pages refer to.
type crawler struct {
	t      *testing.T
	client *http.Client
	base   string // the baseURL the site was built with
	local  string // the same site on nginx
	host   string // nginx's host:port
	public string // the built site
	seen   map[string]bool
	queue  []fetch
	errs   int // failures so far: a broken base URL breaks every link
	// immutable: the configuration marks fingerprinted CSS and JS as
	// cacheable for a year; check it does, and nothing else.
	immutable bool
	// fetched lists the URLs served with 200, in order, for the
	// precompressed checks.
	fetched []string
	// types counts the Content-Type served for each kind of file, for
	// the log (and docs/publishing.md).
	types map[string]map[string]int
}

// fetch is a URL to get, and where it was found (for messages).
type fetch struct{ url, from string }

func newCrawler(t *testing.T, base, local, public string) *crawler {
	u, err := url.Parse(local)
	if err != nil {
		t.Fatal(err)
	}
	// No transparent gzip: every response is checked as sent, and the
	// precompressed checks ask for encodings themselves.
	tr := &http.Transport{DisableCompression: true}
	t.Cleanup(tr.CloseIdleConnections)
	return &crawler{
		t: t,
		client: &http.Client{
			Transport: tr,
			Timeout:   10 * time.Second,
			// A redirect is an extra round trip, and static hosts differ
			// in making them (a folder without its slash): links must not
			// need one.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		base: base, local: local, host: u.Host, public: public,
		seen:  map[string]bool{},
		types: map[string]map[string]int{},
	}
}

// localize maps a URL of the site (absolute with the baseURL, or already
// on nginx) to nginx; other URLs are not the site's.
func (c *crawler) localize(u string) (string, bool) {
	if rest, ok := strings.CutPrefix(u, c.base); ok {
		return c.local + rest, true
	}
	p, err := url.Parse(u)
	if err != nil || p.Host != c.host || p.Scheme != "http" {
		return "", false
	}
	return u, true
}

func (c *crawler) enqueue(u, from string) {
	local, ok := c.localize(u)
	if !ok {
		return
	}
	if i := strings.IndexByte(local, '#'); i >= 0 {
		local = local[:i]
	}
	if !c.seen[local] {
		c.seen[local] = true
		c.queue = append(c.queue, fetch{local, from})
	}
}

func (c *crawler) crawl() {
	t := c.t
	n := c.sitemap(c.local+"sitemap.xml", "the site")
	if n < 10 {
		t.Fatalf("sitemap.xml lists %d pages, want the whole example site", n)
	}
	c.sitemap(c.local+"news-sitemap.xml", "the site")
	// Every file of the output, so feeds, the search index and images are
	// checked even when no page links to them.
	err := filepath.WalkDir(c.public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(c.public, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".gz") || strings.HasSuffix(rel, ".br") {
			return nil // twins are checked with Accept-Encoding
		}
		c.enqueue(c.local+escapePath(rel), "the output folder")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for len(c.queue) > 0 {
		f := c.queue[0]
		c.queue = c.queue[1:]
		c.get(f)
	}
	t.Logf("%s: %d URLs served", c.local, len(c.fetched))
}

// sitemap enqueues the pages a sitemap (or each sitemap of a sitemap
// index) lists, and returns how many.
func (c *crawler) sitemap(u, from string) int {
	c.seen[u] = true
	body, ok := c.get(fetch{u, from})
	if !ok {
		return 0
	}
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		c.errorf("%s: %v", u, err)
		return 0
	}
	n := 0
	for _, s := range doc.Sitemaps {
		local, ok := c.localize(s.Loc)
		if !ok {
			c.errorf("%s: sitemap %s is not under the base URL %s", u, s.Loc, c.base)
			continue
		}
		n += c.sitemap(local, u)
	}
	for _, p := range doc.URLs {
		if !strings.HasPrefix(p.Loc, c.base) {
			c.errorf("%s: %s is not under the base URL %s", u, p.Loc, c.base)
			continue
		}
		c.enqueue(p.Loc, u)
		n++
	}
	return n
}

// get fetches one URL, checks status and Content-Type, queues the links of
// an HTML page, and returns the body.
func (c *crawler) get(f fetch) ([]byte, bool) {
	resp, err := c.client.Get(f.url)
	if err != nil {
		c.errorf("%s (from %s): %v", f.url, f.from, err)
		return nil, false
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		c.errorf("%s: %v", f.url, err)
		return nil, false
	}
	if resp.StatusCode != http.StatusOK {
		c.errorf("%s (from %s): %s, want 200 OK %s", f.url, f.from, resp.Status, resp.Header.Get("Location"))
		return nil, false
	}
	u, _ := url.Parse(f.url)
	kind := kindOf(u.Path)
	ct := resp.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		c.errorf("%s: Content-Type %q: %v", f.url, ct, err)
		return nil, false
	}
	if c.types[kind] == nil {
		c.types[kind] = map[string]int{}
	}
	c.types[kind][ct]++
	types, utf8, ok := wantTypes(kind)
	switch {
	case !ok:
		c.errorf("%s: a %s file, which this test does not know: say which Content-Type it needs (nginx sent %q)", f.url, kind, ct)
	case !slices.Contains(types, mt):
		c.errorf("%s: Content-Type %q, want one of %q", f.url, ct, types)
	case utf8 && !strings.EqualFold(params["charset"], "utf-8"):
		c.errorf("%s: Content-Type %q, want charset=utf-8", f.url, ct)
	}
	if enc := resp.Header.Get("Content-Encoding"); enc != "" {
		c.errorf("%s: Content-Encoding %q to a client that asked for none", f.url, enc)
	}
	if c.immutable {
		cc := resp.Header.Get("Cache-Control")
		if fingerprinted(u.Path) != strings.Contains(cc, "immutable") {
			c.errorf("%s: Cache-Control %q", f.url, cc)
		}
	}
	c.fetched = append(c.fetched, f.url)
	if mt == "text/html" {
		refs, err := linkcheck.Refs(bytes.NewReader(body))
		if err != nil {
			c.errorf("%s: %v", f.url, err)
		}
		for _, r := range refs {
			ref, err := u.Parse(r.URL)
			if err != nil {
				c.errorf("%s:%d: <%s %s=%q>: %v", f.url, r.Line, r.Tag, r.Attr, r.URL, err)
				continue
			}
			if ref.Scheme != "http" && ref.Scheme != "https" {
				continue // mailto:, data:, javascript:
			}
			c.enqueue(ref.String(), fmt.Sprintf("%s line %d <%s %s>", f.url, r.Line, r.Tag, r.Attr))
		}
	}
	return body, true
}

// errorf reports a failure, and stops the test after many: when the base
// URL is wrong every link fails, and one screen of them says enough.
func (c *crawler) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf(format, args...)
	if c.errs++; c.errs >= 30 {
		c.t.Fatalf("stopping after %d failures", c.errs)
	}
}

// fingerprinted reports whether p names a stylesheet or script whose
// name carries its content hash, as main.367e78a279dc.css.
func fingerprinted(p string) bool {
	ext := path.Ext(p)
	if ext != ".css" && ext != ".js" {
		return false
	}
	hash := path.Ext(strings.TrimSuffix(p, ext))
	if len(hash) != 13 {
		return false
	}
	for _, r := range hash[1:] {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// kindOf names the kind of file a URL path serves: "page" for folders and
// .html, else its extension.
func kindOf(p string) string {
	if strings.HasSuffix(p, "/") {
		return "page"
	}
	switch ext := strings.ToLower(path.Ext(p)); ext {
	case ".html":
		return "page"
	case "":
		return "(no extension)"
	default:
		return ext
	}
}

// wantTypes returns the Content-Types a host may send for a kind of file
// (what browsers, feed readers and crawlers accept), whether the test's
// configuration adds charset=utf-8 to it, and false for a kind it does not
// know. XML (sitemaps and the .xml feeds) comes as text/xml from nginx's
// MIME table, as application/xml from others; both are fine.
func wantTypes(kind string) (types []string, utf8, ok bool) {
	switch kind {
	case "page":
		return []string{"text/html"}, true, true
	case ".css":
		return []string{"text/css"}, true, true
	case ".js":
		return []string{"application/javascript", "text/javascript"}, true, true
	case ".xml":
		return []string{"text/xml", "application/xml", "application/rss+xml", "application/atom+xml"}, true, true
	case ".json":
		return []string{"application/json", "application/feed+json"}, false, true
	case ".txt":
		return []string{"text/plain"}, true, true
	case ".jpg", ".jpeg":
		return []string{"image/jpeg"}, false, true
	case ".png":
		return []string{"image/png"}, false, true
	case ".webp":
		return []string{"image/webp"}, false, true
	case ".svg":
		return []string{"image/svg+xml"}, false, true
	case ".ico":
		return []string{"image/x-icon", "image/vnd.microsoft.icon"}, false, true
	}
	return nil, false, false
}

// escapePath percent-encodes each segment of a slash path, as the site's
// links carry Arabic file names.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// checkNotFound asks for paths the site does not have, Arabic ones too:
// each must be a 404 carrying the site's own not-found page. It also asks
// for an Arabic page with lower-case percent-encoding, as some clients
// send it.
func (c *crawler) checkNotFound() {
	t := c.t
	for _, p := range []string{"no-such-page/", escapePath("لا-توجد-صفحة") + "/", "tags/" + escapePath("وسم-غير-موجود") + "/", "css/missing.css"} {
		resp, err := c.client.Get(c.local + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", c.local+p, resp.Status)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: 404 with Content-Type %q", c.local+p, ct)
		}
		if !bytes.Contains(body, []byte(notFoundText)) {
			t.Errorf("%s: the 404 is not the site's 404.html:\n%.300s", c.local+p, body)
		}
	}

	var arabic string
	for _, u := range c.fetched {
		if strings.Contains(u, "%D8") && strings.HasSuffix(u, "/") {
			arabic = u
			break
		}
	}
	if arabic == "" {
		t.Fatal("no page with an Arabic path was served")
	}
	req, _ := http.NewRequest("GET", arabic, nil)
	lower := strings.ToLower(req.URL.EscapedPath())
	req.URL.RawPath = lower
	if req.URL.EscapedPath() != lower {
		t.Fatalf("could not make a lower-case request for %s", arabic)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s with lower-case escapes: %s", arabic, resp.Status)
	}
}

// file is the output file a local URL serves.
func (c *crawler) file(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		c.t.Fatal(err)
	}
	lp, _ := url.Parse(c.local)
	rel := strings.TrimPrefix(p.Path, lp.Path)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return filepath.Join(c.public, filepath.FromSlash(rel))
}

// checkPrecompressed asks for every served URL with Accept-Encoding:
// where the build wrote a twin, nginx must send exactly its bytes with
// Content-Encoding and the original's Content-Type; elsewhere the file as
// is.
func (c *crawler) checkPrecompressed(brotli bool) {
	t := c.t
	encodings := []struct{ accept, ext string }{{"gzip", ".gz"}}
	if brotli {
		encodings = append(encodings, struct{ accept, ext string }{"br", ".br"})
	} else {
		t.Logf("%s not installed: .br twins not checked", brotliModule)
	}
	for _, enc := range encodings {
		twins := 0
		for _, u := range c.fetched {
			name := c.file(u)
			plain, err := os.ReadFile(name)
			if err != nil {
				t.Errorf("%s: %v", u, err)
				continue
			}
			twin, err := os.ReadFile(name + enc.ext)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			req, _ := http.NewRequest("GET", u, nil)
			req.Header.Set("Accept-Encoding", enc.accept)
			resp, err := c.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			got := resp.Header.Get("Content-Encoding")
			switch {
			case resp.StatusCode != http.StatusOK:
				t.Errorf("%s (Accept-Encoding: %s): %s", u, enc.accept, resp.Status)
			case twin == nil:
				if got != "" || !bytes.Equal(body, plain) {
					t.Errorf("%s (Accept-Encoding: %s) has no twin, yet came with Content-Encoding %q", u, enc.accept, got)
				}
			default:
				twins++
				if got != enc.accept || !bytes.Equal(body, twin) {
					t.Errorf("%s (Accept-Encoding: %s): Content-Encoding %q, %d bytes; want %s%s's %d bytes", u, enc.accept, got, len(body), filepath.Base(name), enc.ext, len(twin))
				}
				if v := resp.Header.Get("Vary"); !strings.EqualFold(v, "Accept-Encoding") {
					t.Errorf("%s: Vary %q, want Accept-Encoding so caches keep both", u, v)
				}
				if ct := resp.Header.Get("Content-Type"); ct != c.typeOf(u) {
					t.Errorf("%s: %s twin served as %q, the file as %q", u, enc.accept, ct, c.typeOf(u))
				}
			}
		}
		if twins < 20 {
			t.Errorf("only %d URLs served a %s twin", twins, enc.accept)
		}
		t.Logf("Accept-Encoding: %s: %d of %d URLs served their %s twin", enc.accept, twins, len(c.fetched), enc.ext)
	}
}

// typeOf is the Content-Type nginx sends for u without compression.
func (c *crawler) typeOf(u string) string {
	resp, err := c.client.Get(u)
	if err != nil {
		c.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("Content-Type")
}

func (c *crawler) logTypes() {
	kinds := make([]string, 0, len(c.types))
	for k := range c.types {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "\n  %-6s", k)
		for ct, n := range c.types[k] {
			fmt.Fprintf(&b, " %q ×%d", ct, n)
		}
	}
	c.t.Logf("Content-Type served:%s", b.String())
}
