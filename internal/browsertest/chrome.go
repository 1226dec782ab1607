package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Need skips the calling test when a browser-test requirement is missing,
// or fails it when SAHIFA_BROWSER_TESTS=require (as .ci/run sets).
func Need(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("SAHIFA_BROWSER_TESTS") == "require" {
		t.Fatalf("%s (SAHIFA_BROWSER_TESTS=require)", msg)
	}
	t.Skipf("%s; skipping (set SAHIFA_BROWSER_TESTS=require to fail instead)", msg)
}

// Chromium finds the browser: SAHIFA_CHROMIUM, else a usual name on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if os.Getenv("SAHIFA_BROWSER_TESTS") == "off" {
		t.Skip("SAHIFA_BROWSER_TESTS=off")
	}
	if p := os.Getenv("SAHIFA_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			Need(t, "SAHIFA_CHROMIUM=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Need(t, "no Chromium found (apt-get install chromium, or set SAHIFA_CHROMIUM)")
	return ""
}

// Start launches headless Chromium for the test (with the flags it needs
// as root on a closed network, and a fresh profile), with any extra
// options, and returns a started browser context, closed at cleanup.
func Start(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	exe := Chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true), // as root, as on CI
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// The first action starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}
