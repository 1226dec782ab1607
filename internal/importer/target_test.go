package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
)

// A folder in content/ that links outside the site must not carry an
// import out with it: the config checks [import] dir by name only.
func TestImportRefusesALinkOutOfContent(t *testing.T) {
	outside := t.TempDir()
	root := site(t, map[string]string{"seeds/x.txt": pictureSeed})
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "content", "sub")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	for _, dir := range []string{"content/sub", "content/sub/deeper"} {
		cfg := config.Default()
		cfg.Import.Dir = dir
		_, err := Run(Options{Root: root, Config: cfg})
		if err == nil || !strings.Contains(err.Error(), "seeds/x.txt: not importing to "+dir+"/x.md") {
			t.Errorf("dir %s: error %v, want one naming the seed and the refused target", dir, err)
		}
		entries, _ := os.ReadDir(outside)
		if len(entries) > 0 {
			t.Fatalf("dir %s: the import wrote outside the site: %v", dir, entries)
		}
	}
}

// A content/ that is itself a link (articles kept on another disk) is
// the site's own choice, and imports go through it.
func TestImportFollowsALinkedContentFolder(t *testing.T) {
	elsewhere := t.TempDir()
	root := site(t, map[string]string{"seeds/x.txt": pictureSeed})
	if err := os.Symlink(elsewhere, filepath.Join(root, "content")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	run(t, root, false)
	if _, err := os.Stat(filepath.Join(elsewhere, "x.md")); err != nil {
		t.Errorf("not imported through the linked content/: %v", err)
	}
}

// The importer writes only Markdown the build reads: a seed whose article
// the loader would skip is a warning, not a silent article that never
// shows, and editors' litter is no seed at all.
func TestSeedsTheBuildWouldSkip(t *testing.T) {
	root := site(t, map[string]string{
		"seeds/ok.txt":        pictureSeed,
		"seeds/_x.txt":        pictureSeed,
		"seeds/#x#.txt":       pictureSeed,
		"seeds/sub/_y.txt":    pictureSeed,
		"seeds/x.txt~":        pictureSeed,
		"seeds/x.txt.swp":     "\x00\x01 swap",
		"seeds/.x.txt":        pictureSeed,
		"seeds/.hidden/z.txt": pictureSeed,
	})
	// Emacs's lock file is a dangling link: reading it would fail.
	if err := os.Symlink("user@host.1234:1700000000", filepath.Join(root, "seeds", ".#ok.txt")); err != nil {
		t.Logf("no symbolic links here: %v", err)
	}
	res := run(t, root, false)
	var imported []string
	for _, d := range res.Done {
		imported = append(imported, d.Markdown)
		if !content.Reads(d.Markdown) {
			t.Errorf("%s imported to %s, which the build does not read", d.Seed, d.Markdown)
		}
	}
	if strings.Join(imported, " ") != "content/ok.md" {
		t.Errorf("imported %v, want only content/ok.md", imported)
	}
	var warned []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "not imported") {
			warned = append(warned, w.String())
		}
	}
	want := []string{
		`seeds/#x#.txt: warning: not imported: the build does not read content/#x#.md, so its article would never appear; rename the seed (not starting with "_" or "#")`,
		`seeds/_x.txt: warning: not imported: the build does not read content/_x.md, so its article would never appear; rename the seed (not starting with "_" or "#")`,
		`seeds/sub/_y.txt: warning: not imported: the build does not read content/sub/_y.md, so its article would never appear; rename the seed (not starting with "_" or "#")`,
	}
	if strings.Join(warned, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}
	for _, md := range []string{"content/_x.md", "content/#x#.md", "content/sub/_y.md"} {
		if _, err := os.Stat(filepath.Join(root, md)); err == nil {
			t.Errorf("%s written", md)
		}
	}
}
