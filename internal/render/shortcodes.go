package render

import (
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/site"
)

// shortcodeDir holds a site's own shortcodes, Hugo's convention:
// layouts/shortcodes/NAME.html, run as {{< NAME >}} in Markdown.
const shortcodeDir = "shortcodes"

// ShortcodeNames are the names of the shortcodes in layouts (a file
// system rooted at the layouts folder), for the warnings about unknown
// ones when articles are read.
func ShortcodeNames(layouts fs.FS) []string {
	if layouts == nil {
		return nil
	}
	files, _ := fs.Glob(layouts, shortcodeDir+"/*.html")
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(path.Base(f), ".html")
	}
	return names
}

// isShortcode reports whether a layouts path is one of the site's
// shortcodes.
func isShortcode(name string) bool {
	ok, _ := path.Match(shortcodeDir+"/*.html", name)
	return ok
}

// loadShortcodes parses each shortcode file of layouts as a template of
// its own, adding it to the template set's sum: a changed shortcode
// changes the pages that may use it.
func loadShortcodes(layouts fs.FS, funcs template.FuncMap, parse func(*template.Template, fs.FS, string) error) (map[string]*template.Template, []error) {
	files, _ := fs.Glob(layouts, shortcodeDir+"/*.html")
	out := map[string]*template.Template{}
	var errs []error
	for _, f := range files {
		t := template.New("").Funcs(funcs)
		if err := parse(t, layouts, f); err != nil {
			errs = append(errs, err)
			continue
		}
		out[strings.TrimSuffix(path.Base(f), ".html")] = t.Lookup(f)
	}
	return out, errs
}

// refResolver finds the pages ref and relref name, as Hugo does: by
// their path under content/ ("posts/x.md", "/posts/x.md", "posts/x",
// a bundle's folder "posts/x/"), or by the end of that path
// ("x.md", "x/index.md") when only one page's path ends so.
func refResolver(s *site.Site) markdown.RefResolver {
	byPath := map[string]*site.Article{}
	byEnd := map[string]*site.Article{}
	ambiguous := map[string]bool{}
	for _, a := range s.Written() {
		p := strings.TrimPrefix(a.Path, "content/")
		noExt := strings.TrimSuffix(p, path.Ext(p))
		keys := []string{p, noExt}
		if base := path.Base(noExt); base == "index" || base == "_index" {
			keys = append(keys, path.Dir(noExt))
		}
		for _, k := range keys {
			byPath[k] = a
			for i := strings.Index(k, "/"); i >= 0; i = strings.Index(k, "/") {
				k = k[i+1:]
				if byEnd[k] != nil && byEnd[k] != a {
					ambiguous[k] = true
				}
				byEnd[k] = a
			}
		}
	}
	return func(ref string) (string, string, bool) {
		key := strings.Trim(ref, "/")
		a := byPath[key]
		if a == nil && !ambiguous[key] {
			a = byEnd[key]
		}
		if a == nil {
			return "", "", false
		}
		return absLink(s.Config, a.RelPermalink), relLink(s.Config, a.RelPermalink), true
	}
}

// refURLs are the addresses of the pages an article refs, for its page's
// key; a ref to no page makes the key one no earlier build has, so the
// page is rendered and the broken ref reported.
func (r *renderer) refURLs(refs []string) []string {
	if len(refs) == 0 {
		return nil
	}
	out := make([]string, len(refs))
	for i, ref := range refs {
		_, rel, ok := r.resolveRef(ref)
		if !ok {
			rel = "\x00missing"
		}
		out[i] = rel
	}
	return out
}
