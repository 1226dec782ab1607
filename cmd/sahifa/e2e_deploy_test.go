package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/deploy"
	"github.com/sahifa/sahifa/internal/deploy/s3test"
)

// e2eSetTarget appends to the site's sahifa.toml a deployment target and
// any more TOML given.
func e2eSetTarget(t *testing.T, root, name, url string, more ...string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(root, "sahifa.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "\n[[deployment.targets]]\nname = %q\nurl = %q\n%s", name, url, strings.Join(more, "\n"))
}

// e2eDeploySetup starts a server and builds the small site with it as
// its target; it returns the site's root and its files.
func e2eDeploySetup(t *testing.T) (*s3test.Server, string, []string) {
	t.Helper()
	srv := s3test.Start(t, "news")
	root := e2eNewSite(t)
	e2eSetTarget(t, root, "production", srv.TargetURL())
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	return srv, root, e2eFiles(t, filepath.Join(root, "public"))
}

// e2eDeploy runs sahifa deploy in root with the test server's
// environment.
func e2eDeploy(t *testing.T, root string, args ...string) e2eResult {
	t.Helper()
	return e2eRun(t, root, s3test.Env(), append([]string{"deploy"}, args...)...)
}

// e2eUploads splits the keys a deploy uploaded into the site's files and
// the record's objects (its parts, then its index), checking that the
// record came after every file of the site and its index last: until it
// is written, the journal says what the bucket holds.
func e2eUploads(t *testing.T, uploaded []string) (site, record []string) {
	t.Helper()
	for _, k := range uploaded {
		if deploy.IsRecordKey(k) {
			record = append(record, k)
		} else {
			if len(record) > 0 {
				t.Errorf("%s uploaded after the record (%q)", k, record)
			}
			site = append(site, k)
		}
	}
	if len(record) < 2 || record[len(record)-1] != deploy.StateKey {
		t.Errorf("the record (a part at least, then its index %s, last) was not uploaded as such: %q", deploy.StateKey, record)
	}
	return site, record
}

// e2eBucketMatches checks that the bucket holds exactly the files of the
// built site in public/ and the deploy's record: its index and parts.
func e2eBucketMatches(t *testing.T, srv *s3test.Server, public string) {
	t.Helper()
	all, err := srv.Keys()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	parts := 0
	for _, k := range all {
		if strings.HasPrefix(k, deploy.PartsDir) {
			parts++
		} else {
			keys = append(keys, k)
		}
	}
	if parts == 0 {
		t.Errorf("the bucket holds no part of the deploy's record (%s)", deploy.PartsDir)
	}
	want := append(e2eFiles(t, public), deploy.StateKey)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Fatalf("bucket keys differ from public/:\n only in the bucket: %q\n only in public/: %q", e2eMinus(keys, want), e2eMinus(want, keys))
	}
}

func e2eMinus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// e2eDeployed checks a deploy's exit code and summary line.
func e2eDeployed(t *testing.T, r e2eResult, uploaded, deleted, unchanged int) {
	t.Helper()
	e2eWant(t, r, exitOK)
	re := fmt.Sprintf(`(?m)^deployed to \S+: uploaded %d files? \([^)]*\), deleted %d, unchanged %d`, uploaded, deleted, unchanged)
	if !regexp.MustCompile(re).MatchString(r.stdout) {
		t.Fatalf("want a summary matching %q, got %s", re, r)
	}
}

// e2eChangedFiles are the files a build added or changed, sorted.
func e2eChangedFiles(c e2eChanges) []string {
	return slices.Sorted(slices.Values(append(slices.Clone(c.added), c.changed...)))
}

