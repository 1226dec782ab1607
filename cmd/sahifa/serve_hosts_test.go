package main

// Tests of the dev server's answer to DNS rebinding: a web page on another
// site that points its own name at 127.0.0.1 sends that name as the Host
// (and its origin as Origin); the preview, drafts included, must not
// answer it.

import (
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
)

const e2eDraftText = "نص المسودة"

func TestServeRefusesOtherHosts(t *testing.T) {
	root := e2ePublishingSite(t)
	d := startServe(t, root, func(o *serveOptions) { o.build.Drafts = true })
	draft := d.page(e2eDraftPage)
	port := mustPort(t, d.url)
	d.served(t, draft, 200, e2eDraftText)

	t.Run("the server's own names", func(t *testing.T) {
		for _, host := range []string{"localhost:" + port, "LOCALHOST.:" + port, "[::1]:" + port} {
			if r := fetchFrom(t, "GET", draft, host, ""); r.code != 200 || !strings.Contains(r.body, e2eDraftText) {
				t.Errorf("Host %s: %d", host, r.code)
			}
		}
	})
	t.Run("another name", func(t *testing.T) {
		for _, u := range []string{draft, d.url, d.url + "_sahifa/live.js", d.url + "no/such/page/"} {
			r := fetchFrom(t, "GET", u, "evil.example", "")
			want := `sahifa serve: refusing Host "evil.example": not this server's address (allow it with --allowedHosts evil.example)` + "\n"
			if r.code != 403 || r.body != want {
				t.Errorf("GET %s with Host evil.example: %d %q, want 403 %q", u, r.code, abbrev(r.body), want)
			}
		}
		if r := fetchFrom(t, "GET", draft, "evil.example:"+port, ""); r.code != 403 || strings.Contains(r.body, e2eDraftText) {
			t.Errorf("Host evil.example:%s: %d %s", port, r.code, abbrev(r.body))
		}
		if code := eventsStatus(t, d.url, "evil.example:"+port, ""); code != 403 {
			t.Errorf("events with Host evil.example:%s: %d", port, code)
		}
	})
	t.Run("another port", func(t *testing.T) {
		if r := fetchFrom(t, "GET", draft, "127.0.0.1:1", ""); r.code != 403 || !strings.Contains(r.body, "listens on port "+port+", not 1") {
			t.Errorf("Host 127.0.0.1:1: %d %s", r.code, abbrev(r.body))
		}
	})
	t.Run("event stream from another origin", func(t *testing.T) {
		if code := eventsStatus(t, d.url, "", "http://evil.example"); code != 403 {
			t.Errorf("events with Origin http://evil.example: %d", code)
		}
		// A page of the preview still gets its events.
		events := openEventsFrom(t, d.url, strings.TrimSuffix(d.url, "/"))
		if ev := nextEvent(t, events); ev.name != "hello" {
			t.Errorf("same-origin events: %+v", ev)
		}
	})
}

// TestE2EServeAllowedHosts runs the binary with --allowedHosts: the names
// listed are answered, on any port, others still refused.
func TestE2EServeAllowedHosts(t *testing.T) {
	root := e2ePublishingSite(t)
	cmd, site, stderr := startServeBin(t, root, "serve", "-p", "0", "-D", "--now", e2eNow, "--allowedHosts", "evil.example", "--allowedHosts", ".lan.example,صحيفة.example")
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	draft := strings.TrimSuffix(site, "/") + (&url.URL{Path: "/" + strings.TrimSuffix(e2eDraftPage, "index.html")}).EscapedPath()
	for _, c := range []struct {
		host string
		code int
	}{
		{"evil.example", 200},
		{"evil.example:8080", 200},
		{"lan.example", 200},
		{"box.lan.example", 200},
		{"xn--ogbhx3c3b.example", 200},
		{"other.example", 403},
	} {
		r := fetchFrom(t, "GET", draft, c.host, "")
		if r.code != c.code || (c.code == 200) != strings.Contains(r.body, e2eDraftText) {
			t.Errorf("Host %s: %d %s, want %d", c.host, r.code, abbrev(r.body), c.code)
		}
	}
	if code := eventsStatus(t, site, "", "http://evil.example"); code != 200 {
		t.Errorf("events from an allowed origin: %d", code)
	}
	if stderr.String() != "" {
		t.Errorf("stderr: %s", stderr)
	}
}

func TestE2EServeAllowedHostsRefused(t *testing.T) {
	root := e2eNewSite(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--allowedHosts", "evil.example:8080"}, `sahifa serve: --allowedHosts "evil.example:8080": give the name without a port`},
		{[]string{"--allowedHosts", "*.example"}, `sahifa serve: --allowedHosts "*.example": not a host name; want a name such as preview.example, .example.com for it and its subdomains`},
		{[]string{"--allowedHosts", "a.example,,b.example"}, "sahifa serve: --allowedHosts: an empty name in the list"},
	} {
		r := e2eRun(t, root, nil, append([]string{"serve", "-p", "0"}, c.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("serve %q: exit %d, stderr %q, want %d and %q", c.args, r.code, r.stderr, exitUsage, c.want)
		}
	}
}

// TestServeAllowedHostsAll: "all" answers any name, and says why that is
// unsafe.
func TestServeAllowedHostsAll(t *testing.T) {
	d := startServe(t, e2eNewSite(t), func(o *serveOptions) { o.allowedHosts = []string{"all"} })
	d.served(t, d.url, 200, "صحيفة الاختبار")
	if r := fetchFrom(t, "GET", d.url, "evil.example", "http://evil.example"); r.code != 200 {
		t.Errorf("--allowedHosts all: Host evil.example: %d", r.code)
	}
	if !strings.Contains(d.stderr.String(), "warning: --allowedHosts all: ") || !strings.Contains(d.stderr.String(), "DNS rebinding") {
		t.Errorf("no warning:\n%s", d.stderr)
	}
}

func TestLANHint(t *testing.T) {
	addrs := []net.Addr{
		&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.IPv4(192, 0, 2, 7), Mask: net.CIDRMask(24, 32)},
	}
	for _, c := range []struct {
		bind  string
		addrs []net.Addr
		want  string
	}{
		{"0.0.0.0", addrs, "--allowedHosts 192.0.2.7,mybox.local"},
		{"::", addrs, "--allowedHosts 192.0.2.7,mybox.local"},
		{"0.0.0.0", addrs[:2], "--allowedHosts 192.168.1.20,mybox.local"},
		{"192.0.2.7", addrs, "the address printed; to let them use a name for this machine, allow it: --allowedHosts mybox.local"},
	} {
		if got := lanHint(c.bind, c.addrs); !strings.Contains(got, c.want) {
			t.Errorf("lanHint(%q): %q, want %q in it", c.bind, got, c.want)
		}
	}
}

// eventsStatus is the status of a GET of the event stream, which does not
// wait for its events.
func eventsStatus(t *testing.T, base, host, origin string) int {
	t.Helper()
	resp, err := (&http.Client{Timeout: waitFor}).Do(requestFrom(t, "GET", base+"_sahifa/events", host, origin))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// mustPort is the port of a URL.
func mustPort(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || p.Port() == "" {
		t.Fatalf("no port in %q", u)
	}
	return p.Port()
}

func TestServeHelpAllowedHosts(t *testing.T) {
	var out, errb strings.Builder
	if code := run([]string{"help", "serve"}, &out, &errb); code != exitOK || !strings.Contains(out.String(), "--allowedHosts NAMES") || !strings.Contains(out.String(), "other names get 403") {
		t.Errorf("sahifa help serve: exit %d:\n%s", code, out.String())
	}
}
