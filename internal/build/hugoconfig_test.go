package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A Hugo site without sahifa.toml is built with its config.toml and
// config/_default/; an edit to either is built, not passed over as
// "nothing changed".
func TestHugoConfigFiles(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "config.toml", []byte("title = \"First Title\"\nlanguageCode = \"en\"\ntheme = \"ananke\"\n"))
	writeFile(t, root, "config/_default/params.toml", []byte("desk = \"Desk\"\n"))
	writeFile(t, root, "content/a.md", []byte("---\ntitle: A\ndate: 2021-02-24\n---\nText.\n"))
	age(t, root)
	dest, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache")
	build := func() (Result, string) {
		t.Helper()
		res, err := Run(Options{Source: root, Destination: dest, Now: buildNow, CacheDir: cache, NoImport: true})
		if err != nil {
			t.Fatal(err)
		}
		home, err := os.ReadFile(filepath.Join(dest, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return res, string(home)
	}
	res, home := build()
	if !strings.Contains(home, "First Title") || !strings.Contains(home, `lang="en"`) {
		t.Errorf("config.toml not read:\n%.600s", home)
	}
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].String(), `config.toml:3:1: warning: Hugo's "theme" is not read`) {
		t.Errorf("warnings %v, want one for theme", res.Warnings)
	}
	for _, edit := range []struct{ file, text, want string }{
		{"config.toml", "title = \"Second Title\"\n", "Second Title"},
		{"config/_default/hugo.toml", "copyright = \"Third Copyright\"\n", "Third Copyright"},
	} {
		writeFile(t, root, edit.file, []byte(edit.text))
		past := time.Now().Add(-time.Minute)
		os.Chtimes(filepath.Join(root, edit.file), past, past)
		if _, home := build(); !strings.Contains(home, edit.want) {
			t.Errorf("after editing %s, the home page lacks %q", edit.file, edit.want)
		}
	}
}
