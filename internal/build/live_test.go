package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/output"
)

// liveSite is a generated site for Live's tests: articles with tags, two
// sections, a few pages per list, the search index on; every other
// article without a description, so that its summary is the start of its
// body. It returns the articles and their files.
func liveSite(t *testing.T, n int) (*incrementalSite, []corpus.Article, []string) {
	root := t.TempDir()
	s := &incrementalSite{t: t, root: root, rng: rand.New(rand.NewPCG(3, 4))}
	s.write(filepath.Join(root, ConfigFile), append(corpus.Config(), "[params]\nhomeSections = true\n"...))
	// The home page's section blocks show headlines; this site's show
	// what the body tells too, as a site's own layout may.
	home, err := fs.ReadFile(sahifa.Theme, "layouts/index.html")
	if err != nil {
		t.Fatal(err)
	}
	headline := `<a href="{{.RelPermalink}}">{{bdi .Title}}</a>
        <time`
	if !bytes.Contains(home, []byte(headline)) {
		t.Fatal("the theme's home page has no section block headline to extend")
	}
	s.write(filepath.Join(root, "layouts", "index.html"), bytes.Replace(home, []byte(headline), []byte(`<a href="{{.RelPermalink}}">{{bdi .Title}}</a> {{.Words}} {{.Summary}}
        <time`), 1))
	arts := corpus.Articles(n, 11)
	paths := make([]string, n)
	for i := range arts {
		if i%2 == 0 {
			arts[i].Description = ""
		}
		// A folder named by a year is no section (site.IsSectionFolder).
		paths[i] = arts[i].ContentPath()
		if folder := []string{"", "economy", "culture"}[i%3]; folder != "" {
			paths[i] = "content/" + folder + "/" + arts[i].Slug + ".md"
		}
		s.write(filepath.Join(root, filepath.FromSlash(paths[i])), arts[i].Markdown())
	}
	return s, arts, paths
}

// cleanMemoryBuild builds the site at root from nothing into memory, as
// the dev server's first build does: the oracle of every rebuild.
func cleanMemoryBuild(t *testing.T, opts Options) *output.Memory {
	t.Helper()
	opts.Memory, opts.CacheDir = output.NewMemory(), t.TempDir()
	if _, err := Run(opts); err != nil {
		t.Fatalf("clean build: %v", err)
	}
	return opts.Memory
}

// editBody changes the body of the Markdown src, leaving its front
// matter as it is, in one of the ways a writer does: a paragraph at the
// start (the summary changes, when it comes from the body), words in
// the middle (the word count changes, not the summary), a word made bold
// (the words stay), or a blank line (the page stays).
func editBody(src []byte, how int, n int) ([]byte, string) {
	end := bytes.Index(src[3:], []byte("\n---\n")) + 3 + len("\n---\n")
	fm, body := src[:end], src[end:]
	var out []byte
	var what string
	switch how {
	case 0:
		out = fmt.Appendf(nil, "\nمقدمة جديدة رقم %d للخبر.\n%s", n, body)
		what = "a paragraph at the start"
	case 1:
		mid := bytes.Index(body[len(body)/2:], []byte(" ")) + len(body)/2
		out = fmt.Appendf(nil, "%s وكلمات مضافة رقم %d%s", body[:mid], n, body[mid:])
		what = "words in the middle"
	case 2:
		fields := strings.Fields(string(body))
		word := fields[len(fields)/2]
		out = bytes.Replace(body, []byte(" "+word+" "), []byte(" **"+word+"** "), 1)
		what = "a word made bold"
	default:
		out = append(append([]byte(nil), body...), '\n')
		what = "a blank line at the end"
	}
	return append(append([]byte(nil), fm...), out...), what
}

