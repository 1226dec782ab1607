package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/images"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
)

// Image is a featured image as templates see it: an article's (from front
// matter image and caption) or the site's default (images.default).
type Image struct {
	Src    string // a middle size, with the base path, percent-encoded
	Srcset string // every size: "/images/x.abc-480.jpg 480w, …"; "" for an image given as a URL
	// Sizes is the sizes attribute for an article page's figure; lists say
	// their own, since a card is narrower.
	Sizes string
	// Width and Height are Src's, for the width and height attributes that
	// keep the page from shifting as it loads; 0 for an image given as a URL.
	Width, Height int
	Alt           string // front matter alt, else the caption, else the title
	Caption       string
	// OG is the picture for social previews (og:image, twitter:image, JSON-LD).
	OG SocialImage
}

// SocialImage is the picture shown when a page is shared.
type SocialImage struct {
	URL           string // absolute
	Width, Height int    // 0 when unknown
	Type          string // "image/jpeg", "image/png"; "" when unknown
}

// articleSizes matches the theme's article column (--measure: 42rem).
const articleSizes = "(min-width: 42rem) 42rem, 100vw"

// srcWidth is the width of the size put in src, for browsers without
// srcset support and for crawlers: a laptop column.
const srcWidth = 960

// imageSource is a file an image reference points at.
type imageSource struct {
	fsys  fs.FS
	name  string // in fsys
	shown string // for messages: "content/world/x.jpg", "assets/images/x.jpg"
}

// images processes every featured image (each source file once, in
// parallel), emits its sizes, and gives each article its Image. Problems
// are reported at the front matter line that names the file.
func (r *renderer) images(errs *errorSet) {
	type use struct {
		article *site.Article // nil for the site default
		src     imageSource
	}
	var uses []use
	for _, a := range r.site.Written() {
		ref := a.Image
		if ref == "" {
			continue
		}
		if external(ref) {
			r.entries[a].Image = r.externalImage(ref, r.entries[a])
			continue
		}
		src, err := r.resolveImage(path.Dir(a.Path), ref)
		if err != nil {
			errs.add(diag.At(a.Path, a.ImageLine, 0, fmt.Errorf("image: %w", err)))
			continue
		}
		uses = append(uses, use{a, src})
	}
	if ref := r.site.Config.Images.Default; ref != "" {
		if external(ref) {
			r.siteData.Image = r.externalImage(ref, &Article{Title: r.site.Config.Title})
		} else if src, err := r.resolveImage("", ref); err != nil {
			errs.add(diag.At("sahifa.toml", 0, 0, fmt.Errorf("images.default: %w", err)))
		} else {
			uses = append(uses, use{nil, src})
		}
	}

	// Each source once, however many articles show it.
	var mu sync.Mutex
	done := map[string]*imageResult{} // by shown name
	emitted := map[string]bool{}
	jobs := make(chan imageSource)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range jobs {
				res := r.processImage(src, &mu, emitted)
				mu.Lock()
				done[src.shown] = res
				mu.Unlock()
			}
		}()
	}
	queued := map[string]bool{}
	queue := func(src imageSource) {
		if !queued[src.shown] {
			queued[src.shown] = true
			jobs <- src
		}
	}
	for _, u := range uses {
		queue(u.src)
	}
	for _, src := range r.bundlePictures() {
		queue(src)
	}
	lists := r.listImages(errs)
	for _, u := range lists {
		queue(u.src)
	}
	close(jobs)
	wg.Wait()

	for _, u := range uses {
		res := done[u.src.shown]
		if res.err != nil {
			if u.article == nil {
				errs.add(diag.At("sahifa.toml", 0, 0, fmt.Errorf("images.default: %s: %w", u.src.shown, res.err)))
			} else {
				errs.add(diag.At(u.article.Path, u.article.ImageLine, 0, fmt.Errorf("image: %s: %w", u.src.shown, res.err)))
			}
			continue
		}
		if u.article == nil {
			r.siteData.Image = r.templateImage(res, &Article{Title: r.site.Config.Title})
		} else {
			e := r.entries[u.article]
			e.Image = r.templateImage(res, e)
		}
	}
	r.setBundles(done, errs)
	r.setListImages(lists, done, errs)
}

// imageResult is a processed source and the URLs of its files.
type imageResult struct {
	img  *images.Image
	urls map[int]string // by width, site-relative
	og   string
	err  error
}

func (r *renderer) processImage(src imageSource, mu *sync.Mutex, emitted map[string]bool) *imageResult {
	data, err := readImage(src, r.opts.Images.MaxBytes())
	if err != nil {
		return &imageResult{err: err}
	}
	img, err := r.opts.Images.Process(data)
	if err != nil {
		return &imageResult{err: err}
	}
	res := &imageResult{img: img, urls: map[int]string{}}
	stem := fileStem(src.name)
	emit := func(v images.Variant) (string, error) {
		p := "images/" + stem + "." + img.Key[:12] + "-" + strconv.Itoa(v.Width) + v.Ext
		mu.Lock()
		dup := emitted[p]
		emitted[p] = true
		mu.Unlock()
		if !dup {
			// Two source files with the same name and bytes share files.
			if err := r.emit(output.File{Path: p, MediaType: v.MediaType, Data: v.Data}); err != nil {
				return "", err
			}
		}
		return "/" + p, nil
	}
	for _, v := range img.Variants {
		if res.urls[v.Width], err = emit(v); err != nil {
			return &imageResult{err: err}
		}
	}
	if res.og, err = emit(img.OG); err != nil {
		return &imageResult{err: err}
	}
	return res
}

