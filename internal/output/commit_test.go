package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// prepared returns a dest holding an earlier build plus a foreign file,
// every mtime (folders included) set to oldTime, and the manifest path.
func prepared(t *testing.T) (dest, manifest string) {
	t.Helper()
	dest = t.TempDir()
	manifest = filepath.Join(t.TempDir(), "cache", "manifest.json")
	mopt := WithManifest(manifest)
	build(t, dest, map[string]string{article: "قديم", other: "b", "stale/page.html": "s"}, mopt)
	put(t, dest, map[string]string{"CNAME": "example.com"})
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		return os.Chtimes(p, oldTime, oldTime)
	})
	// Rebuild once so the manifest records the old mtimes.
	build(t, dest, map[string]string{article: "قديم", other: "b", "stale/page.html": "s"}, mopt)
	return dest, manifest
}

func TestRollbackLeavesTreeIdentical(t *testing.T) {
	dest, manifest := prepared(t)
	mopt := WithManifest(manifest)
	before := snapshot(t, dest)
	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	for p, d := range map[string]string{article: "جديد", other: "b", "new/index.html": "n"} {
		if err := tx.Write(File{Path: p, Data: []byte(d)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	sameTree(t, before, snapshot(t, dest))
	if err := tx.Write(File{Path: "x"}); err == nil {
		t.Error("Write after Rollback succeeded")
	}
	if _, err := tx.Commit(); err == nil {
		t.Error("Commit after Rollback succeeded")
	}
	if err := tx.Rollback(); err != nil {
		t.Errorf("second Rollback = %v", err)
	}
}

func TestRollbackRemovesCreatedDest(t *testing.T) {
	base := t.TempDir()
	dest := filepath.Join(base, "out", "public")
	tx, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	tx.Write(File{Path: article, Data: []byte("a")})
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(base, "out")); !os.IsNotExist(err) {
		t.Errorf("created folders left behind: %v", err)
	}
}

func TestDuplicatePathAborts(t *testing.T) {
	dest, manifest := prepared(t)
	mopt := WithManifest(manifest)
	before := snapshot(t, dest)
	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.Write(File{Path: article, Data: []byte("one")}); err != nil {
		t.Fatal(err)
	}
	err = tx.Write(File{Path: article, Data: []byte("two")})
	var pe *PathError
	if !errors.Is(err, ErrDuplicatePath) || !errors.As(err, &pe) || pe.Path != article || !strings.Contains(err.Error(), article) {
		t.Fatalf("second Write = %v, want a duplicate error naming the path", err)
	}
	if _, err := tx.Commit(); !errors.Is(err, ErrDuplicatePath) {
		t.Errorf("Commit = %v, want the abort reason", err)
	}
	sameTree(t, before, snapshot(t, dest))
}

func TestBadPathAborts(t *testing.T) {
	dest, manifest := prepared(t)
	mopt := WithManifest(manifest)
	before := snapshot(t, dest)
	tx, _ := Begin(dest, mopt)
	tx.Write(File{Path: "ok.html", Data: []byte("ok")})
	if err := tx.Write(File{Path: "../escape.html"}); !errors.Is(err, ErrBadPath) {
		t.Fatalf("Write = %v", err)
	}
	if _, err := tx.Commit(); err == nil {
		t.Error("Commit succeeded")
	}
	sameTree(t, before, snapshot(t, dest))
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "escape.html")); err == nil {
		t.Error("wrote outside dest")
	}
}

