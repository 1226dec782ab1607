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
