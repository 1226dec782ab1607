package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// Each file under content/ that is no article belongs to the nearest
// bundle above it; a link of a bundle's page to a file it lacks is a
// warning at the link's line, on every load, also from records.
func TestBundleFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/trip/index.md":        {Data: []byte("---\ntitle: T\n---\n![a](photo.jpg)\n\n![b](gone.jpg)\n")},
		"content/trip/photo.jpg":       {Data: []byte("x")},
		"content/trip/docs/a.pdf":      {Data: []byte("x")},
		"content/trip/day2/index.md":   {Data: []byte("---\ntitle: D\n---\n")},
		"content/trip/day2/b.png":      {Data: []byte("x")},
		"content/loose.md":             {Data: []byte("---\ntitle: L\n---\n![c](loose.jpg)\n")},
		"content/loose.jpg":            {Data: []byte("x")},
		"content/index.md":             {Data: []byte("---\ntitle: Top\n---\n")},
		"content/trip/.hidden/c.jpg":   {Data: []byte("x")},
		"content/trip/notes.fr.md":     {Data: []byte("---\ntitle: N\n---\n")},
		"content/posts/_index.md":      {Data: []byte("---\ntitle: P\n---\n")},
		"content/posts/x/index.md":     {Data: []byte("---\ntitle: X\n---\n")},
		"content/posts/x/sub/deep.txt": {Data: []byte("x")},
	}
	for _, run := range []string{"first load", "from records"} {
		prev := NewParsed(Options{})
		if run == "from records" {
			pages, err := LoadAgain(fsys, "content", Options{}, prev)
			if err != nil || len(pages) == 0 {
				t.Fatal(err)
			}
		}
		pages, err := LoadAgain(fsys, "content", Options{}, prev)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		var warns []string
		for _, p := range pages {
			for _, f := range p.Bundle {
				got[p.Path] = append(got[p.Path], f.Name+"="+f.Path)
			}
			for _, w := range p.Warnings {
				warns = append(warns, w.String())
			}
		}
		want := map[string][]string{
			"content/trip/index.md":      {"docs/a.pdf=content/trip/docs/a.pdf", "photo.jpg=content/trip/photo.jpg"},
			"content/trip/day2/index.md": {"b.png=content/trip/day2/b.png"},
			"content/posts/x/index.md":   {"sub/deep.txt=content/posts/x/sub/deep.txt"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: bundles %v, want %v", run, got, want)
		}
		if len(warns) != 1 || !strings.HasPrefix(warns[0], `content/trip/index.md:6: warning: the page shows "gone.jpg", which is not in its bundle (content/trip/)`) {
			t.Errorf("%s: warnings %q", run, warns)
		}
	}
}
