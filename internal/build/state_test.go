package build

import (
	"os"
	"path/filepath"
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
