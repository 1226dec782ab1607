package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/output"
)

// TestE2EDestinationThroughSymlink: a symbolic link does not get a build
// into the site's own folders. Once through a link into content/, a build
// wrote its pages among the articles; into static/, the site nested one
// level deeper with every build.
func TestE2EDestinationThroughSymlink(t *testing.T) {
	work := t.TempDir()
	root := filepath.Join(work, "site")
	files := e2eSite()
	for _, f := range []string{"layouts/partials/x.html", "assets/x.css", "static/CNAME", "seeds/README", ".sahifa-cache/x"} {
		files[f] = "x"
	}
	e2eWrite(t, root, files)
	// An input folder may itself be a link to where its files really are.
	e2eWrite(t, work, map[string]string{"other/keep.txt": "x", "realdata/notes": "x"})
	if err := os.Symlink(filepath.Join(work, "realdata"), filepath.Join(root, "data")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	for _, l := range []struct{ name, target string }{
		{"pubsym", "content"}, {"out", "static"}, {"lay", "layouts"}, {"ass", "assets"},
		{"sd", "seeds"}, {"dt", "data"}, {"cache", ".sahifa-cache"}, {"self", "."},
	} {
		if err := os.Symlink(l.target, filepath.Join(root, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(work, "other"), filepath.Join(root, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	before := e2eSnapshot(t, work)
	for _, dest := range []string{
		"pubsym/2016", "out/site", "lay/x", "ass/x", "sd/x", "dt/x", "cache/x", "self", "pubsym",
		filepath.Join(work, "realdata", "x"), // inside data/, which is a link
	} {
		r := e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", dest)
		if r.code != exitFail || !strings.Contains(r.stderr, "refusing to build into") {
			t.Errorf("-d %s: want exit 1 refusing the destination, got %s", dest, r)
		}
	}
	e2eSame(t, "the site after refused builds", before, e2eSnapshot(t, work))

	// A link that leads out of the site is a destination like any other.
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", "elsewhere/www"), exitOK)
	if !e2eExists(filepath.Join(work, "other", "www", filepath.FromSlash(e2eG20Page))) {
		t.Error("a build through a link out of the site wrote no pages there")
	}
}

// TestServeRenderToDiskThroughSymlink: serve --renderToDisk refuses the
// same destinations as build, before serving anything.
func TestServeRenderToDiskThroughSymlink(t *testing.T) {
	root := e2eNewSite(t)
	if err := os.Symlink("content", filepath.Join(root, "pubsym")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	cancel() // serve must not get as far as serving
	var out, errb syncBuffer
	o := serveOptions{build: build.Options{Source: root, Destination: filepath.Join(root, "pubsym", "2016"), Now: e2eTime(t)},
		bind: "127.0.0.1", debounce: time.Millisecond, renderToDisk: true}
	code := serve(ctx, o, &out, &errb)
	if code != exitFail || !strings.Contains(errb.String(), "refusing to build into") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	if e2eExists(filepath.Join(root, "content", "2016")) {
		t.Error("serve --renderToDisk wrote into content/ through a link")
	}
}

func e2eTime(t *testing.T) time.Time {
	t.Helper()
	now, err := time.Parse(time.RFC3339, e2eNow)
	if err != nil {
		t.Fatal(err)
	}
	return now
}

// TestE2EBuildIntoLockedDest: while another process writes public/, a
// build says which and exits 1, touching nothing; once it is done, the
// build runs.
func TestE2EBuildIntoLockedDest(t *testing.T) {
	root := e2eNewSite(t)
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	locks, _ := filepath.Glob(filepath.Join(root, ".sahifa-cache", "lock-*"))
	if len(locks) != 1 {
		t.Fatalf("want one lock file in .sahifa-cache/, got %q", locks)
	}
	if e2eExists(filepath.Join(root, "public", filepath.Base(locks[0]))) {
		t.Error("the lock file was published")
	}
	held, err := output.LockDest(locks[0], "public") // as another build would
	if err != nil {
		t.Fatal(err)
	}
	e2eWrite(t, root, map[string]string{"content/extra.md": "---\ntitle: \"خبر إضافي\"\ndate: 2024-05-23\n---\nنص.\n"})
	before := e2eSnapshot(t, filepath.Join(root, "public"))
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	want := fmt.Sprintf("another sahifa build is writing public (pid %d)", os.Getpid())
	if r.code != exitFail || !strings.Contains(r.stderr, want) {
		t.Errorf("want exit 1 and %q, got %s", want, r)
	}
	e2eSame(t, "public/ after a build that found it locked", before, e2eSnapshot(t, filepath.Join(root, "public")))
	held.Unlock()
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
}

// TestE2EConcurrentBuilds: two builds into one folder at once: each
// succeeds or names the other; neither fails halfway through renaming.
func TestE2EConcurrentBuilds(t *testing.T) {
	root := e2eNewSite(t)
	for round := range 3 {
		e2eWrite(t, root, map[string]string{"content/round.md": fmt.Sprintf("---\ntitle: \"جولة %d\"\ndate: 2024-05-23\n---\nنص.\n", round)})
		var wg sync.WaitGroup
		results := make([]e2eResult, 2)
		for i := range results {
			wg.Go(func() { results[i] = e2eRun(t, root, nil, "build", "--now", e2eNow) })
		}
		wg.Wait()
		ok := 0
		for _, r := range results {
			switch {
			case r.code == exitOK:
				ok++
			case r.code != exitFail || !strings.Contains(r.stderr, "another sahifa build is writing"):
				t.Errorf("round %d: %s", round, r)
			}
		}
		if ok == 0 {
			t.Errorf("round %d: neither build succeeded", round)
		}
	}
}

// TestE2ELeftoverTemporaries: the temporary files of an import or build
// killed midway are cleared by the next import or build once a minute
// old, are never published, and a younger one, maybe a write in flight,
// is left alone.
func TestE2ELeftoverTemporaries(t *testing.T) {
	root := e2eImportSite(t, map[string]string{e2eSeedFile: e2eSampleSeed(t)})
	stale := []string{"content/.sahifa-new-1234", ".sahifa-cache/.sahifa-new-5678", ".sahifa-cache/images/.sahifa-new-9"}
	for _, f := range stale {
		e2eWrite(t, root, map[string]string{f: "half written"})
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(filepath.Join(root, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	fresh := "content/.sahifa-new-4321"
	e2eWrite(t, root, map[string]string{fresh: "being written"})

	e2eWant(t, e2eRun(t, root, nil, "import"), exitOK)
	if e2eExists(filepath.Join(root, stale[0])) {
		t.Errorf("import left %s", stale[0])
	}
	if !e2eExists(filepath.Join(root, fresh)) {
		t.Errorf("import removed %s, which may be a write in flight", fresh)
	}
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	for _, f := range stale[1:] {
		if e2eExists(filepath.Join(root, f)) {
			t.Errorf("build left %s", f)
		}
	}
	for _, f := range e2eFiles(t, filepath.Join(root, "public")) {
		if strings.Contains(f, ".sahifa-") {
			t.Errorf("%s published", f)
		}
	}
}

// TestE2EReplacedForeignFile: building into a shared folder writes over a
// page that sahifa did not write (as Hugo does), but says so, by name.
func TestE2EReplacedForeignFile(t *testing.T) {
	root := e2eNewSite(t)
	shared := filepath.Join(t.TempDir(), "www")
	e2eWrite(t, shared, map[string]string{"index.html": "<p>الصفحة القديمة</p>", "keep.txt": "x"})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", shared)
	e2eWant(t, r, exitOK)
	if want := "warning: replaced 1 file that sahifa had not written: index.html;"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q: %s", want, r)
	}
	if e2eRead(t, filepath.Join(shared, "keep.txt")) != "x" {
		t.Error("keep.txt changed")
	}
	e2eWrite(t, root, map[string]string{"content/extra.md": "---\ntitle: \"خبر إضافي\"\ndate: 2024-05-23\n---\nنص.\n"})
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "-d", shared)
	e2eWant(t, r, exitOK)
	if strings.Contains(r.stderr, "replaced") {
		t.Errorf("a rebuild reports its own files as replaced: %s", r)
	}
}
