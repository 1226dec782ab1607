package render

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// Template names, relative to layouts/, as in Hugo.
const (
	baseLayout    = "_default/baseof.html"
	homeLayout    = "index.html"
	listLayout    = "_default/list.html"
	articleLayout = "_default/single.html"
	notFound      = "404.html"
)

// pageLayouts are the layout of each kind of page, with the one used when
// a theme lacks it. A theme without list layouts for taxonomies or the
// archive simply has no such pages, as in Hugo.
var pageLayouts = []struct {
	name, fallback string
	optional       bool
}{
	{homeLayout, listLayout, false},
	{articleLayout, "", false},
	{notFound, "", false},
	{termsLayout, "", true},
	{termLayout, listLayout, true},
	{sectionLayout, listLayout, true},
	{archiveLayout, "", true},
	{periodLayout, listLayout, true},
	{searchLayout, "", true},
}

// Templates are the theme's templates, one executable set per page kind.
// Executing them is safe for concurrent use.
type Templates struct {
	pages map[string]*template.Template
	// shortcodes are the site's own shortcodes, by name (shortcodes.go).
	shortcodes map[string]*template.Template
	// sum hashes every file parsed: pages made with other templates are
	// never kept (reuse.go).
	sum []byte
}

// LoadTemplates parses the templates of layouts (a file system rooted at the
// layouts folder). Each page kind gets its own clone of the base layout and
// partials so that every page file can define the "main" block. Errors name
// the template file and line, all of them at once.
func LoadTemplates(layouts fs.FS, funcs template.FuncMap) (*Templates, error) {
	funcs = maps.Clone(funcs)
	funcs["storyCard"] = noStoryCard // each page's set binds its own (cards.go)
	base := template.New("").Funcs(funcs)
	sum := sha256.New()
	parseFile := func(set *template.Template, layouts fs.FS, name string) error {
		return parseFile(set, layouts, name, sum)
	}
	var errs []error
	if err := parseFile(base, layouts, baseLayout); err != nil {
		errs = append(errs, err)
	}
	partials, _ := fs.Glob(layouts, "partials/*.html")
	for _, p := range partials {
		if err := parseFile(base, layouts, p); err != nil {
			errs = append(errs, err)
		}
	}
	// Page files are parsed even when the base or a partial is broken, so
	// one run reports every broken file.
	t := &Templates{pages: map[string]*template.Template{}}
	for _, kind := range pageLayouts {
		name := kind.name
		if !exists(layouts, name) && kind.fallback != "" {
			name = kind.fallback
		}
		if kind.optional && !exists(layouts, name) {
			continue
		}
		set, err := base.Clone()
		if err == nil {
			set.Funcs(template.FuncMap{"storyCard": storyCardFunc(set, kind.name)})
			err = parseFile(set, layouts, name)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.pages[kind.name] = set
	}
	var scErrs []error
	t.shortcodes, scErrs = loadShortcodes(layouts, funcs, parseFile)
	errs = append(errs, scErrs...)
	if len(errs) > 0 {
		for i, err := range errs {
			errs[i] = withHint(err, funcs)
		}
		return nil, errors.Join(errs...)
	}
	t.sum = sum.Sum(nil)
	return t, nil
}

// parseFile parses layouts/name into set and adds its name and source to
// sum.
func parseFile(set *template.Template, layouts fs.FS, name string, sum io.Writer) error {
	src, err := fs.ReadFile(layouts, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return diag.Errorf(layoutPath(name), 0, 0, "template missing (the theme needs it)")
		}
		var positioned *diag.SourceError
		if errors.As(err, &positioned) {
			return err // refused by the input rules, named already
		}
		return diag.At(layoutPath(name), 0, 0, err)
	}
	fmt.Fprintf(sum, "%s\x00%d\x00", name, len(src))
	sum.Write(src)
	if _, err := set.New(name).Parse(string(src)); err != nil {
		return templateError(err)
	}
	return nil
}

// exists reports whether name is there to be parsed: a file that is
// there but refused (a link out of the site) is, so the refusal is
// reported instead of the theme's file quietly used.
func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return !errors.Is(err, fs.ErrNotExist)
}

// Has reports whether the theme has a template for kind; pages of an
// optional kind without one are not written.
func (t *Templates) Has(kind string) bool {
	_, ok := t.pages[kind]
	return ok
}

// Execute runs the page template of kind into w.
func (t *Templates) Execute(w io.Writer, kind string, data any) error {
	set, ok := t.pages[kind]
	if !ok {
		return fmt.Errorf("no template for %s", kind)
	}
	if err := set.ExecuteTemplate(w, baseLayout, data); err != nil {
		return withHint(templateError(err), nil)
	}
	return nil
}

func layoutPath(name string) string { return path.Join("layouts", name) }

// text/template reports positions only inside its message text
// ("template: single.html:12:5: executing …") and exposes no fields for
// them, so the position is read back from the text once, here.
// html/template reports escaping problems it finds on first execution
// the same way with an "html/template:" prefix.
var templatePos = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

func templateError(err error) error {
	var se *diag.SourceError
	if errors.As(err, &se) {
		return err
	}
	m := templatePos.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	msg := strings.TrimPrefix(m[4], "template: ")
	return diag.At(layoutPath(m[1]), line, col, errors.New(msg))
}
