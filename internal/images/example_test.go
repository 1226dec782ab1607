package images

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

var writeExample = flag.Bool("write-example", false, "redraw the example site's article picture (seeds/"+exampleName+".jpg)")

// exampleName is the sample seed whose caption the picture illustrates:
// "صواريخ الكاتيوشا تقلق بايدن" (Katyusha rockets worry Biden).
const exampleName = "000_17373629d0573b0f"

// TestExampleIllustration draws the example site's article picture: rocket
// trails over a night skyline of domes and minarets by a river. It is
// drawn here, from shapes, so the repository holds nothing copied from
// elsewhere. With -write-example it rewrites seeds/NAME.jpg (then run
// `go run ./cmd/sahifa import` to copy it beside the article); without,
// it checks that the committed picture is this drawing.
func TestExampleIllustration(t *testing.T) {
	m := drawIllustration(1200, 675)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 70}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "..", "seeds", exampleName+".jpg")
	if *writeExample {
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d bytes", file, buf.Len())
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skip(err)
	}
	committed, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// Another Go version may encode a little differently; the drawing is
	// the same when the pixels are.
	if d := meanDifference(m, committed); d > 4 {
		t.Errorf("%s differs from the drawing by %.1f per channel; redraw it with -write-example", file, d)
	}
}

func meanDifference(a *image.RGBA, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return math.Inf(1)
	}
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			c := a.RGBAAt(x, y)
			br, bg, bb, _ := b.At(x, y).RGBA()
			sum += math.Abs(float64(c.R)-float64(br>>8)) + math.Abs(float64(c.G)-float64(bg>>8)) + math.Abs(float64(c.B)-float64(bb>>8))
		}
	}
	return sum / float64(3*(r.Dx()/3+1)*(r.Dy()/3+1))
}

