package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCreateNewRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "content", "economy", "خبر-جديد.md")
	if err := CreateNew(p, []byte("---\ntitle: خبر جديد\n---\n")); err != nil {
		t.Fatal(err)
	}
	err := CreateNew(p, []byte("other"))
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second CreateNew: %v", err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "---\ntitle: خبر جديد\n---\n" {
		t.Errorf("file changed: %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestReplaceSwapsWholeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "content", "خبر.md")
	for _, body := range []string{"الأول", "الثاني"} {
		if err := Replace(p, []byte(body)); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if string(got) != body {
			t.Errorf("got %q, want %q", got, body)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestRemoveStaleTemps: the temporaries of a killed write go once they
// are a minute old; younger ones may be a write in flight, and other
// files stay.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string]string{".sahifa-new-111": "half", ".hidden": "mine", "a.md": "article"})
	if err := os.WriteFile(filepath.Join(dir, ".sahifa-new-222"), []byte("in flight"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := RemoveStaleTemps(dir); len(got) != 1 || got[0] != ".sahifa-new-111" {
		t.Errorf("removed %q", got)
	}
	for _, name := range []string{".sahifa-new-222", ".hidden", "a.md"} {
		if !exists(dir, name) {
			t.Errorf("%s removed", name)
		}
	}
	if exists(dir, ".sahifa-new-111") {
		t.Error("stale temporary kept")
	}
	if got := RemoveStaleTemps(filepath.Join(dir, "missing")); got != nil {
		t.Errorf("missing folder: %q", got)
	}
}
