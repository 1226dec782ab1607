package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// page is one page the browser tests open.
type page struct {
	name string // for screenshots and messages
	path string // site path, unescaped
}

var pages = []page{
	{"home", "/"},
	{"article", "/2024/04/25/قمة-المنصات/"},
	{"article-iphone", "/2024/01/15/مطورون-عرب-يطلقون-تطبيقات-تدعم-اللهجات-المحلية/"},
	{"tag", "/tags/العراق/"},
	{"tags", "/tags/"},
	{"archive", "/archive/"},
	{"period", "/2024/04/"},
	{"404", "/404.html"},
	// A bylined and corrected story (byline, correction note, share
	// links) and an author's page.
	{"article-corrected", "/2024/03/10/معرض-بغداد-للكتاب-2024/"},
	{"author", "/authors/زينب-حسن/"},
	{"section", "/economy/"},
}

var widths = []int64{375, 1280}

// axeSource reads axe.min.js: SAHIFA_AXE, else node_modules/axe-core in
// this folder or one above it (where `npm install axe-core` puts it).
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("SAHIFA_AXE")
	if path == "" {
		dir, _ := filepath.Abs(".")
		for {
			p := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
			if _, err := os.Stat(p); err == nil {
				path = p
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	if path == "" {
		Need(t, "axe-core not found (npm install axe-core, or set SAHIFA_AXE to axe.min.js)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		Need(t, "reading axe-core: %v", err)
	}
	return string(data)
}

// screenshotDir is where screenshots are kept: SAHIFA_SCREENSHOTS, else a
// temporary folder.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SAHIFA_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser is a headless Chromium with one tab, looking at the example site
// served from the test.
type browser struct {
	ctx    context.Context
	server *httptest.Server

	mu       sync.Mutex
	requests []string // every URL the page asked for
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	dir := site(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	ctx := Start(t, chromedp.Flag("hide-scrollbars", true))

	b := &browser{ctx: ctx, server: srv}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			b.mu.Lock()
			b.requests = append(b.requests, e.Request.URL)
			b.mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	return b
}

// url is the served address of a site path.
func (b *browser) url(p string) string {
	u := url.URL{Path: p}
	return b.server.URL + u.EscapedPath()
}

// open sets the viewport and colour scheme and loads the page.
func (b *browser) open(t *testing.T, p page, width int64, dark bool) {
	t.Helper()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	b.do(t, "open "+p.name,
		chromedp.EmulateViewport(width, 800),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
		chromedp.Navigate(b.url(p.path)),
		chromedp.WaitReady("body"),
	)
}

func (b *browser) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval runs a script in the page and decodes its JSON result into T.
func eval[T any](t *testing.T, b *browser, script string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, opts...))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", script, err)
	}
	return v
}

// TestBrowser opens the example site's pages in headless Chromium at a
// phone's and a desktop's width, light and dark.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	shots := screenshotDir(t)

	t.Run("layout", func(t *testing.T) {
		for _, p := range pages {
			for _, w := range widths {
				for _, dark := range []bool{false, true} {
					if dark && w != 375 && p.name != "home" && p.name != "article" {
						continue // dark at desktop width: two pages are enough to look at
					}
					b.open(t, p, w, dark)
					name := fmt.Sprintf("%s-%d", p.name, w)
					if dark {
						name += "-dark"
					}
					checkLayout(t, b, name, w)
					png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatalf("%s: screenshot: %v", name, err)
					}
					if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		t.Logf("screenshots in %s", shots)
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, u := range b.requests {
			if !strings.HasPrefix(u, b.server.URL+"/") && !strings.HasPrefix(u, "data:") {
				t.Errorf("the page asked another host for %s", u)
			}
		}
		if len(b.requests) == 0 {
			t.Error("no requests seen")
		}
	})

	t.Run("mixed titles keep their word order", func(t *testing.T) {
		for _, w := range widths {
			b.open(t, pages[0], w, false)
			checkWordOrder(t, b, `.story-card-title a[href*="%D9%82%D9%85%D8%A9"]`, mixedTitle)
			b.open(t, pages[2], w, false)
			checkWordOrder(t, b, "h1.story-title", "مطورون عرب يطلقون تطبيقات تدعم اللهجات المحلية على iPhone وأندرويد")
			b.open(t, pages[1], w, false)
			checkWordOrder(t, b, "h1.story-title", mixedTitle)
		}
		if title := eval[string](t, b, `document.title`); !strings.Contains(title, "\u2068G20\u2069") {
			t.Errorf("document.title %q does not isolate G20", title)
		}
		// The check is sharp enough to see the scramble that isolation
		// prevents: the same headline without <bdi> reads out of order.
		eval[chromedp.Void](t, b, `document.querySelector("main").insertAdjacentHTML("afterbegin",
			'<h2 id="raw" style="font-size:2rem">منصات Twitter، Facebook وTikTok</h2>')`)
		if words := wordBoxes(t, b, "#raw"); orderProblem(words) == "" {
			t.Errorf("the unisolated headline should read out of order: %+v", words)
		}
	})

	t.Run("axe", func(t *testing.T) {
		axe := axeSource(t)
		// The checks work here: they find what is planted. axe's
		// color-contrast rule takes joined Arabic letters for an icon
		// font's ligatures and passes over most Arabic text, so
		// checkContrast measures every text itself.
		b.open(t, pages[7], 375, false)
		eval[chromedp.Void](t, b, axe)
		eval[chromedp.Void](t, b, `document.querySelector("main").insertAdjacentHTML("beforeend",
			'<img src="data:,"><p id="pale" style="color:#e9e7e0">نص باهت لا يقرأ</p>')`)
		planted := eval[[]string](t, b, `axe.run(document).then(r => r.violations.map(v => v.id).sort())`, chromedp.EvalAwaitPromise)
		if !slices.Contains(planted, "image-alt") {
			t.Fatalf("axe found %q in a page with a planted image without alt", planted)
		}
		if bad := contrastProblems(t, b); len(bad) != 1 || !strings.Contains(bad[0], "#pale") {
			t.Fatalf("the contrast check found %q, want the planted #pale text only", bad)
		}
		axePages := []page{pages[0], pages[1], pages[3], pages[4], pages[5], pages[6], pages[7], pages[8], pages[9], pages[10]}
		for _, p := range axePages {
			for _, dark := range []bool{false, true} {
				for _, w := range widths {
					b.open(t, p, w, dark)
					what := fmt.Sprintf("%s at %dpx, dark=%v", p.name, w, dark)
					checkAxe(t, b, axe, what)
					for _, bad := range contrastProblems(t, b) {
						t.Errorf("contrast, %s: %s", what, bad)
					}
				}
			}
		}
	})

	t.Run("dark mode and print", func(t *testing.T) {
		b.open(t, pages[0], 375, false)
		light := eval[string](t, b, `getComputedStyle(document.body).backgroundColor`)
		b.open(t, pages[0], 375, true)
		dark := eval[string](t, b, `getComputedStyle(document.body).backgroundColor`)
		if light == dark || dark != "rgb(20, 19, 17)" {
			t.Errorf("body background light %s, dark %s", light, dark)
		}
		b.do(t, "print media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		if d := eval[string](t, b, `getComputedStyle(document.querySelector(".site-nav")).display`); d != "none" {
			t.Errorf("print: the site navigation shows (display %s)", d)
		}
		if c := eval[string](t, b, `getComputedStyle(document.body).color`); c != "rgb(0, 0, 0)" {
			t.Errorf("print: body text is %s, want black", c)
		}
	})

	t.Run("skip link and focus", func(t *testing.T) {
		b.open(t, pages[1], 375, false)
		b.do(t, "tab", chromedp.KeyEvent("\t"))
		// Wait out the skip link's slide-in (0.15s unless motion is reduced).
		got := eval[map[string]any](t, b, `new Promise(done => setTimeout(() => {
			const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
			done({cls: a.className, top: r.top, bottom: r.bottom, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)});
		}, 400))`, chromedp.EvalAwaitPromise)
		if got["cls"] != "skip-link" {
			t.Fatalf("first Tab focuses %v, want the skip link", got["cls"])
		}
		if top, _ := got["top"].(float64); top < 0 {
			t.Errorf("the focused skip link is off screen: %v", got)
		}
		if got["outline"] == "none" || got["width"].(float64) < 2 {
			t.Errorf("the focused skip link has no visible focus ring: %v", got)
		}
		b.do(t, "enter", chromedp.KeyEvent("\r"))
		if id := eval[string](t, b, `document.activeElement.id`); id != "main" {
			t.Errorf("following the skip link focuses #%s, want #main", id)
		}
	})
}

// checkLayout checks the page reads right to left, in Arabic, and does not
// scroll sideways on a phone.
func checkLayout(t *testing.T, b *browser, name string, width int64) {
	t.Helper()
	got := eval[map[string]any](t, b, `(() => {
		const dir = s => getComputedStyle(document.querySelector(s)).direction;
		return {
			html: dir("html"), body: dir("body"), main: dir("main"), h1: document.querySelector("h1") ? dir("h1") : "rtl",
			lang: document.documentElement.lang,
			scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
			fontSize: parseFloat(getComputedStyle(document.body).fontSize),
			lineHeight: parseFloat(getComputedStyle(document.body).lineHeight),
			h1s: document.querySelectorAll("h1").length,
			times: [...document.querySelectorAll("time")].filter(t => !/^\d{4}-\d\d-\d\dT/.test(t.dateTime)).length,
		};
	})()`)
	for _, k := range []string{"html", "body", "main", "h1"} {
		if got[k] != "rtl" {
			t.Errorf("%s: computed direction of %s is %v, want rtl", name, k, got[k])
		}
	}
	if got["lang"] != "ar" {
		t.Errorf("%s: lang %v", name, got["lang"])
	}
	if sw, iw := got["scrollWidth"].(float64), got["innerWidth"].(float64); sw > iw {
		t.Errorf("%s: the page scrolls sideways: scrollWidth %v > innerWidth %v", name, sw, iw)
	}
	if iw := got["innerWidth"].(float64); iw != float64(width) {
		t.Errorf("%s: innerWidth %v, want %d", name, iw, width)
	}
	if fs := got["fontSize"].(float64); fs < 18.4 || fs > 20 {
		t.Errorf("%s: body text %vpx, want 1.15–1.25rem", name, fs)
	}
	if lh := got["lineHeight"].(float64) / got["fontSize"].(float64); lh < 1.7 || lh > 1.9 {
		t.Errorf("%s: line height %.2f, want about 1.8", name, lh)
	}
	if n := got["h1s"].(float64); n != 1 {
		t.Errorf("%s: %v h1 headings, want 1", name, n)
	}
	if n := got["times"].(float64); n != 0 {
		t.Errorf("%s: %v <time> elements without a datetime", name, n)
	}
}

// wordBox is where one word of a heading was drawn.
type wordBox struct {
	Word                     string
	Left, Right, Top, Bottom float64
	// FirstLeft and LastLeft are the left edges of a Latin word's first
	// and last letters.
	FirstLeft, LastLeft float64
	Latin               bool
}

// wordBoxes measures every word of the element matched by sel, in the
// order of the text.
func wordBoxes(t *testing.T, b *browser, sel string) []wordBox {
	t.Helper()
	js := `(() => {
		const el = document.querySelector(` + jsString(sel) + `);
		if (!el) return null;
		// The text, across the element's text nodes (a word can span a
		// <bdi>: "وTikTok"), with where each character came from.
		const chars = [], walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n; (n = walker.nextNode());) for (let i = 0; i < n.data.length; i++) chars.push([n, i]);
		const text = chars.map(([n, i]) => n.data[i]).join("");
		const box = (a, z) => {
			const r = document.createRange();
			r.setStart(chars[a][0], chars[a][1]);
			r.setEnd(chars[z - 1][0], chars[z - 1][1] + 1);
			return r.getBoundingClientRect();
		};
		const out = [];
		for (const m of text.matchAll(/\S+/g)) {
			const a = m.index, z = m.index + m[0].length, b = box(a, z);
			const latin = /^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(m[0]);
			const w = {Word: m[0], Left: b.left, Right: b.right, Top: b.top, Bottom: b.bottom, Latin: latin};
			if (latin) {
				w.FirstLeft = box(a, a + 1).left;
				w.LastLeft = box(z - 1, z).left;
			}
			out.push(w);
		}
		return out;
	})()`
	words := eval[[]wordBox](t, b, js)
	if words == nil {
		t.Fatalf("no element %s", sel)
	}
	return words
}

// orderProblem says how words are drawn out of reading order for a
// right-to-left line ("" when they are in order): on one line each word
// lies to the left of the one before it, a new line starts lower, and a
// Latin word reads left to right inside.
func orderProblem(words []wordBox) string {
	for i, w := range words {
		if w.Latin && w.FirstLeft >= w.LastLeft {
			return fmt.Sprintf("%q is drawn right to left", w.Word)
		}
		if i == 0 {
			continue
		}
		prev := words[i-1]
		// Boxes of one line share their top; Naskh's tall boxes overlap
		// the next line's, so overlap alone would not tell lines apart.
		sameLine := math.Abs(w.Top-prev.Top) < 3
		switch {
		case sameLine && w.Right > prev.Left+1:
			return fmt.Sprintf("%q (left %.0f–%.0f) is not left of %q (%.0f–%.0f) on its line", w.Word, w.Left, w.Right, prev.Word, prev.Left, prev.Right)
		case !sameLine && w.Top < prev.Top:
			return fmt.Sprintf("%q is on a line above %q", w.Word, prev.Word)
		}
	}
	return ""
}

func checkWordOrder(t *testing.T, b *browser, sel, text string) {
	t.Helper()
	words := wordBoxes(t, b, sel)
	var got []string
	for _, w := range words {
		got = append(got, w.Word)
	}
	if strings.Join(got, " ") != text {
		t.Fatalf("%s reads %q, want %q", sel, strings.Join(got, " "), text)
	}
	if p := orderProblem(words); p != "" {
		t.Errorf("%s %q: %s", sel, text, p)
	}
}

// checkAxe injects axe-core and wants no violations.
func checkAxe(t *testing.T, b *browser, axe, what string) {
	t.Helper()
	if !eval[bool](t, b, `typeof window.axe === "object"`) {
		eval[chromedp.Void](t, b, axe)
	}
	type violation struct {
		ID, Impact, Help string
		Nodes            []string
	}
	vs := eval[[]violation](t, b, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		ID: v.id, Impact: v.impact || "", Help: v.help,
		Nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ")),
	})))`, chromedp.EvalAwaitPromise)
	for _, v := range vs {
		t.Errorf("axe, %s: %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// contrastProblems measures the contrast of every visible text against the
// background it is drawn on (WCAG 2 AA: 4.5:1, or 3:1 for large text) and
// describes each text below it.
func contrastProblems(t *testing.T, b *browser) []string {
	t.Helper()
	return eval[[]string](t, b, `(() => {
		const parse = c => {
			const m = /rgba?\(([^)]+)\)/.exec(c);
			if (!m) return null;
			const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
			return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
		};
		const lum = ({r, g, b}) => {
			const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
			return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
		};
		const background = el => {
			for (let e = el; e; e = e.parentElement) {
				const c = parse(getComputedStyle(e).backgroundColor);
				if (c && c.a > 0) return c;
			}
			return {r: 255, g: 255, b: 255, a: 1};
		};
		const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + String(el.className).split(" ").join(".") : "");
		const out = [], seen = new Set(), walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n; (n = walker.nextNode());) {
			const el = n.parentElement;
			if (!n.data.trim() || seen.has(el) || el.closest(".visually-hidden")) continue;
			seen.add(el);
			const s = getComputedStyle(el), box = el.getBoundingClientRect();
			if (s.visibility === "hidden" || s.display === "none" || box.width === 0 || box.height === 0) continue;
			const fg = parse(s.color), bg = background(el);
			const l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
			const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
			const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
			if (ratio < need) out.push(name(el) + " " + JSON.stringify(n.data.trim().slice(0, 30)) + ": " + ratio.toFixed(2) + ":1 (" + s.color + " on " + JSON.stringify(bg) + "), needs " + need + ":1");
		}
		return out;
	})()`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