// The small site to a real S3 server: first deploy, headers object by
// object, Arabic keys fetched back, a deploy with nothing to do, a dry
// run, a publish, a deletion refused then made.
func TestE2EDeployS3(t *testing.T) {
	srv := s3test.Start(t, "news")
	root := e2eNewSite(t)
	e2eSetTarget(t, root, "production", srv.TargetURL(), "[deployment]\nmaxAge = 120\n[[deployment.matchers]]\npattern = '^feed\\.json$'\ngzip = true\n")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	public := filepath.Join(root, "public")
	files := e2eFiles(t, public)

	srv.Counts()
	r := e2eDeploy(t, root)
	e2eDeployed(t, r, len(files), 0, 0)
	c := srv.Counts()
	// A site of a few dozen files has a record of one part and its index.
	if c.Put != len(files)+2 || c.List != 0 || c.Delete != 0 {
		t.Errorf("the first deploy of %d files made %d uploads, %d listings, %d deletions; want %d uploads (the record's part and index too), nothing else",
			len(files), c.Put, c.List, c.Delete, len(files)+2)
	}
	// Safe order: every asset before any page, every page before any
	// feed or sitemap, the record last.
	site, _ := e2eUploads(t, c.Uploaded)
	last := deploy.PhaseAssets
	for _, k := range site {
		if ph := deploy.PhaseOf(k); ph < last {
			t.Errorf("%s (%s) uploaded after a file of a later phase", k, ph)
		} else {
			last = ph
		}
	}
	e2eBucketMatches(t, srv, public)
	e2eCheckObjects(t, srv, public, files)

	// Nothing changed: one read of the state, nothing sent.
	r = e2eDeploy(t, root)
	e2eDeployed(t, r, 0, 0, len(files))
	if c := srv.Counts(); c.Requests() != 1 || c.Get != 1 {
		t.Errorf("a deploy with nothing changed made %+v, want one GET (the state)", c)
	}

	// Publish an article: the deploy uploads exactly what the build wrote.
	before := e2eSnapshot(t, public)
	e2eWrite(t, root, map[string]string{"content/new.md": "---\ntitle: \"خبر جديد عن العراق\"\ndate: 2024-05-30T10:00:00+03:00\ntags: [سياسة]\n---\nنص الخبر الجديد.\n"})
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	changes := e2eCompare(before, e2eSnapshot(t, public))
	wrote := e2eChangedFiles(changes)

	// A dry run says so and changes nothing.
	r = e2eDeploy(t, root, "--dry-run")
	e2eWant(t, r, exitOK)
	if c := srv.Counts(); c.Put+c.Delete != 0 {
		t.Errorf("--dry-run changed the bucket: %+v", c)
	}
	for _, f := range wrote {
		if !strings.Contains(r.stdout, " "+f+"\n") {
			t.Errorf("--dry-run does not list %s:\n%s", f, r.stdout)
		}
	}
	r = e2eDeploy(t, root)
	e2eDeployed(t, r, len(wrote), 0, len(files)-len(changes.changed))
	c = srv.Counts()
	if site, _ := e2eUploads(t, c.Uploaded); !slices.Equal(slices.Sorted(slices.Values(site)), wrote) {
		t.Errorf("after a publish the deploy uploaded\n%q\nthe build wrote\n%q", site, wrote)
	}
	if c.List != 0 || c.Get != 1 {
		t.Errorf("after a publish the deploy read %d objects and listed %d times, want the state only", c.Get, c.List)
	}
	e2eBucketMatches(t, srv, public)

	// Delete an article: --max-deletes refuses before any change, then
	// the deploy removes its objects.
	before = e2eSnapshot(t, public)
	os.Remove(filepath.Join(root, "content", "new.md"))
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	changes = e2eCompare(before, e2eSnapshot(t, public))
	if len(changes.gone) == 0 {
		t.Fatal("deleting an article removed no file")
	}
	r = e2eDeploy(t, root, "--max-deletes", "0")
	e2eWant(t, r, exitFail)
	if !strings.Contains(r.stderr, fmt.Sprintf("would delete %d objects", len(changes.gone))) || !strings.Contains(r.stderr, "--max-deletes") {
		t.Errorf("--max-deletes 0 refused without saying why: %s", r)
	}
	if c := srv.Counts(); c.Put+c.Delete != 0 {
		t.Errorf("a refused deploy changed the bucket: %+v", c)
	}
	r = e2eDeploy(t, root)
	e2eWant(t, r, exitOK)
	if c := srv.Counts(); !slices.Equal(slices.Sorted(slices.Values(c.Deleted)), changes.gone) {
		t.Errorf("deleted %q, want %q", c.Deleted, changes.gone)
	}
	e2eBucketMatches(t, srv, public)
}

