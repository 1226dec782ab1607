package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EHostileMarkdown: an article nested deeper than goldmark can
// parse in linear time fails the build at once, naming the file and the
// line, and the published site is left as it was.
func TestE2EHostileMarkdown(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	before := e2eSnapshot(t, pub)

	// 1 MB: a quarter of a million nested list items on line 7.
	e2eWrite(t, root, map[string]string{"content/deep.md": "---\ntitle: \"قائمة عميقة\"\ndate: 2024-05-22\n---\nمقدمة.\n\n" +
		strings.Repeat("- ", 500_000) + "نص\n"})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitFail)
	if want := "content/deep.md:7: lists, block quotes and footnotes nested more than 100 deep"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%.2000s", want, r.stderr)
	}
	e2eSame(t, "public/ after a refused article", before, e2eSnapshot(t, pub))
}
