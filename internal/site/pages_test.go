package site

import (
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/content"
)

// Hugo content besides news: undated pages and list: never are pages of
// their own on no list; headless and render: never are not written;
// translations are left out, with one warning per kind.
func TestPagesBesideArticles(t *testing.T) {
	news := page("content/posts/news.md", "خبر", day(3))
	news.Tags = []string{"وسم"}
	about := page("content/about.md", "About", time.Time{})
	about.Weight = 1 // would pin it to the top of the home page if it were listed
	about.Aliases = []string{"/about-us/"}
	guide := page("content/posts/guide.md", "Guide", time.Time{})
	guide.Tags = []string{"وسم"}
	unlisted := page("content/posts/hidden.md", "Hidden", day(4))
	unlisted.Unlisted = true
	headless := page("content/homepage/index.md", "Home", day(5))
	headless.NoRender, headless.Unlisted = true, true
	ja := page("content/posts/news.ja.md", "ニュース", day(3))
	fr := page("content/about.fr.md", "À propos", time.Time{})
	ar := page("content/contact.ar.md", "اتصل بنا", time.Time{})
	undatedDraft := page("content/draft.md", "Draft", time.Time{})
	undatedDraft.Draft = true
	// A bundle at the top of content/ is a page, not a section.
	bundle := page("content/interview/index.md", "مقابلة", day(2))

	s, err := Assemble(cfg(), []content.Page{about, ar, fr, headless, bundle, undatedDraft, guide, unlisted, ja, news}, Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(s.Articles); got != "content/posts/news.md, content/interview/index.md" {
		t.Errorf("articles %s", got)
	}
	var urls []string
	for _, p := range s.Pages {
		urls = append(urls, p.Path+" "+p.RelPermalink)
	}
	want := "content/about.md /about/, content/contact.ar.md /اتصل-بنا/, content/posts/guide.md /posts/guide/, content/posts/hidden.md /2024/03/04/hidden/"
	if got := strings.Join(urls, ", "); got != want {
		t.Errorf("pages\n%s\nwant\n%s", got, want)
	}
	if len(s.Home) != 1 || paths(s.Home[0].Articles) != "content/posts/news.md, content/interview/index.md" {
		t.Errorf("home lists %s", paths(s.Home[0].Articles))
	}
	if len(s.Sections) != 1 || paths(s.Sections[0].Articles) != "content/posts/news.md" {
		t.Errorf("sections %+v", s.Sections)
	}
	if tags := s.Taxonomies[0].Terms; len(tags) != 1 || len(tags[0].Articles) != 1 {
		t.Errorf("tag lists %+v", tags)
	}
	if len(s.Aliases) != 1 || s.Aliases[0].OutputPath != "about-us/index.html" {
		t.Errorf("aliases %+v", s.Aliases)
	}
	var ws []string
	for _, w := range s.Warnings {
		ws = append(ws, w.String())
	}
	wantWarnings := []string{
		"content/: warning: translations not built: 2, in fr, ja (sahifa builds the site's one language, ar, and reads a language code before .md in a file name, as in index.ja.md, as a translation); for example content/about.fr.md, content/posts/news.ja.md",
		"content/: warning: pages without a date: 3 (content/about.md, content/contact.ar.md, content/posts/guide.md); each is published as a page at /slug/",
	}
	if len(ws) < 2 || ws[0] != wantWarnings[0] || !strings.HasPrefix(ws[1], wantWarnings[1]) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(wantWarnings, "\n"))
	}
}

// A page claims its URL like an article: two clash.
func TestPageURLClash(t *testing.T) {
	a := page("content/about.md", "About", time.Time{})
	b := page("content/about/index.md", "About", time.Time{})
	_, err := Assemble(cfg(), []content.Page{a, b}, Options{Now: day(20)})
	if err == nil || !strings.Contains(err.Error(), "URL /about/ is also claimed by content/about.md") {
		t.Errorf("error %v", err)
	}
}

func paths(as []*Article) string {
	var ps []string
	for _, a := range as {
		ps = append(ps, a.Path)
	}
	return strings.Join(ps, ", ")
}
