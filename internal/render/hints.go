package render

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"regexp"

	"github.com/sahifa/sahifa/internal/diag"
)

// Template mistakes get a hint: the field or function most likely meant,
// or, for a function of Hugo's, what sahifa has instead. The texts are one
// table, so they can be read together and translated (issue 16, item 8).
const (
	hintField       = "did you mean .%s? (the fields each page has: docs/templates.md#data)"
	hintFieldNone   = "the fields each page has are listed in docs/templates.md#data"
	hintHugo        = "%q is a Hugo function, which sahifa does not have: %s (docs/templates.md#functions)"
	hintHugoGeneric = "sahifa's templates are Go's html/template with the functions listed in docs/templates.md#functions"
	hintFunc        = "did you mean %q? (the functions templates can use: docs/templates.md#functions)"
	hintFuncNone    = "the functions templates can use are listed in docs/templates.md#functions"
)

// hugoFuncs are Hugo template functions a theme ported from Hugo is likely
// to call, with what to write in sahifa instead. Namespaced ones
// (resources.Get) are reported by their namespace.
var hugoFuncs = map[string]string{
	"partial":       `include a partial with {{template "partials/NAME.html" .}}`,
	"partialCached": `include a partial with {{template "partials/NAME.html" .}}`,
	"resources":     `use asset: {{$css := asset "css/main.css"}}`,
	"safeHTML":      "values are escaped for where they land, and .Article.Content is already HTML",
	"safeURL":       "values are escaped for where they land",
	"markdownify":   "the article's Markdown is rendered as .Article.Content",
	"i18n":          "write the text itself, in Arabic",
	"T":             "write the text itself, in Arabic",
	"dateFormat":    "use arDate, shortDate, fullDate or isoDate",
	"time":          "use arDate, shortDate, fullDate or isoDate",
	"now":           "dates come from the page: .Article.Date",
	"relLangURL":    "use relURL",
	"absLangURL":    "use absURL",
	"urlize":        hintHugoGeneric,
	"humanize":      hintHugoGeneric,
	"plainify":      hintHugoGeneric,
	"truncate":      hintHugoGeneric,
	"default":       "use {{with …}}…{{else}}…{{end}}",
	"where":         hintHugoGeneric,
	"first":         "use slice: {{range slice .Pager.Articles 0 3}}",
	"after":         "use slice",
	"dict":          hintHugoGeneric,
	"delimit":       hintHugoGeneric,
	"jsonify":       hintHugoGeneric,
	"isset":         "use with or if",
	"ref":           "use relURL",
	"relref":        "use relURL",
	"lower":         hintHugoGeneric,
	"upper":         hintHugoGeneric,
	"replace":       hintHugoGeneric,
	"strings":       hintHugoGeneric,
	"site":          "use .Site",
	"hugo":          hintHugoGeneric,
}

// goBuiltins are text/template's own functions, besides funcMap's.
var goBuiltins = []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or",
	"print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}

var (
	undefinedFunc = regexp.MustCompile(`function "([^"]+)" not defined`)
	missingField  = regexp.MustCompile(`can't evaluate field (\w+) in type (\S+)`)
)

// withHint adds to a template error the hint its message calls for, if
// any; funcs are the functions templates may call.
func withHint(err error, funcs template.FuncMap) error {
	var se *diag.SourceError
	if !errors.As(err, &se) {
		return err
	}
	msg := se.Err.Error()
	var hint string
	if m := undefinedFunc.FindStringSubmatch(msg); m != nil {
		hint = funcHint(m[1], funcs)
	} else if m := missingField.FindStringSubmatch(msg); m != nil {
		hint = fieldHint(m[1], m[2])
	}
	if hint == "" {
		return err
	}
	return &diag.SourceError{Path: se.Path, Line: se.Line, Col: se.Col, Err: fmt.Errorf("%w; %s", se.Err, hint)}
}

func funcHint(name string, funcs template.FuncMap) string {
	if alt, ok := hugoFuncs[name]; ok {
		return fmt.Sprintf(hintHugo, name, alt)
	}
	names := append([]string(nil), goBuiltins...)
	for n := range funcs {
		names = append(names, n)
	}
	if s := diag.Closest(name, names); s != "" {
		return fmt.Sprintf(hintFunc, s)
	}
	return hintFuncNone
}

// fieldHint suggests the field or method of the template data type named
// in text/template's message ("*render.Article") closest to field.
func fieldHint(field, typeName string) string {
	t, ok := dataTypes()[typeName]
	if !ok {
		return ""
	}
	var names []string
	for _, f := range reflect.VisibleFields(derefType(t)) {
		if f.IsExported() && !f.Anonymous {
			names = append(names, f.Name)
		}
	}
	pt := t
	if pt.Kind() != reflect.Pointer {
		pt = reflect.PointerTo(t)
	}
	for i := 0; i < pt.NumMethod(); i++ {
		names = append(names, pt.Method(i).Name)
	}
	if s := diag.Closest(field, names); s != "" {
		return fmt.Sprintf(hintField, s)
	}
	return hintFieldNone
}

// dataTypes maps the names text/template gives the types templates reach
// from a Page ("*render.Article", "render.TermLink") to the types.
func dataTypes() map[string]reflect.Type {
	out := map[string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if _, seen := out[t.String()]; seen {
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(t.Elem())
			if t.Kind() != reflect.Pointer {
				return
			}
		}
		if derefType(t).Kind() != reflect.Struct {
			return
		}
		out[t.String()] = t
		if t.Kind() == reflect.Pointer {
			return // its struct is walked through Elem
		}
		out["*"+t.String()] = reflect.PointerTo(t)
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeOf(&Page{}))
	return out
}

func derefType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}
