package main

// End-to-end tests: TestMain builds the real sahifa binary once, and the
// TestE2E* tests run it on small site folders written into t.TempDir(),
// asserting exit codes, stdout/stderr and the files it leaves on disk.
// Helpers here are prefixed e2e so they do not collide with unit tests of
// this package.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// e2e holds the binary built by TestMain, or why there is none.
var e2e struct {
	bin      string // path of the built binary
	skip     string // reason to skip (no go command)
	buildErr string // go build failed: its output
}

func TestMain(m *testing.M) {
	os.Exit(e2eMain(m))
}

func e2eMain(m *testing.M) int {
	goTool, err := exec.LookPath("go")
	if err != nil {
		e2e.skip = "end-to-end tests need the go command on PATH to build the sahifa binary: " + err.Error()
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "sahifa-e2e-bin-")
	if err != nil {
		e2e.buildErr = err.Error()
		return m.Run()
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "sahifa")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	// The test runs in the package folder, so "." is cmd/sahifa.
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		e2e.buildErr = fmt.Sprintf("go build -o %s .: %v\n%s", bin, err, out)
	} else {
		e2e.bin = bin
	}
	return m.Run()
}

// e2eBin returns the binary's path, skipping or failing the test when
// TestMain could not build it.
func e2eBin(t *testing.T) string {
	t.Helper()
	switch {
	case e2e.skip != "":
		t.Skip(e2e.skip)
	case e2e.buildErr != "":
		t.Fatalf("building the sahifa binary failed:\n%s", e2e.buildErr)
	}
	return e2e.bin
}

// e2eResult is what one run of the binary did.
type e2eResult struct {
	args           []string
	code           int
	stdout, stderr string
}

func (r e2eResult) String() string {
	return fmt.Sprintf("sahifa %q: exit %d\nstdout:\n%s\nstderr:\n%s", r.args, r.code, r.stdout, r.stderr)
}

// e2eRun runs the binary in dir with args. env adds variables (KEY=VALUE)
// to the test process's environment, from which SAHIFA_NOW is removed so
// the caller decides it.
func e2eRun(t *testing.T, dir string, env []string, args ...string) e2eResult {
	t.Helper()
	bin := e2eBin(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, NowEnv+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	return e2eExec(t, cmd, args)
}

// e2eExec runs cmd, the binary with args, and returns what it did.
func e2eExec(t *testing.T, cmd *exec.Cmd, args []string) e2eResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := e2eResult{args: args, stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running sahifa %q: %v", args, err)
	}
	return r
}

// e2eWant fails the test unless r exited with code.
func e2eWant(t *testing.T, r e2eResult, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("want exit %d, got %s", code, r)
	}
}

// e2eWrite writes files (slash paths relative to root) under root.
func e2eWrite(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func e2eRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func e2eExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// The small site most tests start from. The Baghdad zone (UTC+3) makes
// old.md, dated 2024-03-31T22:30Z, an article of 1 April.
const e2eConfig = `title = "صحيفة الاختبار"
baseURL = "https://example.com/"
timezone = "Asia/Baghdad"
`

const (
	e2eG20Page    = "2024/05/20/قمة-g20-في-الرياض/index.html"
	e2eGrowthPage = "2024/05/21/الاقتصاد-العراقي-ينمو/index.html"
	e2eOldPage    = "2024/04/01/مهرجان-بابل-يعود/index.html"
	e2eG20Text    = "انطلقت <strong>قمة</strong> مجموعة العشرين في الرياض اليوم"
	e2eNow        = "2024-06-01T00:00:00+03:00"
)

func e2eSite() map[string]string {
	return map[string]string{
		"sahifa.toml": e2eConfig,
		"content/g20.md": `---
title: "قمة G20 في الرياض"
date: 2024-05-20T10:00:00+03:00
tags: [سياسة]
---
انطلقت **قمة** مجموعة العشرين في الرياض اليوم، بمشاركة قادة الدول الأعضاء.
`,
		"content/economy/_index.md": "---\ntitle: اقتصاد\n---\n",
		"content/economy/growth.md": `---
title: "الاقتصادُ العراقيّ ينمو"
date: 2024-05-21
---
نما الاقتصاد العراقي بنسبة ٥٪ هذا العام وفق تقرير البنك المركزي.
`,
		"content/old.md": `---
title: "مِهرجانُ بابل يعود"
date: 2024-03-31T22:30:00Z
---
يعود مهرجان بابل الدولي بعد غياب طويل.
`,
	}
}

// e2eNewSite writes the small site into a new temporary folder and returns
// its root.
func e2eNewSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	e2eWrite(t, root, e2eSite())
	return root
}

