package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/draw"
)

// small are settings scaled down tenfold from the defaults, so the tests
// stay fast (also under -race) while exercising the same rules.
var small = Options{Widths: []int{48, 96, 160}, OGWidth: 120}

func TestSizesNeverUpscaled(t *testing.T) {
	p := New(small)
	for _, c := range []struct {
		w, h    int
		widths  []int // with heights in the same order
		heights []int
		og      [2]int
	}{
		{200, 100, []int{48, 96, 160}, []int{24, 48, 80}, [2]int{120, 60}},
		{100, 67, []int{48, 96, 100}, []int{32, 64, 67}, [2]int{100, 67}},
		{160, 90, []int{48, 96, 160}, []int{27, 54, 90}, [2]int{120, 68}},
		{30, 20, []int{30}, []int{20}, [2]int{30, 20}},
	} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			img, err := p.Process(encodeJPEG(t, quadrants(c.w, c.h)))
			if err != nil {
				t.Fatal(err)
			}
			if img.Width != c.w || img.Height != c.h {
				t.Errorf("source size %d×%d, want %d×%d", img.Width, img.Height, c.w, c.h)
			}
			var ws, hs []int
			for _, v := range img.Variants {
				ws, hs = append(ws, v.Width), append(hs, v.Height)
				m := decodeAny(t, v.Data)
				if b := m.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
					t.Errorf("variant says %d×%d, file is %d×%d", v.Width, v.Height, b.Dx(), b.Dy())
				}
				if v.MediaType != "image/jpeg" || v.Ext != ".jpg" {
					t.Errorf("variant type %s %s", v.MediaType, v.Ext)
				}
			}
			if fmt.Sprint(ws, hs) != fmt.Sprint(c.widths, c.heights) {
				t.Errorf("variants %v × %v, want %v × %v", ws, hs, c.widths, c.heights)
			}
			if og := [2]int{img.OG.Width, img.OG.Height}; og != c.og {
				t.Errorf("og %v, want %v", og, c.og)
			}
			// The picture survives resizing: quadrants stay where they were.
			m := decodeAny(t, img.Variants[0].Data)
			b := m.Bounds()
			if !near(m.At(b.Dx()/4, b.Dy()/4), red) || !near(m.At(3*b.Dx()/4, 3*b.Dy()/4), white) {
				t.Errorf("resized picture lost its quadrants: %v %v", m.At(b.Dx()/4, b.Dy()/4), m.At(3*b.Dx()/4, 3*b.Dy()/4))
			}
		})
	}
}

// TestDefaultSizes: 480, 960 and 1600 wide, and a 1200-wide preview.
func TestDefaultSizes(t *testing.T) {
	img, err := New(Options{}).Process(encodeJPEG(t, quadrants(1700, 900)))
	if err != nil {
		t.Fatal(err)
	}
	if s := sizes(img); s != "480×254 960×508 1600×847 1200×635" {
		t.Errorf("sizes %s", s)
	}
}

// TestPreShrink: sources many times the largest width are first averaged
// down by a whole factor; proportions and colours survive.
func TestPreShrink(t *testing.T) {
	for _, c := range []struct {
		w, h int
		want string
	}{
		{400, 200, "48×24 96×48 160×80 120×60"},      // factor 2, exact
		{1000, 501, "48×24 96×48 160×80 120×60"},     // factor 6, with a partial last block
		{2000, 3000, "48×72 96×144 160×240 120×180"}, // portrait
	} {
		img, err := New(small).Process(encodeJPEG(t, quadrants(c.w, c.h)))
		if err != nil {
			t.Fatal(err)
		}
		if s := sizes(img); s != c.want {
			t.Errorf("%d×%d: sizes %s, want %s", c.w, c.h, s, c.want)
		}
		m := decodeAny(t, img.Variants[2].Data)
		b := m.Bounds()
		if !near(m.At(b.Dx()/4, b.Dy()/4), red) || !near(m.At(3*b.Dx()/4, b.Dy()/4), green) || !near(m.At(b.Dx()/4, 3*b.Dy()/4), blue) {
			t.Errorf("%d×%d: quadrants lost", c.w, c.h)
		}
	}
}

func sizes(img *Image) string {
	var got []string
	for _, v := range append(img.Variants, img.OG) {
		got = append(got, fmt.Sprintf("%d×%d", v.Width, v.Height))
	}
	return strings.Join(got, " ")
}

