package render

import (
	"fmt"
	"path"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
)

// listImage is the picture a section's or a term's _index.md names
// (image:), for its pages and their social previews.
type listImage struct {
	meta content.SectionMeta
	name string // the section's or term's, for the alt text
	src  imageSource
	set  func(*Image)
}

// listImages are the pictures of the sections' and terms' _index.md, to
// be processed with the featured images; one given as a URL, or a
// reference to no file, is settled here.
func (r *renderer) listImages(errs *errorSet) []listImage {
	r.pageImages = map[any]*Image{}
	var out []listImage
	add := func(owner any, m content.SectionMeta, name string) {
		if m.Image == "" {
			return
		}
		set := func(im *Image) { r.pageImages[owner] = im }
		if external(m.Image) {
			set(r.externalImage(m.Image, &Article{Title: name}))
			return
		}
		src, err := r.resolveImage(path.Dir(m.Path), m.Image)
		if err != nil {
			errs.add(diag.At(m.Path, m.ImageLine, 0, fmt.Errorf("image: %w", err)))
			return
		}
		out = append(out, listImage{meta: m, name: name, src: src, set: set})
	}
	for _, sec := range r.site.Sections {
		add(sec, sec.Meta(), sec.Name)
	}
	for _, tx := range r.site.Taxonomies {
		for _, t := range tx.Terms {
			add(t, t.Meta(), t.Name)
		}
	}
	return out
}

// setListImages gives each section and term its processed picture.
func (r *renderer) setListImages(uses []listImage, done map[string]*imageResult, errs *errorSet) {
	for _, u := range uses {
		res := done[u.src.shown]
		if res.err != nil {
			errs.add(diag.At(u.meta.Path, u.meta.ImageLine, 0, fmt.Errorf("image: %s: %w", u.src.shown, res.err)))
			continue
		}
		u.set(r.templateImage(res, &Article{Title: u.name}))
	}
}
