package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
)

// bundle is what the files of an article's bundle are on its page.
type bundle struct {
	files map[string]markdown.BundleFile // by name in the bundle
	// key stands in the page's key for the files' addresses and sizes,
	// which its file's hash does not cover: a photo replaced beside an
	// unchanged index.md changes the page.
	key string
	raw []site.BundleFile // published as they are (not pictures)
}

// find is the bundle's lookup for the Markdown renderer; nil for an
// article without one.
func (b *bundle) find() func(string) (markdown.BundleFile, bool) {
	if b == nil {
		return nil
	}
	return func(name string) (markdown.BundleFile, bool) {
		f, ok := b.files[name]
		return f, ok
	}
}

// bundlePictures are the pictures of the written articles' bundles, to be
// resized with the featured images (images.go): JPEG, PNG and WebP, which
// the image pipeline reads. Other files (a GIF, an SVG, a PDF) are
// published as they are.
func (r *renderer) bundlePictures() []imageSource {
	if r.opts.Source == nil {
		return nil
	}
	var out []imageSource
	for _, a := range r.site.Written() {
		for _, f := range a.Files {
			if isPicture(f.Name) {
				out = append(out, imageSource{r.opts.Source, f.Path, f.Path})
			}
		}
	}
	return out
}

func isPicture(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp":
		return true
	}
	return false
}

// setBundles gives each written article with a bundle its files as its
// page links them: a picture at its sizes (done holds the processed
// pictures, by file), written at its own name too, at the largest size
// and without its metadata, for whatever links it there (a theme, an
// old page); another file as it is (bundleCopies).
func (r *renderer) setBundles(done map[string]*imageResult, errs *errorSet) {
	r.bundles = map[*site.Article]*bundle{}
	for _, a := range r.site.Written() {
		if len(a.Files) == 0 {
			continue
		}
		b := &bundle{files: make(map[string]markdown.BundleFile, len(a.Files))}
		h := sha256.New()
		for _, f := range a.Files {
			bf := markdown.BundleFile{URL: r.abs("/" + f.OutputPath)}
			if res := done[f.Path]; res != nil {
				if res.err != nil {
					errs.add(diag.At(f.Path, 0, 0, fmt.Errorf("image: %w; fix or remove it (a file of the bundle of %s)", res.err, a.Path)))
					continue
				}
				src, srcset := r.sizes(res, r.abs)
				bf = markdown.BundleFile{URL: r.abs(res.urls[src.Width]), Srcset: srcset, Sizes: articleSizes, Width: src.Width, Height: src.Height}
				// At its own name if the largest size keeps its format:
				// a WebP source is resized into JPEG or PNG.
				if largest := res.img.Variants[len(res.img.Variants)-1]; sameFormat(f.Name, largest.Ext) {
					errs.add(r.emit(output.File{Path: f.OutputPath, MediaType: largest.MediaType, Data: largest.Data}))
				}
			} else {
				b.raw = append(b.raw, f)
			}
			b.files[f.Name] = bf
			fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%d\x00", f.Name, bf.URL, bf.Srcset, bf.Width, bf.Height)
		}
		b.key = "bundle " + hex.EncodeToString(h.Sum(nil))
		r.bundles[a] = b
	}
}

func sameFormat(name, ext string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return ext == ".jpg"
	case ".png":
		return ext == ".png"
	}
	return false
}

// bundleCopies are the jobs that publish the bundles' other files as
// they are, beside their pages.
func (r *renderer) bundleCopies() work {
	var w work
	for _, b := range r.bundles {
		for _, f := range b.raw {
			w = append(w, func() error {
				data, err := fs.ReadFile(r.opts.Source, f.Path)
				if err != nil {
					return diag.At(f.Path, 0, 0, unwrapPath(err))
				}
				return r.emit(output.File{Path: f.OutputPath, MediaType: mediaType(f.Name), Data: data})
			})
		}
	}
	return w
}
