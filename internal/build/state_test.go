package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/content"
)

func TestStableUntil(t *testing.T) {
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	for _, c := range []struct {
		name  string
		pages []content.Page
		want  time.Time
	}{
		{"old articles only", []content.Page{{Date: now.Add(-30 * day), PublishDate: now.Add(-30 * day)}}, time.Time{}},
		{"a future article", []content.Page{{Date: now.Add(3 * day), PublishDate: now.Add(3 * day)}}, now.Add(3 * day)},
		{"leaves the news sitemap", []content.Page{{Date: now.Add(-time.Hour), PublishDate: now.Add(-time.Hour)}}, now.Add(47 * time.Hour)},
		{"expires", []content.Page{{Date: now.Add(-30 * day), PublishDate: now.Add(-30 * day), ExpiryDate: now.Add(day)}}, now.Add(day)},
		{"the earliest wins", []content.Page{
			{Date: now.Add(5 * day), PublishDate: now.Add(5 * day)},
			{Date: now.Add(-30 * day), PublishDate: now.Add(-30 * day), ExpiryDate: now.Add(2 * day)},
		}, now.Add(2 * day)},
	} {
		if got := stableUntil(c.pages, now); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A build with nothing changed does nothing and reports the last build's
// figures; a changed input, a damaged output folder or a build time that
// publishes an article means a real build.
func TestNothingChangedBuild(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "content/a.md", []byte("---\ntitle: أ\ndate: 2021-02-24\n---\nنص.\n"))
	writeFile(t, root, "content/b.md", []byte("---\ntitle: ب\ndate: 2026-03-01\n---\nنص يُنشر لاحقا.\n"))
	// Inputs changed a moment ago never take the shortcut (a second change
	// could hide in the same clock tick): these were written an hour ago.
	age(t, root)
	dest, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	build := func(now time.Time) Result {
		t.Helper()
		res, err := Run(Options{Source: root, Destination: dest, Now: now, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(now)
	if first.Articles != 1 || first.Rendered == 0 {
		t.Fatalf("first build %+v", first)
	}
	same := build(now.Add(time.Hour))
	if same.Articles != 1 || same.Pages != first.Pages || same.Rendered != 0 || same.Memos.Bodies != nil || same.Files.Unchanged != first.Files.Written {
		t.Fatalf("nothing changed: %+v, want the first build's figures and no work", same)
	}

	// A file removed from the output is put back.
	os.Remove(filepath.Join(dest, "index.html"))
	if again := build(now.Add(time.Hour)); again.Files.Written != 1 || again.Memos.Bodies == nil {
		t.Fatalf("after deleting index.html: %+v", again.Files)
	}
	// A touched source is a real build, even if it changes no output.
	os.Chtimes(filepath.Join(root, "content", "a.md"), time.Time{}, time.Now().Add(time.Minute))
	if touched := build(now.Add(time.Hour)); touched.Memos.Bodies == nil || touched.Files.Written != 0 {
		t.Fatalf("after touching a.md: %+v", touched.Files)
	}
	// The build time reaches b's date: it is published.
	if later := build(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)); later.Articles != 2 {
		t.Fatalf("after b's date: %d articles, want 2", later.Articles)
	}
}

// age sets every file's modification time under root an hour back.
func age(t *testing.T, root string) {
	t.Helper()
	past := time.Now().Add(-time.Hour)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, past, past)
		}
		return err
	})
}

// An input just changed means a real build; a symlinked folder of inputs
// is seen through, as the build reads it: an edit behind the link is built.
func TestNothingChangedNeedsSettledInputs(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "articles")
	writeFile(t, real, "a.md", []byte("---\ntitle: أ\ndate: 2021-02-24\n---\nالنص الأول.\n"))
	if err := os.Symlink(real, filepath.Join(root, "content")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	age(t, real)
	dest, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	build := func() Result {
		t.Helper()
		res, err := Run(Options{Source: root, Destination: dest, Now: now, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	build()
	// The same size, an older time than the build: only the target's
	// stat, not the link's, shows the change.
	p := filepath.Join(real, "a.md")
	writeFile(t, real, "a.md", []byte("---\ntitle: أ\ndate: 2021-02-24\n---\nالنص الثاني.\n"))
	old := time.Now().Add(-30 * time.Minute) // not age's time
	os.Chtimes(p, old, old)
	build()
	data, err := os.ReadFile(filepath.Join(dest, "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "الثاني") {
		t.Error("an edit behind a symlinked content/ was skipped")
	}

	// A file written just now: a real build even with nothing else changed.
	plain := t.TempDir()
	writeFile(t, plain, "content/a.md", []byte("---\ntitle: أ\ndate: 2021-02-24\n---\nنص.\n"))
	Run(Options{Source: plain, Destination: filepath.Join(plain, "public"), Now: now, CacheDir: filepath.Join(plain, ".c")})
	res, err := Run(Options{Source: plain, Destination: filepath.Join(plain, "public"), Now: now, CacheDir: filepath.Join(plain, ".c")})
	if err != nil || res.Memos.Bodies == nil {
		t.Errorf("a build right after an edit took the shortcut: %+v, %v", res, err)
	}
}

// The program is told apart by the Go build ID of its executable where
// the executable has one (ELF, as the Go linker writes it), not by
// hashing the whole file.
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	id := goBuildID(exe)
	if runtime.GOOS == "linux" && id == nil {
		t.Fatal("no Go build ID in this test's ELF executable")
	}
	if goBuildID(filepath.Join(t.TempDir(), "missing")) != nil {
		t.Error("a build ID for a missing file")
	}
}
