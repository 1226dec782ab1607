package render

import (
	"bytes"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/images"
	"github.com/sahifa/sahifa/internal/site"
)

// photo draws a w×h test picture and encodes it as JPEG.
func photo(t *testing.T, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withImage is an article whose front matter names an image on line 4.
func withImage(path, title, image, caption string, day int) content.Page {
	p := article(path, title, at(day, 9), "نص الخبر.\n")
	p.Image, p.ImageLine = image, 4
	if caption != "" {
		p.Params["caption"] = caption
	}
	return p
}

// smallImages scales the default widths down tenfold, so tests stay fast.
func smallImages() *images.Processor {
	return images.New(images.Options{Widths: []int{48, 96, 160}, OGWidth: 120})
}

func imageOptions(t *testing.T, src fstest.MapFS) Options {
	opts := themeOptions(t, false)
	opts.Source = src
	opts.Assets = Layers{sub(t, src, "assets"), opts.Assets.(Layers)[1]}
	opts.Static = sub(t, src, "static")
	opts.Images = smallImages()
	return opts
}

func TestArticleImage(t *testing.T) {
	src := fstest.MapFS{
		"content/world/katyusha.jpg": {Data: photo(t, 200, 100)},
		"static/robots.txt":          {Data: []byte("")},
		"assets/x.txt":               {Data: []byte("")},
	}
	cfg := testConfig()
	if err := cfg.SetBaseURL("https://example.github.io/news/"); err != nil {
		t.Fatal(err)
	}
	s := assemble(t, cfg,
		withImage("content/world/a.md", titleBiden, "katyusha.jpg", "صواريخ الكاتيوشا تقلق بايدن", 24),
		withImage("content/world/b.md", titleG20, "../world/katyusha.jpg", "", 23),
		article("content/c.md", "خبر بلا صورة", at(25, 9), "نص.\n"),
	)
	out := render(t, s, imageOptions(t, src))

	var imgs []string
	for _, p := range out.paths() {
		if strings.HasPrefix(p, "images/") {
			imgs = append(imgs, p)
			if f := out.files[p]; f.MediaType != "image/jpeg" || len(f.Data) == 0 {
				t.Errorf("%s: %s, %d bytes", p, f.MediaType, len(f.Data))
			}
		}
	}
	// One source, shown by two articles: its sizes are written once.
	if len(imgs) != 4 || !strings.HasPrefix(imgs[0], "images/katyusha.") || !strings.HasSuffix(imgs[0], "-120.jpg") {
		t.Fatalf("image files %q", imgs)
	}
	base := strings.TrimSuffix(imgs[0], "-120.jpg")

	page := out.get(t, outputOf(t, s, "content/world/a.md"))
	tags := scanTags(t, page)
	figs := find(tags, "img", "fetchpriority", "high")
	if len(figs) != 1 {
		t.Fatalf("%d lead images in\n%s", len(figs), page)
	}
	img := figs[0].attrs
	want := map[string]string{
		"src":      "/news/" + base + "-160.jpg", // the widest up to 960
		"srcset":   "/news/" + base + "-48.jpg 48w, /news/" + base + "-96.jpg 96w, /news/" + base + "-160.jpg 160w",
		"sizes":    "(min-width: 42rem) 42rem, 100vw",
		"width":    "160",
		"height":   "80",
		"alt":      "صواريخ الكاتيوشا تقلق بايدن",
		"decoding": "async",
	}
	for k, v := range want {
		if img[k] != v {
			t.Errorf("img %s=%q, want %q", k, img[k], v)
		}
	}
	if _, lazy := img["loading"]; lazy {
		t.Error("the lead image is lazy; it is on the first screen")
	}
	if !strings.Contains(page, "<figcaption>صواريخ الكاتيوشا تقلق بايدن</figcaption>") || strings.Contains(page, `class="caption"`) {
		t.Error("no figcaption, or the caption also as a note")
	}
	meta := func(attr, name string) string {
		m := find(tags, "meta", attr, name)
		if len(m) != 1 {
			t.Errorf("%d <meta %s=%q>", len(m), attr, name)
			return ""
		}
		return m[0].attrs["content"]
	}
	og := "https://example.github.io/news/" + base + "-120.jpg"
	if got := meta("property", "og:image"); got != og {
		t.Errorf("og:image %q, want %q", got, og)
	}
	if meta("property", "og:image:width") != "120" || meta("property", "og:image:height") != "60" || meta("property", "og:image:type") != "image/jpeg" {
		t.Error("og:image size or type")
	}
	if meta("name", "twitter:card") != "summary_large_image" || meta("name", "twitter:image") != og {
		t.Error("twitter card")
	}
	var ld struct {
		Image struct {
			Type          string `json:"@type"`
			URL           string `json:"url"`
			Width, Height int
		} `json:"image"`
	}
	script := find(tags, "script", "type", "application/ld+json")
	if len(script) != 1 || json.Unmarshal([]byte(script[0].text), &ld) != nil || ld.Image.URL != og || ld.Image.Width != 120 || ld.Image.Type != "ImageObject" {
		t.Errorf("JSON-LD image %+v", ld.Image)
	}

	// Lists: a lazy thumbnail with an empty alt (the headline says it all).
	home := scanTags(t, out.get(t, "index.html"))
	thumbs := find(home, "img", "class", "story-card-image")
	if len(thumbs) != 2 { // the lead story, first, has no image
		t.Fatalf("%d thumbnails on the home page's cards", len(thumbs))
	}
	if th := thumbs[0].attrs; th["loading"] != "lazy" || th["alt"] != "" || th["width"] != "160" || !strings.Contains(th["sizes"], "24rem") {
		t.Errorf("thumbnail %v", th)
	}

	// Without an image or a default: no og:image, a small card.
	plain := scanTags(t, out.get(t, outputOf(t, s, "content/c.md")))
	if len(find(plain, "meta", "property", "og:image")) != 0 || find(plain, "meta", "name", "twitter:card")[0].attrs["content"] != "summary" {
		t.Error("an article without an image got one")
	}
}

// TestDefaultImage: the site's images.default stands in for social
// previews; the page itself shows no figure.
func TestDefaultImage(t *testing.T) {
	src := fstest.MapFS{
		"static/images/default.jpg": {Data: photo(t, 300, 150)},
		"assets/x.txt":              {Data: []byte("")},
	}
	cfg := testConfig()
	cfg.Images.Default = "/images/default.jpg"
	p := article("content/c.md", "خبر بلا صورة", at(25, 9), "نص.\n")
	p.Params["caption"] = "تعليق بلا صورة"
	s := assemble(t, cfg, p)
	out := render(t, s, imageOptions(t, src))
	for _, page := range []string{"2021/02/25/خبر-بلا-صورة/index.html", "index.html"} {
		doc := out.get(t, page)
		tags := scanTags(t, doc)
		og := find(tags, "meta", "property", "og:image")
		if len(og) != 1 || !strings.HasPrefix(og[0].attrs["content"], "/images/default.") || !strings.HasSuffix(og[0].attrs["content"], "-120.jpg") {
			t.Errorf("%s: og:image %v", page, og)
		}
		if len(find(tags, "figure", "", "")) != 0 {
			t.Errorf("%s shows the default image", page)
		}
	}
	doc := out.get(t, "2021/02/25/خبر-بلا-صورة/index.html")
	// A caption without its own photo describes a picture the reader
	// cannot see (the default image is for sharing cards): not shown.
	if strings.Contains(doc, "تعليق بلا صورة") || !strings.Contains(doc, `"image": {"@type": "ImageObject"`) {
		t.Error("caption shown without its photo, or JSON-LD image missing")
	}
}

func TestExternalImage(t *testing.T) {
	p := withImage("content/a.md", titleBiden, "https://cdn.example/photos/katyusha.jpg", "تعليق", 24)
	s := assemble(t, testConfig(), p)
	out := render(t, s, imageOptions(t, fstest.MapFS{"assets/x.txt": {}}))
	tags := scanTags(t, out.get(t, s.Articles[0].OutputPath))
	img := find(tags, "img", "fetchpriority", "high")
	if len(img) != 1 || img[0].attrs["src"] != "https://cdn.example/photos/katyusha.jpg" {
		t.Fatalf("img %v", img)
	}
	if _, ok := img[0].attrs["srcset"]; ok {
		t.Error("srcset for an image sahifa did not resize")
	}
	if og := find(tags, "meta", "property", "og:image"); len(og) != 1 || og[0].attrs["content"] != "https://cdn.example/photos/katyusha.jpg" {
		t.Errorf("og:image %v", og)
	}
}

// TestImageErrors: each bad image is reported at the front matter line
// that names it, with the file and what is wrong; nothing panics.
func TestImageErrors(t *testing.T) {
	jpg := photo(t, 100, 50)
	src := fstest.MapFS{
		"content/cut.jpg":   {Data: jpg[:len(jpg)/2]},
		"content/text.jpg":  {Data: []byte("ليست صورة")},
		"content/bomb.png":  {Data: pngHeader(50000, 50000)},
		"content/good.jpg":  {Data: jpg},
		"static/broken.jpg": {Data: []byte("x")},
		"assets/x.txt":      {},
	}
	cfg := testConfig()
	cfg.Images.Default = "broken.jpg"
	s := assemble(t, cfg,
		withImage("content/a.md", "أ", "cut.jpg", "", 20),
		withImage("content/b.md", "ب", "text.jpg", "", 21),
		withImage("content/c.md", "ج", "bomb.png", "", 22),
		withImage("content/d.md", "د", "missing.jpg", "", 23),
		withImage("content/e.md", "هـ", "good.jpg", "", 24),
	)
	err := Render(s, imageOptions(t, src), newMemOut().emit)
	var got []string
	for _, e := range diag.Flatten(err) {
		got = append(got, e.Error())
	}
	want := []string{
		`content/a.md:4: image: content/cut.jpg: the JPEG file is cut short (truncated); export or copy it again`,
		`content/b.md:4: image: content/text.jpg: not a JPEG, PNG or WebP image`,
		`content/c.md:4: image: content/bomb.png: 50000 × 50000 pixels (2500 megapixels) is more than the 40 megapixels sahifa resizes; make it smaller first`,
		`content/d.md:4: image: "missing.jpg" not found (looked for content/missing.jpg, assets/missing.jpg, static/missing.jpg)`,
		`sahifa.toml: images.default: static/broken.jpg: not a JPEG, PNG or WebP image`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// pngHeader is the start of a w×h PNG: enough for its size to be read.
func pngHeader(w, h uint32) []byte {
	ihdr := []byte{0, 0, 0, 13, 'I', 'H', 'D', 'R', byte(w >> 24), byte(w >> 16), byte(w >> 8), byte(w), byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h), 8, 2, 0, 0, 0}
	crc := crc32.ChecksumIEEE(ihdr[4:])
	out := append([]byte("\x89PNG\r\n\x1a\n"), ihdr...)
	return append(out, byte(crc>>24), byte(crc>>16), byte(crc>>8), byte(crc))
}

func outputOf(t *testing.T, s *site.Site, path string) string {
	t.Helper()
	for _, a := range s.Articles {
		if a.Path == path {
			return a.OutputPath
		}
	}
	t.Fatalf("no article %s", path)
	return ""
}