// e2eCheckObjects fetches every file back over HTTP (keys percent-encoded
// once, as a browser sends Arabic paths) and checks its bytes and the
// headers it was uploaded with.
func e2eCheckObjects(t *testing.T, srv *s3test.Server, public string, files []string) {
	t.Helper()
	arabic := 0
	for _, f := range files {
		want := []byte(e2eRead(t, filepath.Join(public, filepath.FromSlash(f))))
		resp, body, err := srv.Get(f)
		if err != nil {
			t.Fatal(err)
		}
		h := srv.UploadHeader(f)
		// Go's client undoes a Content-Encoding: gzip it asked for.
		if h.Get("Content-Encoding") == "gzip" && !resp.Uncompressed {
			t.Errorf("%s: uploaded gzipped, but not served with Content-Encoding: gzip", f)
		}
		if resp.StatusCode != 200 || !bytes.Equal(body, want) {
			t.Errorf("GET %s: status %d, bytes differ from public/: %t", f, resp.StatusCode, !bytes.Equal(body, want))
		}
		if strings.ContainsFunc(f, func(r rune) bool { return r >= 0x600 && r <= 0x6ff }) {
			arabic++
		}
		var wantType, wantCache string
		switch ext := filepath.Ext(f); {
		case ext == ".html":
			wantType, wantCache = "text/html; charset=utf-8", "public, max-age=120"
		case ext == ".xml":
			wantType, wantCache = "application/xml; charset=utf-8", "public, max-age=120"
		case ext == ".css" && strings.HasPrefix(f, "css/main."):
			wantType, wantCache = "text/css; charset=utf-8", deploy.Immutable
		case ext == ".js":
			wantType, wantCache = "text/javascript; charset=utf-8", deploy.Immutable
		case f == "feed.json":
			wantType, wantCache = "application/json; charset=utf-8", "public, max-age=120"
			if h.Get("Content-Encoding") != "gzip" {
				t.Errorf("feed.json matched gzip = true but was sent with Content-Encoding %q", h.Get("Content-Encoding"))
			}
		default:
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != wantType {
			t.Errorf("%s: Content-Type %q, want %q", f, got, wantType)
		}
		if got := h.Get("Cache-Control"); got != wantCache {
			t.Errorf("%s: uploaded with Cache-Control %q, want %q", f, got, wantCache)
		}
	}
	if arabic == 0 {
		t.Error("no Arabic key was fetched back")
	}
	srv.Counts()
}

// A deploy that fails halfway (the host stops answering) uploads the
// rest when run again, and nothing twice.
func TestE2EDeployResume(t *testing.T) {
	srv, root, files := e2eDeploySetup(t)

	srv.Counts()
	srv.FailAfter(10)
	r := e2eDeploy(t, root)
	e2eWant(t, r, exitFail)
	if !strings.Contains(r.stderr, "run it again to finish") {
		t.Errorf("a failed deploy does not say what to do: %s", r)
	}
	first := srv.Counts()
	if len(first.Uploaded) != 10 || len(first.Deleted) != 0 {
		t.Fatalf("the failing server took %d uploads and %d deletions, want 10 and none", len(first.Uploaded), len(first.Deleted))
	}
	srv.Heal()
	r = e2eDeploy(t, root)
	e2eWant(t, r, exitOK)
	second := srv.Counts()
	for _, k := range second.Uploaded {
		if slices.Contains(first.Uploaded, k) {
			t.Errorf("%s uploaded again after the interruption", k)
		}
	}
	if site, _ := e2eUploads(t, second.Uploaded); len(site) != len(files)-10 {
		t.Errorf("the resumed deploy uploaded %d files, want the %d left", len(site), len(files)-10)
	}
	if !strings.Contains(r.stdout, "10 done by the interrupted deploy") {
		t.Errorf("the summary does not count what the interrupted deploy did: %s", r)
	}
	e2eBucketMatches(t, srv, filepath.Join(root, "public"))
	r = e2eDeploy(t, root)
	e2eDeployed(t, r, 0, 0, len(files))
}

// A folder target ends up holding exactly public/'s files (and the
// deploy's state), even those a gzip = true rule covers (a folder keeps
// no Content-Encoding), and an article's deletion leaves no empty folder.
func TestE2EDeployFolder(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{"content/new.md": "---\ntitle: \"خبر سيحذف\"\ndate: 2024-05-30\n---\nنص.\n"})
	folder := filepath.Join(t.TempDir(), "srv", "news")
	e2eSetTarget(t, root, "nginx", "file://"+filepath.ToSlash(folder), "[deployment]\n[[deployment.matchers]]\npattern = '^feed\\.json$'\ngzip = true\n")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "--precompress"), exitOK)
	public := filepath.Join(root, "public")
	r := e2eDeploy(t, root)
	e2eWant(t, r, exitOK)
	if !strings.Contains(r.stderr+r.stdout, "1 file a gzip = true rule covers written uncompressed") {
		t.Errorf("the summary does not say feed.json went uncompressed:\n%s%s", r.stdout, r.stderr)
	}
	e2eSameFolder(t, public, folder)

	os.Remove(filepath.Join(root, "content", "new.md"))
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow, "--precompress"), exitOK)
	e2eWant(t, e2eDeploy(t, root), exitOK)
	e2eSameFolder(t, public, folder)
	if e2eExists(filepath.Join(folder, "2024", "05", "30")) {
		t.Error("the deleted article's folder is left, empty, in the target")
	}
}

