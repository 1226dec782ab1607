// Package images turns an article's source photo into the files a news page
// serves: a few widths for srcset, each never larger than the source, and a
// 1200-wide picture for social previews. EXIF orientation is applied and all
// metadata (GPS position, camera serial, editing history) is left behind,
// because every output is re-encoded from pixels.
//
// Outside input is never trusted: the file size and the pixel dimensions are
// checked before anything is decoded, so a 50,000 × 50,000 "pixel bomb" is
// refused after reading a few bytes of its header. Results are cached on
// disk between builds, keyed by the source's bytes and the settings, so an
// unchanged photo costs one hash and one file read on rebuild.
package images

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// Defaults for Options fields left zero.
const (
	DefaultQuality   = 80
	DefaultOGWidth   = 1200
	DefaultMaxPixels = 40_000_000
	DefaultMaxBytes  = 40 << 20
)

// DefaultWidths are the srcset widths when Options.Widths is empty: a phone,
// a laptop column, and a wide or high-density screen.
var DefaultWidths = []int{480, 960, 1600}

// Options are the settings of a Processor. Zero fields get the defaults.
type Options struct {
	// Widths are the widths (in pixels, after orientation) to resize to.
	// Widths larger than the source are dropped and the source's own width
	// is used instead: images are never upscaled.
	Widths []int
	// OGWidth is the width of the social-preview picture (og:image).
	OGWidth int
	// Quality is the JPEG quality, 1–100.
	Quality int
	// MaxPixels refuses larger images before decoding them; it is also the
	// number of pixels decoded at once across goroutines, which bounds the
	// memory a build takes (about 16 bytes a pixel at worst).
	MaxPixels int
	// MaxBytes refuses larger files before reading them.
	MaxBytes int64
	// CacheDir keeps results between builds; "" caches nothing.
	CacheDir string
}