func TestConfiguredWidths(t *testing.T) {
	p := New(Options{Widths: []int{80, 20, 40, 40}, OGWidth: 60, Quality: 60})
	img, err := p.Process(encodeJPEG(t, quadrants(100, 50)))
	if err != nil {
		t.Fatal(err)
	}
	var ws []int
	for _, v := range img.Variants {
		ws = append(ws, v.Width)
	}
	if fmt.Sprint(ws) != "[20 40 80]" || img.OG.Width != 60 {
		t.Errorf("widths %v og %d", ws, img.OG.Width)
	}
}

// TestOrientation: each EXIF orientation is applied to the pixels, judged
// by which colours end up in the top corners.
func TestOrientation(t *testing.T) {
	const w, h = 120, 60
	want := map[int][2]color.RGBA{ // top-left, top-right
		1: {red, green}, 2: {green, red}, 3: {white, blue}, 4: {blue, white},
		5: {red, blue}, 6: {blue, red}, 7: {white, green}, 8: {green, white},
	}
	p := New(Options{Widths: []int{40, 400}})
	for o := 1; o <= 8; o++ {
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			src := withEXIF(encodeJPEG(t, quadrants(w, h)), exifTIFF(o, "x"))
			img, err := p.Process(src)
			if err != nil {
				t.Fatal(err)
			}
			ww, wh := w, h
			if o >= 5 {
				ww, wh = h, w
			}
			if img.Width != ww || img.Height != wh {
				t.Fatalf("size %d×%d, want %d×%d", img.Width, img.Height, ww, wh)
			}
			for _, v := range img.Variants {
				m := decodeAny(t, v.Data)
				b := m.Bounds()
				if b.Dx() != v.Width || (b.Dx() > b.Dy()) != (ww > wh) {
					t.Errorf("variant %d×%d is not %d×%d-shaped", b.Dx(), b.Dy(), ww, wh)
				}
				tl, tr := m.At(b.Dx()/4, b.Dy()/4), m.At(3*b.Dx()/4, b.Dy()/4)
				if !near(tl, want[o][0]) || !near(tr, want[o][1]) {
					t.Errorf("width %d: top corners %v %v, want %v %v", v.Width, tl, tr, want[o][0], want[o][1])
				}
			}
		})
	}
}

func TestOrientationInPNGAndLittleEndian(t *testing.T) {
	tiff := exifTIFF(6, "x")
	// The same EXIF data written little-endian, as many cameras do.
	le := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00")
	if got := tiffOrientation(le); got != 6 {
		t.Errorf("little-endian orientation %d", got)
	}
	src := withPNGChunks(encodePNG(t, quadrants(80, 40)), pngChunk("eXIf", tiff))
	img, err := New(Options{}).Process(src)
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 40 || img.Height != 80 || img.Variants[0].MediaType != "image/png" {
		t.Errorf("PNG with eXIf 6: %d×%d %s", img.Width, img.Height, img.Variants[0].MediaType)
	}
}

// TestMetadataStripped: nothing of the EXIF block (GPS, description)
// or of PNG text chunks reaches any output.
func TestMetadataStripped(t *testing.T) {
	const secret = "GPS-SECRET-33.31N-44.36E"
	jpg := withEXIF(encodeJPEG(t, quadrants(130, 70)), exifTIFF(1, secret))
	pngSrc := withPNGChunks(encodePNG(t, quadrants(130, 70)),
		pngChunk("tEXt", []byte("Comment\x00"+secret)), pngChunk("eXIf", exifTIFF(1, secret)))
	for name, src := range map[string][]byte{"jpeg": jpg, "png": pngSrc} {
		if !bytes.Contains(src, []byte(secret)) {
			t.Fatal("test source lacks its metadata")
		}
		img, err := New(small).Process(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range append(img.Variants, img.OG) {
			for _, leak := range []string{secret, "Exif", "eXIf", "tEXt", "GPS"} {
				if bytes.Contains(v.Data, []byte(leak)) {
					t.Errorf("%s: %d-wide output contains %q", name, v.Width, leak)
				}
			}
		}
	}
}

func TestTransparencyKeepsPNG(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 200, 100))
	draw.Draw(m, image.Rect(0, 0, 100, 100), image.NewUniform(color.NRGBA{200, 0, 0, 255}), image.Point{}, draw.Src)
	img, err := New(small).Process(encodePNG(t, m))
	if err != nil {
		t.Fatal(err)
	}
	v := img.Variants[0]
	if v.MediaType != "image/png" {
		t.Fatalf("media type %s", v.MediaType)
	}
	out := decodeAny(t, v.Data)
	if _, _, _, a := out.At(out.Bounds().Dx()-2, 2).RGBA(); a != 0 {
		t.Errorf("transparent half has alpha %d", a)
	}
}

