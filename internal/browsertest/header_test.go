package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// On a phone the masthead is one bar, so a story starts on the first
// screen, and its menu opens without JavaScript; on a desktop the
// navigation is always shown.
func TestMasthead(t *testing.T) {
	b := newBrowser(t)
	shots := screenshotDir(t)
	// No script of the page runs: the menu is HTML's own <details>.
	b.do(t, "disable scripts", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	navShown := `document.querySelector(".site-nav").checkVisibility()`
	for _, p := range []page{pages[1], pages[2], pages[8], pages[0]} {
		for _, dark := range []bool{false, true} {
			b.open(t, p, 375, dark)
			what := fmt.Sprintf("%s at 375px, dark=%v", p.name, dark)
			if h := eval[float64](t, b, `document.querySelector(".masthead").getBoundingClientRect().height`); h > 64 {
				t.Errorf("%s: the masthead is %.0fpx high, want at most 64", what, h)
			}
			if eval[bool](t, b, navShown) {
				t.Errorf("%s: the menu is open before it is asked for", what)
			}
			b.do(t, "open the menu", chromedp.Click(".site-menu-button"))
			if !eval[bool](t, b, navShown) {
				t.Fatalf("%s: the menu button does not open the menu", what)
			}
			// The open menu's links can be followed: none is covered.
			covered := eval[[]string](t, b, `[...document.querySelectorAll(".site-nav a")].filter(a => {
				const r = a.getBoundingClientRect();
				return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest("a") !== a;
			}).map(a => a.textContent)`)
			if len(covered) > 0 {
				t.Errorf("%s: open menu links covered: %q", what, covered)
			}
			if n := eval[int](t, b, `document.querySelectorAll(".site-nav a").length`); n < 3 {
				t.Errorf("%s: the menu has %d links, want الرئيسية and the sections", what, n)
			}
			png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("menu-%s-375-dark=%v.png", p.name, dark)
			if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	b.open(t, pages[1], 1280, false)
	if !eval[bool](t, b, navShown) || eval[bool](t, b, `document.querySelector(".site-menu-button").checkVisibility()`) {
		t.Error("at 1280px the navigation is not shown as a bar without the menu button")
	}
}

// A list's last card fills its row: a grid page of any length ends
// without an orphan card (paginate = 10 made three rows of three and one).
func TestGridRowsFull(t *testing.T) {
	b := newBrowser(t)
	for _, w := range []int64{700, 1280} {
		for n := 1; n <= 12; n++ {
			b.open(t, pages[0], w, false)
			// The home page's grid, grown or cut to n cards.
			gap := eval[float64](t, b, fmt.Sprintf(`(() => {
				const ul = document.querySelector(".story-list");
				const items = [...ul.children];
				while (ul.children.length < %[1]d) ul.append(items[ul.children.length %% items.length].cloneNode(true));
				while (ul.children.length > %[1]d) ul.lastElementChild.remove();
				const list = ul.getBoundingClientRect(), last = ul.lastElementChild.getBoundingClientRect();
				return last.left - list.left; // the row's end, right to left
			})()`, n))
			if gap > 1 {
				t.Errorf("%d cards at %dpx: the last row ends %.0fpx short of the grid's end", n, w, gap)
			}
		}
	}
}