func (o Options) withDefaults() Options {
	if len(o.Widths) == 0 {
		o.Widths = DefaultWidths
	}
	ws := slices.Clone(o.Widths)
	slices.Sort(ws)
	o.Widths = slices.Compact(ws)
	if o.OGWidth <= 0 {
		o.OGWidth = DefaultOGWidth
	}
	if o.Quality <= 0 || o.Quality > 100 {
		o.Quality = DefaultQuality
	}
	if o.MaxPixels <= 0 {
		o.MaxPixels = DefaultMaxPixels
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	return o
}

// Processor resizes images. It is safe for concurrent use.
type Processor struct {
	opts     Options
	settings string // the part of the cache key that is not the source
	budget   *budget
	cache    *cache
	decodes  atomic.Int64
	hits     atomic.Int64
}

// New returns a Processor with opts.
func New(opts Options) *Processor {
	opts = opts.withDefaults()
	ws := make([]string, len(opts.Widths))
	for i, w := range opts.Widths {
		ws[i] = strconv.Itoa(w)
	}
	p := &Processor{
		opts:     opts,
		settings: fmt.Sprintf("v%d w%s og%d q%d", formatVersion, strings.Join(ws, ","), opts.OGWidth, opts.Quality),
		budget:   newBudget(int64(opts.MaxPixels)),
	}
	if opts.CacheDir != "" {
		p.cache = &cache{dir: opts.CacheDir}
	}
	return p
}

// formatVersion changes whenever the same source and settings would give
// different bytes (a new filter, encoder settings), so old cache entries
// are not reused.
const formatVersion = 1

// MaxBytes is the largest source file the Processor reads; callers that
// read files themselves check it first (see Limit).
func (p *Processor) MaxBytes() int64 { return p.opts.MaxBytes }

// Stats count what a Processor did.
type Stats struct {
	Decoded int // images decoded and resized
	Cached  int // images served from the cache without decoding
}

// Stats returns the counts so far.
func (p *Processor) Stats() Stats {
	return Stats{Decoded: int(p.decodes.Load()), Cached: int(p.hits.Load())}
}

// Image is a processed source image.
type Image struct {
	// Key identifies the source bytes and settings (hex); it is safe to put
	// in file names, and changes whenever any output byte would.
	Key string
	// Width and Height are the source's, orientation applied.
	Width, Height int
	// Variants are the srcset sizes, narrowest first.
	Variants []Variant
	// OG is the social-preview picture; it may be one of Variants.
	OG Variant
}

// Variant is one encoded size of an image.
type Variant struct {
	Width, Height int
	Ext           string // ".jpg" or ".png"
	MediaType     string // "image/jpeg" or "image/png"
	Data          []byte
}

// Error is matched (errors.Is) by every problem with an image's bytes, as
// opposed to reading the file or writing the cache.
var Error = errors.New("bad image")

// badImage is a problem with an image's bytes, worded for an editor.
type badImage struct{ msg string }

func (e *badImage) Error() string        { return e.msg }
func (e *badImage) Is(target error) bool { return target == Error }

func bad(format string, args ...any) error {
	return &badImage{msg: fmt.Sprintf(format, args...)}
}

// Process returns the sizes of the image in src, from the cache when the
// same bytes were processed with the same settings before. Errors about the
// image itself wrap Error and say what is wrong in words an editor can act
// on; the caller adds the file name.
func (p *Processor) Process(src []byte) (*Image, error) {
	if int64(len(src)) > p.opts.MaxBytes {
		return nil, bad("%s is larger than the %s sahifa reads; make it smaller first", size(int64(len(src))), size(p.opts.MaxBytes))
	}
	h := sha256.New()
	h.Write([]byte(p.settings + "\x00"))
	h.Write(src)
	key := hex.EncodeToString(h.Sum(nil))
	if p.cache != nil {
		if img, ok := p.cache.get(key); ok {
			p.hits.Add(1)
			return img, nil
		}
	}
	img, err := p.process(src)
	if err != nil {
		return nil, err
	}
	img.Key = key
	if p.cache != nil {
		if err := p.cache.put(key, img); err != nil {
			return nil, fmt.Errorf("image cache: %w", err)
		}
	}
	return img, nil
}

func (p *Processor) process(src []byte) (*Image, error) {
	format, cfg, err := inspect(src)
	if err != nil {
		return nil, err
	}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, bad("%d × %d pixels: not a picture", cfg.Width, cfg.Height)
	}
	if pixels > int64(p.opts.MaxPixels) {
		return nil, bad("%d × %d pixels (%s) is more than the %s sahifa resizes; make it smaller first",
			cfg.Width, cfg.Height, megapixels(pixels), megapixels(int64(p.opts.MaxPixels)))
	}
	if err := checkShape(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	orientation := exifOrientation(format, src)

	p.budget.acquire(pixels)
	defer p.budget.release(pixels)
	p.decodes.Add(1)
	m, err := decode(format, src)
	if err != nil {
		return nil, err
	}
	return p.resize(m, format, orientation)
}

// maxSide is the longest side sahifa takes: the longest JPEG can store
// (a resized copy is never larger than its source).
const maxSide = 65535

// maxAspect is how many times longer than the other one side may be. The
// widest lead photos (panoramas, banners) are about 10:1; past 20:1 the
// 480-pixel copy is a line a few pixels thick, so it is a slip (a strip
// exported by mistake, or hostile input), not a picture to publish.
const maxAspect = 20

// checkShape refuses sizes no page can use, from the header alone,
// saying every way in which the picture is out of shape.
func checkShape(w, h int) error {
	var why []string
	if w > maxSide {
		why = append(why, fmt.Sprintf("wider than %d pixels", maxSide))
	}
	if h > maxSide {
		why = append(why, fmt.Sprintf("higher than %d pixels", maxSide))
	}
	if long, short := max(w, h), min(w, h); long > maxAspect*short {
		ratio := strconv.FormatFloat(math.Round(float64(long)/float64(short)*10)/10, 'f', -1, 64)
		shape := "as wide as it is high"
		if h > w {
			shape = "as high as it is wide"
		}
		why = append(why, fmt.Sprintf("%s times %s (at most %d)", ratio, shape, maxAspect))
	}
	if len(why) == 0 {
		return nil
	}
	return bad("%d × %d pixels is not a usable picture: %s; crop or shrink it first", w, h, strings.Join(why, ", and "))
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

func megapixels(n int64) string {
	return strconv.FormatFloat(math.Round(float64(n)/1e5)/10, 'f', -1, 64) + " megapixels"
}