// TestCacheHitOnRebuild: a second build (a new Processor over the same
// cache folder) decodes nothing and returns the same bytes; other
// settings or other bytes are a miss.
func TestCacheHitOnRebuild(t *testing.T) {
	dir := t.TempDir()
	src := encodeJPEG(t, quadrants(170, 90))
	opts := small
	opts.CacheDir = dir
	first := New(opts)
	a, err := first.Process(src)
	if err != nil {
		t.Fatal(err)
	}
	if s := first.Stats(); s != (Stats{Decoded: 1}) {
		t.Errorf("first build %+v", s)
	}
	second := New(opts)
	b, err := second.Process(src)
	if err != nil {
		t.Fatal(err)
	}
	if s := second.Stats(); s != (Stats{Cached: 1}) {
		t.Errorf("rebuild %+v, want a cache hit and no decode", s)
	}
	if a.Key != b.Key || len(a.Variants) != len(b.Variants) || !bytes.Equal(a.Variants[1].Data, b.Variants[1].Data) || !bytes.Equal(a.OG.Data, b.OG.Data) {
		t.Error("cached result differs")
	}

	opts.Quality = 50
	third := New(opts)
	if c, err := third.Process(src); err != nil || third.Stats() != (Stats{Decoded: 1}) || c.Key == a.Key {
		t.Errorf("other settings: %+v %v", third.Stats(), err)
	}
	changed := encodeJPEG(t, quadrants(170, 91))
	if _, err := second.Process(changed); err != nil || second.Stats().Decoded != 1 {
		t.Errorf("changed bytes: %+v %v", second.Stats(), err)
	}
}

func TestCorruptCacheEntryIsAMiss(t *testing.T) {
	dir := t.TempDir()
	src := encodeJPEG(t, quadrants(50, 30))
	a, err := New(Options{CacheDir: dir, Widths: small.Widths, OGWidth: small.OGWidth}).Process(src)
	if err != nil {
		t.Fatal(err)
	}
	entry := filepath.Join(dir, a.Key[:2], a.Key+".gob")
	if err := os.WriteFile(entry, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := New(Options{CacheDir: dir, Widths: small.Widths, OGWidth: small.OGWidth})
	if _, err := p.Process(src); err != nil || p.Stats() != (Stats{Decoded: 1}) {
		t.Errorf("%+v %v", p.Stats(), err)
	}
}

// TestBadImages: every broken input is an error that wraps Error and
// says what is wrong; none panics, and bombs are refused from their
// header without the memory their pixels would take.
func TestBadImages(t *testing.T) {
	jpg := encodeJPEG(t, quadrants(200, 150))
	pngSrc := encodePNG(t, quadrants(200, 150))
	for _, c := range []struct {
		name string
		src  []byte
		want string
	}{
		{"empty", nil, "the file is empty"},
		{"text", []byte("هذه ليست صورة"), "not a JPEG, PNG or WebP image"},
		{"html", []byte("<!doctype html><title>404</title>"), "not a JPEG, PNG or WebP image"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), "a GIF image; sahifa reads JPEG, PNG and WebP"},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), "a HEIC image"},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), "an SVG drawing"},
		{"truncated jpeg", jpg[:len(jpg)/2], "cut short (truncated)"},
		{"truncated jpeg header", jpg[:40], "cut short (truncated)"},
		{"truncated png", pngSrc[:len(pngSrc)/2], "cut short (truncated)"},
		{"png bomb", pngBomb(50000, 50000), "50000 × 50000 pixels (2500 megapixels) is more than the 40 megapixels"},
		{"jpeg bomb", jpegBomb(50000, 50000), "50000 × 50000 pixels (2500 megapixels)"},
		{"webp bomb", webpBomb(20000, 20000), "20000 × 20000 pixels (400 megapixels)"},
		{"webp beyond its own limit", webpBomb(50000, 50000), "not a valid WebP image"},
		{"long side", pngBomb(100000, 2), "100000 × 2 pixels is not a usable picture: wider than 65535 pixels, and 50000 times as wide as it is high (at most 20); crop or shrink it first"},
		{"a line of pixels", pngBomb(70000, 1), "70000 × 1 pixels is not a usable picture: wider than 65535 pixels, and 70000 times as wide as it is high (at most 20)"},
		{"a strip", pngBomb(4200, 200), "4200 × 200 pixels is not a usable picture: 21 times as wide as it is high (at most 20)"},
		{"a tall strip", jpegBomb(10, 655), "10 × 655 pixels is not a usable picture: 65.5 times as high as it is wide (at most 20)"},
		{"zero size", pngBomb(0, 10), "not a valid PNG image"},
		{"bad png crc", append(bytes.Clone(pngSrc[:20]), append([]byte{0xde, 0xad}, pngSrc[22:]...)...), "not a valid PNG image"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := New(Options{}).Process(c.src)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, Error) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want one containing %q", err, c.want)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; strings.Contains(c.name, "bomb") && grew > 1<<20 {
				t.Errorf("refusing a bomb allocated %d bytes", grew)
			}
		})
	}
}

