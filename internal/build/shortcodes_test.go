package build

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A page's shortcodes make it depend on more than its own file: on the
// site's shortcode templates and on the addresses of the pages it refs.
// An incremental build must see a change to either, as a clean one does.
func TestIncrementalShortcodes(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS("testdata/hugo-site")); err != nil {
		t.Fatal(err)
	}
	edits := 0
	// Each write is dated in the past, apart from the others, so the
	// next build may take what it did not change from the last one.
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		edits++
		at := time.Now().Add(-time.Hour).Add(time.Duration(edits) * time.Second)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	write("content/posts/shortcodes.md", "---\ntitle: Refs\ndate: 2024-02-09T08:00:00Z\n---\n[first]({{< relref \"posts/my-first-post\" >}}) {{< note >}}x{{< /note >}}\n")
	work := t.TempDir()
	dest, cache := filepath.Join(work, "public"), filepath.Join(work, "cache")
	for i, change := range []struct {
		what string
		do   func()
	}{
		{"first build", func() {}},
		{"the page it refs moves", func() {
			write("content/posts/my-first-post/index.md", "---\ntitle: \"My First Post\"\ndate: 2024-01-15T10:00:00Z\nslug: moved\n---\nA bundle's page.\n")
		}},
		{"its shortcode's template changes", func() {
			write("layouts/shortcodes/note.html", "<aside class=\"changed\">{{ .Inner }}</aside>\n")
		}},
	} {
		change.do()
		inc, err := Run(Options{Source: root, Destination: dest, CacheDir: cache, Now: buildNow, NoImport: true})
		if err != nil {
			t.Fatalf("step %d (%s): %v", i, change.what, err)
		}
		clean := filepath.Join(t.TempDir(), "public")
		if _, err := Run(Options{Source: root, Destination: clean, CacheDir: t.TempDir(), Now: buildNow, NoImport: true}); err != nil {
			t.Fatal(err)
		}
		if diff := diffTrees(t, os.DirFS(dest), os.DirFS(clean)); diff != "" {
			t.Errorf("step %d (%s): incremental build differs from a clean one:\n%s", i, change.what, diff)
		}
		if i == 1 && inc.Rendered == inc.Pages {
			t.Errorf("step %d: every page rendered again; the test would pass without incremental builds", i)
		}
	}
}
