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
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
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

var e2eSummaryRE = regexp.MustCompile(`^(\d+) articles, (\d+) pages; files: (\d+) written, (\d+) unchanged, (\d+) removed; in \S+\n$`)

// e2eSummary checks the build's stdout is exactly the summary line with
// these counts: articles, pages, written, unchanged, removed; a negative
// count matches any.
func e2eSummary(t *testing.T, r e2eResult, want ...int) {
	t.Helper()
	m := e2eSummaryRE.FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("stdout is not the build summary: %s", r)
	}
	var got []int
	for _, s := range m[1:] {
		n, _ := strconv.Atoi(s)
		got = append(got, n)
	}
	for i, w := range want {
		if w < 0 {
			got[i] = w
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("summary counts (articles, pages, written, unchanged, removed) = %v, want %v\n%s", got, want, r)
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