// A seeded sequence of body edits to the newest, the oldest and other
// articles, each rebuilt by Live's scoped path, gives after every step
// the very files a clean build of the same files gives.
func TestLiveBodyEditsMatchCleanBuild(t *testing.T) {
	n, steps := 240, 32
	switch {
	case testing.Short():
		n, steps = 80, 8
	case raceEnabled:
		n, steps = 120, 10
	}
	s, arts, paths := liveSite(t, n)
	newest, oldest := newestAndOldest(arts)
	opts := Options{Source: s.root, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	live := NewLive(opts)
	_, last, err := live.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	// The newest story of the section economy that the home page's front
	// page (10 stories) does not list: in the section's block there.
	byDate := make([]int, len(arts))
	for i := range byDate {
		byDate[i] = i
	}
	slices.SortFunc(byDate, func(i, j int) int { return arts[j].Date.Compare(arts[i].Date) })
	inBlock := -1
	for _, i := range byDate[10:] {
		if strings.HasPrefix(paths[i], "content/economy/") {
			inBlock = i
			break
		}
	}
	for i := range steps {
		pick := s.rng.IntN(len(arts))
		switch i % 5 {
		case 0:
			pick = newest
		case 1:
			pick = oldest
		case 2:
			pick = inBlock
		}
		rel := paths[pick]
		p := filepath.Join(s.root, filepath.FromSlash(rel))
		how := s.rng.IntN(4)
		if pick == inBlock {
			how = i % 2 // its words change: the block shows them
		}
		edited, what := editBody(s.read(p), how, i)
		s.write(p, edited)
		res, mem, err := live.Build([]string{rel})
		if err != nil {
			t.Fatalf("step %d (%s of %s): %v", i, what, rel, err)
		}
		if !live.scoped {
			t.Fatalf("step %d (%s of %s): built the whole site, not what the body shows", i, what, rel)
		}
		if diff := diffTrees(t, memFS(mem), memFS(cleanMemoryBuild(t, opts))); diff != "" {
			t.Fatalf("step %d (%s of %s): the rebuild differs from a clean build:\n%s", i, what, rel, diff)
		}
		// The dev server compares only what was written (PublishAt).
		written, _ := live.Written()
		for _, p := range changedPaths(last, mem) {
			if !slices.Contains(written, p) {
				t.Fatalf("step %d (%s of %s): %s changed but is not among the files written", i, what, rel, p)
			}
		}
		last = mem
		t.Logf("step %d: %s of %s: %d pages rendered", i, what, rel, res.Rendered)
	}
}

// Whatever a body edit does not cover is built whole, and gives the files
// of a clean build; a body edit after it is scoped again.
func TestLiveFallsBackToWholeBuild(t *testing.T) {
	s, _, paths := liveSite(t, 40)
	opts := Options{Source: s.root, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	live := NewLive(opts)
	if _, _, err := live.Build(nil); err != nil {
		t.Fatal(err)
	}
	if live.scoped {
		t.Fatal("the first build was scoped")
	}
	rel := func(i int) string { return paths[i] }
	abs := func(r string) string { return filepath.Join(s.root, filepath.FromSlash(r)) }
	newFile := "content/2025/new.md"
	template := "layouts/partials/footer.html"
	for _, c := range []struct {
		what    string
		change  func()
		changed []string
		scoped  bool
	}{
		{"a title edit", func() { s.replace(abs(rel(1)), "title: ", "title: عاجل ") }, []string{rel(1)}, false},
		{"a body edit after it", func() { s.write(abs(rel(1)), append(s.read(abs(rel(1))), "\nسطر جديد.\n"...)) }, []string{rel(1)}, true},
		{"a new file", func() {
			s.write(abs(newFile), []byte("---\ntitle: \"خبر جديد\"\ndate: 2025-12-31T20:00:00Z\ntags: [\"العراق\"]\n---\nنص الخبر الجديد.\n"))
		}, []string{newFile}, false},
		{"a deleted file", func() {
			if err := os.Remove(abs(rel(2))); err != nil {
				t.Fatal(err)
			}
		}, []string{rel(2)}, false},
		{"a template change", func() { s.write(abs(template), []byte("<footer><p>تذييل آخر</p></footer>\n")) }, []string{template}, false},
		{"two body edits at once", func() {
			for _, i := range []int{3, 4} {
				s.write(abs(rel(i)), append(s.read(abs(rel(i))), "\nسطر آخر.\n"...))
			}
		}, []string{rel(3), rel(4)}, false},
		{"a body edit of the new file", func() { s.write(abs(newFile), append(s.read(abs(newFile)), "\nتحديث.\n"...)) }, []string{newFile}, true},
		{"a body edit not told (events lost)", func() { s.write(abs(rel(5)), append(s.read(abs(rel(5))), "\nسطر.\n"...)) }, nil, false},
		// Warned about at its line: a warning of the whole build.
		{"a body edit with raw HTML", func() { s.write(abs(rel(6)), append(s.read(abs(rel(6))), "\n<div>سطر</div>\n"...)) }, []string{rel(6)}, false},
	} {
		c.change()
		_, mem, err := live.Build(c.changed)
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if live.scoped != c.scoped {
			t.Errorf("%s: scoped %t, want %t", c.what, live.scoped, c.scoped)
		}
		if diff := diffTrees(t, memFS(mem), memFS(cleanMemoryBuild(t, opts))); diff != "" {
			t.Fatalf("%s: the rebuild differs from a clean build:\n%s", c.what, diff)
		}
	}
}

// A site that imports seeds on every build imports before a body edit
// too: when the import makes an article, the site is built whole, once,
// and the result says what was imported.
func TestLiveImportsBeforeABodyEdit(t *testing.T) {
	root := t.TempDir()
	s := &incrementalSite{t: t, root: root, rng: rand.New(rand.NewPCG(5, 6))}
	s.write(filepath.Join(root, ConfigFile), bytes.Replace(corpus.Config(), []byte("onBuild = false"), []byte("onBuild = true"), 1))
	var seeds []corpus.File
	for _, f := range corpus.Generate(corpus.Options{N: 6, Seed: 5, Seeds: true}) {
		if strings.HasPrefix(f.Path, "seeds/") {
			seeds = append(seeds, f)
		}
	}
	for _, f := range seeds[:5] {
		s.write(filepath.Join(root, filepath.FromSlash(f.Path)), f.Data)
	}
	opts := Options{Source: root, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	live := NewLive(opts)
	res, _, err := live.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Imported.Count(importer.Create); n != 5 {
		t.Fatalf("the first build imported %d seeds, want 5", n)
	}
	md := res.Imported.Done[0].Markdown
	edit := func() {
		p := filepath.Join(root, filepath.FromSlash(md))
		s.write(p, append(s.read(p), "\nسطر أضافه المحرر.\n"...))
	}

	edit()
	res, mem, err := live.Build([]string{md})
	if err != nil {
		t.Fatal(err)
	}
	if !live.scoped || res.Imported.Count(importer.Create) != 0 {
		t.Fatalf("a body edit with nothing to import: scoped %t, imported %+v", live.scoped, res.Imported.Done)
	}
	if diff := diffTrees(t, memFS(mem), memFS(cleanMemoryBuild(t, opts))); diff != "" {
		t.Fatalf("the rebuild differs from a clean build:\n%s", diff)
	}

	// A seed whose event the batch missed, then a body edit.
	s.write(filepath.Join(root, filepath.FromSlash(seeds[5].Path)), seeds[5].Data)
	edit()
	res, mem, err = live.Build([]string{md})
	if err != nil {
		t.Fatal(err)
	}
	if live.scoped || res.Imported.Count(importer.Create) != 1 {
		t.Fatalf("a body edit with a seed to import: scoped %t, imported %+v", live.scoped, res.Imported.Done)
	}
	if res.Articles != 6 {
		t.Errorf("the build has %d articles, want 6", res.Articles)
	}
	if diff := diffTrees(t, memFS(mem), memFS(cleanMemoryBuild(t, opts))); diff != "" {
		t.Fatalf("the rebuild differs from a clean build:\n%s", diff)
	}
}

// A body edit after an article's publish time has come (serve with the
// clock as build time) builds the whole site: time alone changed it.
func TestLiveBuildsWholeWhenTimeChangesTheSite(t *testing.T) {
	s, _, paths := liveSite(t, 10)
	due := filepath.Join(s.root, "content", "due.md")
	s.write(due, []byte("---\ntitle: \"خبر مجدول\"\ndate: 2026-01-01T12:00:00Z\n---\nنص الخبر المجدول.\n"))
	opts := Options{Source: s.root, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	live := NewLive(opts)
	if res, _, err := live.Build(nil); err != nil || res.Articles != 10 {
		t.Fatalf("first build: %d articles, %v; want 10 (one held as future)", res.Articles, err)
	}
	opts.Now = opts.Now.Add(13 * time.Hour)
	live.opts.Now = opts.Now
	p := filepath.Join(s.root, filepath.FromSlash(paths[0]))
	s.write(p, append(s.read(p), "\nسطر.\n"...))
	res, mem, err := live.Build([]string{paths[0]})
	if err != nil {
		t.Fatal(err)
	}
	if live.scoped || res.Articles != 11 {
		t.Fatalf("scoped %t, %d articles; want a whole build of 11", live.scoped, res.Articles)
	}
	if diff := diffTrees(t, memFS(mem), memFS(cleanMemoryBuild(t, opts))); diff != "" {
		t.Fatalf("the rebuild differs from a clean build:\n%s", diff)
	}
}

// changedPaths are the paths whose files differ between two builds, or
// that only one has.
func changedPaths(a, b *output.Memory) []string {
	var changed []string
	for _, p := range a.Paths() {
		fa, _ := a.Get(p)
		if fb, ok := b.Get(p); !ok || !bytes.Equal(fa.Data, fb.Data) {
			changed = append(changed, p)
		}
	}
	for _, p := range b.Paths() {
		if _, ok := a.Get(p); !ok {
			changed = append(changed, p)
		}
	}
	return changed
}
