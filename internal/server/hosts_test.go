package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

func hosts(t *testing.T, bind string, allowed ...string) Hosts {
	t.Helper()
	h, err := NewHosts(bind, allowed)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestCheckHost: the server is on port 1313; want is "" when the request
// is answered, else a part of the refusal.
func TestCheckHost(t *testing.T) {
	local := hosts(t, "127.0.0.1")
	allowed := hosts(t, "127.0.0.1", "evil.example", ".lan.example", "صحيفة.example", "192.0.2.9", "[2001:db8::1]")
	lan := hosts(t, "0.0.0.0")
	bound := hosts(t, "192.0.2.7")
	boundName := hosts(t, "MyBox.Local.")
	anyHost := hosts(t, "127.0.0.1", "all")
	cases := []struct {
		name  string
		hosts Hosts
		host  string
		want  string
	}{
		{"localhost", local, "localhost:1313", ""},
		{"upper case", local, "LocalHost:1313", ""},
		{"trailing dot", local, "localhost.:1313", ""},
		{"IPv4 loopback", local, "127.0.0.1:1313", ""},
		{"IPv6 loopback", local, "[::1]:1313", ""},
		{"IPv6 loopback written long", local, "[0:0:0:0:0:0:0:1]:1313", ""},
		{"another name", local, "evil.example:1313", `sahifa serve: refusing Host "evil.example:1313": not this server's address (allow it with --allowedHosts evil.example)`},
		{"another name without a port", local, "evil.example", "allow it with --allowedHosts evil.example"},
		{"another name, upper case", local, "EVIL.example.:1313", "allow it with --allowedHosts evil.example)"},
		{"a name that ends like localhost", local, "evil.localhost:1313", "not this server's address"},
		{"missing port", local, "localhost", `refusing Host "localhost": this server listens on port 1313, not 80 (allow it with --allowedHosts localhost)`},
		{"wrong port", local, "127.0.0.1:8080", "listens on port 1313, not 8080"},
		{"wrong port, IPv6", local, "[::1]:8080", "(allow it with --allowedHosts ::1)"},
		{"empty", local, "", "sahifa serve: refusing a request without a Host header"},
		{"userinfo", local, "user@localhost:1313", "not a host name"},
		{"userinfo before the port", local, "localhost@evil.example:1313", "not a host name"},
		{"path", local, "localhost:1313/x", "is not a number"},
		{"port not a number", local, "localhost:http", `port "http" is not a number`},
		{"port with a sign", local, "localhost:+1313", "is not a number"},
		{"port 0", local, "localhost:0", "is not a number from 1 to 65535"},
		{"port too big", local, "localhost:71313", "is not a number from 1 to 65535"},
		{"IPv6 without brackets", local, "::1:1313", "between [ and ]"},
		{"IPv6 without its closing bracket", local, "[::1:1313", "closing ]"},
		{"junk after the bracket", local, "[::1]x1313", "optional :port"},
		{"IPv4 in brackets", local, "[127.0.0.1]:1313", "not an IPv6 address"},
		{"IPv6 zone", local, "[fe80::1%25eth0]:1313", "not an IPv6 address"},
		{"two trailing dots", local, "localhost..:1313", "not a host name"},
		{"empty label", local, "a..b:1313", "not a host name"},
		{"only a port", local, ":1313", "no host name"},
		{"bad punycode", local, "xn--zz.example:1313", "not a host name"},
		{"space", local, "local host:1313", "not a host name"},
		{"control byte", local, "localhost\x00:1313", "not a host name"},
		{"quotes in the message", local, "a\"b", `refusing Host "a\"b"`},

		{"allowed", allowed, "evil.example:1313", ""},
		{"allowed, on another port", allowed, "evil.example:8443", ""},
		{"allowed, without a port", allowed, "evil.example", ""},
		{"not a subdomain of an exact name", allowed, "x.evil.example:1313", "not this server's address"},
		{"domain of .lan.example", allowed, "lan.example:1313", ""},
		{"subdomain of .lan.example", allowed, "a.b.lan.example", ""},
		{"ends like lan.example", allowed, "evillan.example", "not this server's address"},
		{"lan.example inside", allowed, "lan.example.evil:1313", "not this server's address"},
		{"IDN allowed in Arabic, asked in punycode", allowed, "xn--ogbhx3c3b.example:1313", ""},
		{"IDN in upper-case punycode", allowed, "XN--OGBHX3C3B.EXAMPLE:1313", ""},
		{"IDN as UTF-8", allowed, "صحيفة.example:1313", ""},
		{"another IDN", allowed, "xn--mgbh0fb.example:1313", "(allow it with --allowedHosts xn--mgbh0fb.example)"},
		{"allowed IPv4", allowed, "192.0.2.9:1313", ""},
		{"allowed IPv6", allowed, "[2001:db8:0::1]:1313", ""},
		{"loopback still answered", allowed, "localhost:1313", ""},

		{"0.0.0.0: loopback", lan, "127.0.0.1:1313", ""},
		{"0.0.0.0: a LAN address is not trusted", lan, "192.0.2.7:1313", "(allow it with --allowedHosts 192.0.2.7)"},
		{"bound address", bound, "192.0.2.7:1313", ""},
		{"bound address, wrong port", bound, "192.0.2.7", "listens on port 1313, not 80"},
		{"bound name", boundName, "mybox.local:1313", ""},
		{"another address of a bound server", bound, "192.0.2.8:1313", "not this server's address"},

		{"all", anyHost, "evil.example:1313", ""},
		{"all, even junk", anyHost, "", ""},
	}
	for _, c := range cases {
		err := c.hosts.CheckHost(c.host, 1313)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: Host %q refused: %v", c.name, c.host, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: Host %q: got %v, want %q", c.name, c.host, err, c.want)
		case err != nil:
			var r *Refusal
			if !errors.As(err, &r) || strings.ContainsAny(err.Error(), "\r\n") {
				t.Errorf("%s: %q is not a one-line *Refusal", c.name, err)
			}
		}
	}
}

