package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/htmltext"
	"github.com/sahifa/sahifa/internal/linkcheck"
)

// TestE2EHostileMarkdown: an article nested deeper than goldmark can
// parse in linear time fails the build at once, naming the file and the
// line, and the published site is left as it was.
func TestE2EHostileMarkdown(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	before := e2eSnapshot(t, pub)

	// 1 MB: a quarter of a million nested list items on line 7.
	e2eWrite(t, root, map[string]string{"content/deep.md": "---\ntitle: \"قائمة عميقة\"\ndate: 2024-05-22\n---\nمقدمة.\n\n" +
		strings.Repeat("- ", 500_000) + "نص\n"})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitFail)
	if want := "content/deep.md:7: lists, block quotes and footnotes nested more than 100 deep"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%.2000s", want, r.stderr)
	}
	e2eSame(t, "public/ after a refused article", before, e2eSnapshot(t, pub))
}

// TestE2EPercentInPaths: "%" in a slug, a url or an alias is a character
// of the folder's name, so links carry it as "%25": "a%20b" is the folder
// "a%20b/", linked as "a%2520b/" (decoded, the link would ask for "a b/"),
// and "%2e%2e" stays a folder instead of becoming "..". Every page, feed
// and sitemap agrees, under a base path copied already encoded from a
// browser, and the link checker finds nothing broken.
func TestE2EPercentInPaths(t *testing.T) {
	root := e2eNewSite(t)
	const base = "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/" // /أخبار/
	article := func(title, key string) string {
		return "---\ntitle: \"" + title + "\"\ndate: 2024-05-23T10:00:00+03:00\ntags: [اقتصاد]\n" + key + "\n---\nنص الخبر.\n"
	}
	e2eWrite(t, root, map[string]string{
		"content/space.md":   article("مسافة", `slug: "a%20b"`),
		"content/dots.md":    article("نقطتان", `slug: "%2e%2e"`),
		"content/sale.md":    article("خصم", `slug: "خصم-50%"`),
		"content/query.md":   article("سؤال", `slug: "a?b#c"`),
		"content/url.md":     article("رابط", `url: "/ملفات/100%/"`),
		"content/aliased.md": article("منقول", `aliases: ["/قديم/50%25/"]`),
	})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow, "--baseURL", base)
	e2eWant(t, r, exitOK)
	pub := filepath.Join(root, "public")
	for _, f := range []string{"2024/05/23/a%20b/index.html", "2024/05/23/%2e%2e/index.html", "2024/05/23/خصم-50%/index.html",
		"2024/05/23/a?b#c/index.html", "ملفات/100%/index.html", "قديم/50%25/index.html"} {
		if !e2eExists(filepath.Join(pub, filepath.FromSlash(f))) {
			t.Errorf("%s was not written", f)
		}
	}
	home := e2eRead(t, filepath.Join(pub, "index.html"))
	sitemap := e2eRead(t, filepath.Join(pub, "sitemap.xml"))
	for _, want := range []string{"/2024/05/23/a%2520b/", "/2024/05/23/%252e%252e/", "/2024/05/23/%D8%AE%D8%B5%D9%85-50%25/", "/2024/05/23/a%3Fb%23c/"} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks a link to %s", want)
		}
		if !strings.Contains(sitemap, base+"2024/05/23/"+strings.TrimPrefix(want, "/2024/05/23/")) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	rep, err := linkcheck.CheckReport(os.DirFS(pub), base)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Error(p)
	}
	if rep.Internal < 100 {
		t.Errorf("the link checker followed %d internal links: too few to trust", rep.Internal)
	}
}

// TestE2EForbiddenText: an article with bytes that are not UTF-8 in its
// body and control characters and noncharacters in its title builds,
// with a warning naming each place, and no page, feed, sitemap, search
// shard or JSON-LD block carries a malformed byte or a forbidden
// character.
func TestE2EForbiddenText(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{"content/bad.md": "---\n" +
		`title: "عاجل:\u0001 قمة\u001f الرياض\uFFFE"` + "\n" +
		"date: 2024-05-23T10:00:00+03:00\ntags: [سياسة]\n---\n" +
		"افتتحت القمة أعمالها.\n\nوقال \xff\xfeالمتحدث إن\x0b الاجتماع ناجح\u0085.\n"})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	for _, want := range []string{"content/bad.md:8:6: warning: 4 characters", "content/bad.md:2:8: warning: title: 3 characters"} {
		if !strings.Contains(r.stderr+r.stdout, want) {
			t.Errorf("output lacks %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	pub := filepath.Join(root, "public")
	page := e2eRead(t, filepath.Join(pub, "2024/05/23/عاجل-قمة-الرياض/index.html"))
	for _, want := range []string{"عاجل:� قمة� الرياض�", "وقال ��المتحدث إن� الاجتماع ناجح�.", `"headline":"عاجل:� قمة� الرياض�"`} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	checked := 0
	err := filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(".html .xml .json", filepath.Ext(p)) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		if !utf8.Valid(data) {
			t.Errorf("%s: not UTF-8", p)
		}
		for i, c := range string(data) {
			if htmltext.Forbidden(c) {
				t.Errorf("%s: %U at byte %d", p, c, i)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.xml", "atom.xml", "feed.json", "search/data/d/0.json", "sitemap.xml"} {
		if !e2eExists(filepath.Join(pub, f)) {
			t.Errorf("%s was not written, so not checked", f)
		}
	}
	if checked < 20 {
		t.Errorf("checked %d files: too few", checked)
	}
}