// e2eSameFolder checks that folder holds the files of public/, byte for
// byte (.gz/.br twins included), and the state object, and no folder
// public/ has not.
func e2eSameFolder(t *testing.T, public, folder string) {
	t.Helper()
	want := e2eSnapshot(t, public)
	got := e2eSnapshot(t, folder)
	delete(got, deploy.StateKey)
	for p := range got {
		if p+"/" == deploy.PartsDir || strings.HasPrefix(p, deploy.PartsDir) {
			delete(got, p)
		}
	}
	for p, e := range got {
		w, ok := want[p]
		switch {
		case !ok:
			t.Errorf("%s: in the target, not in public/", p)
		case e.mode.IsDir() != w.mode.IsDir() || e.data != w.data:
			t.Errorf("%s: differs from public/", p)
		}
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: in public/, not in the target", p)
		}
	}
}

// --confirm shows the plan and changes nothing unless told yes.
func TestE2EDeployConfirm(t *testing.T) {
	srv, root, _ := e2eDeploySetup(t)
	var stdout, stderr bytes.Buffer
	for _, kv := range s3test.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	srv.Counts()
	code := deployMain([]string{"-s", root, "--confirm"}, strings.NewReader("n\n"), &stdout, &stderr)
	if code != exitOK || !strings.Contains(stdout.String(), "[y/N]") || !strings.Contains(stderr.String(), "not confirmed") {
		t.Errorf("--confirm answered n: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	if c := srv.Counts(); c.Put+c.Delete != 0 {
		t.Errorf("--confirm answered n changed the bucket: %+v", c)
	}
	stdout.Reset()
	if code := deployMain([]string{"-s", root, "--confirm"}, strings.NewReader("y\n"), &stdout, &stderr); code != exitOK {
		t.Fatalf("--confirm answered y: exit %d\n%s", code, stderr.String())
	}
	e2eBucketMatches(t, srv, filepath.Join(root, "public"))
}

// Without a target, or with a wrong --target, the deploy says what to
// write, and touches nothing.
func TestE2EDeployUsage(t *testing.T) {
	root := e2eNewSite(t)
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	r := e2eDeploy(t, root)
	e2eWant(t, r, exitUsage)
	if !strings.Contains(r.stderr, "[[deployment.targets]]") {
		t.Errorf("no target: %s", r)
	}
	e2eSetTarget(t, root, "production", "file:///nonexistent-sahifa-test")
	r = e2eDeploy(t, root, "--target", "staging")
	e2eWant(t, r, exitUsage)
	if !strings.Contains(r.stderr, `--target "staging": sahifa.toml has no such target (it has production)`) {
		t.Errorf("wrong --target: %s", r)
	}
	if e2eExists("/nonexistent-sahifa-test") {
		t.Error("a refused deploy made the target's folder")
	}
}

// A 1,000-article site: the first deploy sends every file, and a deploy
// after one publish sends what that build wrote (issue 12: at most 60
// files) and reads one object.
func TestE2EDeploy1000(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-article site")
	}
	srv := s3test.Start(t, "news")
	root := t.TempDir()
	site := map[string]string{}
	for _, f := range corpus.Generate(corpus.Options{N: 1000, Seed: 20}) {
		site[f.Path] = string(f.Data)
	}
	e2eWrite(t, root, site)
	e2eSetTarget(t, root, "production", srv.TargetURL())
	const now = "2026-01-02T15:04:05+03:00"
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", now), exitOK)
	public := filepath.Join(root, "public")
	files := e2eFiles(t, public)

	srv.Counts()
	e2eDeployed(t, e2eDeploy(t, root), len(files), 0, 0)
	c := srv.Counts()
	uploaded, record := e2eUploads(t, c.Uploaded)
	if len(uploaded) != len(files) || c.List != 0 {
		t.Errorf("first deploy: %d uploads of the site's files, %d listings; want %d and none", len(uploaded), c.List, len(files))
	}
	e2eBucketMatches(t, srv, public)

	before := e2eSnapshot(t, public)
	// Publishing is adding the newest article (issue 12's measure).
	e2eWrite(t, root, map[string]string{"content/2026/01/عاجل.md": "---\ntitle: \"خبر عاجل من بغداد\"\ndate: 2026-01-02T12:00:00+03:00\ntags: [العراق]\n---\nنص الخبر العاجل.\n"})
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", now), exitOK)
	wrote := e2eChangedFiles(e2eCompare(before, e2eSnapshot(t, public)))
	r := e2eDeploy(t, root)
	e2eWant(t, r, exitOK)
	c = srv.Counts()
	published, changedRecord := e2eUploads(t, c.Uploaded)
	got := slices.Sorted(slices.Values(published))
	// The record's parts the publish's files fall in are sent, not the
	// whole record: a site of 1,000 articles has dozens of parts.
	if len(changedRecord) >= len(record) {
		t.Errorf("after a publish the deploy sent %d objects of the record, as many as the first deploy (%d): it is not kept in parts", len(changedRecord), len(record))
	}
	if !slices.Equal(got, wrote) || len(got) > 60 {
		t.Errorf("after a publish the deploy uploaded %d files, the build wrote %d (at most 60 expected); only uploaded: %q; only written: %q",
			len(got), len(wrote), e2eMinus(got, wrote), e2eMinus(wrote, got))
	}
	if c.Get != 1 || c.List != 0 {
		t.Errorf("after a publish the deploy read %d objects and listed %d times; want the state only", c.Get, c.List)
	}
	e2eBucketMatches(t, srv, public)
}

