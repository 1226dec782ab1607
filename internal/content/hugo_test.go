package content

import (
	"strings"
	"testing"
)

// A page without a title builds, as in Hugo, named after its opening
// heading or its file name, with a warning saying how to name it.
func TestUntitledPage(t *testing.T) {
	cases := []struct {
		path, src, title, warning string
	}{
		{"content/archives.md", "---\ndate: 2024-05-22\n---\nنص\n", "archives",
			`content/archives.md:2: warning: no title: the page is called "archives", after its file name`},
		{"content/posts/my-first_post.md", "---\ndraft: false\n---\n", "my first post", "after its file name"},
		{"content/about/index.md", "---\nweight: 1\n---\n", "about", `"about", after its file name`},
		{"content/about/index.ja.md", "---\nweight: 1\n---\n", "about", `"about", after its file name`},
		{"content/notes.md", "\n# ملاحظات التحرير #\n\nنص\n", "ملاحظات التحرير",
			`content/notes.md:1: warning: no title: the page is called "ملاحظات التحرير", after its first heading`},
		// A heading further down does not name the page.
		{"content/later.md", "نص\n\n# عنوان\n", "later", "after its file name"},
	}
	for _, c := range cases {
		p, err := Parse(c.path, []byte(c.src), opts())
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if p.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.path, p.Title, c.title)
		}
		if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].String(), c.warning) {
			t.Errorf("%s: warnings %v, want one with %q", c.path, p.Warnings, c.warning)
		}
	}
}

// Hugo's _build options and headless bundles decide whether a page is
// written and listed; the booleans older Hugo sites write are read too.
func TestBuildOptions(t *testing.T) {
	cases := []struct {
		fm                 string
		noRender, unlisted bool
	}{
		{"headless: true", true, true},
		{"headless: false", false, false},
		{`headless: "true"`, true, true},
		{"_build: {render: never, list: never, publishResources: false}", true, true},
		{"_build: {render: link}", true, false},
		{"_build: {list: never}", false, true},
		{"_build: {list: local}", false, true},
		{"_build: {render: always, list: always}", false, false},
		{"_build: {render: false, list: true}", true, false},
		{"_build:\n  render: Never", true, false},
	}
	for _, c := range cases {
		p, err := Parse("content/x.md", []byte("---\ntitle: خبر\n"+c.fm+"\n---\n"), opts())
		if err != nil {
			t.Errorf("%s: %v", c.fm, err)
			continue
		}
		if p.NoRender != c.noRender || p.Unlisted != c.unlisted {
			t.Errorf("%s: NoRender %t, Unlisted %t; want %t, %t", c.fm, p.NoRender, p.Unlisted, c.noRender, c.unlisted)
		}
	}
}

// Hugo reads draft: "true" as a draft; so does sahifa, with a warning.
func TestDraftAsText(t *testing.T) {
	for src, want := range map[string]bool{`"true"`: true, `"false"`: false, `"True"`: true, `'0'`: false} {
		p, err := Parse("content/x.md", []byte("---\ntitle: خبر\ndraft: "+src+"\n---\n"), opts())
		if err != nil {
			t.Errorf("draft: %s: %v", src, err)
			continue
		}
		if p.Draft != want || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Msg, "as Hugo reads it") {
			t.Errorf("draft: %s: %t %v; want %t and a warning", src, p.Draft, p.Warnings, want)
		}
	}
	// Other keys keep their strict reading.
	if _, err := Parse("content/x.md", []byte("---\ntitle: خبر\nbreaking: \"true\"\n---\n"), opts()); err == nil {
		t.Error(`breaking: "true" was accepted`)
	}
}

func TestLanguage(t *testing.T) {
	for p, want := range map[string]string{
		"content/about/index.ja.md": "ja",
		"content/post.fr.md":        "fr",
		"content/post.pt-BR.md":     "pt-br",
		"content/post.md":           "",
		"content/report.v2.md":      "",
		"content/.ja.md":            "",
		"content/old.notes.md":      "",
	} {
		if got := Language(p); got != want {
			t.Errorf("Language(%q) = %q, want %q", p, got, want)
		}
	}
	if got := FileStem("content/about/index.ja.md"); got != "index" {
		t.Errorf("FileStem = %q", got)
	}
}

// JSON front matter, Hugo's third format, is read like the others.
func TestParseJSONFrontMatter(t *testing.T) {
	src := "{\n  \"title\": \"قمة الرياض\",\n  \"date\": \"2024-05-22\",\n  \"tags\": [\"السعودية\"],\n  \"draft\": false\n}\nنص الخبر.\n"
	p, err := Parse("content/x.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "قمة الرياض" || p.Date.IsZero() || len(p.Tags) != 1 || p.Lines["draft"] != 5 || string(p.Body) != "نص الخبر.\n" || p.BodyLine != 7 {
		t.Errorf("got %+v", p)
	}
	if _, err := Parse("content/x.md", []byte("{\n  \"title\": 3,\n  \"draft\": \"maybe\"\n}\n"), opts()); err == nil ||
		!strings.Contains(err.Error(), "content/x.md:3:12: draft: must be true or false") {
		t.Errorf("error %v, want one at the draft line", err)
	}
}

// A relative alias lands beside the page, as Hugo places it, not at the
// site root.
func TestRelativeAliases(t *testing.T) {
	cases := map[string][]string{
		"content/posts/jekyll.md":         {"/posts/migrate-from-jekyl", "/old/", "/posts/a/b/"},
		"content/posts/jekyll/index.md":   {"/posts/migrate-from-jekyl", "/old/", "/posts/a/b/"},
		"content/about.md":                {"/migrate-from-jekyl", "/old/", "/a/b/"},
		"content/posts/2021/jekyll.ja.md": {"/posts/2021/migrate-from-jekyl", "/old/", "/posts/2021/a/b/"},
	}
	for path, want := range cases {
		p, err := Parse(path, []byte("---\ntitle: خبر\naliases: [migrate-from-jekyl, /old/, a/b/]\n---\n"), opts())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(p.Aliases, " ") != strings.Join(want, " ") {
			t.Errorf("%s: aliases %q, want %q", path, p.Aliases, want)
		}
	}
	// A relative alias may still not climb out of the site.
	if _, err := Parse("content/posts/x.md", []byte("---\ntitle: خبر\naliases: [../../x]\n---\n"), opts()); err == nil {
		t.Error("../../x accepted")
	}
}

// Raw HTML is shown to readers as text unless the site trusts it: each
// file holding some is told so once, at the line of the first.
func TestRawHTMLWarning(t *testing.T) {
	src := "---\ntitle: خبر\n---\nنص\n\n<div>مضمَّن</div>\n\nو<b>عاجل</b>\n"
	p, err := Parse("content/x.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	want := "content/x.md:6: warning: raw HTML (<div>مضمَّن</div>) is shown to readers as text; to render it as HTML on a site whose writers you trust, set markup.unsafe = true (Hugo: markup.goldmark.renderer.unsafe) in sahifa.toml"
	if len(p.Warnings) != 1 || p.Warnings[0].String() != want {
		t.Errorf("warnings %v\nwant %s", p.Warnings, want)
	}
	trusted := opts()
	trusted.RawHTML = true
	if p, _ := Parse("content/x.md", []byte(src), trusted); len(p.Warnings) != 0 {
		t.Errorf("with markup.unsafe: %v", p.Warnings)
	}
}
