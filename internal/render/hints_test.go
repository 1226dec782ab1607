package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Template mistakes say what was most likely meant: a field's right name,
// sahifa's way for a Hugo function, a function's right name.
func TestTemplateHints(t *testing.T) {
	cases := []struct {
		name, file, src, want string
	}{
		{"misspelled field of an article", "_default/single.html", "{{define \"main\"}}\n<h1>{{.Article.Titel}}</h1>\n{{end}}",
			`layouts/_default/single.html:2:14: executing "main" at <.Article.Titel>: can't evaluate field Titel in type *render.Article; did you mean .Title? (the fields each page has: docs/templates.md#data)`},
		{"misspelled field of the page", "_default/single.html", "{{define \"main\"}}{{.Permalnk}}{{end}}",
			`can't evaluate field Permalnk in type *render.Page; did you mean .Permalink?`},
		{"misspelled field of a date", "_default/single.html", "{{define \"main\"}}{{.Article.Date.Yaer}}{{end}}",
			`can't evaluate field Yaer in type time.Time; did you mean .Year?`},
		{"field far from any", "_default/single.html", "{{define \"main\"}}{{.Article.Nothing}}{{end}}",
			`can't evaluate field Nothing in type *render.Article; the fields each page has are listed in docs/templates.md#data`},
		{"Hugo's partial", "_default/single.html", "{{define \"main\"}}\n{{partial \"nav.html\" .}}{{end}}",
			`layouts/_default/single.html:2: function "partial" not defined; "partial" is a Hugo function, which sahifa does not have: include a partial with {{template "partials/NAME.html" .}} (docs/templates.md#functions)`},
		{"Hugo's resources.Get", "index.html", "{{define \"main\"}}{{$css := resources.Get \"main.css\"}}{{end}}",
			`function "resources" not defined; "resources" is a Hugo function, which sahifa does not have: use asset: {{$css := asset "css/main.css"}}`},
		{"misspelled function", "index.html", "{{define \"main\"}}{{arDat .Title}}{{end}}",
			`function "arDat" not defined; did you mean "arDate"? (the functions templates can use: docs/templates.md#functions)`},
		{"unknown function", "index.html", "{{define \"main\"}}{{zzzzzz}}{{end}}",
			`function "zzzzzz" not defined; the functions templates can use are listed in docs/templates.md#functions`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := miniLayouts()
			l[c.file] = file(c.src)
			err := Render(assemble(t, testConfig(), manyArticles(1)...), Options{Layouts: l}, newMemOut().emit)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// A file in a site's layouts/ that overrides nothing is named, with the
// template it most likely meant.
func TestUnusedLayouts(t *testing.T) {
	theme := fstest.MapFS{
		"_default/baseof.html":  file(`{{template "partials/header.html" .}}`),
		"_default/single.html":  file(""),
		"index.html":            file(""),
		"404.html":              file(""),
		"partials/header.html":  file(""),
		"partials/footer.html":  file(""),
		"partials/article.html": file(""),
	}
	site := fstest.MapFS{
		"_default/singel.html":   file(""),                                      // misnamed override
		"_default/single.html":   file(`{{template "partials/byline.html" .}}`), // an override
		"_default/list.html":     file(""),                                      // read as a fallback
		"_default/summary.html":  file(""),                                      // Hugo's, not read
		"partials/footer.html":   file(""),                                      // an override
		"partials/byline.html":   file(""),                                      // a new partial, included
		"partials/heade.html":    file(""),                                      // misnamed, included by nothing
		"partials/ads.html":      file(""),                                      // new, far from any: quiet
		"index.htm":              file(""),                                      // misnamed home page
		"partials/.DS_Store":     file(""),                                      // hidden: not a template
		"shortcodes/figure.html": file(""),                                      // a shortcode: read
		"shortcodes/fig.htm":     file(""),                                      // not a shortcode's name
	}
	warns, err := UnusedLayouts(site, theme)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		`layouts/_default/singel.html: warning: sahifa reads no template of this name, so this file changes nothing; did you mean "_default/single.html"? (the templates sahifa reads: docs/templates.md#files)`,
		`layouts/_default/summary.html: warning: sahifa reads no template of this name, so this file changes nothing (the templates sahifa reads: docs/templates.md#files)`,
		`layouts/index.htm: warning: sahifa reads no template of this name, so this file changes nothing; did you mean "index.html"? (the templates sahifa reads: docs/templates.md#files)`,
		`layouts/partials/heade.html: warning: no template includes this partial, and its name is close to the theme's "partials/header.html"; if it is meant to replace that one, name it so`,
		`layouts/shortcodes/fig.htm: warning: sahifa reads no template of this name, so this file changes nothing (the templates sahifa reads: docs/templates.md#files)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if w, err := UnusedLayouts(nil, theme); w != nil || err != nil {
		t.Errorf("no site layouts: %v %v", w, err)
	}
}
