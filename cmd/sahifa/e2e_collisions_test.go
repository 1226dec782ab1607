package main

// End-to-end test of an article claiming one of the build's own files.

import (
	"path/filepath"
	"strings"
	"testing"
)

// A url or alias of /index.xml is an error at its line naming the feed,
// not "path written twice"; the last build's output stays as it was.
func TestE2EURLCollidesWithTheFeed(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, []string{NowEnv + "=" + e2eNow}, "build")
	e2eWant(t, r, exitOK)
	feed := e2eRead(t, filepath.Join(root, "public", "index.xml"))

	e2eWrite(t, root, map[string]string{
		"content/feed.md":    "---\ntitle: خبر\ndate: 2024-05-01\nurl: /index.xml\n---\n\nنص.\n",
		"content/alias.md":   "---\ntitle: خبر آخر\ndate: 2024-05-02\naliases:\n  - /robots.txt\n  - /favicon.ico\n---\n\nنص.\n",
		"static/favicon.ico": "icon",
	})
	r = e2eRun(t, root, []string{NowEnv + "=" + e2eNow}, "build")
	e2eWant(t, r, exitFail)
	for _, want := range []string{
		`content/feed.md:4: url "/index.xml" collides with the site's RSS feed`,
		`content/alias.md:5: alias "/robots.txt" collides with robots.txt`,
		`content/alias.md:5: alias "/favicon.ico" collides with static/favicon.ico`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r)
		}
	}
	if strings.Contains(r.stderr, "written twice") {
		t.Errorf("stderr still speaks of a path written twice: %s", r)
	}
	if got := e2eRead(t, filepath.Join(root, "public", "index.xml")); got != feed {
		t.Error("the failed build changed public/index.xml")
	}
}