func TestCheckOrigin(t *testing.T) {
	h := hosts(t, "127.0.0.1", "preview.example")
	for _, c := range []struct{ origin, want string }{
		{"", ""}, // most requests carry none
		{"http://localhost:1313", ""},
		{"http://127.0.0.1:1313", ""},
		{"http://[::1]:1313", ""},
		{"HTTP://LOCALHOST:1313", ""},
		{"https://preview.example", ""},
		{"http://preview.example:8080", ""},
		{"http://evil.example", `sahifa serve: refusing Origin "http://evil.example": not this server's address (allow it with --allowedHosts evil.example)`},
		{"http://evil.example:1313", "not this server's address"},
		{"http://localhost", "listens on port 1313, not 80"},
		{"https://localhost", "listens on port 1313, not 443"},
		{"http://localhost:8080", "not 8080"},
		{"null", "not an http:// or https:// origin"},
		{"file://", "not an http:// or https:// origin"},
		{"ws://localhost:1313", "not an http:// or https:// origin"},
		{"http://", "no host name"},
		{"http://localhost:1313/page", "not a number"},
		{"http://user@localhost:1313", "not a host name"},
	} {
		err := h.CheckOrigin(c.origin, 1313)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("Origin %q: got %v, want %q", c.origin, err, c.want)
		}
	}
}

func TestNewHosts(t *testing.T) {
	for _, c := range []struct {
		bind    string
		allowed []string
		want    string
	}{
		{"127.0.0.1", nil, ""},
		{"::", nil, ""},
		{"[::1]", nil, ""},
		{"", nil, ""},
		{"127.0.0.1", []string{"a.example", ".b.example", " c.example ", "صحيفة.example", "::1", "[::1]", "TRUE"}, ""},
		{"127.0.0.1", []string{"a.example", ""}, "--allowedHosts: an empty name in the list"},
		{"127.0.0.1", []string{"."}, "an empty name"},
		{"127.0.0.1", []string{"a.example:8080"}, `--allowedHosts "a.example:8080": give the name without a port`},
		{"127.0.0.1", []string{"*.example"}, `--allowedHosts "*.example": not a host name; want a name such as preview.example, .example.com`},
		{"127.0.0.1", []string{"http://a.example"}, "not a host name"},
		{"127.0.0.1", []string{"..example"}, "not a host name"},
		{"my box", nil, `--bind "my box": not a host name`},
	} {
		_, err := NewHosts(c.bind, c.allowed)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("NewHosts(%q, %q): got %v, want %q", c.bind, c.allowed, err, c.want)
		}
	}
}