var e2eSummaryRE = regexp.MustCompile(`(?m)^(\d+) articles?, (\d+) pages? \((\d+) rendered\); files: (\d+) written, (\d+) unchanged, (\d+) removed; in \S+$`)

// e2eCounts is a build summary's numbers.
type e2eCounts struct {
	articles, pages, rendered, written, unchanged, removed int
}

// e2eParseSummary finds the build summary line in stdout and returns its
// counts. Exactly one summary line must be there.
func e2eParseSummary(t *testing.T, r e2eResult) e2eCounts {
	t.Helper()
	all := e2eSummaryRE.FindAllStringSubmatch(r.stdout, -1)
	if len(all) != 1 {
		t.Fatalf("stdout does not hold one build summary line: %s", r)
	}
	var n []int
	for _, s := range all[0][1:] {
		i, _ := strconv.Atoi(s)
		n = append(n, i)
	}
	return e2eCounts{n[0], n[1], n[2], n[3], n[4], n[5]}
}

// e2eBuilt checks a successful build against the tree it left in dir: the
// summary's pages are the HTML files there, and written + unchanged are all
// the files there, leaving out foreign ones (slash paths a test put into
// dir by hand). It checks articles too and returns the counts.
func e2eBuilt(t *testing.T, r e2eResult, dir string, articles int, foreign ...string) e2eCounts {
	t.Helper()
	e2eWant(t, r, exitOK)
	c := e2eParseSummary(t, r)
	var files, html int
	for _, f := range e2eFiles(t, dir) {
		if slices.Contains(foreign, f) {
			continue
		}
		files++
		if strings.HasSuffix(f, ".html") {
			html++
		}
	}
	if c.articles != articles {
		t.Errorf("summary says %d articles, want %d\n%s", c.articles, articles, r)
	}
	if c.pages != html {
		t.Errorf("summary says %d pages, but %s holds %d HTML files\n%s", c.pages, dir, html, r)
	}
	if c.written+c.unchanged != files {
		t.Errorf("summary says %d written + %d unchanged, but %s holds %d files\n%s", c.written, c.unchanged, dir, files, r)
	}
	if t.Failed() {
		t.FailNow()
	}
	return c
}

// e2eFirstBuild checks a build into an empty destination: every file in it
// written, none unchanged or removed.
func e2eFirstBuild(t *testing.T, r e2eResult, dir string, articles int) e2eCounts {
	t.Helper()
	c := e2eBuilt(t, r, dir, articles)
	if c.unchanged != 0 || c.removed != 0 || c.written == 0 {
		t.Fatalf("a first build must write every file and leave none unchanged or removed:\n%s", r)
	}
	return c
}

// e2eNoChange checks a rebuild that had nothing to do: nothing written or
// removed, every file unchanged.
func e2eNoChange(t *testing.T, r e2eResult, dir string, articles int, foreign ...string) e2eCounts {
	t.Helper()
	c := e2eBuilt(t, r, dir, articles, foreign...)
	if c.written != 0 || c.removed != 0 {
		t.Fatalf("a rebuild with nothing changed wrote or removed files:\n%s", r)
	}
	return c
}

// e2eChanges is how the regular files of a tree differ between two
// snapshots (slash paths, sorted).
type e2eChanges struct {
	added, changed, same, gone []string
}

