package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestApplyGetEach(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "session.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !s.New() {
		t.Error("a store made by Open does not say it is new")
	}
	var c Changes
	c.Set("pages", "content/أ.md", []byte("١"))
	c.Set("pages", "content/b.md", []byte("2"))
	c.Set("memo", "k", []byte("v"))
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	if v, ok := s.Get("pages", "content/أ.md"); !ok || string(v) != "١" {
		t.Errorf("Get = %q, %v", v, ok)
	}
	if _, ok := s.Get("nothing", "k"); ok {
		t.Error("a missing bucket has records")
	}
	// Deleting, dropping by rule and clearing.
	c = Changes{Clear: []string{"memo"}, Drop: map[string]func([]byte) bool{"pages": func(k []byte) bool { return string(k) == "content/b.md" }}}
	c.Delete("pages", "content/أ.md")
	c.Set("pages", "content/c.md", []byte("3"))
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	var keys []string
	s.Each("pages", func(k, _ []byte) error { keys = append(keys, string(k)); return nil })
	if len(keys) != 1 || keys[0] != "content/c.md" || s.Len("memo") != 0 || s.Len("pages") != 1 {
		t.Errorf("after apply: pages %v, memo %d", keys, s.Len("memo"))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Records outlive the process.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.New() {
		t.Error("a store opened again says it is new")
	}
	defer s.Close()
	if v, ok := s.Get("pages", "content/c.md"); !ok || string(v) != "3" {
		t.Errorf("after reopening: %q, %v", v, ok)
	}
	// Counts follow puts of new keys only, deletions of present ones.
	c = Changes{}
	c.Set("pages", "content/c.md", []byte("3b")) // replaced, not added
	c.Set("pages", "content/d.md", []byte("4"))
	c.Delete("pages", "content/none.md")
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	if n := s.Len("pages"); n != 2 {
		t.Errorf("Len = %d, want 2", n)
	}
}

// A file that is not a store (damaged, or from elsewhere) is replaced by
// an empty store: it is only a cache.
func TestOpenReplacesDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session.db")
	if err := os.WriteFile(path, []byte("not a database, but bytes nonetheless"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Len("pages") != 0 {
		t.Error("records in a new store")
	}
}

// A second opener waits, then gives up with ErrBusy: the build goes on
// without its cache rather than waiting for another build to finish.
func TestOpenBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(path); err != ErrBusy {
		t.Errorf("second Open: %v, want ErrBusy", err)
	}
}

// A save larger than one transaction's batch is written whole, and
// counted right.
func TestApplyInBatches(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "session.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var c Changes
	value := make([]byte, 64<<10)
	n := 2*batchBytes/len(value) + 3
	for i := range n {
		c.Set("memo", fmt.Sprintf("k%05d", i), value)
	}
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	got := 0
	s.Each("memo", func(_, v []byte) error {
		if len(v) == len(value) {
			got++
		}
		return nil
	})
	if got != n || s.Len("memo") != n {
		t.Errorf("%d records read back, Len %d; want %d", got, s.Len("memo"), n)
	}
}

// BenchmarkOpen opens a store of 20,000 records of 2 KB, half of them
// written twice, as a cache is after some builds: Open must not read
// the records (nor walk the file for its free pages).
//
//	go test ./internal/store -run '^$' -bench Open
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "session.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	value := make([]byte, 2<<10)
	for round := range 2 {
		var c Changes
		for i := range 20_000 {
			if round == 0 || i%2 == 0 {
				c.Set("memo", fmt.Sprintf("k%06d", i), value)
			}
		}
		if err := s.Apply(c); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	b.ResetTimer()
	for range b.N {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// GetMany reads what Get reads, for keys in any order, nil for a key
// or a bucket without a record.
func TestGetMany(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "session.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var c Changes
	c.Set("memo", "ب", []byte("٢"))
	c.Set("memo", "a", []byte("1"))
	c.Set("memo", "empty", []byte{})
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	got := s.GetMany("memo", []string{"ب", "missing", "a", "empty", "a"})
	want := []string{"٢", "", "1", "", "1"}
	for i, v := range got {
		if string(v) != want[i] || (v == nil) != (i == 1) {
			t.Errorf("GetMany[%d] = %q (nil %v), want %q", i, v, v == nil, want[i])
		}
	}
	if got := s.GetMany("nothing", []string{"a"}); got[0] != nil {
		t.Errorf("a missing bucket gave %q", got[0])
	}
}
