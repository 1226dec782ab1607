package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// buildNow fixes the build time so future/expired decisions never depend
// on the day the tests run.
var buildNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func buildSite(t *testing.T, src string, minify bool) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	// NoImport: a test must not write into the site's content/ (the
	// example site at the repository root has seeds).
	_, err := Run(Options{Source: src, Destination: dest, Minify: &minify, Now: buildNow, CacheDir: t.TempDir(), NoImport: true})
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return dest
}

// tree reads every file under dir into a map of slash path → bytes.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// hashBinaries replaces each image, and each fingerprinted stylesheet and
// script (copies of assets/ that their own tests cover), by a
// "NAME.sha256" text file holding its hash: golden files stay small and
// reviewable, and a changed file still shows.
func hashBinaries(files map[string][]byte) map[string][]byte {
	out := make(map[string][]byte, len(files))
	for p, data := range files {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jpg", ".jpeg", ".png", ".webp", ".gif", ".ico", ".css", ".js":
			sum := sha256.Sum256(data)
			out[p+".sha256"] = []byte(hex.EncodeToString(sum[:]) + "\n")
		default:
			out[p] = data
		}
	}
	return out
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestGoldenSite builds testdata/site unminified (so the golden files are
// readable in review) and compares the whole output tree with
// testdata/golden. Run with -update to rewrite it, then read the diff.
func TestGoldenSite(t *testing.T) { checkGolden(t, "testdata/site", "golden") }

// TestGoldenExampleSite does the same for the example site at the
// repository root (the one the README's build command builds), so a change
// to the default theme shows in review as a change of real pages.
func TestGoldenExampleSite(t *testing.T) { checkGolden(t, "../..", "golden-example") }

func checkGolden(t *testing.T, site, golden string) {
	got := hashBinaries(tree(t, buildSite(t, site, false)))
	goldenDir := filepath.Join("testdata", golden)
	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		for p, data := range got {
			dst := filepath.Join(goldenDir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := tree(t, goldenDir)
	if g, w := keys(got), keys(want); !equalStrings(g, w) {
		t.Fatalf("output files differ from %s:\n got  %q\n want %q", goldenDir, g, w)
	}
	for p, w := range want {
		if !bytes.Equal(got[p], w) {
			t.Errorf("%s differs from %s (run go test ./internal/build -update and review the diff):\n--- got\n%s", p, goldenDir, got[p])
		}
	}
}

// TestMinifiedMatchesGolden checks the minified build has the same files
// as the golden (unminified) one, each no larger.
func TestMinifiedMatchesGolden(t *testing.T) {
	got := tree(t, buildSite(t, "testdata/site", true))
	plain := tree(t, buildSite(t, "testdata/site", false))
	if g, w := keys(got), keys(plain); len(g) != len(w) {
		t.Fatalf("minified build has %d files, unminified %d", len(g), len(w))
	}
	var shrank bool
	for p, data := range got {
		if ext := filepath.Ext(p); ext == ".css" || ext == ".js" {
			continue // its fingerprint differs; checked by name count above
		}
		w, ok := plain[p]
		if !ok {
			t.Errorf("%s only in the minified build", p)
			continue
		}
		if len(data) > len(w) {
			t.Errorf("%s grew when minified: %d > %d bytes", p, len(data), len(w))
		}
		shrank = shrank || len(data) < len(w)
	}
	if !shrank {
		t.Error("minifying shrank nothing")
	}
}

// TestReproducible builds twice and wants byte-identical trees.
func TestReproducible(t *testing.T) {
	a := tree(t, buildSite(t, "testdata/site", true))
	b := tree(t, buildSite(t, "testdata/site", true))
	if !equalStrings(keys(a), keys(b)) {
		t.Fatal("file lists differ between two builds")
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