// An object removed behind the deploy's back is not noticed from the
// state alone; --verify lists the bucket, uploads it again and leaves an
// object sahifa did not put there alone.
func TestE2EDeployVerify(t *testing.T) {
	srv, root, files := e2eDeploySetup(t)
	e2eWant(t, e2eDeploy(t, root), exitOK)
	if err := srv.Remove("index.html"); err != nil {
		t.Fatal(err)
	}
	if err := srv.Put("downloads/report.pdf", []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	srv.Counts()
	e2eDeployed(t, e2eDeploy(t, root), 0, 0, len(files))
	r := e2eDeploy(t, root, "--verify")
	e2eDeployed(t, r, 1, 0, len(files)-1)
	c := srv.Counts()
	if c.List == 0 || !slices.Contains(c.Uploaded, "index.html") || len(c.Deleted) != 0 {
		t.Errorf("--verify: %d listings, uploaded %q, deleted %q; want a listing, index.html, no deletion", c.List, c.Uploaded, c.Deleted)
	}
	if !strings.Contains(r.stdout, "1 objects sahifa did not upload left alone") {
		t.Errorf("--verify does not count the foreign object: %s", r)
	}
}

// SAHIFA_DEPLOY_BENCH=DIR measures deploying the site built in DIR (a
// copy of bench/corpus-10000) to the test server, first and after one
// publish, for docs/performance.md:
//
//	SAHIFA_DEPLOY_BENCH=/tmp/deploy-bench go test ./cmd/sahifa/ -run TestDeployBench -v -timeout 30m
func TestDeployBench(t *testing.T) {
	root := os.Getenv("SAHIFA_DEPLOY_BENCH")
	if root == "" {
		t.Skip("set SAHIFA_DEPLOY_BENCH to a built site's folder")
	}
	srv := s3test.Start(t, "news")
	e2eSetTarget(t, root, "bench", srv.TargetURL())
	const now = "2026-01-02T15:04:05+03:00"
	deploy := func(what string) {
		srv.Counts()
		start := time.Now()
		r := e2eRunLong(t, root, s3test.Env(), "deploy")
		e2eWant(t, r, exitOK)
		c := srv.Counts()
		t.Logf("%s: %s wall; requests %d (GET %d, PUT %d, DELETE %d, LIST %d), %.1f MB sent\n%s",
			what, time.Since(start).Round(time.Millisecond), c.Requests(), c.Get, c.Put, c.Delete, c.List, float64(c.BytesIn)/1e6, r.stdout)
	}
	deploy("first deploy")
	deploy("second deploy, nothing changed")
	e2eWrite(t, root, map[string]string{"content/2026/01/عاجل.md": "---\ntitle: \"خبر عاجل من بغداد\"\ndate: 2026-01-02T12:00:00+03:00\ntags: [العراق]\n---\nنص الخبر العاجل.\n"})
	e2eWant(t, e2eRunLong(t, root, nil, "build", "--now", now), exitOK)
	deploy("deploy after one publish")
}

// e2eRunLong runs the binary like e2eRun, without its minute's limit.
func e2eRunLong(t *testing.T, dir string, env []string, args ...string) e2eResult {
	t.Helper()
	cmd := exec.Command(e2eBin(t), args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	return e2eExec(t, cmd, args)
}
