package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EFrontMatterMistakes: broken front matter fails the build (exit 1)
// with every broken file named at its line and column, in plain words with
// the fix, and public/ is left as it was (issue 16, item 3).
func TestE2EFrontMatterMistakes(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	before := e2eSnapshot(t, pub)

	e2eWrite(t, root, map[string]string{
		"content/colon.md":   "---\ntitle: عاجل: قمة الرياض\ndate: 2024-05-22\n---\nنص.\n",
		"content/tab.md":     "---\ntitle: \"قمة\"\ntags:\n\t- سياسة\n---\nنص.\n",
		"content/opening.md": "title: \"قمة\"\ndate: 2024-05-22\n---\nنص.\n",
		"content/date.md":    "---\ntitle: \"قمة\"\ndate: 22/05/2024\n---\nنص.\n",
	})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitFail)
	for _, want := range []string{
		`content/colon.md:2:16: front matter: title: the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: title: "عاجل: قمة الرياض"`,
		`content/tab.md:4:1: front matter: a tab indents this line, and YAML allows only spaces there; replace the tab with spaces`,
		`content/opening.md:1:1: front matter: the file starts with "title: \"قمة\"", but front matter must open with a line "---" above it`,
		`content/date.md:3:7: date: "22/05/2024" is not a date sahifa can read; write it as 2024-05-22; dates are written year-month-day`,
		"failed with 4 errors;",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	e2eSame(t, "public/ after broken front matter", before, e2eSnapshot(t, pub))
}

// TestE2EMisspelledKeys: a key one slip from a known one builds, with a
// warning naming the key meant; a site's own keys stay quiet (item 4).
// Tags written as one text with commas are a warning too.
func TestE2EMisspelledKeys(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{
		"content/typo.md": "---\ntitle: \"قمة\"\ndate: 2024-05-22\ntag: [سياسة]\nsource: \"وكالة\"\n---\nنص.\n",
		"content/tags.md": "---\ntitle: \"قمة ثانية\"\ndate: 2024-05-22\ntags: اقتصاد، سياسة\n---\nنص.\n",
	})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	out := r.stdout + r.stderr
	for _, want := range []string{
		`content/typo.md:4:1: warning: unknown key "tag", so its value is not used (did you mean "tags"?)`,
		`content/tags.md:4:7: warning: tags: "اقتصاد، سياسة" is one tag with a comma in it; for several tags write a list: tags: ["اقتصاد", "سياسة"]`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, `"source"`) {
		t.Errorf("a site's own key was warned about:\n%s", out)
	}
}

// TestE2ETemplateMistakes: a misspelled field and Hugo's partial fail the
// build with the fix; a misnamed override builds, with a warning naming
// the template meant (item 6).
func TestE2ETemplateMistakes(t *testing.T) {
	root := e2eNewSite(t)
	single := func(main string) map[string]string {
		return map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n" + main + "\n{{end}}\n"}
	}
	cases := []struct {
		name  string
		files map[string]string
		code  int
		want  string
	}{
		{"misspelled field", single("<h1>{{.Article.Titel}}</h1>"), exitFail,
			`layouts/_default/single.html:2:14: executing "main" at <.Article.Titel>: can't evaluate field Titel in type *render.Article; did you mean .Title?`},
		{"Hugo's partial", single(`{{partial "header.html" .}}`), exitFail,
			`layouts/_default/single.html:2: function "partial" not defined; "partial" is a Hugo function, which sahifa does not have: include a partial with {{template "partials/NAME.html" .}} (docs/templates.md#functions)`},
		{"misnamed override", map[string]string{"layouts/_default/singel.html": "{{define \"main\"}}x{{end}}\n"}, exitOK,
			`layouts/_default/singel.html: warning: sahifa reads no template of this name, so this file changes nothing; did you mean "_default/single.html"?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e2eWrite(t, root, c.files)
			t.Cleanup(func() {
				for f := range c.files {
					os.Remove(filepath.Join(root, filepath.FromSlash(f)))
				}
			})
			r := e2eRun(t, root, nil, "build", "--now", e2eNow)
			e2eWant(t, r, c.code)
			if !strings.Contains(r.stdout+r.stderr, c.want) {
				t.Errorf("output lacks %q:\n%s", c.want, r)
			}
		})
	}
}
