package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	article = "2021/02/24/توافق-بين-بايدن/index.html"
	other   = "2021/03/01/قمة-الرياض/index.html"
)

var oldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// entryState is what a snapshot records about one path.
type entryState struct {
	Mode  fs.FileMode
	MTime time.Time
	Data  string // file contents or symlink target
}

// snapshot records every path under dir, dir itself included as ".".
func snapshot(t *testing.T, dir string) map[string]entryState {
	t.Helper()
	out := map[string]entryState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		s := entryState{Mode: fi.Mode(), MTime: fi.ModTime()}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			s.Data, err = os.Readlink(p)
		case fi.Mode().IsRegular():
			var b []byte
			b, err = os.ReadFile(p)
			s.Data = string(b)
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = s
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, before, after map[string]entryState) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(before)) {
		if a, ok := after[p]; !ok {
			t.Errorf("%s: gone", p)
		} else if a != before[p] {
			t.Errorf("%s: was %+v, now %+v", p, before[p], a)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s: appeared", p)
		}
	}
}

// put creates files (with parents) in dir with an old mtime.
func put(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(full, oldTime, oldTime); err != nil {
			t.Fatal(err)
		}
	}
}

// build runs one whole transaction writing files into dest.
func build(t *testing.T, dest string, files map[string]string, opts ...Option) Stats {
	t.Helper()
	tx, err := Begin(dest, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if err := tx.Write(File{Path: p, MediaType: "text/html", Data: []byte(files[p])}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := tx.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func readFile(t *testing.T, dest, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mtime(t *testing.T, dest, p string) time.Time {
	t.Helper()
	fi, err := os.Stat(filepath.Join(dest, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}

func exists(dest, p string) bool {
	_, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(p)))
	return err == nil
}

// manifestOpt returns a WithManifest option with the manifest outside dest.
func manifestOpt(t *testing.T) Option {
	return WithManifest(filepath.Join(t.TempDir(), ".sahifa-cache", "manifest-x.json"))
}

func TestFirstBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public") // Begin creates it
	mopt := manifestOpt(t)
	st := build(t, dest, map[string]string{article: "<h1>توافق</h1>", "index.html": "home", "empty.txt": ""}, mopt)
	if st != (Stats{Written: 3}) {
		t.Errorf("stats = %+v", st)
	}
	if got := readFile(t, dest, article); got != "<h1>توافق</h1>" {
		t.Errorf("article = %q", got)
	}
	snap := snapshot(t, dest)
	for p, s := range snap {
		want := fs.FileMode(0o644)
		if s.Mode.IsDir() {
			want = fs.ModeDir | 0o755
		}
		if s.Mode != want {
			t.Errorf("%s: mode %v, want %v", p, s.Mode, want)
		}
		if strings.Contains(p, stagingPrefix) {
			t.Errorf("staging left behind: %s", p)
		}
	}
	if len(snap) != 1+3+4 { // ".", 3 files, 2021/02/24/<slug>
		t.Errorf("tree = %v", slices.Sorted(maps.Keys(snap)))
	}
}

func TestUnchangedKeepsMTime(t *testing.T) {
	for _, withManifest := range []bool{true, false} {
		t.Run(fmt.Sprint("manifest=", withManifest), func(t *testing.T) {
			dest := t.TempDir()
			var opts []Option
			if withManifest {
				opts = append(opts, manifestOpt(t))
			}
			files := map[string]string{article: "نص المقال", other: "قديم"}
			build(t, dest, files, opts...)
			for _, p := range []string{article, other} {
				os.Chtimes(filepath.Join(dest, filepath.FromSlash(p)), oldTime, oldTime)
			}

			files[other] = "جديد" // same length in bytes, different content
			st := build(t, dest, files, opts...)
			if st != (Stats{Written: 1, Unchanged: 1}) {
				t.Errorf("stats = %+v", st)
			}
			if m := mtime(t, dest, article); !m.Equal(oldTime) {
				t.Errorf("unchanged file's mtime changed to %v", m)
			}
			if m := mtime(t, dest, other); m.Equal(oldTime) {
				t.Error("changed file's mtime did not change")
			}
			if got := readFile(t, dest, other); got != "جديد" {
				t.Errorf("changed file = %q", got)
			}
		})
	}
}

func TestManifestFastPath(t *testing.T) {
	dest := t.TempDir()
	mopt := manifestOpt(t)
	files := map[string]string{article: "a", other: "b"}
	build(t, dest, files, mopt)

	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for p, d := range files {
		if err := tx.Write(File{Path: p, Data: []byte(d)}); err != nil {
			t.Fatal(err)
		}
	}
	if n := tx.reads.Load(); n != 0 {
		t.Errorf("read %d old files; the manifest should have spared that", n)
	}
	if st, err := tx.Commit(); err != nil || st != (Stats{Unchanged: 2}) {
		t.Errorf("Commit = %+v, %v", st, err)
	}

	// A touched file no longer matches its record, so it is compared.
	os.Chtimes(filepath.Join(dest, filepath.FromSlash(article)), oldTime, oldTime)
	tx, _ = Begin(dest, mopt)
	defer tx.Rollback()
	tx.Write(File{Path: article, Data: []byte("a")})
	if n := tx.reads.Load(); n != 1 {
		t.Errorf("read %d old files, want 1", n)
	}
}

func TestNoChangeBuildTouchesNothing(t *testing.T) {
	dest := t.TempDir()
	mopt := manifestOpt(t)
	files := map[string]string{article: "a", "index.html": "b"}
	build(t, dest, files, mopt)
	os.Chtimes(dest, oldTime, oldTime)
	before := snapshot(t, dest)
	build(t, dest, files, mopt)
	sameTree(t, before, snapshot(t, dest))
}

func TestStaleRemoved(t *testing.T) {
	dest := t.TempDir()
	mopt := manifestOpt(t)
	build(t, dest, map[string]string{article: "a", other: "b", "2021/03/01/feed.xml": "c", "x": "old file"}, mopt)
	// "x" turns from a file into a folder, a common permalink change.
	st := build(t, dest, map[string]string{article: "a", "x/index.html": "new"}, mopt)
	if st != (Stats{Written: 1, Unchanged: 1, Removed: 3}) {
		t.Errorf("stats = %+v", st)
	}
	for _, p := range []string{other, "2021/03/01/قمة-الرياض", "2021/03/01", "2021/03"} {
		if exists(dest, p) {
			t.Errorf("%s still exists", p)
		}
	}
	if !exists(dest, article) || readFile(t, dest, "x/index.html") != "new" {
		t.Error("current files missing")
	}

	// A build with no output empties dest but keeps dest itself.
	st = build(t, dest, nil, mopt)
	if st.Removed != 2 {
		t.Errorf("stats = %+v", st)
	}
	if left := snapshot(t, dest); len(left) != 1 {
		t.Errorf("left behind: %v", slices.Sorted(maps.Keys(left)))
	}
}

func TestForeignFilesKept(t *testing.T) {
	dest := t.TempDir()
	mopt := manifestOpt(t)
	put(t, dest, map[string]string{"CNAME": "example.com", "2021/notes.txt": "mine", ".git/HEAD": "ref"})
	st := build(t, dest, map[string]string{article: "a", other: "b", "edited.html": "x"}, mopt)
	if st.Foreign != 2 {
		t.Errorf("first build stats = %+v, want 2 foreign", st)
	}
	// A generated file the user edited since is theirs now.
	os.WriteFile(filepath.Join(dest, "edited.html"), []byte("my edit"), 0o644)

	// Later builds count at the top and in folders that hold none of
	// sahifa's files (countForeign): edited.html and CNAME, and the
	// user's downloads/ folder added since; 2021/notes.txt is kept but,
	// in a folder of sahifa's, no longer walked into.
	put(t, dest, map[string]string{"downloads/a.pdf": "%PDF", "downloads/b/c.pdf": "%PDF"})
	st = build(t, dest, map[string]string{article: "a"}, mopt)
	if st != (Stats{Unchanged: 1, Removed: 1, Foreign: 4}) {
		t.Errorf("stats = %+v", st)
	}
	for p, want := range map[string]string{"CNAME": "example.com", "2021/notes.txt": "mine", ".git/HEAD": "ref", "edited.html": "my edit"} {
		if got := readFile(t, dest, p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
	if exists(dest, other) {
		t.Error("stale file kept")
	}
}

func TestNoManifestRemovesAllButGit(t *testing.T) {
	dest := t.TempDir()
	put(t, dest, map[string]string{"stray.html": "x", "old/deep/page.html": "y", ".git/HEAD": "ref", "sub/.git/x": "z"})
	os.Symlink("stray.html", filepath.Join(dest, "link"))
	st := build(t, dest, map[string]string{article: "a"})
	if st != (Stats{Written: 1, Removed: 4}) {
		t.Errorf("stats = %+v", st)
	}
	if got := slices.Sorted(maps.Keys(snapshot(t, dest))); !slices.Equal(got, []string{
		".", ".git", ".git/HEAD", "2021", "2021/02", "2021/02/24", "2021/02/24/توافق-بين-بايدن", article,
	}) {
		t.Errorf("tree = %q", got)
	}
}

func TestConcurrentWrites(t *testing.T) {
	dest := t.TempDir()
	mopt := manifestOpt(t)
	const n = 200
	page := func(i int) string { return fmt.Sprintf("%d/%02d/مقال-%d/index.html", 2000+i%5, i%12, i) }
	build(t, dest, map[string]string{page(0): "page 0", page(1): "page 1"}, mopt)

	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if err := tx.Write(File{Path: page(i), Data: []byte(fmt.Sprint("page ", i))}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	st, err := tx.Commit()
	if err != nil || st != (Stats{Written: n - 2, Unchanged: 2}) {
		t.Fatalf("Commit = %+v, %v", st, err)
	}
	for i := range n {
		if got := readFile(t, dest, page(i)); got != fmt.Sprint("page ", i) {
			t.Errorf("%s = %q", page(i), got)
		}
	}
	if err := tx.Write(File{Path: "late.html"}); err == nil {
		t.Error("Write after Commit succeeded")
	}
	if _, err := tx.Commit(); err == nil {
		t.Error("second Commit succeeded")
	}
}

func TestConcurrentWriteFailure(t *testing.T) {
	dest := t.TempDir()
	put(t, dest, map[string]string{"keep.html": "k"})
	os.Chtimes(dest, oldTime, oldTime)
	before := snapshot(t, dest)
	tx, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for i := range 100 {
		wg.Go(func() {
			p := fmt.Sprintf("p/%d.html", i%60) // 40 duplicates
			if err := tx.Write(File{Path: p, Data: []byte("x")}); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(errs) == 0 || !slices.ContainsFunc(errs, func(e error) bool { return errors.Is(e, ErrDuplicatePath) }) {
		t.Fatalf("errors = %v, want a duplicate", errs)
	}
	if _, err := tx.Commit(); err == nil {
		t.Error("Commit after failed Write succeeded")
	}
	if err := tx.Rollback(); err != nil {
		t.Error(err)
	}
	sameTree(t, before, snapshot(t, dest))
}

// TestReplacedForeignFilesNamed: a build that writes over a file it did
// not write before says so; over its own files, or with the same bytes,
// it does not.
func TestReplacedForeignFilesNamed(t *testing.T) {
	dest := t.TempDir()
	mopt := manifestOpt(t)
	put(t, dest, map[string]string{"index.html": "someone else's", "same.html": "s", "notes.txt": "n"})
	files := map[string]string{"index.html": "ours", "same.html": "s", "new.html": "n"}
	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if err := tx.Write(File{Path: p, Data: []byte(data)}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := tx.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := tx.Replaced(); st.Replaced != 1 || len(got) != 1 || got[0] != "index.html" {
		t.Errorf("first build: %+v, Replaced() = %q, want index.html", st, got)
	}
	files["index.html"] = "ours, changed"
	if st := build(t, dest, files, mopt); st.Replaced != 0 {
		t.Errorf("second build replaced its own file as foreign: %+v", st)
	}
}
