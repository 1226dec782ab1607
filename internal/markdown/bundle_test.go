package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestBundleName(t *testing.T) {
	for dest, want := range map[string]string{
		"photo.jpg":           "photo.jpg",
		"./img/a.png":         "img/a.png",
		"my%20photo.jpg":      "my photo.jpg",
		"report.pdf#page=3":   "report.pdf",
		"img/../photo.jpg?v1": "photo.jpg",
		"صورة.jpg":            "صورة.jpg",
		// Not a file of the bundle:
		"/images/a.jpg":        "",
		"https://x.org/a.jpg":  "",
		"//x.org/a.jpg":        "",
		"mailto:a@b.org":       "",
		"#notes":               "",
		"../other/a.jpg":       "",
		"next/":                "",
		"next":                 "", // a page's folder, written without its slash
		"":                     "",
		"javascript:alert(1).": "",
	} {
		got, ok := BundleName(dest)
		if got != want || ok != (want != "") {
			t.Errorf("BundleName(%q) = %q, %t; want %q", dest, got, ok, want)
		}
	}
}

func TestLocalLinks(t *testing.T) {
	src := []byte("Intro.\n\n![A photo](photo.jpg)\n\nSee [the report](docs/report.pdf) and\n[a site](https://example.org/a.pdf).\n\n```\n![not a link](code.jpg)\n```\n\n[ref]: ./notes.txt\n\nA [ref] link.\n")
	want := []LocalLink{
		{Name: "photo.jpg", Line: 3, Image: true},
		{Name: "docs/report.pdf", Line: 5},
		{Name: "notes.txt", Line: 14}, // where it is used: goldmark keeps no place for a definition
	}
	if got := LocalLinks(src); !reflect.DeepEqual(got, want) {
		t.Errorf("LocalLinks = %+v, want %+v", got, want)
	}
	if got := LocalLinks([]byte("no links")); got != nil {
		t.Errorf("LocalLinks of a text without links = %+v", got)
	}
}

// A page's links and images to files of its bundle point to the files as
// published, a picture at its sizes; figure's src too; other links and
// pages without a bundle are left as written.
func TestRenderBundleFiles(t *testing.T) {
	files := map[string]BundleFile{
		"photo.jpg":  {URL: "https://example.org/p/photo-960.jpg", Srcset: "https://example.org/p/photo-480.jpg 480w, https://example.org/p/photo-960.jpg 960w", Sizes: "100vw", Width: 960, Height: 640},
		"report.pdf": {URL: "https://example.org/p/report.pdf"},
	}
	page := Page{Bundle: func(name string) (BundleFile, bool) { f, ok := files[name]; return f, ok }}
	src := []byte("![A](photo.jpg)\n\n[R](report.pdf#page=2) [G](gone.pdf) [S](/static.pdf)\n\n{{< figure src=\"./photo.jpg\" >}}\n")
	res, err := New().RenderPage(src, page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<img src="https://example.org/p/photo-960.jpg" alt="A" srcset="https://example.org/p/photo-480.jpg 480w, https://example.org/p/photo-960.jpg 960w" sizes="100vw" width="960" height="640" loading="lazy">`,
		`<a href="https://example.org/p/report.pdf#page=2">R</a>`,
		`<a href="gone.pdf">G</a>`,
		`<a href="/static.pdf">S</a>`,
		`<figure><img src="https://example.org/p/photo-960.jpg" alt="" srcset="https://example.org/p/photo-480.jpg 480w, https://example.org/p/photo-960.jpg 960w" sizes="100vw" width="960" height="640" loading="lazy">`,
	} {
		if !strings.Contains(string(res.HTML), want) {
			t.Errorf("no %s in\n%s", want, res.HTML)
		}
	}
	plain, err := New().RenderPage(src, Page{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(plain.HTML), `<img src="photo.jpg" alt="A">`) {
		t.Errorf("a page without a bundle: %s", plain.HTML)
	}
}
