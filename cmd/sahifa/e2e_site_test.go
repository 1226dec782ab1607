package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EOutsideASite: every command that reads or writes a site refuses
// a folder that is not one (neither sahifa.toml nor content/) with exit
// 2 and one line saying how to start a site, and writes nothing: a typo
// in -s must not become a green build of an empty site.
func TestE2EOutsideASite(t *testing.T) {
	dir := t.TempDir()
	e2eWrite(t, dir, map[string]string{"notes.txt": "not a site"})
	before := e2eSnapshot(t, dir)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "is not a site folder"},
		{[]string{"build"}, "is not a site folder"},
		{[]string{"-D"}, "is not a site folder"},
		{[]string{"build", "--watch"}, "is not a site folder"},
		{[]string{"build", "-s", "typo-folder"}, "typo-folder does not exist"},
		{[]string{"build", "-s", "notes.txt"}, "notes.txt is not a site folder"},
		{[]string{"import"}, "is not a site folder"},
		{[]string{"serve", "--port", "0"}, "is not a site folder"},
		{[]string{"new", "عنوان"}, "is not a site folder"},
	} {
		r := e2eRun(t, dir, nil, c.args...)
		if r.code != exitUsage {
			t.Errorf("want exit 2, got %s", r)
			continue
		}
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if len(lines) != 1 || !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, `start a site with "sahifa new site NAME"`) || r.stdout != "" {
			t.Errorf("want one line on stderr saying %q and how to start a site, got %s", c.want, r)
		}
	}
	// The folder is named, even when it is the working folder.
	if r := e2eRun(t, dir, nil, "build"); !strings.Contains(r.stderr, "this folder ("+dir) {
		t.Errorf("the refusal does not name the folder %s: %s", dir, r)
	}
	e2eSame(t, "a folder that is not a site, after every command refused it", before, e2eSnapshot(t, dir))
}

// TestE2ENewSite: `sahifa new site DIR` makes a site that builds at once;
// the first article is a draft, and the build says it left it out and
// how to include it.
func TestE2ENewSite(t *testing.T) {
	dir := t.TempDir()
	r := e2eRun(t, dir, nil, "new", "site", "akhbar")
	e2eWant(t, r, exitOK)
	if r.stdout != "akhbar\n" || !strings.Contains(r.stderr, "next: cd akhbar") {
		t.Errorf("new site does not name the folder and the next step: %s", r)
	}
	site := filepath.Join(dir, "akhbar")
	for _, f := range []string{"sahifa.toml", "content/.gitkeep", ".gitignore"} {
		if !e2eExists(filepath.Join(site, filepath.FromSlash(f))) {
			t.Errorf("new site did not write %s", f)
		}
	}
	if got := e2eRead(t, filepath.Join(site, ".gitignore")); got != "/public/\n/.sahifa-cache/\n" {
		t.Errorf(".gitignore = %q", got)
	}
	// A new site says language = "ar": its messages are Arabic (--lang en
	// for the English the summary checks read).
	r = e2eRun(t, site, nil, "build", "--now", e2eNow, "--lang", "en")
	e2eFirstBuild(t, r, filepath.Join(site, "public"), 0)
	if r.stderr != "" {
		t.Errorf("a new site builds with warnings: %s", r)
	}

	r = e2eRun(t, site, nil, "new", "خبر أول")
	e2eWant(t, r, exitOK)
	if r.stdout != "content/خبر-أول.md\n" || !strings.Contains(r.stderr, "إنه مسودة") || !strings.Contains(r.stderr, "-D") {
		t.Errorf("new does not say it made a draft and how to see it: %s", r)
	}
	r = e2eRun(t, site, nil, "build")
	e2eWant(t, r, exitOK)
	if !strings.HasPrefix(r.stdout, "لا مقالات، و5 صفحات") || !strings.Contains(r.stdout, "\nمسودة واحدة خارج البناء (أضف -D لتضمينها)\n") {
		t.Errorf("build does not say, in Arabic, it left the draft out: %s", r)
	}
	r = e2eRun(t, site, nil, "build", "--lang", "en")
	e2eBuilt(t, r, filepath.Join(site, "public"), 0)
	if !strings.Contains(r.stdout, "\n1 draft not built (use -D to include it)\n") {
		t.Errorf("build does not say it left the draft out: %s", r)
	}
	if r := e2eRun(t, site, nil, "build", "--quiet"); r.stdout != "" {
		t.Errorf("build --quiet prints: %s", r)
	}

	// An existing folder with files in it is not made into a site.
	before := e2eSnapshot(t, site)
	r = e2eRun(t, dir, nil, "new", "site", "akhbar")
	e2eWant(t, r, exitFail)
	if !strings.Contains(r.stderr, "akhbar already exists and is not empty") {
		t.Errorf("new site over a folder with files: %s", r)
	}
	e2eSame(t, "a site after a refused new site", before, e2eSnapshot(t, site))

	// An empty folder may become a site; "--" makes "site" a title word.
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	e2eWant(t, e2eRun(t, dir, nil, "new", "site", "empty"), exitOK)
	r = e2eRun(t, site, nil, "new", "--", "site", "news")
	e2eWant(t, r, exitOK)
	if r.stdout != "content/site-news.md\n" {
		t.Errorf(`new -- site news wrote %q, want an article`, r.stdout)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "site"}, "give the new site's folder"},
		{[]string{"new", "site", "a", "b"}, "give the new site's folder"},
		{[]string{"new", "site", "--section", "x", "a"}, "--section is for new articles"},
	} {
		r := e2eRun(t, dir, nil, c.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("want exit 2 and %q, got %s", c.want, r)
		}
	}
}
