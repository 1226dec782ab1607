package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// keyedBuild writes files with their keys, first keeping those Keep
// allows, and reports which paths were kept.
func keyedBuild(t *testing.T, dest string, mopt Option, files map[string]string, keys map[string]string) (kept []string, st Stats) {
	t.Helper()
	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for p, data := range files {
		if tx.Keep(p, keys[p]) {
			kept = append(kept, p)
			continue
		}
		if err := tx.Write(File{Path: p, Data: []byte(data), Key: keys[p]}); err != nil {
			t.Fatal(err)
		}
	}
	if st, err = tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return kept, st
}

// A file made from the same key as last time is kept without being made
// again; a changed key, a changed file on disk or a missing manifest
// entry means it is made and written.
func TestTxKeep(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mopt := manifestOpt(t)
	files := map[string]string{article: "<p>مقال</p>", other: "<p>قمة</p>"}
	keys := map[string]string{article: "k1", other: "k2"}
	if kept, _ := keyedBuild(t, dest, mopt, files, keys); len(kept) != 0 {
		t.Fatalf("first build kept %v", kept)
	}
	kept, st := keyedBuild(t, dest, mopt, files, keys)
	if len(kept) != 2 || st.Unchanged != 2 || st.Written != 0 || st.Removed != 0 {
		t.Fatalf("same keys: kept %v, stats %+v", kept, st)
	}

	// A new key: made again (same bytes, so still unchanged on disk).
	keys[other] = "k2b"
	kept, st = keyedBuild(t, dest, mopt, files, keys)
	if len(kept) != 1 || kept[0] != article || st.Unchanged != 2 {
		t.Fatalf("changed key: kept %v, stats %+v", kept, st)
	}

	// Someone edits a built file: it is not kept but made again.
	p := filepath.Join(dest, filepath.FromSlash(article))
	if err := os.WriteFile(p, []byte("<p>عبث</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p, time.Time{}, oldTime)
	kept, st = keyedBuild(t, dest, mopt, files, keys)
	if len(kept) != 1 || kept[0] != other || st.Written != 1 || readFile(t, dest, article) != files[article] {
		t.Fatalf("edited file: kept %v, stats %+v, content %q", kept, st, readFile(t, dest, article))
	}

	// A deleted file is made again.
	os.Remove(filepath.Join(dest, filepath.FromSlash(other)))
	kept, st = keyedBuild(t, dest, mopt, files, keys)
	if len(kept) != 1 || kept[0] != article || st.Written != 1 || !exists(dest, other) {
		t.Fatalf("deleted file: kept %v, stats %+v", kept, st)
	}

	// An empty key is never kept, and a kept file is not stale.
	kept, _ = keyedBuild(t, dest, mopt, files, map[string]string{})
	if len(kept) != 0 {
		t.Fatalf("empty keys kept %v", kept)
	}
}

func TestTxKeepAll(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mopt := manifestOpt(t)
	index := map[string]string{"search/data/meta.json": "{}", "search/data/t/0.json": "[]", "index.html": "<p>"}
	build := func(key string) (bool, Stats) {
		tx, err := Begin(dest, mopt)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		kept := tx.KeepAll("search/data/", key)
		for p, d := range index {
			if kept && p != "index.html" {
				continue
			}
			if err := tx.Write(File{Path: p, Data: []byte(d), Key: key}); err != nil {
				t.Fatal(err)
			}
		}
		st, err := tx.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return kept, st
	}
	if kept, _ := build("a"); kept {
		t.Fatal("first build kept the index")
	}
	if kept, st := build("a"); !kept || st.Unchanged != 3 || st.Removed != 0 {
		t.Fatalf("same key: kept %v, %+v", kept, st)
	}
	// One file changed under the folder: none is kept.
	os.Remove(filepath.Join(dest, "search", "data", "t", "0.json"))
	if kept, st := build("a"); kept || st.Written != 1 {
		t.Fatalf("missing shard: kept %v, %+v", kept, st)
	}
	if kept, _ := build("b"); kept {
		t.Fatal("new key kept the index")
	}
}

func TestMemoryKeep(t *testing.T) {
	prev := NewMemory()
	prev.Write(File{Path: article, Data: []byte("a"), Key: "k"})
	prev.Write(File{Path: "search/data/meta.json", Data: []byte("{}"), Key: "s"})
	m := NewMemoryAfter(prev)
	if m.Keep(other, "k") || m.Keep(article, "other key") || m.Keep(article, "") {
		t.Fatal("kept a file that was not there with that key")
	}
	if !m.Keep(article, "k") || !m.KeepAll("search/data/", "s") {
		t.Fatal("did not keep unchanged files")
	}
	if f, ok := m.Get(article); !ok || string(f.Data) != "a" {
		t.Fatalf("kept file %+v", f)
	}
	if m.Keep(article, "k") || m.Write(File{Path: article, Data: []byte("b")}) == nil {
		t.Fatal("a kept path was claimed twice")
	}
	if NewMemory().Keep(article, "k") {
		t.Fatal("a memory without a previous build kept a file")
	}
}

// A finished build lets the one before go: a dev server building for
// hours must not hold every build, each through the next.
func TestMemoryFinishLetsThePreviousGo(t *testing.T) {
	first := NewMemory()
	first.Write(File{Path: article, Data: []byte("a"), Key: "k"})
	second := NewMemoryAfter(first)
	if !second.Keep(article, "k") {
		t.Fatal("did not keep an unchanged file")
	}
	second.Finish()
	if second.previous() != nil {
		t.Fatal("a finished build still holds the build before")
	}
	if f, ok := second.Get(article); !ok || string(f.Data) != "a" {
		t.Fatalf("the kept file went with the build before: %+v", f)
	}
	if second.Keep(other, "k") || second.KeepAll("search/", "s") {
		t.Fatal("a finished build kept a file")
	}
}