// drawIllustration draws at twice the size and averages down, which
// smooths every edge.
func drawIllustration(w, h int) *image.RGBA {
	const ss = 2
	c := &canvas{m: image.NewRGBA(image.Rect(0, 0, w*ss, h*ss)), s: float64(w * ss)}
	W, H := float64(w*ss), float64(h*ss)
	horizon := 0.70 * H

	// Sky: deep night above, the glow of the city and the fires below.
	sky := func(y float64) color.RGBA {
		t := y / horizon
		col := mix(color.RGBA{10, 22, 48, 255}, color.RGBA{58, 52, 92, 255}, t*t)
		if t > 0.6 {
			col = mix(col, color.RGBA{196, 112, 78, 255}, math.Pow((t-0.6)/0.4, 2))
		}
		return col
	}
	for y := 0; y < int(horizon); y++ {
		c.row(y, 0, int(W), sky(float64(y)))
	}
	// Stars, always the same ones.
	rng := rand.New(rand.NewPCG(1442, 2021))
	for i := 0; i < 90; i++ {
		x, y := rng.Float64()*W, rng.Float64()*horizon*0.6
		c.disc(x, y, 1.2+rng.Float64()*1.6, color.RGBA{255, 250, 230, 255}, 0.5+rng.Float64()*0.5)
	}
	// A crescent moon: a disc with a sky-coloured disc over it.
	c.disc(0.82*W, 0.16*H, 0.055*H, color.RGBA{250, 236, 190, 255}, 1)
	c.disc(0.835*W, 0.145*H, 0.05*H, sky(0.145*H), 1)

	// Rocket trails: arcs of smoke with a bright head, rising from the left.
	trails := []struct{ x0, y0, cx, cy, x1, y1 float64 }{
		{0.02, 0.72, 0.22, 0.10, 0.46, 0.26},
		{0.06, 0.74, 0.30, 0.16, 0.56, 0.36},
		{0.00, 0.66, 0.16, 0.20, 0.34, 0.20},
	}
	for _, tr := range trails {
		const steps = 900
		for i := 0; i <= steps; i++ {
			t := float64(i) / steps
			x := bezier(tr.x0, tr.cx, tr.x1, t) * W
			y := bezier(tr.y0, tr.cy, tr.y1, t) * H
			c.disc(x, y, 5+9*t, color.RGBA{255, 214, 170, 255}, 0.05+0.10*t) // smoke
			c.disc(x, y, 2.4, color.RGBA{255, 170, 60, 255}, 0.5*t)          // flame
		}
		x, y := tr.x1*W, tr.y1*H
		c.disc(x, y, 22, color.RGBA{255, 200, 120, 255}, 0.35)
		c.disc(x, y, 7, color.RGBA{255, 250, 220, 255}, 1)
	}

	// The skyline: blocks, domes and minarets in one dark colour.
	ink := color.RGBA{22, 20, 32, 255}
	x := 0.0
	for x < W {
		bw := (0.03 + rng.Float64()*0.05) * W
		bh := (0.05 + rng.Float64()*0.12) * H
		c.rect(x, horizon-bh, x+bw, horizon, ink)
		// Lit windows.
		for wy := horizon - bh + 10; wy < horizon-14; wy += 22 {
			for wx := x + 8; wx < x+bw-12; wx += 20 {
				if rng.Float64() < 0.3 {
					c.rect(wx, wy, wx+7, wy+10, color.RGBA{240, 196, 110, 255})
				}
			}
		}
		switch rng.IntN(5) {
		case 0: // a dome on a drum
			r := bw * 0.38
			c.rect(x+bw/2-r, horizon-bh-r*0.5, x+bw/2+r, horizon-bh, ink)
			c.disc(x+bw/2, horizon-bh-r*0.5, r, ink, 1)
			c.rect(x+bw/2-1.5, horizon-bh-r*1.5-18, x+bw/2+1.5, horizon-bh-r*1.5+2, ink)
		case 1: // a minaret
			mx := x + bw*0.7
			top := horizon - bh - 0.16*H
			c.rect(mx-7, top, mx+7, horizon-bh, ink)
			c.rect(mx-13, top+0.04*H, mx+13, top+0.04*H+8, ink)
			c.disc(mx, top, 7, ink, 1)
			c.rect(mx-1.5, top-22, mx+1.5, top, ink)
		}
		x += bw
	}
	// The river, with the sky's glow on it.
	for y := int(horizon); y < int(H); y++ {
		t := (float64(y) - horizon) / (H - horizon)
		c.row(y, 0, int(W), mix(color.RGBA{92, 60, 70, 255}, color.RGBA{12, 20, 40, 255}, math.Sqrt(t)))
	}
	for i := 0; i < 60; i++ {
		y := horizon + 6 + rng.Float64()*(H-horizon-12)
		x := rng.Float64() * W
		c.rect(x, y, x+20+rng.Float64()*120, y+2, color.RGBA{150, 100, 90, 255})
	}
	return shrink(c.m, ss)
}

// canvas paints shapes with an opacity.
type canvas struct {
	m *image.RGBA
	s float64
}

func (c *canvas) blend(x, y int, col color.RGBA, a float64) {
	if !(image.Point{x, y}.In(c.m.Rect)) || a <= 0 {
		return
	}
	i := c.m.PixOffset(x, y)
	p := c.m.Pix[i : i+4]
	a = min(a, 1)
	p[0] = uint8(float64(p[0])*(1-a) + float64(col.R)*a)
	p[1] = uint8(float64(p[1])*(1-a) + float64(col.G)*a)
	p[2] = uint8(float64(p[2])*(1-a) + float64(col.B)*a)
	p[3] = 255
}

func (c *canvas) row(y, x0, x1 int, col color.RGBA) {
	for x := x0; x < x1; x++ {
		c.blend(x, y, col, 1)
	}
}

func (c *canvas) rect(x0, y0, x1, y1 float64, col color.RGBA) {
	for y := int(y0); y < int(y1); y++ {
		c.row(y, int(x0), int(x1), col)
	}
}

// disc paints a disc of radius r with a soft edge one pixel wide.
func (c *canvas) disc(cx, cy, r float64, col color.RGBA, a float64) {
	for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
		for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
			d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
			c.blend(x, y, col, a*math.Max(0, math.Min(1, r-d+0.5)))
		}
	}
}

func bezier(p0, p1, p2, t float64) float64 {
	return (1-t)*(1-t)*p0 + 2*(1-t)*t*p1 + t*t*p2
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}
