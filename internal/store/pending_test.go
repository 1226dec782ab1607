package store

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// Records a build holds while it runs are read back as held, written by
// Apply with the records made as they are written and those put, and
// leave no file in the cache folder.
func TestPendingApply(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "session.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Old enough that a change would show on any file system clock.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(dir, old, old); err != nil {
		t.Fatal(err)
	}
	p, err := s.Pending()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if fi, err := os.Stat(dir); runtime.GOOS != "windows" && (err != nil || !fi.ModTime().Equal(old)) {
		t.Errorf("the cache folder's time moved: %v", err)
	}
	big := bytes.Repeat([]byte("ك"), 200<<10) // past the write buffer
	p.Put("memo", "a", []byte("١"))
	p.Put("memo", "big", big)
	p.Put("memo", "a", []byte("٢")) // the last one counts
	p.Put("other", "a", []byte("x"))
	if v, ok := p.Get("memo", "a"); !ok || string(v) != "٢" {
		t.Errorf("Get = %q, %v", v, ok)
	}
	if v, ok := p.Get("memo", "big"); !ok || !bytes.Equal(v, big) {
		t.Errorf("Get of a record past the buffer: %d bytes, %v", len(v), ok)
	}
	if _, ok := p.Get("memo", "none"); ok || p.Len("memo") != 2 {
		t.Errorf("Len = %d, or a record never held is", p.Len("memo"))
	}
	if runtime.GOOS != "windows" {
		if names := files(t, dir); len(names) != 1 {
			t.Errorf("files beside the store while holding: %v", names)
		}
	}
	c := Changes{Pending: p, Made: map[string]Made{"pages": {Keys: []string{"p1", "p2"}, Value: func(k string) []byte {
		if k == "p2" {
			return nil
		}
		return []byte("made " + k)
	}}}}
	c.Set("memo", "c", []byte("put"))
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct{ bucket, key, want string }{
		{"memo", "a", "٢"}, {"memo", "big", string(big)}, {"memo", "c", "put"}, {"other", "a", "x"}, {"pages", "p1", "made p1"},
	} {
		if v, ok := s.Get(r.bucket, r.key); !ok || string(v) != r.want {
			t.Errorf("%s/%s = %.20q, %v; want %.20q", r.bucket, r.key, v, ok, r.want)
		}
	}
	if _, ok := s.Get("pages", "p2"); ok || s.Len("memo") != 3 || s.Len("pages") != 1 {
		t.Errorf("counts memo %d, pages %d, or a nil made value was put", s.Len("memo"), s.Len("pages"))
	}
}

// A file of Pending that a killed build could not unlink is removed by
// the next Open, which holds the store: nobody else uses it.
func TestOpenRemovesStalePending(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "session.db")
	stale := path + ".pending-123"
	if err := os.WriteFile(stale, []byte("held"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if names := files(t, dir); len(names) != 1 || names[0] != "session.db" {
		t.Errorf("files after Open: %v", names)
	}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range list {
		names = append(names, d.Name())
	}
	return names
}
