package main

// Browser tests of live reload in real headless Chromium (Debian's
// chromium package) driven by chromedp: what a writer sees while editing.
// Without Chromium they skip with a message; SAHIFA_BROWSER_TESTS=require
// (set by .ci/run) turns the skip into a failure.

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sahifa/sahifa/internal/browsertest"
)

// tab is one headless Chromium tab.
type tab struct{ ctx context.Context }

func newTab(t *testing.T) *tab {
	t.Helper()
	ctx := browsertest.Start(t, chromedp.WindowSize(1000, 700))
	return &tab{ctx: ctx}
}

func (b *tab) open(t *testing.T, u string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitFor)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
}

// eval runs a script in the page; errors fail the test.
func eval[T any](t *testing.T, b *tab, script string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitFor)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating %.100q: %v", script, err)
	}
	return v
}

// until evaluates a boolean script until it is true, across reloads (an
// evaluation during one fails and is tried again), failing at the
// deadline with what the page shows.
func (b *tab) until(t *testing.T, what, script string) {
	t.Helper()
	end := time.Now().Add(waitFor)
	var last error
	for time.Now().Before(end) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	body, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 300) : ""`))
	t.Fatalf("%s: not within %v (last error %v); the page shows:\n%s", what, waitFor, last, body)
}

func (b *tab) screenshot(t *testing.T, name string) {
	dir := os.Getenv("SAHIFA_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
}

const connected = `!!(window.__sahifaLive && window.__sahifaLive.connected)`

// TestBrowserLiveReload: a writer has the article open; saving its
// Markdown shows the new text at the same scroll position, saving the CSS
// restyles the page without reloading it, and a broken file shows an
// overlay that the fix removes.
func TestBrowserLiveReload(t *testing.T) {
	b := newTab(t)
	root := e2eNewSite(t)
	// Long enough to scroll.
	long := e2eSite()["content/g20.md"] + strings.Repeat("\nفقرة تملأ الصفحة لتتيح التمرير إلى الأسفل قليلاً.\n", 60)
	e2eWrite(t, root, map[string]string{"content/g20.md": long})
	d := startServe(t, root)
	b.open(t, d.page(e2eG20Page))
	b.until(t, "the page connected to the dev server", connected)

	t.Run("edit the Markdown", func(t *testing.T) {
		eval[any](t, b, `window.__marker = 1; window.scrollTo(0, 400); null`)
		if y := eval[float64](t, b, `window.scrollY`); y < 399 {
			t.Fatalf("cannot scroll the article: scrollY %v", y)
		}
		e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(long, "بمشاركة قادة", "بحضور زعماء", 1)})
		b.until(t, "the new text", `document.body.innerText.includes("بحضور زعماء")`)
		if eval[bool](t, b, `window.__marker === 1`) {
			t.Error("the page shows the new text without having reloaded?")
		}
		b.until(t, "the scroll position kept", `Math.abs(window.scrollY - 400) < 2`)
		b.until(t, "reconnected after the reload", connected)
	})

	t.Run("edit the CSS", func(t *testing.T) {
		eval[any](t, b, `window.__marker = 42; null`)
		theme, err := os.ReadFile(filepath.Join("..", "..", "assets", "css", "main.css"))
		if err != nil {
			t.Fatal(err)
		}
		e2eWrite(t, root, map[string]string{"assets/css/main.css": string(theme) + "\nh1{color:rgb(1, 2, 3)}\n"})
		b.until(t, "the new style", `getComputedStyle(document.querySelector("h1")).color === "rgb(1, 2, 3)"`)
		if !eval[bool](t, b, `window.__marker === 42`) {
			t.Error("the page reloaded for a CSS change: its JavaScript state is gone")
		}
		if n := eval[int](t, b, `document.querySelectorAll('link[rel~="stylesheet"]').length`); n != 1 {
			t.Errorf("%d stylesheets linked after the swap, want 1", n)
		}
	})

	overlay := `(() => { const o = document.getElementById("sahifa-error-overlay"); return o ? o.shadowRoot.textContent : ""; })()`
	t.Run("break the front matter", func(t *testing.T) {
		broken := strings.Replace(long, "date: 2024-05-20T10:00:00+03:00", "date: 2024-05-40", 1)
		e2eWrite(t, root, map[string]string{"content/g20.md": broken})
		b.until(t, "the overlay", overlay+`.includes("content/g20.md:3:7: date: \"2024-05-40\" is not a day of the calendar (day out of range); check the month and the day")`)
		b.screenshot(t, "serve-error-overlay")
		if !eval[bool](t, b, `window.__marker === 42 && document.body.innerText.includes("بحضور زعماء")`) {
			t.Error("a failed build changed the page: want the last good build, not reloaded")
		}
	})

	t.Run("fix it", func(t *testing.T) {
		e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(long, "بمشاركة قادة", "بعد الإصلاح", 1)})
		b.until(t, "the fixed text and no overlay", `document.body.innerText.includes("بعد الإصلاح") && !document.getElementById("sahifa-error-overlay")`)
		b.screenshot(t, "serve-fixed")
	})

	t.Run("overlay on a page opened while broken", func(t *testing.T) {
		e2eWrite(t, root, map[string]string{"content/old.md": "---\ntitle: x\ndate: nope\n---\n"})
		b.until(t, "the overlay", overlay+`.includes("content/old.md:3")`)
		b.open(t, d.url)
		b.until(t, "the overlay on the newly opened page", overlay+`.includes("content/old.md:3")`)
		e2eWrite(t, root, map[string]string{"content/old.md": e2eSite()["content/old.md"]})
		b.until(t, "no overlay", `!document.getElementById("sahifa-error-overlay") && `+connected)
	})

	t.Run("server restart", func(t *testing.T) {
		// The server stops; the file changes meanwhile; a new server on
		// the same port: the page reconnects and shows the change.
		port := d.url[strings.LastIndex(d.url[:len(d.url)-1], ":")+1 : len(d.url)-1]
		eval[any](t, b, `window.__marker = 7; null`)
		d.stop()
		b.until(t, "the page noticed", `!window.__sahifaLive.connected`)
		e2eWrite(t, root, map[string]string{"content/old.md": strings.Replace(e2eSite()["content/old.md"], "غياب طويل", "بعد إعادة التشغيل", 1)})
		startServe(t, root, func(o *serveOptions) { o.port, _ = strconv.Atoi(port) })
		b.until(t, "the page reloaded from the new server", `document.body.innerText.includes("بعد إعادة التشغيل") && window.__marker === undefined && `+connected)
	})
}
