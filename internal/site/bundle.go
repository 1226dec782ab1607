package site

import (
	"path"

	"github.com/sahifa/sahifa/internal/content"
)

// BundleFile is a file of an article's bundle that the site publishes,
// beside the article's page, as Hugo publishes a bundle's resources.
type BundleFile struct {
	content.BundleFile
	// OutputPath is where it is published: "2024/01/15/trip/photo.jpg"
	// beside "2024/01/15/trip/index.html".
	OutputPath string
}

// bundleFiles are the files of a's bundle to publish: all of them, or
// with _build.publishResources false those its page links (its body
// or its featured image), which Hugo publishes as the page uses them.
func bundleFiles(a *Article) []BundleFile {
	var linked map[string]bool
	if a.KeepResources {
		linked = map[string]bool{a.Image: true}
		for _, l := range a.BundleLinks {
			linked[l.Name] = true
		}
	}
	dir := path.Dir(a.OutputPath)
	var out []BundleFile
	for _, f := range a.Bundle {
		if linked != nil && !linked[f.Name] {
			continue
		}
		out = append(out, BundleFile{BundleFile: f, OutputPath: path.Join(dir, f.Name)})
	}
	return out
}

// claimBundles claims the output path of each written article's
// bundle files, after every page's own: a file named like a page of the
// site is the one to rename.
func (s *Site) claimBundles(written []*Article, claims claims) []error {
	var errs []error
	for _, a := range written {
		a.Files = bundleFiles(a)
		for _, f := range a.Files {
			if err := claims.claim(f.OutputPath, f.Path); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errs
}