// TestServeRefusesOtherHosts: every answer of the server, not only pages,
// is refused to a Host or an Origin it does not answer.
func TestServeRefusesOtherHosts(t *testing.T) {
	before := New()
	s := New(WithHosts(hosts(t, "127.0.0.1", "preview.example")))
	s.Publish(testSite(t))
	for _, c := range []struct {
		s              *Server
		method, target string
	}{
		{s, "GET", "/"},
		{s, "GET", "/2021/02/24/%D8%AA%D9%88%D8%A7%D9%81%D9%82-%D8%A8%D9%8A%D9%86/"},
		{s, "GET", "/css/main.0123456789ab.css"},
		{s, "HEAD", "/robots.txt"},
		{s, "GET", ScriptPath},
		{s, "GET", EventsPath},
		{s, "GET", "/_sahifa/other"},
		{s, "GET", "/no/such/page/"},
		{s, "GET", "/2021"},
		{s, "GET", "/../etc/passwd"},
		{s, "POST", "/"},
		{before, "GET", "/"}, // the error overlay before a good build
	} {
		for _, r := range []struct{ host, origin, want string }{
			{"evil.example:1313", "", `sahifa serve: refusing Host "evil.example:1313": not this server's address (allow it with --allowedHosts evil.example)`},
			{"localhost:1313", "http://evil.example", `sahifa serve: refusing Origin "http://evil.example": not this server's address (allow it with --allowedHosts evil.example)`},
			{"localhost:1313", "null", `sahifa serve: refusing Origin "null": not an http:// or https:// origin of this server`},
		} {
			rec := getFrom(t, c.s, c.method, c.target, r.host, r.origin)
			body := rec.Body.String()
			if rec.Code != http.StatusForbidden || c.method == "GET" && body != r.want+"\n" {
				t.Errorf("%s %s with Host %q, Origin %q: %d %q, want 403 %q", c.method, c.target, r.host, r.origin, rec.Code, body, r.want)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("%s %s: a refusal typed %q", c.method, c.target, ct)
			}
		}
	}
	// What is answered: the loopback names and the allowed one, with or
	// without a same-origin Origin.
	for _, r := range []struct{ host, origin string }{
		{"127.0.0.1:1313", ""},
		{"localhost:1313", "http://localhost:1313"},
		{"preview.example", "https://preview.example"},
	} {
		if rec := getFrom(t, s, "GET", "/", r.host, r.origin); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "الرئيسية") {
			t.Errorf("Host %q, Origin %q: %d", r.host, r.origin, rec.Code)
		}
	}
}

// TestEventsHostAndOrigin: the live-reload stream connects as a page of the
// preview connects, and not from another origin.
func TestEventsHostAndOrigin(t *testing.T) {
	s := New(WithPing(time.Hour))
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.Publish(testSite(t))
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	page := "http://localhost:" + strconv.Itoa(port)
	for _, c := range []struct {
		host, origin string
		code         int
	}{
		{"", "", http.StatusOK},   // 127.0.0.1:port, as httptest's URL
		{"", page, http.StatusOK}, // a page of the preview at localhost
		{"localhost:" + strconv.Itoa(port), srv.URL, http.StatusOK},
		{"evil.example:" + strconv.Itoa(port), "", http.StatusForbidden},
		{"", "http://evil.example:" + strconv.Itoa(port), http.StatusForbidden},
		{"", "http://localhost:1", http.StatusForbidden},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+EventsPath, nil)
		if c.host != "" {
			req.Host = c.host
		}
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != c.code {
			t.Errorf("events with Host %q, Origin %q: %d, want %d", c.host, c.origin, resp.StatusCode, c.code)
		}
		cancel()
		resp.Body.Close()
	}
}
