package main

import (
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/linkcheck"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/wxr"
)

const wpFixture = "../../internal/importer/wordpress/testdata"

// wpImported is a new site with the fixture export imported into it.
func wpImported(t *testing.T) (dir string, r e2eResult) {
	t.Helper()
	dir = e2eNewSite(t)
	export, _ := filepath.Abs(filepath.Join(wpFixture, "export.xml"))
	uploads, _ := filepath.Abs(filepath.Join(wpFixture, "uploads"))
	r = e2eRun(t, dir, nil, "import", "--from", "wordpress", export, "--uploads", uploads)
	e2eWant(t, r, exitOK)
	return dir, r
}

// TestWordPressImportSummary: the summary says what was imported, copied,
// kept and skipped, and why.
func TestWordPressImportSummary(t *testing.T) {
	_, r := wpImported(t)
	for _, want := range []string{
		"import: 23 created, 0 updated, 0 unchanged",
		"wordpress: 18 posts, 2 drafts, 3 pages",
		"wordpress: pictures: 5 copied, 1 missing from --uploads",
		"wordpress: 19 old permalinks kept as aliases; 21 ?p= links",
		"static/_redirects (Netlify) and wordpress-redirects.nginx.conf",
		"1 private (not public on WordPress either)", "1 in the trash", "1 password-protected",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, want := range []string{
		"export.xml:468: warning: post 8 (معرض الصور: بغداد في الربيع): [gallery], <iframe>, <form> kept as it was written",
		"post 5: picture 2022/01/market.jpg is not in",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("warnings lack %q:\n%s", want, r.stderr)
		}
	}
}

// TestWordPressImportAgainWritesNothing: a re-run with nothing changed
// writes nothing; an edited article is left alone unless --force.
func TestWordPressImportAgainWritesNothing(t *testing.T) {
	dir, _ := wpImported(t)
	before := e2eSnapshot(t, dir)
	export, _ := filepath.Abs(filepath.Join(wpFixture, "export.xml"))
	uploads, _ := filepath.Abs(filepath.Join(wpFixture, "uploads"))
	r := e2eRun(t, dir, nil, "import", "--from", "wordpress", export, "--uploads", uploads)
	e2eWant(t, r, exitOK)
	if !strings.Contains(r.stdout, "import: 0 created, 0 updated, 23 unchanged") {
		t.Errorf("second import:\n%s", r.stdout)
	}
	e2eSame(t, "a second import", before, e2eSnapshot(t, dir))

	md := filepath.Join(dir, "content", "اقتصاد", "power-grid", "index.md")
	edited := strings.Replace(e2eRead(t, md), "أعلنت", "أعلنت أمس", 1)
	if err := os.WriteFile(md, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// The export changed too: only an unedited file would be refreshed.
	r = e2eRun(t, dir, nil, "import", "--from", "wordpress", export, "--uploads", uploads, "--categories", "taxonomy")
	e2eWant(t, r, exitOK)
	if got := e2eRead(t, md); got != edited {
		t.Errorf("an edited article was overwritten")
	}
	r = e2eRun(t, dir, nil, "import", "--from", "wordpress", export, "--force")
	e2eWant(t, r, exitOK)
	if got := e2eRead(t, md); got == edited {
		t.Errorf("--force left the edited article")
	}
}

// TestWordPressImportBuilds: the imported site builds, its links are
// whole, and every old permalink of a published post or page reaches that
// post: an alias page redirecting to it, or the page itself.
func TestWordPressImportBuilds(t *testing.T) {
	dir, _ := wpImported(t)
	r := e2eRun(t, dir, nil, "build", "--now", "2026-01-02T15:04:05+03:00")
	e2eWant(t, r, exitOK)
	public := filepath.Join(dir, "public")
	rep, err := linkcheck.CheckReport(os.DirFS(public), "https://example.com/")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Error(p)
	}
	if rep.Internal == 0 {
		t.Fatal("the link checker checked nothing")
	}
	// Body pictures copied beside index.md are published through the
	// image pipeline: resized, in a srcset (the [caption] one and the
	// Gutenberg figure with an Arabic, percent-encoded file name).
	for _, alt := range []string{"مصفاة الدورة", "رواد السوق"} {
		if !wpPublishedPicture(t, public, alt) {
			t.Errorf("no page shows the body picture %q with a srcset", alt)
		}
	}

	f, err := os.Open(filepath.Join(wpFixture, "export.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := wxr.NewReader(f, "export.xml")
	resolved := 0
	for {
		it, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if it.Type != "post" && it.Type != "page" {
			continue
		}
		old := wpOldPath(t, it.Link)
		switch {
		case old == "":
		case it.Status == "publish" && it.Password == "":
			if got := wpResolve(t, public, old); !strings.Contains(got, "<h1") || !strings.Contains(html.UnescapeString(got), strings.TrimSpace(html.UnescapeString(it.Title))) {
				t.Errorf("post %d: old permalink %s does not reach the article %q", it.ID, old, it.Title)
			}
			resolved++
		default: // private, trashed, drafts: not on the new site
			if e2eExists(filepath.Join(public, filepath.FromSlash(site.OutputPath(old)))) {
				t.Errorf("post %d (%s): its old permalink %s was published", it.ID, it.Status, old)
			}
		}
	}
	if resolved < 20 {
		t.Errorf("resolved %d old permalinks, want every published post and page's (21)", resolved)
	}

	// The ?p= redirects name the new URLs.
	redirects := e2eRead(t, filepath.Join(public, "_redirects"))
	if !strings.Contains(redirects, "/ p=2 /2021/03/10/budget-vote/ 301!") || !strings.Contains(redirects, "/ page_id=41 /contact/ 301!") {
		t.Errorf("_redirects:\n%s", redirects)
	}
}

var wpRefresh = regexp.MustCompile(`http-equiv="refresh" content="0; url=([^"]+)"`)

// wpOldPath is a permalink's path, decoded once, "" for a ?p= link.
func wpOldPath(t *testing.T, link string) string {
	t.Helper()
	if strings.Contains(link, "?") {
		return ""
	}
	p := strings.TrimPrefix(link, "https://alrafidain.example")
	dec, err := url.PathUnescape(p)
	if err != nil {
		t.Fatal(err)
	}
	return dec
}

// wpResolve reads the page at the site path p, following one alias.
func wpResolve(t *testing.T, public, p string) string {
	t.Helper()
	file := filepath.Join(public, filepath.FromSlash(site.OutputPath(p)))
	if !e2eExists(file) {
		t.Errorf("%s: no file %s", p, file)
		return ""
	}
	page := e2eRead(t, file)
	if m := wpRefresh.FindStringSubmatch(page); m != nil {
		to, err := url.PathUnescape(strings.TrimPrefix(html.UnescapeString(m[1]), "https://example.com"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(to, "/") {
			to = path.Join(p, to) + "/"
		}
		return e2eRead(t, filepath.Join(public, filepath.FromSlash(site.OutputPath(to))))
	}
	return page
}

// wpPublishedPicture reports whether a page under public shows an image
// with alt text alt and a srcset of resized sizes.
func wpPublishedPicture(t *testing.T, public, alt string) bool {
	t.Helper()
	found := false
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		page := e2eRead(t, p)
		i := strings.Index(page, `alt="`+alt+`"`)
		if i < 0 {
			i = strings.Index(page, "alt="+alt+" ")
		}
		if i < 0 {
			return nil
		}
		start := strings.LastIndex(page[:i], "<img")
		end := strings.Index(page[i:], ">")
		found = start >= 0 && end >= 0 && strings.Contains(page[start:i+end], "srcset=")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
