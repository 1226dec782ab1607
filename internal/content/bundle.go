package content

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// BundleFile is a file of a page bundle: beside a leaf bundle's index.md,
// or in a folder below it (Hugo's page resources).
type BundleFile struct {
	Name string // in the bundle's folder: "photo.jpg", "docs/report.pdf"
	Path string // site-relative: "content/posts/trip/photo.jpg"
}

// bundleIndex is the file name that makes its folder a leaf bundle.
const bundleIndex = "index.md"

// IsBundlePage reports whether the source at site-relative path p is a
// leaf bundle's page: an index.md in a folder below content/'s top, as
// in Hugo (content/index.md is no bundle of the whole site).
func IsBundlePage(p string) bool {
	return path.Base(p) == bundleIndex && strings.Count(p, "/") >= 2
}

// attachBundles gives each leaf bundle's page its files: each file of
// others (files under content/ that are not articles) belongs to the
// bundle of the nearest folder above it that has an index.md. A link of
// the page to a file its bundle lacks is a warning at the link.
func attachBundles(pages []Page, others []string) {
	bundles := map[string]*Page{}
	for i := range pages {
		if IsBundlePage(pages[i].Path) {
			bundles[path.Dir(pages[i].Path)] = &pages[i]
		}
	}
	if len(bundles) == 0 {
		return
	}
	for _, f := range others {
		for dir := path.Dir(f); strings.Contains(dir, "/"); dir = path.Dir(dir) {
			if p := bundles[dir]; p != nil {
				p.Bundle = append(p.Bundle, BundleFile{Name: f[len(dir)+1:], Path: f})
				break
			}
		}
	}
	for _, p := range bundles {
		slices.SortFunc(p.Bundle, func(a, b BundleFile) int { return strings.Compare(a.Name, b.Name) })
		var missing []diag.Warning
		for _, l := range p.BundleLinks {
			if _, ok := p.BundleFileNamed(l.Name); !ok {
				what := "links"
				if l.Image {
					what = "shows"
				}
				missing = append(missing, diag.Warning{Path: p.Path, Line: l.Line,
					Msg: fmt.Sprintf("the page %s %q, which is not in its bundle (%s/); readers would get a broken link: add the file beside %s, or correct the name",
						what, l.Name, path.Dir(p.Path), bundleIndex)})
			}
		}
		if missing != nil {
			// A new slice: the page's warnings may be shared with the
			// records kept for the next load, which must not hold these.
			p.Warnings = append(slices.Clip(p.Warnings), missing...)
		}
	}
}

// BundleFileNamed is the file of the page's bundle called name.
func (p *Page) BundleFileNamed(name string) (BundleFile, bool) {
	i, ok := slices.BinarySearchFunc(p.Bundle, name, func(f BundleFile, name string) int { return strings.Compare(f.Name, name) })
	if !ok {
		return BundleFile{}, false
	}
	return p.Bundle[i], true
}