func TestFailedCommitUndoes(t *testing.T) {
	dest, manifest := prepared(t)
	mopt := WithManifest(manifest)
	oldManifest, _ := os.ReadFile(manifest)
	before := snapshot(t, dest)

	tx, err := Begin(dest, mopt)
	if err != nil {
		t.Fatal(err)
	}
	// Sorted, CNAME/index.html comes after the replaced article and the
	// new folder; the foreign file CNAME is in its way, so Commit fails
	// after changing things it must undo. The stale file is already gone.
	for p, d := range map[string]string{article: "جديد", "2021/new/index.html": "n", "CNAME/index.html": "x", other: "b"} {
		if err := tx.Write(File{Path: p, Data: []byte(d)}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = tx.Commit()
	if err == nil || !strings.Contains(err.Error(), "CNAME") {
		t.Fatalf("Commit = %v, want an error about CNAME", err)
	}
	sameTree(t, before, snapshot(t, dest))
	if got, _ := os.ReadFile(manifest); string(got) != string(oldManifest) {
		t.Error("manifest not restored")
	}
	if err := tx.Rollback(); err != nil {
		t.Errorf("Rollback after failed Commit = %v", err)
	}
}

func TestProtectedDestRefused(t *testing.T) {
	site := t.TempDir()
	content := filepath.Join(site, "content")
	os.Mkdir(content, 0o755)
	home := t.TempDir()
	t.Setenv("HOME", home)
	link := filepath.Join(t.TempDir(), "link-to-site")
	os.Symlink(site, link)
	for _, dest := range []string{site, content, filepath.Dir(site), "/", home, filepath.Dir(home), link, site + "/./"} {
		if _, err := Begin(dest, WithProtected(site, content)); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("Begin(%q) = %v, want refusal", dest, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Fatal("precondition")
	}
	tx, err := Begin(filepath.Join(site, "public"), WithProtected(site, content))
	if err != nil {
		t.Fatalf("Begin(site/public) = %v", err)
	}
	tx.Rollback()
}

func TestManifestInsideDestRefused(t *testing.T) {
	dest := t.TempDir()
	if _, err := Begin(dest, WithManifest(filepath.Join(dest, ".sahifa-manifest.json"))); err == nil {
		t.Error("manifest inside dest accepted")
	}
}

func TestLeftoverStagingCleaned(t *testing.T) {
	dest := t.TempDir()
	put(t, dest, map[string]string{".sahifa-staging-deadbeef/new/1": "half a build", "keep.html": "k"})
	build(t, dest, map[string]string{"keep.html": "k"})
	entries, _ := os.ReadDir(dest)
	if len(entries) != 1 || entries[0].Name() != "keep.html" {
		t.Errorf("dest holds %v", entries)
	}
}

func TestHostileManifestIgnored(t *testing.T) {
	base := t.TempDir()
	dest := filepath.Join(base, "public")
	put(t, base, map[string]string{"secret.txt": "keep me", "public/CNAME": "c"})
	mpath := filepath.Join(base, "cache", "m.json")
	build(t, dest, map[string]string{"a.html": "a"}, WithManifest(mpath))

	raw, _ := os.ReadFile(mpath)
	m, ok := decodeManifest(raw)
	if !ok {
		t.Fatal("the manifest does not decode")
	}
	m.Files["../secret.txt"] = m.Files["a.html"]
	m.Files["CNAME"] = record{Size: 1, SHA256: strings.Repeat("0", 64)}
	raw, _ = encodeManifest(m.Dest, m.Files)
	os.WriteFile(mpath, raw, 0o644)

	st := build(t, dest, map[string]string{"a.html": "a"}, WithManifest(mpath))
	if st.Removed != 0 || readFile(t, base, "secret.txt") != "keep me" || readFile(t, dest, "CNAME") != "c" {
		t.Errorf("stats %+v; files outside or not ours were touched", st)
	}
}

func TestSymlinkOutOfDestRefused(t *testing.T) {
	dest := t.TempDir()
	outside := t.TempDir()
	os.Symlink(outside, filepath.Join(dest, "escape"))
	tx, _ := Begin(dest, manifestOpt(t))
	defer tx.Rollback()
	tx.Write(File{Path: "escape/x.html", Data: []byte("x")})
	if _, err := tx.Commit(); err == nil {
		t.Error("Commit wrote through a symlink leaving dest")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside dest: %v", entries)
	}
}

func TestFolderBecomesFile(t *testing.T) {
	dest := t.TempDir()
	manifest := filepath.Join(t.TempDir(), "m.json")
	mopt := WithManifest(manifest)
	build(t, dest, map[string]string{"x/old.html": "o", "keep.html": "k"}, mopt)
	put(t, dest, map[string]string{"y": "foreign"})
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		return os.Chtimes(p, oldTime, oldTime)
	})
	build(t, dest, map[string]string{"x/old.html": "o", "keep.html": "k"}, mopt)
	before := snapshot(t, dest)

	// "x" must turn from a folder into a file, then "y/z" fails on the
	// foreign file y: the removed folder and its file must come back.
	tx, _ := Begin(dest, mopt)
	tx.Write(File{Path: "x", Data: []byte("file now")})
	tx.Write(File{Path: "y/z", Data: []byte("z")})
	if _, err := tx.Commit(); err == nil {
		t.Fatal("Commit succeeded")
	}
	sameTree(t, before, snapshot(t, dest))

	st := build(t, dest, map[string]string{"x": "file now", "keep.html": "k"}, mopt)
	if st != (Stats{Written: 1, Unchanged: 1, Removed: 1, Foreign: 1}) {
		t.Errorf("stats = %+v", st)
	}
	if readFile(t, dest, "x") != "file now" {
		t.Error("x is not the new file")
	}
}

// TestInputDestRefused: a dest inside an input folder is refused, also
// when a symbolic link leads there and the dest does not exist yet.
func TestInputDestRefused(t *testing.T) {
	site := t.TempDir()
	static := filepath.Join(site, "static")
	os.Mkdir(static, 0o755)
	outside := t.TempDir()
	if err := os.Symlink(static, filepath.Join(site, "out")); err != nil {
		t.Skip(err)
	}
	os.Symlink(outside, filepath.Join(site, "away"))
	// A link to an input folder the site does not have (yet).
	os.Symlink("data", filepath.Join(site, "later"))
	rules := []Option{WithProtected(site), WithInputs(static, filepath.Join(site, "data"))}
	for _, dest := range []string{static, filepath.Join(static, "www"), filepath.Join(site, "out", "site"), filepath.Join(site, "out", "a", "b"), filepath.Join(site, "later", "x")} {
		if err := CheckDest(dest, rules...); err == nil || !strings.Contains(err.Error(), "refusing to build into") {
			t.Errorf("CheckDest(%q) = %v, want refusal", dest, err)
		}
	}
	for _, dest := range []string{filepath.Join(site, "public"), filepath.Join(site, "away", "www")} {
		if err := CheckDest(dest, rules...); err != nil {
			t.Errorf("CheckDest(%q) = %v", dest, err)
		}
	}
	if _, err := os.Stat(filepath.Join(static, "site")); err == nil {
		t.Error("CheckDest created a folder")
	}
}

// A commit records the paths it may leave in dest before its first rename
// only when the manifest on disk lacks one of them: an edit's paths are
// all named by the last build's manifest already.
func TestAddsPaths(t *testing.T) {
	base := t.TempDir()
	dest := filepath.Join(base, "public")
	mpath := filepath.Join(base, "cache", "m.bin")
	tx, err := Begin(dest, WithManifest(mpath))
	if err != nil {
		t.Fatal(err)
	}
	if !tx.addsPaths(map[string]record{"a.html": {}}) {
		t.Error("a first build adds no path")
	}
	tx.Rollback()
	build(t, dest, map[string]string{"a.html": "a", "خبر/index.html": "b"}, WithManifest(mpath))
	tx, err = Begin(dest, WithManifest(mpath))
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if tx.addsPaths(map[string]record{"a.html": {}, "خبر/index.html": {}}) {
		t.Error("an edit of known paths adds paths")
	}
	if !tx.addsPaths(map[string]record{"a.html": {}, "جديد/index.html": {}}) {
		t.Error("a new page adds no path")
	}
}