// The widest shape sahifa takes, 20:1, is resized like any other.
func TestWidestShapeIsAPicture(t *testing.T) {
	img, err := New(Options{}).Process(encodePNG(t, quadrants(600, 30)))
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 600 || img.Height != 30 {
		t.Errorf("%d × %d", img.Width, img.Height)
	}
}

func TestTooLargeFile(t *testing.T) {
	_, err := New(Options{MaxBytes: 1000}).Process(make([]byte, 5000))
	if !errors.Is(err, Error) || !strings.Contains(err.Error(), "5 KB is larger than the 1 KB sahifa reads") {
		t.Errorf("%v", err)
	}
}

// TestBudgetBoundsParallelDecodes: with a budget of one image's pixels,
// concurrent calls decode one at a time, and all finish.
func TestBudgetBoundsParallelDecodes(t *testing.T) {
	b := newBudget(100)
	var mu sync.Mutex
	inUse, peak := int64(0), int64(0)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(n int64) {
			defer wg.Done()
			b.acquire(n)
			mu.Lock()
			inUse += min(n, 100)
			peak = max(peak, inUse)
			mu.Unlock()
			runtime.Gosched()
			mu.Lock()
			inUse -= min(n, 100)
			mu.Unlock()
			b.release(n)
		}(int64(30 + 20*(i%5)))
	}
	wg.Wait()
	if peak > 100 {
		t.Errorf("peak %d pixels in use, budget 100", peak)
	}

	p := New(Options{MaxPixels: 100_000, Widths: small.Widths, OGWidth: small.OGWidth})
	src := encodeJPEG(t, quadrants(300, 300))
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() { _, err := p.Process(src); errs <- err }()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func FuzzProcess(f *testing.F) {
	f.Add(encodeJPEG(f, quadrants(20, 10)))
	f.Add(withEXIF(encodeJPEG(f, quadrants(20, 10)), exifTIFF(6, "x")))
	f.Add(encodePNG(f, quadrants(20, 10)))
	f.Add(pngBomb(50000, 50000))
	f.Add(webpBomb(20, 20))
	p := New(Options{MaxPixels: 1 << 16, Widths: []int{8, 16}, OGWidth: 12})
	f.Fuzz(func(t *testing.T, src []byte) {
		img, err := p.Process(src)
		if err != nil {
			return
		}
		if len(img.Variants) == 0 || img.Variants[len(img.Variants)-1].Width > img.Width {
			t.Errorf("variants %+v for a %d-wide image", img.Variants, img.Width)
		}
	})
}

// BenchmarkProcess24MP resizes a 6000 × 4000 photo (a common camera size)
// without a cache: the cost of one new photo in a build.
func BenchmarkProcess24MP(b *testing.B) {
	m := image.NewYCbCr(image.Rect(0, 0, 6000, 4000), image.YCbCrSubsampleRatio420)
	for i := range m.Y {
		m.Y[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	if err := jpegEncode(&buf, m); err != nil {
		b.Fatal(err)
	}
	p := New(Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Process(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
