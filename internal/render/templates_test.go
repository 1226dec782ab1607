package render

import (
	"bytes"
	"errors"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
)

// miniLayouts is a small complete theme: base, one partial and the three
// page files.
func miniLayouts() fstest.MapFS {
	return fstest.MapFS{
		"_default/baseof.html": file(`<!doctype html>
<html lang="{{.Site.LanguageCode}}" dir="{{.Site.Dir}}">
<head><title>{{.Title}}</title></head>
<body>{{template "partials/nav.html" .}}<main>{{block "main" .}}{{end}}</main></body>
</html>
`),
		"partials/nav.html":    file(`<nav><a href="{{relURL "/"}}">{{.Site.Title}}</a></nav>`),
		"index.html":           file(`{{define "main"}}HOME {{.Pager.PageNumber}}/{{.Pager.Front}}{{range .Pager.Articles}} [{{.Title}}]{{end}}{{end}}`),
		"_default/single.html": file("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{.Article.Content}}\n{{end}}\n"),
		"404.html":             file(`{{define "main"}}NOT FOUND{{end}}`),
	}
}

func testFuncs() template.FuncMap { return funcMap(config.Default(), map[string]Asset{}) }

func testPage(title string) *Page {
	return &Page{
		Kind:    "article",
		Title:   title,
		Site:    &SiteData{Title: "صحيفة", LanguageCode: "ar", Dir: "rtl"},
		Article: &Article{Title: title, Content: "<p>نص</p>"},
		Pager:   &Pager{Front: true},
	}
}

func execute(t *testing.T, tpl *Templates, kind string, data *Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := tpl.Execute(&buf, kind, data); err != nil {
		t.Fatalf("Execute %s: %v", kind, err)
	}
	return buf.String()
}

// sourceErrors returns the positioned errors in err, failing the test for
// any leaf that carries no position.
func sourceErrors(t *testing.T, err error) []*diag.SourceError {
	t.Helper()
	if err == nil {
		t.Fatal("want an error, got nil")
	}
	var out []*diag.SourceError
	for _, e := range diag.Flatten(err) {
		var se *diag.SourceError
		if !errors.As(e, &se) {
			t.Errorf("error without a source position (%T): %v", e, e)
			continue
		}
		out = append(out, se)
	}
	return out
}

