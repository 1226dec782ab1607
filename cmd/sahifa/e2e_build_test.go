package main

import (
	"crypto/sha512"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var e2eStylesheetRE = regexp.MustCompile(`<link rel="?stylesheet"? href="?(/css/main\.[0-9a-f]{6,64}\.css)"? integrity="?(sha384-[A-Za-z0-9+/=]+)"?`)

// TestE2EBuild: a first build of a small site writes the home, one page per
// article at its dated Arabic URL, 404.html and a fingerprinted stylesheet
// whose SRI hash matches its bytes.
func TestE2EBuild(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 3, 5, 6, 0, 0)
	if r.stderr != "" {
		t.Errorf("stderr of a clean build: %q", r.stderr)
	}

	pub := filepath.Join(root, "public")
	files := e2eFiles(t, pub)
	var css string
	for _, f := range files {
		if strings.HasPrefix(f, "css/") {
			css = f
		}
	}
	if !regexp.MustCompile(`^css/main\.[0-9a-f]{6,64}\.css$`).MatchString(css) {
		t.Fatalf("no fingerprinted css/main.<hash>.css among %q", files)
	}
	want := []string{"404.html", e2eOldPage, e2eG20Page, e2eGrowthPage, css, "index.html"}
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Fatalf("public/ holds\n  %q\nwant\n  %q", files, want)
	}

	sum := sha512.Sum384([]byte(e2eRead(t, filepath.Join(pub, css))))
	wantSRI := "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		html := e2eRead(t, filepath.Join(pub, f))
		if !strings.Contains(html, `<html lang="ar" dir="rtl">`) {
			t.Errorf("%s: no <html lang=\"ar\" dir=\"rtl\">: %.200s", f, html)
		}
		m := e2eStylesheetRE.FindStringSubmatch(html)
		if m == nil {
			t.Errorf("%s: no stylesheet link with an integrity attribute", f)
			continue
		}
		if m[1] != "/"+css {
			t.Errorf("%s links %s, want /%s", f, m[1], css)
		}
		if m[2] != wantSRI {
			t.Errorf("%s: integrity %s, want %s (sha384 of %s)", f, m[2], wantSRI, css)
		}
	}

	g20 := e2eRead(t, filepath.Join(pub, e2eG20Page))
	for _, s := range []string{"<title>قمة G20 في الرياض", e2eG20Text, `datetime="2024-05-20T10:00:00+03:00"`} {
		if !strings.Contains(g20, s) {
			t.Errorf("%s lacks %q", e2eG20Page, s)
		}
	}
	// A date without a time of day gets the default time in the site zone.
	if growth := e2eRead(t, filepath.Join(pub, e2eGrowthPage)); !strings.Contains(growth, `datetime="2024-05-21T09:00:00+03:00"`) {
		t.Errorf("%s: no 09:00 Baghdad time for a date-only article", e2eGrowthPage)
	}
	home := e2eRead(t, filepath.Join(pub, "index.html"))
	for _, title := range []string{"قمة G20 في الرياض", "الاقتصادُ العراقيّ ينمو", "مِهرجانُ بابل يعود"} {
		if !strings.Contains(home, title) {
			t.Errorf("index.html does not list %q", title)
		}
	}
	// Newest first.
	if i, j := strings.Index(home, "الاقتصادُ العراقيّ ينمو"), strings.Index(home, "قمة G20 في الرياض"); i < 0 || j < 0 || i > j {
		t.Errorf("index.html does not list the newest article first")
	}
	if nf := e2eRead(t, filepath.Join(pub, "404.html")); !strings.Contains(nf, `noindex`) {
		t.Errorf("404.html is not marked noindex")
	}
}

// TestE2ENoCommandBuilds: `sahifa` with no arguments builds, as hugo does.
func TestE2ENoCommandBuilds(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, []string{NowEnv + "=" + e2eNow})
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 3, 5, 6, 0, 0)
	if !e2eExists(filepath.Join(root, "public", e2eG20Page)) {
		t.Errorf("no %s after a bare `sahifa`", e2eG20Page)
	}
}

// TestE2ERebuildUnchanged: a rebuild with nothing changed rewrites nothing
// (every mtime stays, folders included), and two builds of one site are
// byte-identical.
func TestE2ERebuildUnchanged(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	first := e2eTreeHash(t, pub)
	e2eAge(t, pub)
	before := e2eSnapshot(t, pub)

	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 3, 5, 0, 6, 0)
	e2eSame(t, "public/ after a rebuild with nothing changed", before, e2eSnapshot(t, pub))

	// A fresh build of the same site elsewhere gives the same bytes.
	other := filepath.Join(t.TempDir(), "out")
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", other)
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 3, 5, 6, 0, 0)
	if second := e2eTreeHash(t, other); second != first {
		t.Errorf("two builds of one site differ: tree hash %s vs %s", first, second)
	}
}

