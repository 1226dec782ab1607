package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests change real files and read what the watcher makes of them.
// They never sleep to wait for something: they read batches until what
// they expect arrives, or fail at a deadline.

const deadline = 10 * time.Second

func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, data := range files {
		write(t, root, p, data)
	}
	return root
}

func write(t *testing.T, root, p, data string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(root, filepath.FromSlash(from)), filepath.Join(root, filepath.FromSlash(to))); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, root, p string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(root, filepath.FromSlash(p))); err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, root string, opts Options) *Watcher {
	t.Helper()
	opts.OnError = func(err error) { t.Errorf("watch error: %v", err) }
	w, err := New(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// collect reads batches until every path in want was seen with its
// Removed state as wanted (the latest change of a path counts), and
// returns the batches read. A batch holding a path in never fails the test.
func collect(t *testing.T, w *Watcher, want map[string]bool, never ...string) []Batch {
	t.Helper()
	seen := map[string]Change{}
	var batches []Batch
	timeout := time.After(deadline)
	for {
		done := true
		for p, removed := range want {
			if c, ok := seen[p]; !ok || c.Removed != removed {
				done = false
			}
		}
		if done {
			return batches
		}
		select {
		case b, ok := <-w.Batches():
			if !ok {
				t.Fatal("Batches closed")
			}
			batches = append(batches, b)
			for _, c := range b.Changes {
				seen[c.Path] = c
				for _, n := range never {
					if c.Path == n || strings.HasPrefix(c.Path, n+"/") {
						t.Errorf("batch holds %s: %+v", n, b)
					}
				}
				if c.Kind == Ignore {
					t.Errorf("batch holds an ignored path: %+v", c)
				}
			}
		case <-timeout:
			t.Fatalf("after %v, want %v, seen %+v", deadline, want, seen)
		}
	}
}

func TestWatchFiles(t *testing.T) {
	root := newSite(t, map[string]string{
		"sahifa.toml":  "title = \"أ\"\n",
		"content/a.md": "---\ntitle: أ\n---\n",
		"static/x.txt": "x",
	})
	w := start(t, root, Options{Quiet: 20 * time.Millisecond})

	t.Run("create", func(t *testing.T) {
		write(t, root, "content/b.md", "ب")
		b := collect(t, w, map[string]bool{"content/b.md": false})
		if b[len(b)-1].Changes[0].Kind != Content {
			t.Errorf("kind: %+v", b)
		}
	})
	t.Run("edit", func(t *testing.T) {
		write(t, root, "content/a.md", "---\ntitle: ألف\n---\n")
		collect(t, w, map[string]bool{"content/a.md": false})
	})
	t.Run("write temp then rename", func(t *testing.T) {
		write(t, root, "content/a.md.tmp", "new")
		rename(t, root, "content/a.md.tmp", "content/a.md")
		collect(t, w, map[string]bool{"content/a.md": false}, "content/a.md.tmp")
	})
	t.Run("vim save", func(t *testing.T) {
		write(t, root, "content/4913", "")
		remove(t, root, "content/4913")
		rename(t, root, "content/a.md", "content/a.md~")
		write(t, root, "content/.a.md.swp", "swap")
		write(t, root, "content/a.md", "vim")
		remove(t, root, "content/a.md~")
		remove(t, root, "content/.a.md.swp")
		collect(t, w, map[string]bool{"content/a.md": false}, "content/4913", "content/a.md~", "content/.a.md.swp")
	})
	t.Run("delete", func(t *testing.T) {
		remove(t, root, "content/b.md")
		collect(t, w, map[string]bool{"content/b.md": true})
	})
	t.Run("rename", func(t *testing.T) {
		rename(t, root, "content/a.md", "content/c.md")
		collect(t, w, map[string]bool{"content/a.md": true, "content/c.md": false})
	})
	t.Run("config replaced", func(t *testing.T) {
		write(t, root, "sahifa.toml.tmp", "title = \"ب\"\n")
		rename(t, root, "sahifa.toml.tmp", "sahifa.toml")
		b := collect(t, w, map[string]bool{"sahifa.toml": false}, "sahifa.toml.tmp")
		if !b[len(b)-1].Has(Config) {
			t.Errorf("no Config change: %+v", b)
		}
	})
	t.Run("hugo settings", func(t *testing.T) {
		// A Hugo site's settings, config/_default/ made after the watch
		// began (the folder is followed as it appears).
		write(t, root, "config.toml", "title = \"ج\"\n")
		collect(t, w, map[string]bool{"config.toml": false})
		write(t, root, "config/_default/params.toml", "x = 1\n")
		b := collect(t, w, map[string]bool{"config/_default/params.toml": false})
		if !b[len(b)-1].Has(Config) {
			t.Errorf("no Config change: %+v", b)
		}
	})
	t.Run("ignored", func(t *testing.T) {
		// Ignored paths make no batch: the first batch after them holds
		// only the file written last.
		write(t, root, "public/index.html", "x")
		write(t, root, ".sahifa-cache/m.json", "x")
		write(t, root, ".git/index", "x")
		write(t, root, "notes.txt", "x")
		write(t, root, "content/.hidden.md", "x")
		write(t, root, "static/x.txt", "y")
		b := collect(t, w, map[string]bool{"static/x.txt": false}, "public", ".sahifa-cache", ".git", "notes.txt", "content/.hidden.md")
		for _, batch := range b {
			for _, c := range batch.Changes {
				if c.Path != "static/x.txt" {
					t.Errorf("want batches of static/x.txt only, got %+v", b)
				}
			}
		}
	})
}

func TestWatchFolders(t *testing.T) {
	root := newSite(t, map[string]string{"content/a.md": "أ"})
	w := start(t, root, Options{Quiet: 20 * time.Millisecond})

	t.Run("new nested folder", func(t *testing.T) {
		// The file is written before the watcher can watch its folder.
		write(t, root, "content/2024/05/x.md", "x")
		collect(t, w, map[string]bool{"content/2024/05/x.md": false})
		write(t, root, "content/2024/05/y.md", "y")
		collect(t, w, map[string]bool{"content/2024/05/y.md": false})
	})
	t.Run("input folder created later", func(t *testing.T) {
		write(t, root, "layouts/partials/head.html", "<title>")
		collect(t, w, map[string]bool{"layouts/partials/head.html": false})
		write(t, root, "layouts/partials/head.html", "<title>x")
		collect(t, w, map[string]bool{"layouts/partials/head.html": false})
	})
	t.Run("folder renamed", func(t *testing.T) {
		rename(t, root, "content/2024", "content/2025")
		collect(t, w, map[string]bool{"content/2024": true, "content/2025": false})
		// The sub-folder is watched under its new name.
		write(t, root, "content/2025/05/z.md", "z")
		collect(t, w, map[string]bool{"content/2025/05/z.md": false}, "content/2024")
	})
	t.Run("folder deleted", func(t *testing.T) {
		remove(t, root, "content/2025")
		collect(t, w, map[string]bool{"content/2025": true})
		write(t, root, "content/2025/05/z.md", "again")
		collect(t, w, map[string]bool{"content/2025/05/z.md": false})
	})
	t.Run("folder moved in", func(t *testing.T) {
		outside := t.TempDir()
		write(t, outside, "in/deep/q.md", "q")
		if err := os.Rename(filepath.Join(outside, "in"), filepath.Join(root, "content", "in")); err != nil {
			t.Skipf("cannot move across folders here: %v", err)
		}
		collect(t, w, map[string]bool{"content/in/deep/q.md": false})
	})
}

// TestWatchBurst: 500 files written at once (a checkout) are one batch.
func TestWatchBurst(t *testing.T) {
	root := newSite(t, map[string]string{"content/a.md": "أ"})
	// A long window: the test is about joining, not about speed, and a
	// busy machine may pause between two writes.
	w := start(t, root, Options{Quiet: 300 * time.Millisecond})
	want := map[string]bool{}
	for i := range 500 {
		p := fmt.Sprintf("content/%d/article-%d.md", i%10, i)
		write(t, root, p, "x")
		want[p] = false
	}
	if b := collect(t, w, want); len(b) != 1 {
		t.Errorf("500 files made %d batches, want 1", len(b))
	}
}

func TestWatchClose(t *testing.T) {
	w := start(t, t.TempDir(), Options{})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-w.Batches(); ok {
		t.Error("Batches still open after Close")
	}
	w.Close() // twice is fine
}

func TestNewMissingRoot(t *testing.T) {
	if _, err := New(filepath.Join(t.TempDir(), "nope"), Options{}); err == nil {
		t.Error("watching a missing folder did not fail")
	}
}
