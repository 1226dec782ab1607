package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"slices"
	"sync"

	"golang.org/x/image/draw"
)

// targets are the widths to make for an image ow pixels wide (after
// orientation): the configured widths below ow, and ow itself when a
// configured width is larger, so the widest file is the source's own
// resolution and nothing is upscaled.
func (p *Processor) targets(ow int) []int {
	var ws []int
	for _, w := range p.opts.Widths {
		if w < ow {
			ws = append(ws, w)
		}
	}
	if len(ws) < len(p.opts.Widths) {
		ws = append(ws, ow)
	}
	return ws
}

// resize makes every variant of m, whose EXIF orientation is o.
//
// Work is done in the source's orientation and each result turned upright
// afterwards, which is cheaper than turning the full-size picture. The
// source is first averaged down by a whole factor (a box filter, exact for
// downscaling by integers) to less than twice the largest width, then each
// width is made with Catmull-Rom from the next larger one: the filter's
// scratch memory grows with the source's height, so it is never run on a
// full-size 40-megapixel photo.
func (p *Processor) resize(m image.Image, format string, o int) (*Image, error) {
	b := m.Bounds()
	ow, oh := b.Dx(), b.Dy()
	if transposes(o) {
		ow, oh = oh, ow
	}
	widths := p.targets(ow)
	og := min(p.opts.OGWidth, ow)
	all := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(widths), og))))

	asPNG := format == formatPNG || !opaque(m)
	// sourceSize is the size, in the source's orientation, of the variant
	// that is w wide upright.
	sourceSize := func(w int) (int, int) {
		h := max(1, int(math.Round(float64(oh)*float64(w)/float64(ow))))
		if transposes(o) {
			return h, w
		}
		return w, h
	}

	largest := all[len(all)-1]
	prev := shrink(m, ow/largest)
	made := make(map[int]Variant, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		w := all[i]
		sw, sh := sourceSize(w)
		dst := prev
		if pb := prev.Bounds(); pb.Dx() != sw || pb.Dy() != sh {
			dst = image.NewRGBA(image.Rect(0, 0, sw, sh))
			draw.CatmullRom.Scale(dst, dst.Bounds(), prev, pb, draw.Src, nil)
		}
		prev = dst
		v, err := p.encode(orient(dst, o), asPNG)
		if err != nil {
			return nil, err
		}
		made[w] = v
	}
	img := &Image{Width: ow, Height: oh, OG: made[og]}
	for _, w := range widths {
		img.Variants = append(img.Variants, made[w])
	}
	return img, nil
}

func opaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// shrink returns m as RGBA, averaged down by the whole factor k (a box
// filter; k ≤ 1 copies). It converts k rows at a time, so the only
// full-size picture in memory is the decoded source.
func shrink(m image.Image, k int) *image.RGBA {
	b := m.Bounds()
	if k <= 1 {
		out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(out, out.Bounds(), m, b.Min, draw.Src)
		return out
	}
	w, h := b.Dx(), b.Dy()
	dw, dh := (w+k-1)/k, (h+k-1)/k
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	strip := image.NewRGBA(image.Rect(0, 0, w, min(k, h)))
	sums := make([]uint32, dw*4)
	for by := 0; by < dh; by++ {
		rows := min(k, h-by*k)
		draw.Draw(strip, image.Rect(0, 0, w, rows), m, image.Pt(b.Min.X, b.Min.Y+by*k), draw.Src)
		clear(sums)
		for y := 0; y < rows; y++ {
			row := strip.Pix[y*strip.Stride : y*strip.Stride+4*w]
			for x := 0; x < w; x++ {
				s := sums[4*(x/k):]
				px := row[4*x:]
				s[0] += uint32(px[0])
				s[1] += uint32(px[1])
				s[2] += uint32(px[2])
				s[3] += uint32(px[3])
			}
		}
		dst := out.Pix[by*out.Stride:]
		for bx := 0; bx < dw; bx++ {
			n := uint32(rows * min(k, w-bx*k))
			for c := 0; c < 4; c++ {
				dst[4*bx+c] = uint8((sums[4*bx+c] + n/2) / n)
			}
		}
	}
	return out
}

// encode writes m as JPEG, or as PNG when the source was a PNG or has
// transparency (JPEG would turn it black). Neither encoder writes any
// metadata, which is how EXIF, GPS and XMP are stripped.
func (p *Processor) encode(m *image.RGBA, asPNG bool) (Variant, error) {
	var buf bytes.Buffer
	v := Variant{Width: m.Bounds().Dx(), Height: m.Bounds().Dy()}
	if asPNG {
		v.Ext, v.MediaType = ".png", "image/png"
		if err := pngEncoder.Encode(&buf, m); err != nil {
			return v, err
		}
	} else {
		v.Ext, v.MediaType = ".jpg", "image/jpeg"
		if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: p.opts.Quality}); err != nil {
			return v, err
		}
	}
	v.Data = buf.Bytes()
	return v, nil
}

var pngEncoder = &png.Encoder{BufferPool: &pngBuffers{}}

type pngBuffers struct{ pool sync.Pool }

func (b *pngBuffers) Get() *png.EncoderBuffer {
	e, _ := b.pool.Get().(*png.EncoderBuffer)
	return e
}

func (b *pngBuffers) Put(e *png.EncoderBuffer) { b.pool.Put(e) }
