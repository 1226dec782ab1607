package render

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// Message texts, one table for translation (issue 16, item 8).
const (
	msgOverridesNothing = "sahifa reads no template of this name, so this file changes nothing; did you mean %q? (the templates sahifa reads: docs/templates.md#files)"
	msgUnusedLayout     = "sahifa reads no template of this name, so this file changes nothing (the templates sahifa reads: docs/templates.md#files)"
	msgUncalledPartial  = "no template includes this partial, and its name is close to the theme's %q; if it is meant to replace that one, name it so"
)

// UnusedLayouts returns a warning for each file in a site's layouts folder
// that overrides nothing and is never used: a misnamed override
// (_default/singel.html) would otherwise be ignored in silence. theme is
// the theme's layouts folder. A new partial is used only if a template
// names it; one that none names but that is close to a theme partial's
// name is most likely a misnamed override too. Either may be nil.
func UnusedLayouts(site, theme fs.FS) ([]diag.Warning, error) {
	if site == nil {
		return nil, nil
	}
	siteFiles, err := Layers{site}.Files()
	if err != nil {
		return nil, err
	}
	var themeFiles []string
	if theme != nil {
		if themeFiles, err = (Layers{theme}.Files()); err != nil {
			return nil, err
		}
	}
	read := map[string]bool{baseLayout: true}
	for _, k := range pageLayouts {
		read[k.name] = true
		if k.fallback != "" {
			read[k.fallback] = true
		}
	}
	var themePartials []string
	for _, f := range themeFiles {
		if isPartial(f) {
			themePartials = append(themePartials, f)
		}
	}
	// Every template text, site's and theme's, to see which partials are
	// named.
	var texts strings.Builder
	for _, l := range []struct {
		fsys  fs.FS
		files []string
	}{{site, siteFiles}, {theme, themeFiles}} {
		for _, f := range l.files {
			if b, err := fs.ReadFile(l.fsys, f); err == nil {
				texts.Write(b)
			}
		}
	}
	var warns []diag.Warning
	for _, f := range siteFiles {
		if read[f] || isShortcode(f) {
			continue
		}
		msg := ""
		if isPartial(f) {
			if slices.Contains(themePartials, f) || strings.Contains(texts.String(), `"`+f+`"`) {
				continue
			}
			s := diag.Closest(f, themePartials)
			if s == "" {
				continue // a partial of the site's own, for later
			}
			msg = fmt.Sprintf(msgUncalledPartial, s)
		} else if s := diag.Closest(f, append(sortedNames(read), themePartials...)); s != "" {
			msg = fmt.Sprintf(msgOverridesNothing, s)
		} else {
			msg = msgUnusedLayout
		}
		warns = append(warns, diag.Warning{Path: path.Join("layouts", f), Msg: msg})
	}
	return warns, nil
}

// isPartial reports whether a layouts path is one LoadTemplates parses as
// a partial.
func isPartial(name string) bool {
	ok, _ := path.Match("partials/*.html", name)
	return ok
}

// sortedNames returns the keys of m in order.
func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