// readImage reads a source file, refusing one larger than limit before
// reading it: the size check comes before the bytes, as the pixel check
// comes before decoding.
func readImage(src imageSource, limit int64) ([]byte, error) {
	if info, err := fs.Stat(src.fsys, src.name); err == nil && info.Size() > limit {
		return nil, fmt.Errorf("%.1f MB is larger than the %.0f MB sahifa reads; make it smaller first",
			float64(info.Size())/(1<<20), float64(limit)/(1<<20))
	}
	data, err := fs.ReadFile(src.fsys, src.name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return data, nil
}

// unwrapPath drops the path an error carries, which the caller shows
// its own way.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var se *diag.SourceError
	if errors.As(err, &se) {
		return se.Err
	}
	return err
}

func (r *renderer) templateImage(res *imageResult, a *Article) *Image {
	img := res.img
	src, srcset := r.sizes(res, r.rel)
	return &Image{
		Src:     r.rel(res.urls[src.Width]),
		Srcset:  srcset,
		Sizes:   articleSizes,
		Width:   src.Width,
		Height:  src.Height,
		Alt:     alt(a),
		Caption: a.Caption,
		OG:      SocialImage{URL: r.abs(res.og), Width: img.OG.Width, Height: img.OG.Height, Type: img.OG.MediaType},
	}
}

// sizes is the size of a processed picture to put in src (a laptop
// column's) and its srcset, with links made by link.
func (r *renderer) sizes(res *imageResult, link func(string) string) (src images.Variant, srcset string) {
	var set []string
	src = res.img.Variants[0]
	for _, v := range res.img.Variants {
		if v.Width <= srcWidth {
			src = v
		}
		set = append(set, link(res.urls[v.Width])+" "+strconv.Itoa(v.Width)+"w")
	}
	return src, strings.Join(set, ", ")
}

// externalImage is an image given as a full URL: used as it is, with no
// sizes and no dimensions, since sahifa does not fetch it.
func (r *renderer) externalImage(ref string, a *Article) *Image {
	if strings.HasPrefix(ref, "//") {
		ref = "https:" + ref
	}
	return &Image{Src: ref, Sizes: articleSizes, Alt: alt(a), Caption: a.Caption, OG: SocialImage{URL: ref}}
}

func alt(a *Article) string {
	if s, ok := a.Params["alt"].(string); ok && strings.TrimSpace(s) != "" {
		return s
	}
	return firstNonEmpty(a.Caption, a.Title)
}

func external(ref string) bool {
	return strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "//")
}

// resolveImage finds the file an image reference names: beside the
// article (dir is its folder, "" for the site default), then in assets/
// (the site's, then the theme's), then in static/. A leading "/" skips the
// article's folder. Nothing outside those folders can be named: fs paths
// have no "..".
func (r *renderer) resolveImage(dir, ref string) (imageSource, error) {
	var tried []imageSource
	name := strings.TrimPrefix(ref, "/")
	if dir != "" && !strings.HasPrefix(ref, "/") && r.opts.Source != nil {
		if p := path.Join(dir, ref); strings.HasPrefix(p, "content/") {
			tried = append(tried, imageSource{r.opts.Source, p, p})
		}
	}
	if r.opts.Assets != nil {
		tried = append(tried, imageSource{r.opts.Assets, name, "assets/" + name})
	}
	if r.opts.Static != nil {
		tried = append(tried, imageSource{r.opts.Static, name, "static/" + name})
	}
	for _, src := range tried {
		if !fs.ValidPath(src.name) {
			continue
		}
		info, err := fs.Stat(src.fsys, src.name)
		if err == nil && info.Mode().IsRegular() {
			return src, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return src, fmt.Errorf("%s: %w", src.shown, unwrapPath(err))
		}
	}
	var where []string
	for _, src := range tried {
		where = append(where, src.shown)
	}
	if len(where) == 0 {
		return imageSource{}, fmt.Errorf("%q not found", ref)
	}
	return imageSource{}, fmt.Errorf("%q not found (looked for %s)", ref, strings.Join(where, ", "))
}

// fileStem is a source file's name without extension, made safe for a
// URL: letters (Arabic too) and digits kept, anything else a hyphen.
func fileStem(name string) string {
	base := path.Base(name)
	base = strings.TrimSuffix(base, path.Ext(base))
	var b strings.Builder
	n := 0
	for _, c := range base {
		if n == 60 {
			break
		}
		if unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_' {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
		n++
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "image"
	}
	return s
}
