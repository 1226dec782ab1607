package main

import (
	"strings"
	"testing"
)

// TestServeSaysWhatItLeavesOut: a draft saved while serving without -D is
// not on the site, and serve says why, once: not again on every rebuild.
func TestServeSaysWhatItLeavesOut(t *testing.T) {
	root := e2eNewSite(t)
	d := startServe(t, root)
	const held = "1 draft not built (use -D to include it)\n"
	e2eWrite(t, root, map[string]string{"content/draft.md": "---\ntitle: \"مسودة\"\ndate: 2024-05-22\ndraft: true\n---\nنص.\n"})
	eventually(t, "the draft reported", func() (bool, string) {
		return strings.Contains(d.stdout.String(), held), d.stdout.String()
	})
	e2eWrite(t, root, map[string]string{"content/more.md": "---\ntitle: \"خبر آخر\"\ndate: 2024-05-23\n---\nنص آخر.\n"})
	d.served(t, d.url, 200, "خبر آخر")
	// Rebuilds run one after another: once a third save is served, the
	// second save's rebuild has said all it will.
	e2eWrite(t, root, map[string]string{"content/third.md": "---\ntitle: \"خبر ثالث\"\ndate: 2024-05-24\n---\nنص ثالث.\n"})
	d.served(t, d.url, 200, "خبر ثالث")
	if n := strings.Count(d.stdout.String(), held); n != 1 {
		t.Errorf("the draft reported %d times:\n%s", n, d.stdout.String())
	}
}
