package importer

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/config"
)

// stateSite is a site with seeds of every kind the state must replay: a
// picture, no date line (its warning quotes the file's time), parse
// warnings, a seed in a sub-folder and a bad seed.
func stateSite(t *testing.T) string {
	t.Helper()
	files := map[string]string{
		"seeds/pic.txt":     pictureSeed,
		"seeds/pic.jpg":     photoA,
		"seeds/sub/two.txt": strings.Replace(pictureSeed, "واشنطن", "بغداد", 1),
		"seeds/bad.txt":     "\n\n",
	}
	for _, name := range []string{"no_date", "date_feb30", "weekday_wrong", "cp1256"} {
		data, err := os.ReadFile(filepath.Join(seedCorpus, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		files["seeds/"+name+".txt"] = string(data)
	}
	return site(t, files)
}

// age sets back the time of every file under root by an hour, as if it
// had been written long before: the state then trusts stats alone.
func age(t testing.TB, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		old := fi.ModTime().Add(-time.Hour)
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// copySite copies the site at root, times and all, leaving out the cache.
func copySite(t *testing.T, root string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() && d.Name() == ".sahifa-cache" {
			return fs.SkipDir
		}
		if d.IsDir() || rel == "." {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, rel), data, 0o644); err != nil {
			return err
		}
		return os.Chtimes(filepath.Join(dst, rel), fi.ModTime(), fi.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// tree maps every file under root but the cache to its bytes.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() && d.Name() == ".sahifa-cache" {
				return fs.SkipDir
			}
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type imported struct {
	res Result
	err string
}

func importWith(root, cacheDir string, force bool) imported {
	cfg := config.Default()
	cfg.Location = baghdad
	res, err := Run(Options{Root: root, Config: cfg, DefaultTags: sahifa.DefaultTags, CacheDir: cacheDir, Force: force})
	got := imported{res: res}
	if err != nil {
		got.err = err.Error()
	}
	return got
}

// importBoth imports the site at root with its state, and a copy of it
// with none (every seed read), and fails unless both say and write the
// same. It returns what the import with the state did.
func importBoth(t *testing.T, root string) Result {
	t.Helper()
	full := copySite(t, root)
	want := importWith(full, "", false)
	got := importWith(root, filepath.Join(root, ".sahifa-cache"), false)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with the state:\n%+v\nreading every seed:\n%+v", got, want)
	}
	if a, b := tree(t, root), tree(t, full); !reflect.DeepEqual(a, b) {
		for name := range a {
			if a[name] != b[name] {
				t.Errorf("%s differs from a full import:\n%s\n---\n%s", name, a[name], b[name])
			}
		}
		for name := range b {
			if _, ok := a[name]; !ok {
				t.Errorf("%s: missing", name)
			}
		}
	}
	return got.res
}

func actions(res Result) map[string]Action {
	m := map[string]Action{}
	for _, d := range res.Done {
		m[d.Seed] = d.Action
	}
	return m
}

// TestStateGivesAFullImport: whatever changed between imports, an import
// that replays its state says and writes what one that reads every seed
// does, settled files (known by their stats) and racy ones (just written,
// checked by content) alike.
func TestStateGivesAFullImport(t *testing.T) {
	root := stateSite(t)
	importBoth(t, root) // all new; the state is written
	importBoth(t, root) // nothing changed; every Markdown racy
	age(t, root)
	res := importBoth(t, root) // nothing changed; all settled
	if n := res.Count(Unchanged); n != 6 {
		t.Errorf("%d unchanged, want 6: %+v", n, res.Done)
	}

	// An edited seed, an edited Markdown, a new picture, a new seed, a
	// removed seed and a Markdown written over by hand.
	write(t, root, "seeds/sub/two.txt", pictureSeed+"\nفقرة جديدة.\n")
	write(t, root, "content/pic.md", read(t, root, "content/pic.md")+"\nأضافها المحرر.\n")
	write(t, root, "seeds/no_date.jpg", photoB)
	write(t, root, "seeds/new.txt", pictureSeed)
	if err := os.Remove(filepath.Join(root, "seeds", "cp1256.txt")); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/weekday_wrong.md", "---\ntitle: كتبه محرر\n---\nنص.\n")
	res = importBoth(t, root)
	want := map[string]Action{
		"seeds/sub/two.txt": Update, "seeds/pic.txt": Unchanged, "seeds/no_date.txt": Update,
		"seeds/new.txt": Create, "seeds/weekday_wrong.txt": Foreign, "seeds/date_feb30.txt": Unchanged,
	}
	if got := actions(res); !reflect.DeepEqual(got, want) {
		t.Errorf("after the edits: %v, want %v", got, want)
	}
	age(t, root)
	importBoth(t, root)

	// The seed changes under an edited Markdown: left alone, every time.
	write(t, root, "seeds/pic.txt", pictureSeed+"\nتحديث.\n")
	for range 2 {
		if got := actions(importBoth(t, root))["seeds/pic.txt"]; got != Edited {
			t.Errorf("seed changed under an edited article: %v, want edited", got)
		}
		age(t, root)
	}
}

// TestStateTrustsSettledStats: a seed whose size and time are as the
// state recorded, long after they were, is not read again (the point of
// the state), while one changed within the racy window is, though its
// size and time match.
func TestStateTrustsSettledStats(t *testing.T) {
	for _, racy := range []bool{false, true} {
		root := site(t, map[string]string{"seeds/x.txt": pictureSeed})
		cache := filepath.Join(root, ".sahifa-cache")
		if !racy {
			age(t, root)
		}
		importWith(root, cache, false)
		if !racy {
			age(t, root)
			importWith(root, cache, false) // checked now, by content: settled from here on
		}
		// Same size, same time, other words.
		p := filepath.Join(root, "seeds", "x.txt")
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		write(t, root, "seeds/x.txt", strings.Replace(pictureSeed, "واشنطن", "بيروتا", 1))
		if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
		want := Unchanged
		if racy {
			want = Update
		}
		got := importWith(root, cache, false)
		if len(got.res.Done) != 1 || got.res.Done[0].Action != want {
			t.Errorf("racy %v: %+v %s, want %v", racy, got.res.Done, got.err, want)
		}
		// --force reads every seed.
		if got := importWith(root, cache, true); !racy && got.res.Done[0].Action != Update {
			t.Errorf("forced: %+v", got.res.Done)
		}
	}
}
