package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A bundle's files added, changed and deleted beside an unchanged
// index.md: each build that keeps what it can gives the bytes of a
// clean build, on disk and in memory (serve); a build after an edit
// elsewhere resizes no picture of the bundle and writes none of its
// files again.
func TestIncrementalBundleFiles(t *testing.T) {
	root := t.TempDir()
	s := &incrementalSite{t: t, root: root}
	path := func(name string) string { return filepath.Join(root, filepath.FromSlash(name)) }
	s.write(path(ConfigFile), []byte("baseURL = \"https://example.org/\"\n[images]\nwidths = [64, 128]\n"))
	s.write(path("content/trip/index.md"), []byte("---\ntitle: رحلة\ndate: 2021-02-24\n---\n![صورة](photo.jpg)\n\n[التقرير](report.pdf)\n\n![خريطة](map.png)\n"))
	s.write(path("content/trip/photo.jpg"), testPhoto(t, 300, 200))
	s.write(path("content/trip/report.pdf"), []byte("%PDF-1.4 a\n"))
	s.write(path("content/other.md"), []byte("---\ntitle: آخر\ndate: 2021-02-20\n---\nنص.\n"))
	b := newTwinBuilds(t, Options{Source: root, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NoImport: true})
	build, incDest := b.build, b.incDest
	page := func() string {
		return string(s.read(filepath.Join(incDest, "2021", "02", "24", "رحلة", "index.html")))
	}
	warned := func(res Result) bool {
		for _, w := range res.Warnings {
			if strings.Contains(w.Msg, `"map.png"`) {
				return true
			}
		}
		return false
	}

	if res := build("first build"); !warned(res) {
		t.Errorf("no warning about map.png, which the bundle lacks: %v", res.Warnings)
	}
	first := page()
	// An edit elsewhere: the bundle is neither resized nor written again.
	mtimes := func() map[string]time.Time {
		m := map[string]time.Time{}
		for _, dir := range []string{filepath.Join(incDest, "2021", "02", "24", "رحلة"), filepath.Join(incDest, "images")} {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if fi, err := e.Info(); err == nil {
					m[filepath.Join(dir, e.Name())] = fi.ModTime()
				}
			}
		}
		return m
	}
	before := mtimes()
	s.write(path("content/other.md"), []byte("---\ntitle: آخر\ndate: 2021-02-20\n---\nنص آخر.\n"))
	if res := build("an edit elsewhere"); res.Images.Decoded != 0 || !warned(res) {
		t.Errorf("an edit elsewhere: %d pictures resized (want 0), warned %t", res.Images.Decoded, warned(res))
	}
	if after := mtimes(); len(after) != len(before) || len(before) < 5 {
		t.Errorf("the bundle's outputs went from %d to %d files", len(before), len(after))
	}
	for p, at := range mtimes() {
		if !at.Equal(before[p]) {
			t.Errorf("%s written again after an edit elsewhere", p)
		}
	}
	s.write(path("content/trip/photo.jpg"), testPhoto(t, 320, 200))
	build("a photo replaced")
	if page() == first {
		t.Error("the page did not change with its photo")
	}
	s.write(path("content/trip/map.png"), testPhoto(t, 100, 100))
	if res := build("the missing picture added"); warned(res) || !strings.Contains(page(), `alt="خريطة" srcset=`) {
		t.Errorf("map.png added: warned %t, the page shows it at its sizes: %t", warned(res), strings.Contains(page(), `alt="خريطة" srcset=`))
	}
	s.write(path("content/trip/report.pdf"), []byte("%PDF-1.4 b\n"))
	build("a file changed")
	if got := string(s.read(filepath.Join(incDest, "2021", "02", "24", "رحلة", "report.pdf"))); got != "%PDF-1.4 b\n" {
		t.Errorf("report.pdf published as %q", got)
	}
	os.Remove(path("content/trip/photo.jpg"))
	os.Remove(path("content/trip/report.pdf"))
	build("files deleted")
	for _, gone := range []string{"photo.jpg", "report.pdf"} {
		if _, err := os.Stat(filepath.Join(incDest, "2021", "02", "24", "رحلة", gone)); err == nil {
			t.Errorf("%s is still published after its source was deleted", gone)
		}
	}
}
