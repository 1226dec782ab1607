package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestE2EUsageErrors: a wrong command line exits 2, says what is wrong on
// stderr, prints nothing on stdout and builds nothing.
func TestE2EUsageErrors(t *testing.T) {
	root := e2eNewSite(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"biuld", "-D"}, `unknown command "biuld" (did you mean "build"?)`},
		{[]string{"serv"}, `unknown command "serv" (did you mean "serve"?)`},
		{[]string{"help", "imprt"}, `unknown command "imprt" (did you mean "import"?)`},
		{[]string{"build", "--destinaton", "out"}, "unknown flag: --destinaton (did you mean --destination?)\n"},
		{[]string{"--buildDraft"}, "unknown flag: --buildDraft (did you mean --buildDrafts?)\n"},
		{[]string{"import", "--dryrun"}, "unknown flag: --dryrun (did you mean --dry-run?)\n"},
		{[]string{"new", "--sektion=x", "عنوان"}, "unknown flag: --sektion (did you mean --section?)\n"},
		{[]string{"build", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"build", "-X"}, "unknown shorthand flag: 'X'"},
		{[]string{"--bogus"}, "unknown flag: --bogus"},
		{[]string{"build", "extra-arg"}, `unexpected argument "extra-arg"`},
		{[]string{"build", "-D", "extra-arg", "--now", e2eNow}, `unexpected argument "extra-arg"`},
		{[]string{"build", "--now", "2024-06-01"}, `--now: want a time like`},
		{[]string{"build", "--now", "tomorrow"}, `"tomorrow"`},
		{[]string{"build", "--now"}, "flag needs an argument"},
		{[]string{"build", "--minify=maybe"}, "minify"},
		{[]string{"build", "-d"}, "flag needs an argument"},
		{[]string{"version", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"version", "--short"}, "unknown flag: --short"},
		{[]string{"new"}, "give the article's title"},
		{[]string{"new", "  "}, "give the article's title"},
		{[]string{"new", "؟!"}, "no letters or digits"},
		{[]string{"new", "--bogus", "عنوان"}, "unknown flag: --bogus"},
		{[]string{"new", "--section", "../خارج", "عنوان"}, "must be a folder inside content/"},
		{[]string{"help", "bogus"}, `unknown command "bogus"`},
		{[]string{"import", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"import", "--port", "1313"}, "unknown flag: --port"},
		{[]string{"import", "-s"}, "flag needs an argument"},
	} {
		r := e2eRun(t, root, nil, c.args...)
		if r.code != exitUsage {
			t.Errorf("want exit 2, got %s", r)
			continue
		}
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("stderr lacks %q: %s", c.want, r)
		}
		if r.stdout != "" {
			t.Errorf("stdout on a usage error: %s", r)
		}
	}
	if e2eExists(filepath.Join(root, "public")) || e2eExists(filepath.Join(root, "content", "عنوان.md")) {
		t.Errorf("a usage error built or wrote something")
	}
	// Nothing is suggested for a word close to no command or flag.
	for _, args := range [][]string{{"bogus"}, {"build", "--bogus"}, {"deploy"}} {
		if r := e2eRun(t, root, nil, args...); strings.Contains(r.stderr, "did you mean") {
			t.Errorf("a suggestion for a word close to nothing: %s", r)
		}
	}
	// The unknown-command message lists the commands.
	r := e2eRun(t, root, nil, "bogus")
	for _, name := range order {
		if !strings.Contains(r.stderr, "\n  "+name+" ") {
			t.Errorf("usage after an unknown command does not list %q:\n%s", name, r.stderr)
		}
	}
}