// e2eCompare compares the regular files of two snapshots, leaving out the
// ignored paths. A file counts as changed when its bytes, mode or
// modification time differ (age the tree first to see rewrites).
func e2eCompare(before, after map[string]e2eEntry, ignore ...string) e2eChanges {
	var c e2eChanges
	for _, p := range slices.Sorted(maps.Keys(after)) {
		a := after[p]
		if !a.mode.IsRegular() || slices.Contains(ignore, p) {
			continue
		}
		b, ok := before[p]
		switch {
		case !ok || !b.mode.IsRegular():
			c.added = append(c.added, p)
		case a.data != b.data || a.mode != b.mode || !a.mtime.Equal(b.mtime):
			c.changed = append(c.changed, p)
		default:
			c.same = append(c.same, p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(before)) {
		if b := before[p]; b.mode.IsRegular() && !slices.Contains(ignore, p) {
			if a, ok := after[p]; !ok || !a.mode.IsRegular() {
				c.gone = append(c.gone, p)
			}
		}
	}
	return c
}

// e2eMatches checks the summary's written, unchanged and removed counts
// against what happened to the files: written = added + changed.
func e2eMatches(t *testing.T, r e2eResult, c e2eChanges) {
	t.Helper()
	s := e2eParseSummary(t, r)
	if s.written != len(c.added)+len(c.changed) || s.unchanged != len(c.same) || s.removed != len(c.gone) {
		t.Errorf("summary says %d written, %d unchanged, %d removed; the tree shows added %q, changed %q, gone %q and %d unchanged\n%s",
			s.written, s.unchanged, s.removed, c.added, c.changed, c.gone, len(c.same), r)
	}
}

// e2eEntry is what a snapshot records about one path.
type e2eEntry struct {
	mode  fs.FileMode
	mtime time.Time
	data  string
}

// e2eSnapshot records every path under dir (dir itself as "."): mode,
// modification time and contents.
func e2eSnapshot(t *testing.T, dir string) map[string]e2eEntry {
	t.Helper()
	out := map[string]e2eEntry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		e := e2eEntry{mode: fi.Mode(), mtime: fi.ModTime()}
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.data = string(b)
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// e2eSame fails the test unless two snapshots are identical.
func e2eSame(t *testing.T, what string, before, after map[string]e2eEntry) {
	t.Helper()
	var diffs []string
	for _, p := range slices.Sorted(maps.Keys(before)) {
		a, ok := after[p]
		b := before[p]
		switch {
		case !ok:
			diffs = append(diffs, p+": removed")
		case a.mode != b.mode:
			diffs = append(diffs, fmt.Sprintf("%s: mode %v -> %v", p, b.mode, a.mode))
		case a.data != b.data:
			diffs = append(diffs, p+": contents changed")
		case !a.mtime.Equal(b.mtime):
			diffs = append(diffs, fmt.Sprintf("%s: mtime %v -> %v", p, b.mtime, a.mtime))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, p+": added")
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%s changed:\n  %s", what, strings.Join(diffs, "\n  "))
	}
}

// e2eTreeHash hashes the paths and contents of every file under dir.
func e2eTreeHash(t *testing.T, dir string) string {
	t.Helper()
	snap := e2eSnapshot(t, dir)
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(snap)) {
		e := snap[p]
		if e.mode.IsDir() {
			fmt.Fprintf(h, "d %q\n", p)
			continue
		}
		fmt.Fprintf(h, "f %q %d %x\n", p, len(e.data), sha256.Sum256([]byte(e.data)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

var e2eOldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// e2eAge sets the modification time of everything under dir to an old
// time, so a later rewrite would show.
func e2eAge(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, e2eOldTime, e2eOldTime)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// e2eFiles lists the regular files under dir, slash paths, sorted.
func e2eFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for p, e := range e2eSnapshot(t, dir) {
		if e.mode.IsRegular() {
			files = append(files, p)
		}
	}
	slices.Sort(files)
	return files
}

// e2eHTMLFiles lists the HTML files under dir, slash paths, sorted.
func e2eHTMLFiles(t *testing.T, dir string) []string {
	t.Helper()
	var html []string
	for _, f := range e2eFiles(t, dir) {
		if strings.HasSuffix(f, ".html") {
			html = append(html, f)
		}
	}
	return html
}

// e2eURLPath is the escaped URL path of an output page path, e.g.
// "/tags/%D8%B3.../" for "tags/سياسة/index.html".
func e2eURLPath(page string) string {
	return (&url.URL{Path: "/" + strings.TrimSuffix(page, "index.html")}).EscapedPath()
}

// e2eTarget resolves link, found in the output file page of a site
// published at base, to the output file it points at. local is false for
// links to other hosts and same-page fragments; a local link outside
// base's path is an error.
func e2eTarget(base *url.URL, page, link string) (target string, local bool, err error) {
	u, err := url.Parse(html.UnescapeString(link))
	if err != nil {
		return "", false, err
	}
	if u.Scheme == "" && u.Host == "" && u.Path == "" {
		return "", false, nil // "#main", "?q"
	}
	dir := strings.TrimSuffix(page, path.Base(page))
	abs := base.ResolveReference(&url.URL{Path: dir}).ResolveReference(u)
	if abs.Host != base.Host || abs.Scheme != base.Scheme {
		return "", false, nil
	}
	rel, ok := strings.CutPrefix(abs.Path, base.Path)
	if !ok {
		return "", true, fmt.Errorf("%s leaves the site's path %s", link, base.Path)
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel, true, nil
}

var e2eLinkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// e2eCheckLinks checks that every local href and src in every HTML file
// under dir (a site published at baseURL) names a file the build wrote.
func e2eCheckLinks(t *testing.T, dir, baseURL string) {
	t.Helper()
	base, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	files := e2eFiles(t, dir)
	checked := 0
	for _, page := range e2eHTMLFiles(t, dir) {
		seen := map[string]bool{}
		for _, m := range e2eLinkRE.FindAllStringSubmatch(e2eRead(t, filepath.Join(dir, filepath.FromSlash(page))), -1) {
			if seen[m[1]] {
				continue
			}
			seen[m[1]] = true
			target, local, err := e2eTarget(base, page, m[1])
			switch {
			case err != nil:
				t.Errorf("%s: link %s: %v", page, m[1], err)
			case local && !slices.Contains(files, target):
				t.Errorf("%s: link %s points at %s, which the build did not write", page, m[1], target)
			case local:
				checked++
			}
		}
	}
	if checked == 0 {
		t.Errorf("no local links found in the HTML files under %s", dir)
	}
}

// e2eFeedLinks returns the item links of the feed in file (RSS, Atom or
// JSON Feed, by its name), in the feed's order, resolved to output files.
func e2eFeedLinks(t *testing.T, dir, baseURL, file string) []string {
	t.Helper()
	data := []byte(e2eRead(t, filepath.Join(dir, filepath.FromSlash(file))))
	var links []string
	switch {
	case strings.HasSuffix(file, ".json"):
		var f struct {
			Version string `json:"version"`
			Items   []struct {
				URL string `json:"url"`
			} `json:"items"`
		}
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if !strings.HasPrefix(f.Version, "https://jsonfeed.org/version/") {
			t.Errorf("%s: version %q", file, f.Version)
		}
		for _, it := range f.Items {
			links = append(links, it.URL)
		}
	case strings.HasSuffix(file, "atom.xml"):
		var f struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			Entries []struct {
				Links []struct {
					Href string `xml:"href,attr"`
					Rel  string `xml:"rel,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, e := range f.Entries {
			for _, l := range e.Links {
				if l.Rel == "" || l.Rel == "alternate" {
					links = append(links, l.Href)
				}
			}
		}
	default:
		var f struct {
			XMLName xml.Name `xml:"rss"`
			Items   []struct {
				Link string `xml:"link"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, it := range f.Items {
			links = append(links, it.Link)
		}
	}
	return e2eResolveAll(t, baseURL, file, links)
}

// e2eSitemapPages returns the pages sitemap.xml lists, resolved to output
// files, sorted.
func e2eSitemapPages(t *testing.T, dir, baseURL string) []string {
	t.Helper()
	var f struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(e2eRead(t, filepath.Join(dir, "sitemap.xml"))), &f); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var locs []string
	for _, u := range f.URLs {
		if !strings.HasPrefix(u.Loc, baseURL) {
			t.Errorf("sitemap.xml: <loc>%s</loc> is not an absolute URL under %s", u.Loc, baseURL)
		}
		locs = append(locs, u.Loc)
	}
	pages := e2eResolveAll(t, baseURL, "sitemap.xml", locs)
	slices.Sort(pages)
	return pages
}

// e2eResolveAll resolves absolute links found in file to output files.
func e2eResolveAll(t *testing.T, baseURL, file string, links []string) []string {
	t.Helper()
	base, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range links {
		if u, err := url.Parse(l); err != nil || !u.IsAbs() {
			t.Errorf("%s: link %q is not an absolute URL", file, l)
			continue
		}
		target, local, err := e2eTarget(base, file, l)
		if err != nil || !local {
			t.Errorf("%s: link %q is not a page of the site at %s (%v)", file, l, baseURL, err)
			continue
		}
		out = append(out, target)
	}
	return out
}

var e2eBdiRE = regexp.MustCompile(`</?bdi[^>]*>|\x{2066}|\x{2067}|\x{2068}|\x{2069}`)

// e2ePlain removes what isolates left-to-right runs in Arabic text (<bdi>
// tags and the Unicode isolates FSI … PDI), so tests can look for a title
// such as "قمة G20 في الرياض" however the theme sets "G20" apart.
func e2ePlain(s string) string {
	return e2eBdiRE.ReplaceAllString(s, "")
}
