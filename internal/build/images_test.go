package build

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/images"
)

func writeFile(t *testing.T, root, name string, data []byte) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func testPhoto(t *testing.T, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// resizedName is a resized picture's file name: the source's, a hash of
// its bytes and settings, and the width.
var resizedName = regexp.MustCompile(`^(\w+)\.[0-9a-f]{12}-(\d+)\.jpg$`)

// TestImagesCachedBetweenBuilds: the first build resizes each picture
// once, however many articles show it; a rebuild with nothing changed
// decodes none and writes no image file; changing one picture decodes
// that one only.
func TestImagesCachedBetweenBuilds(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "sahifa.toml", []byte("[images]\nwidths = [64, 128]\ndefault = \"images/default.jpg\"\n"))
	writeFile(t, root, "static/images/default.jpg", testPhoto(t, 150, 100))
	writeFile(t, root, "content/a.jpg", testPhoto(t, 300, 200))
	writeFile(t, root, "content/b.png", testPhoto(t, 100, 100)) // a JPEG named .png: the bytes decide
	for name, fm := range map[string]string{
		"a.md": "title: أ\ndate: 2021-02-24\nimage: a.jpg\ncaption: تعليق",
		"b.md": "title: ب\ndate: 2021-02-23\nimage: b.png",
		"d.md": "title: د\ndate: 2021-02-21\nimage: a.jpg", // the same picture again
	} {
		writeFile(t, root, "content/"+name, []byte("---\n"+fm+"\n---\nنص.\n"))
	}
	age(t, root) // settled inputs: a rebuild with nothing changed may skip the work
	dest := filepath.Join(root, "public")
	cache := filepath.Join(root, ".cache")
	build := func() Result {
		t.Helper()
		res, err := Run(Options{Source: root, Destination: dest, Now: buildNow, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	first := build()
	if first.Images != (images.Stats{Decoded: 3}) {
		t.Errorf("first build: %+v, want 3 pictures resized", first.Images)
	}
	var names []string
	for p := range tree(t, filepath.Join(dest, "images")) {
		if p != "default.jpg" { // static/images/default.jpg, copied as it is
			names = append(names, resizedName.ReplaceAllString(p, "$1-$2"))
		}
	}
	slices.Sort(names)
	// Widths 64 and 128, and the preview at the source's width (under 1200).
	if want := "a-128 a-300 a-64 b-100 b-64 default-128 default-150 default-64"; strings.Join(names, " ") != want {
		t.Errorf("image files %q, want %s", names, want)
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "images", "*", "*.gob"))
	if len(entries) != 3 {
		t.Errorf("%d cache entries, want 3", len(entries))
	}

	// A rebuild with nothing changed does no work at all; one with an
	// unrelated change reads every picture from the cache.
	if same := build(); same.Images != (images.Stats{}) || same.Files.Unchanged == 0 {
		t.Errorf("rebuild with nothing changed: %+v %+v", same.Images, same.Files)
	}
	writeFile(t, root, "content/e.md", []byte("---\ntitle: هـ\ndate: 2021-02-20\n---\nنص آخر.\n"))
	second := build()
	if second.Images != (images.Stats{Cached: 3}) {
		t.Errorf("rebuild: %+v, want every picture from the cache", second.Images)
	}
	if second.Files.Written == 0 {
		t.Errorf("rebuild after adding an article wrote %d files", second.Files.Written)
	}

	writeFile(t, root, "content/b.png", testPhoto(t, 100, 101))
	if third := build(); third.Images != (images.Stats{Decoded: 1, Cached: 2}) {
		t.Errorf("one picture changed: %+v", third.Images)
	}
}

// TestBadImageFailsBuild: the build stops at the render stage with the
// article's line and the picture's name, and public/ is left as it was.
func TestBadImageFailsBuild(t *testing.T) {
	root := t.TempDir()
	jpg := testPhoto(t, 120, 80)
	writeFile(t, root, "content/a.md", []byte("---\ntitle: أ\ndate: 2021-02-24\nimage: a.jpg\n---\nنص.\n"))
	writeFile(t, root, "content/a.jpg", jpg)
	dest := filepath.Join(root, "public")
	if _, err := Run(Options{Source: root, Destination: dest, Now: buildNow, CacheDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)

	writeFile(t, root, "content/a.jpg", jpg[:len(jpg)/3])
	_, err := Run(Options{Source: root, Destination: dest, Now: buildNow, CacheDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "content/a.md:4: image: content/a.jpg: the JPEG file is cut short (truncated)") {
		t.Fatalf("error %v", err)
	}
	after := tree(t, dest)
	if len(after) != len(before) {
		t.Errorf("failed build changed public/: %d files, was %d", len(after), len(before))
	}
	for p, data := range before {
		if !bytes.Equal(after[p], data) {
			t.Errorf("failed build changed %s", p)
		}
	}
}
