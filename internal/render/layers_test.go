package render

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// siteLayer and themeLayer stand for a site's layouts/ over the theme's.
func siteLayer() fstest.MapFS {
	return fstest.MapFS{
		"partials/head.html":     file("site head"),
		"partials/masthead.html": file("site masthead"),
		"index.html":             file("site index"),
		"partials/.DS_Store":     file("junk"),
	}
}

func themeLayer() fstest.MapFS {
	return fstest.MapFS{
		"partials/head.html":   file("theme head"),
		"partials/footer.html": file("theme footer"),
		"index.html":           file("theme index"),
		"_default/single.html": file("theme single"),
		".hidden":              file("dotfile"),
		"partials/.swp":        file("editor junk"),
	}
}

func TestLayersFirstWins(t *testing.T) {
	l := Layers{siteLayer(), themeLayer()}
	for name, want := range map[string]string{
		"partials/head.html":     "site head",  // in both: the site's
		"index.html":             "site index", // in both: the site's
		"partials/footer.html":   "theme footer",
		"partials/masthead.html": "site masthead",
		"_default/single.html":   "theme single",
	} {
		got, err := fs.ReadFile(l, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// Swapping the layers swaps the winner.
	got, err := fs.ReadFile(Layers{themeLayer(), siteLayer()}, "partials/head.html")
	if err != nil || string(got) != "theme head" {
		t.Errorf("theme first: %q, %v", got, err)
	}
	if fi, err := fs.Stat(l, "partials/head.html"); err != nil || fi.Size() != int64(len("site head")) {
		t.Errorf("Stat follows the first layer: %v, %v", fi, err)
	}
}

func TestLayersMissing(t *testing.T) {
	l := Layers{siteLayer(), themeLayer()}
	if _, err := l.Open("partials/nope.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open missing file: %v, want ErrNotExist", err)
	}
	if _, err := l.ReadDir("nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadDir missing folder: %v, want ErrNotExist", err)
	}
	var pe *fs.PathError
	if _, err := l.ReadDir("nope"); !errors.As(err, &pe) || pe.Path != "nope" {
		t.Errorf("ReadDir error should be a *fs.PathError naming the folder: %v", err)
	}
	if _, err := (Layers{}).Open("index.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("empty Layers: %v, want ErrNotExist", err)
	}
}

func TestLayersReadDirMerges(t *testing.T) {
	l := Layers{siteLayer(), themeLayer()}
	cases := map[string][]string{
		".":        {".hidden", "_default", "index.html", "partials"},
		"partials": {".DS_Store", ".swp", "footer.html", "head.html", "masthead.html"},
		"_default": {"single.html"}, // only in the theme
	}
	for dir, want := range cases {
		entries, err := l.ReadDir(dir)
		if err != nil {
			t.Errorf("ReadDir(%q): %v", dir, err)
			continue
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ReadDir(%q) = %q, want %q", dir, got, want)
		}
	}
	// fs.ReadDir and fs.Glob go through Layers.ReadDir.
	matches, err := fs.Glob(l, "partials/*.html")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"partials/footer.html", "partials/head.html", "partials/masthead.html"}
	if !reflect.DeepEqual(matches, want) {
		t.Errorf("Glob = %q, want %q", matches, want)
	}
}

func TestLayersFiles(t *testing.T) {
	got, err := Layers{siteLayer(), themeLayer()}.Files()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"_default/single.html",
		"index.html",
		"partials/footer.html",
		"partials/head.html",
		"partials/masthead.html",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %q\nwant    %q", got, want)
	}
}

func TestLayersNil(t *testing.T) {
	theme := themeLayer()
	for _, l := range []Layers{{nil, theme}, {theme, nil}, {nil, theme, nil}} {
		got, err := l.Files()
		if err != nil {
			t.Fatalf("%v: %v", l, err)
		}
		if want := []string{"_default/single.html", "index.html", "partials/footer.html", "partials/head.html"}; !reflect.DeepEqual(got, want) {
			t.Errorf("Files = %q, want %q", got, want)
		}
		if b, err := fs.ReadFile(l, "index.html"); err != nil || string(b) != "theme index" {
			t.Errorf("ReadFile through a nil layer: %q, %v", b, err)
		}
	}
	// Nothing at all is an empty listing, not an error: a site without a
	// static/ folder has nothing to copy.
	for _, l := range []Layers{nil, {}, {nil}, {nil, nil}, {fstest.MapFS{}}} {
		got, err := l.Files()
		if err != nil || len(got) != 0 {
			t.Errorf("%#v.Files() = %q, %v; want none, nil", l, got, err)
		}
		if _, err := l.ReadDir("partials"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%#v.ReadDir: %v, want ErrNotExist", l, err)
		}
	}
}

// A layer rooted at a folder that is missing (fs.Sub of a site without
// layouts/) behaves as an empty layer.
func TestLayersSubOfMissingFolder(t *testing.T) {
	siteRoot := fstest.MapFS{"content/a.md": file("x")}
	missing, err := fs.Sub(siteRoot, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	l := Layers{missing, themeLayer()}
	got, err := l.Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Errorf("Files = %q", got)
	}
	if b, err := fs.ReadFile(l, "partials/head.html"); err != nil || string(b) != "theme head" {
		t.Errorf("%q, %v", b, err)
	}
}
