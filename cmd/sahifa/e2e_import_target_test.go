package main

// End-to-end tests of where an import may write: only Markdown in
// content/ that the build reads, never over an article no import made.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// [import] dir may not lead out of content/: refused at config time, at
// the key, before any seed is read or anything written.
func TestE2EImportDirOutsideContent(t *testing.T) {
	elsewhere := filepath.ToSlash(t.TempDir())
	for _, dir := range []string{"../x", elsewhere, "public", "layouts", "seeds", "."} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			root := e2eImportSite(t, map[string]string{
				"sahifa.toml": e2eConfig + "\n[import]\ndir = \"" + dir + "\"\n",
				"seeds/x.txt": e2eOilSeed,
			})
			for _, cmd := range []string{"import", "build"} {
				r := e2eRun(t, root, nil, cmd)
				e2eWant(t, r, exitFail)
				if want := `sahifa.toml:6:7: import.dir: "` + dir + `"`; !strings.Contains(r.stderr, want) {
					t.Errorf("sahifa %s: stderr lacks %q: %s", cmd, want, r)
				}
			}
			for _, p := range []string{"../x/x.md", elsewhere + "/x.md", "public/x.md", "layouts/x.md", "seeds/x.md", "x.md"} {
				if !filepath.IsAbs(p) {
					p = filepath.Join(root, p)
				}
				if e2eExists(p) {
					t.Errorf("%s written", p)
				}
			}
		})
	}
}

// A seed whose Markdown name is taken by an article no import wrote: the
// message says so (not "edited by hand"), and the article stays as it is.
func TestE2EImportOverAnArticleNotImported(t *testing.T) {
	const own = "---\ntitle: مقال كتبه محرر\ndate: 2024-05-01\n---\n\nنص المحرر.\n"
	root := e2eImportSite(t, map[string]string{
		"seeds/x.txt":  e2eOilSeed,
		"content/x.md": own,
	})
	for _, cmd := range []string{"import", "build"} {
		r := e2eRun(t, root, nil, cmd)
		e2eWant(t, r, exitOK)
		want := "content/x.md exists and was not made by an import of seeds/x.txt; not overwriting it (use sahifa import --force, or rename one of them)"
		if !strings.Contains(r.stderr, want) {
			t.Errorf("sahifa %s: stderr lacks %q: %s", cmd, want, r)
		}
		if strings.Contains(r.stderr, "edited by hand") {
			t.Errorf("sahifa %s says an article never imported was edited since its import: %s", cmd, r)
		}
		if got := e2eRead(t, filepath.Join(root, "content", "x.md")); got != own {
			t.Errorf("sahifa %s changed the editor's article:\n%s", cmd, got)
		}
	}
	r := e2eRun(t, root, nil, "import", "--force")
	e2eWant(t, r, exitOK)
	if got, _ := os.ReadFile(filepath.Join(root, "content", "x.md")); !strings.Contains(string(got), "source: \"seeds/x.txt\"") {
		t.Errorf("import --force did not import over it:\n%s", got)
	}
}
