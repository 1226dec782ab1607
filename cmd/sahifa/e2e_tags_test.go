package main

// End-to-end test of what an article's tags may cost: [limits]
// tagsPerArticle caps them, so the output grows with the articles, not
// with tags × tags.

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var e2eCategoryRE = regexp.MustCompile(`<category>`)

func TestE2EArticleWithThousandsOfTags(t *testing.T) {
	tags := make([]string, 5000)
	for i := range tags {
		tags[i] = fmt.Sprintf("%q", fmt.Sprintf("وسم %d", i))
	}
	root := e2eImportSite(t, map[string]string{
		"content/bomb.md": "---\ntitle: مقال بخمسة آلاف وسم\ndate: 2024-05-01\n\ntags: [" + strings.Join(tags, ", ") + "]\n---\n\nنص قصير.\n",
		"content/few.md":  "---\ntitle: مقال عادي\ndate: 2024-05-02\ntags: [العراق, \"وسم 1\"]\n---\n\nنص.\n",
	})
	r := e2eRun(t, root, []string{NowEnv + "=" + e2eNow}, "build")
	e2eWant(t, r, exitOK)
	if want := "content/bomb.md:5: warning: 5000 tags; only the first 50 are used (raise [limits] tagsPerArticle to keep more)"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q: %s", want, r)
	}
	public := filepath.Join(root, "public")
	var size int64
	feeds := 0
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		if d.Name() == "index.xml" {
			feeds++
			data := e2eRead(t, p)
			items := strings.Count(data, "<item>")
			if n := len(e2eCategoryRE.FindAllString(data, -1)); n > 50*items {
				rel, _ := filepath.Rel(public, p)
				t.Errorf("%s: %d categories in %d items, more than 50 each", rel, n, items)
				return fs.SkipAll // one such feed says it
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// 50 tags of the big article, العراق of the other, and the site's feed.
	if feeds != 52 {
		t.Errorf("%d feeds, want 52", feeds)
	}
	// Before the cap this site was 845 MB; now under 1 MB.
	if size > 4<<20 {
		t.Errorf("the site is %d bytes", size)
	}
}