func TestLoadTemplatesExecutes(t *testing.T) {
	tpl, err := LoadTemplates(miniLayouts(), testFuncs())
	if err != nil {
		t.Fatal(err)
	}
	got := execute(t, tpl, articleLayout, testPage(titleG20))
	for _, want := range []string{`<html lang="ar" dir="rtl">`, "<title>" + titleG20 + "</title>", "<h1>" + titleG20 + "</h1>", "<p>نص</p>", `<a href="/">صحيفة</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("single page lacks %q:\n%s", want, got)
		}
	}
	if got := execute(t, tpl, homeLayout, testPage("")); !strings.Contains(got, "HOME 0/true") {
		t.Errorf("home: %s", got)
	}
	if got := execute(t, tpl, notFound, testPage("")); !strings.Contains(got, "NOT FOUND") {
		t.Errorf("404: %s", got)
	}
	// Each page kind has its own "main": they must not overwrite each other.
	if got := execute(t, tpl, articleLayout, testPage("x")); strings.Contains(got, "NOT FOUND") || strings.Contains(got, "HOME") {
		t.Errorf("page kinds share a main block:\n%s", got)
	}
	if err := tpl.Execute(new(bytes.Buffer), "taxonomy.html", testPage("")); err == nil {
		t.Error("Execute of an unknown kind should fail")
	}
}

func TestLoadTemplatesSiteOverridesTheme(t *testing.T) {
	site := fstest.MapFS{
		"_default/single.html": file(`{{define "main"}}SITE SINGLE {{.Title}}{{end}}`),
		"partials/nav.html":    file(`<nav>SITE NAV</nav>`),
	}
	tpl, err := LoadTemplates(Layers{site, miniLayouts()}, testFuncs())
	if err != nil {
		t.Fatal(err)
	}
	got := execute(t, tpl, articleLayout, testPage(titleBiden))
	if !strings.Contains(got, "SITE SINGLE "+titleBiden) || !strings.Contains(got, "SITE NAV") {
		t.Errorf("site files did not win:\n%s", got)
	}
	if !strings.Contains(got, `<html lang="ar" dir="rtl">`) {
		t.Errorf("the theme's base should still be used:\n%s", got)
	}
	if got := execute(t, tpl, homeLayout, testPage("")); !strings.Contains(got, "HOME") || !strings.Contains(got, "SITE NAV") {
		t.Errorf("home: %s", got)
	}
}

func TestLoadTemplatesIndexFallsBackToList(t *testing.T) {
	l := miniLayouts()
	delete(l, "index.html")
	l["_default/list.html"] = file(`{{define "main"}}LIST {{.Pager.PageNumber}}{{end}}`)
	tpl, err := LoadTemplates(l, testFuncs())
	if err != nil {
		t.Fatal(err)
	}
	if got := execute(t, tpl, homeLayout, testPage("")); !strings.Contains(got, "LIST 0") {
		t.Errorf("home should use _default/list.html:\n%s", got)
	}
	// index.html, when there, wins over list.html.
	l = miniLayouts()
	l["_default/list.html"] = file(`{{define "main"}}LIST{{end}}`)
	tpl, err = LoadTemplates(l, testFuncs())
	if err != nil {
		t.Fatal(err)
	}
	if got := execute(t, tpl, homeLayout, testPage("")); !strings.Contains(got, "HOME") {
		t.Errorf("index.html should win over list.html:\n%s", got)
	}
}

func TestLoadTemplatesMissing(t *testing.T) {
	for _, name := range []string{"_default/baseof.html", "_default/single.html", "404.html"} {
		l := miniLayouts()
		delete(l, name)
		_, err := LoadTemplates(l, testFuncs())
		ses := sourceErrors(t, err)
		if len(ses) != 1 || ses[0].Path != "layouts/"+name {
			t.Errorf("without %s: %v", name, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), "layouts/"+name+": ") || !strings.Contains(err.Error(), "missing") {
			t.Errorf("without %s: message %q", name, err)
		}
	}
}

// A parse error is reported at the file and line it is on, for page files
// and partials alike.
func TestLoadTemplatesParseErrorPosition(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
	}{
		{"_default/single.html", "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{if}}</p>\n{{end}}", 3},
		{"404.html", "{{define \"main\"}}\n\n\n\n{{.Title}\n{{end}}", 5},
		{"index.html", "{{define \"main\"}}{{range .Pager.Articles}}{{end}}\n{{end}}{{end}}", 2},
		{"partials/nav.html", "<nav>\n  {{nosuchfunc .}}\n</nav>", 2},
		{"_default/baseof.html", "<html>\n<body>{{block \"main\" .}}{{end}}\n{{else}}</body></html>", 3},
	}
	for _, c := range cases {
		l := miniLayouts()
		l[c.name] = file(c.src)
		_, err := LoadTemplates(l, testFuncs())
		ses := sourceErrors(t, err)
		if len(ses) != 1 {
			t.Errorf("%s: want one error, got %v", c.name, err)
			continue
		}
		se := ses[0]
		if se.Path != "layouts/"+c.name || se.Line != c.line {
			t.Errorf("%s: error at %s:%d, want line %d: %v", c.name, se.Path, se.Line, c.line, err)
		}
		prefix := "layouts/" + c.name + ":" + itoa(c.line) + ": "
		if !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("%s: message %q should start with %q", c.name, err, prefix)
		}
		if strings.Contains(se.Err.Error(), "template:") {
			t.Errorf("%s: the inner message still carries text/template's prefix: %q", c.name, se.Err)
		}
	}
}

// Every broken file is reported in one go, so fixing a theme is not one
// build per error.
func TestLoadTemplatesReportsAllBrokenFiles(t *testing.T) {
	cases := map[string][]string{
		"two partials":            {"partials/nav.html", "partials/extra.html"},
		"base and a partial":      {"_default/baseof.html", "partials/nav.html"},
		"two page files":          {"_default/single.html", "404.html"},
		"three page files":        {"_default/single.html", "404.html", "index.html"},
		"a partial and page file": {"partials/nav.html", "_default/single.html"},
	}
	for label, broken := range cases {
		l := miniLayouts()
		for _, name := range broken {
			l[name] = file("ok\n{{if .Title}}\nnever closed\n")
		}
		_, err := LoadTemplates(l, testFuncs())
		ses := sourceErrors(t, err)
		got := map[string]bool{}
		for _, se := range ses {
			got[se.Path] = true
			if se.Line == 0 {
				t.Errorf("%s: %s has no line: %v", label, se.Path, se)
			}
		}
		for _, name := range broken {
			if !got["layouts/"+name] {
				t.Errorf("%s: error for %s not reported; got:\n%v", label, name, err)
			}
		}
		if len(ses) != len(broken) {
			t.Errorf("%s: %d errors for %d broken files:\n%v", label, len(ses), len(broken), err)
		}
	}
}

var execErrRE = regexp.MustCompile(`^layouts/_default/single\.html:3:(\d+): `)

// An error while executing (here a field the data lacks) names the
// template file, line and column.
func TestExecuteErrorPosition(t *testing.T) {
	l := miniLayouts()
	l["_default/single.html"] = file("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.Nope}}</p>\n{{end}}")
	tpl, err := LoadTemplates(l, testFuncs())
	if err != nil {
		t.Fatal(err)
	}
	err = tpl.Execute(new(bytes.Buffer), articleLayout, testPage(titleG20))
	ses := sourceErrors(t, err)
	if len(ses) != 1 {
		t.Fatalf("want one error: %v", err)
	}
	if se := ses[0]; se.Path != "layouts/_default/single.html" || se.Line != 3 || se.Col == 0 {
		t.Errorf("error at %s:%d:%d, want layouts/_default/single.html:3:COL", se.Path, se.Line, se.Col)
	}
	if !execErrRE.MatchString(err.Error()) || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("message %q", err)
	}
}

// A function returning an error inside a partial is reported at the
// partial.
func TestExecuteErrorInPartial(t *testing.T) {
	l := miniLayouts()
	l["partials/nav.html"] = file("<nav>\n{{with asset \"css/missing.css\"}}{{.RelPermalink}}{{end}}</nav>")
	tpl, err := LoadTemplates(l, testFuncs())
	if err != nil {
		t.Fatal(err)
	}
	err = tpl.Execute(new(bytes.Buffer), articleLayout, testPage("x"))
	ses := sourceErrors(t, err)
	if len(ses) != 1 || ses[0].Path != "layouts/partials/nav.html" || ses[0].Line != 2 {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), `asset "css/missing.css" not found`) {
		t.Errorf("message %q", err)
	}
}

// html/template finds some mistakes only when a template first runs (its
// escaping pass): a misspelt partial name, a value that leaves an attribute
// open in one branch. Those errors come as *template.Error, whose text is
// "html/template:NAME:LINE:COL: …", not "template: NAME:LINE:COL: …"; they
// too must name layouts/<file>:LINE so an editor can jump there.
func TestExecuteEscapeErrorPosition(t *testing.T) {
	cases := []struct{ label, src string }{
		{"misspelt partial", "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<div>{{template \"partials/navv.html\" .}}</div>\n{{end}}"},
		{"branches end in different contexts", "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<a href=\"{{.Title}}{{if .Article}}\"{{end}}>x</a>\n{{end}}"},
	}
	for _, c := range cases {
		l := miniLayouts()
		l["_default/single.html"] = file(c.src)
		tpl, err := LoadTemplates(l, testFuncs())
		if err != nil {
			t.Fatalf("%s: %v", c.label, err)
		}
		err = tpl.Execute(new(bytes.Buffer), articleLayout, testPage("x"))
		if err == nil {
			t.Fatalf("%s: no error", c.label)
		}
		var se *diag.SourceError
		if !errors.As(err, &se) || se.Path != "layouts/_default/single.html" || se.Line != 3 {
			t.Errorf("%s: want a *diag.SourceError at layouts/_default/single.html:3, got %T: %v", c.label, err, err)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