// TestE2EHelp: --help (and -h, and `help CMD`) for every command exits 0
// and prints the command's usage and its flags on stdout.
func TestE2EHelp(t *testing.T) {
	dir := t.TempDir()
	flags := map[string][]string{
		"build":   {"--source", "--destination", "--baseURL", "--buildDrafts", "--buildFuture", "--buildExpired", "--minify", "--now", "--quiet", "--verbose", "SAHIFA_NOW"},
		"serve":   {},
		"import":  {"[FILES", "--source", "--force", "--dry-run", "--quiet"},
		"new":     {"--source", "--section", "--draft"},
		"version": {},
		"help":    {},
	}
	for _, name := range order {
		want := append([]string{"Usage:\n  sahifa " + name, "Flags:", "-h, --help"}, flags[name]...)
		var runs [][]string
		runs = append(runs, []string{name, "--help"}, []string{name, "-h"})
		if name != "help" {
			runs = append(runs, []string{"help", name})
		}
		var first string
		for _, args := range runs {
			r := e2eRun(t, dir, nil, args...)
			if r.code != exitOK {
				t.Errorf("want exit 0, got %s", r)
				continue
			}
			for _, w := range want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("sahifa %q: stdout lacks %q:\n%s", args, w, r.stdout)
				}
			}
			if r.stderr != "" {
				t.Errorf("sahifa %q: stderr %q", args, r.stderr)
			}
			if first == "" {
				first = r.stdout
			} else if r.stdout != first {
				t.Errorf("sahifa %q prints other help than sahifa %s --help", args, name)
			}
		}
	}
	if e2eExists(filepath.Join(dir, "public")) {
		t.Errorf("--help built the site")
	}

	// The overall usage.
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		r := e2eRun(t, dir, nil, args...)
		e2eWant(t, r, exitOK)
		for _, name := range order {
			if !strings.Contains(r.stdout, "\n  "+name+" ") {
				t.Errorf("sahifa %q does not list %q:\n%s", args, name, r.stdout)
			}
		}
	}
}

func TestE2EVersion(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		r := e2eRun(t, dir, nil, args...)
		e2eWant(t, r, exitOK)
		if !regexp.MustCompile(`^sahifa \S+\n$`).MatchString(r.stdout) || r.stderr != "" {
			t.Errorf("want one line \"sahifa VERSION\", got %s", r)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("version wrote into the working folder: %v", entries)
	}
}

var e2eNewDateRE = regexp.MustCompile(`(?m)^date: "?(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d:00\+03:00"?$`)

// TestE2ENew: `sahifa new` writes a draft named after the title, refuses to
// overwrite it, and the draft builds with -D.
func TestE2ENew(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, nil, "new", "عنوانُ الخبر")
	e2eWant(t, r, exitOK)
	if r.stdout != "content/عنوان-الخبر.md\n" {
		t.Errorf("stdout = %q, want the new file's path", r.stdout)
	}
	path := filepath.Join(root, "content", "عنوان-الخبر.md")
	doc := e2eRead(t, path)
	for _, re := range []string{`(?m)\A---\n`, `(?m)^title: "?عنوانُ الخبر"?$`, `(?m)^draft: true$`, `(?m)^---\n`} {
		if !regexp.MustCompile(re).MatchString(doc) {
			t.Errorf("new article does not match %s:\n%s", re, doc)
		}
	}
	m := e2eNewDateRE.FindStringSubmatch(doc)
	if m == nil {
		t.Fatalf("new article has no date in the site's zone (+03:00):\n%s", doc)
	}
	e2eAge(t, filepath.Join(root, "content"))
	before := e2eSnapshot(t, filepath.Join(root, "content"))

	r = e2eRun(t, root, nil, "new", "عنوان الخبر")
	e2eWant(t, r, exitFail)
	if !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second new does not say the file exists: %s", r)
	}
	e2eSame(t, "content/ after a refused new", before, e2eSnapshot(t, filepath.Join(root, "content")))

	// Hidden without -D (it is a draft), built with it. No --now: the new
	// article is dated by the real clock.
	page := filepath.Join(root, "public", m[1], m[2], m[3], "عنوان-الخبر", "index.html")
	r = e2eRun(t, root, nil, "build")
	e2eFirstBuild(t, r, filepath.Join(root, "public"), 3)
	if e2eExists(page) {
		t.Errorf("draft built without -D")
	}
	r = e2eRun(t, root, nil, "build", "-D")
	e2eBuilt(t, r, filepath.Join(root, "public"), 4)
	if html := e2eRead(t, page); !strings.Contains(html, "<h1") || !strings.Contains(html, "عنوانُ الخبر") {
		t.Errorf("built draft lacks its title:\n%s", html)
	}

	// --section, -s from elsewhere, --draft=false.
	r = e2eRun(t, t.TempDir(), nil, "new", "-s", root, "--section", "economy", "--draft=false", "ارتفاع", "أسعار", "النفط")
	e2eWant(t, r, exitOK)
	doc = e2eRead(t, filepath.Join(root, "content", "economy", "ارتفاع-أسعار-النفط.md"))
	if !strings.Contains(doc, "draft: false") || !regexp.MustCompile(`(?m)^title: "?ارتفاع أسعار النفط"?$`).MatchString(doc) {
		t.Errorf("new --section --draft=false wrote:\n%s", doc)
	}
}
