package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Hugo site's content builds as it is (issue 19), saying once what it
// read its own way; the second build, from the records the first kept,
// says the same.
func TestE2EHugoSite(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS("../../internal/build/testdata/hugo-site")); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/archives.md:2: warning: no title: the page is called "archives", after its file name`,
		`content/posts/raw.md:7: warning: raw HTML (<div class="embed">video</div>) is shown to readers as text`,
		`content/posts/string-draft.md:4:8: warning: draft: "true" is text, read as true as Hugo reads it`,
		`content/: warning: translations not built: 1, in ja`,
		`content/: warning: pages without a date: 3 (content/about.md, content/archives.md, content/posts/guide.md)`,
		"1 draft not built (use -D to include it)",
		// Hugo's config.toml is the site's config (there is no sahifa.toml).
		`config.toml:6:1: warning: Hugo's "theme" is not read: sahifa has no such setting`,
	}
	for _, build := range []string{"first", "second"} {
		r := e2eRun(t, root, nil, "build", "--now", e2eNow)
		e2eWant(t, r, 0)
		for _, w := range want {
			if !strings.Contains(r.stderr+r.stdout, w) {
				t.Errorf("%s build: no %q in\n%s", build, w, r)
			}
		}
		// JSON front matter is read as is, without a word.
		if strings.Contains(r.stderr, "json-post.md") {
			t.Errorf("%s build: a warning about JSON front matter:\n%s", build, r.stderr)
		}
		if strings.Count(r.stderr, "pages without a date") != 1 || strings.Count(r.stderr, "raw HTML") != 1 {
			t.Errorf("%s build: a warning said more than once:\n%s", build, r.stderr)
		}
	}
	for _, p := range []string{"about/index.html", "archives/index.html", "posts/migrate-from-jekyl/index.html", "articles/index.html"} {
		if !e2eExists(filepath.Join(root, "public", filepath.FromSlash(p))) {
			t.Errorf("%s not written", p)
		}
	}
}