// TestE2EFailedBuildLeavesOutput: every kind of failure exits 1, names the
// place, and leaves public/ (and the cache) exactly as the last good build
// left it.
func TestE2EFailedBuildLeavesOutput(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	cache := filepath.Join(root, ".sahifa-cache")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	e2eAge(t, pub)
	// Record the aged mtimes in the manifest, as a real user's rebuild would.
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	before := e2eSnapshot(t, pub)
	beforeCache := e2eSnapshot(t, cache)

	cases := []struct {
		name  string
		files map[string]string // written before the run, removed after
		toml  string            // replaces sahifa.toml for the run when set
		want  []string          // stderr must contain each
	}{
		{
			name:  "bad date",
			files: map[string]string{"content/x.md": "---\ntitle: \"خبر بتاريخ خاطئ\"\ndate: 2021/13/45\n---\nنص.\n"},
			want:  []string{`content/x.md:3:7: date: cannot parse "2021/13/45"`, "failed with 1 error;"},
		},
		{
			name: "two broken articles",
			files: map[string]string{
				"content/x.md":         "---\ntitle: \"خبر بتاريخ خاطئ\"\ndate: 2021/13/45\n---\nنص.\n",
				"content/economy/y.md": "---\ntitle: \"خبر آخر\"\n\ndraft: ربما\n---\nنص.\n",
			},
			want: []string{`content/x.md:3:7: date: cannot parse "2021/13/45"`, "content/economy/y.md:4:8: draft:", "failed with 2 errors;"},
		},
		{
			name:  "template syntax error",
			files: map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n<article>\n<h1>{{.Title}</h1>\n</article>\n{{end}}\n"},
			want:  []string{"layouts/_default/single.html:3:"},
		},
		{
			// Fails while executing, after other files were already staged.
			name:  "template execution error",
			files: map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.NoSuchField.X}}</p>\n{{end}}\n"},
			want:  []string{"layouts/_default/single.html:3:", "NoSuchField"},
		},
		{
			name: "bad config value",
			toml: e2eConfig + "\npaginate = -3\n",
			want: []string{"sahifa.toml:5:12: paginate"},
		},
		{
			name: "bad config syntax",
			toml: e2eConfig + "minify = \n",
			want: []string{"sahifa.toml:4:"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e2eWrite(t, root, c.files)
			if c.toml != "" {
				e2eWrite(t, root, map[string]string{"sahifa.toml": c.toml})
			}
			t.Cleanup(func() {
				for f := range c.files {
					os.Remove(filepath.Join(root, filepath.FromSlash(f)))
				}
				os.RemoveAll(filepath.Join(root, "layouts"))
				e2eWrite(t, root, map[string]string{"sahifa.toml": e2eConfig})
			})
			r := e2eRun(t, root, nil, "build", "--now", e2eNow)
			e2eWant(t, r, exitFail)
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if !strings.Contains(r.stderr, "left as it was") {
				t.Errorf("stderr does not say the output was left alone:\n%s", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout of a failed build: %q", r.stdout)
			}
			e2eSame(t, "public/ after a failed build", before, e2eSnapshot(t, pub))
			e2eSame(t, ".sahifa-cache/ after a failed build", beforeCache, e2eSnapshot(t, cache))
		})
	}

	// Once fixed, the site builds again with nothing to write.
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 3, 5, 0, 6, 0)
}

// TestE2ERebuildAfterDelete: deleting an article removes its page and the
// folders left empty; only the home (which listed it) is rewritten.
func TestE2ERebuildAfterDelete(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	e2eAge(t, pub)
	before := e2eSnapshot(t, pub)

	if err := os.Remove(filepath.Join(root, "content", "old.md")); err != nil {
		t.Fatal(err)
	}
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 2, 4, 1, 4, 1)

	after := e2eSnapshot(t, pub)
	for _, gone := range []string{e2eOldPage, "2024/04/01/مهرجان-بابل-يعود", "2024/04/01", "2024/04"} {
		if _, ok := after[gone]; ok {
			t.Errorf("public/%s still there after its article was deleted", gone)
		}
	}
	if strings.Contains(after["index.html"].data, "مِهرجانُ بابل يعود") {
		t.Errorf("index.html still lists the deleted article")
	}
	if after["index.html"].data == before["index.html"].data {
		t.Errorf("index.html was not rebuilt")
	}
	for p, b := range before {
		if !b.mode.IsRegular() || p == "index.html" || p == e2eOldPage {
			continue
		}
		a, ok := after[p]
		if !ok || a.data != b.data || !a.mtime.Equal(b.mtime) {
			t.Errorf("public/%s was touched by the rebuild (present %v)", p, ok)
		}
	}
}

// TestE2EForeignFileSurvives: a file the user put into public/ by hand is
// neither deleted nor changed by rebuilds, and the build notes it.
func TestE2EForeignFileSurvives(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	e2eWrite(t, pub, map[string]string{
		"robots.txt": "User-agent: *\n",
		"2024/04/01/ملاحظة-يدوية.html": "<p>كتبت باليد</p>",
	})
	// Deleting the April article empties its folder of sahifa's files,
	// but not of the user's.
	if err := os.Remove(filepath.Join(root, "content", "old.md")); err != nil {
		t.Fatal(err)
	}
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	e2eSummary(t, r, 2, 4, 1, 4, 1)
	if !strings.Contains(r.stderr, "2 files in") || !strings.Contains(r.stderr, "not written by sahifa") {
		t.Errorf("stderr does not note the 2 foreign files:\n%s", r.stderr)
	}
	if got := e2eRead(t, filepath.Join(pub, "robots.txt")); got != "User-agent: *\n" {
		t.Errorf("robots.txt = %q", got)
	}
	if got := e2eRead(t, filepath.Join(pub, "2024", "04", "01", "ملاحظة-يدوية.html")); got != "<p>كتبت باليد</p>" {
		t.Errorf("hand-written page = %q", got)
	}
	if e2eExists(filepath.Join(pub, filepath.FromSlash(e2eOldPage))) {
		t.Errorf("the deleted article's page is still there")
	}
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "--quiet")
	e2eWant(t, r, exitOK)
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("--quiet printed something: %s", r)
	}
	if !e2eExists(filepath.Join(pub, "robots.txt")) {
		t.Errorf("robots.txt gone after a second rebuild")
	}
}
