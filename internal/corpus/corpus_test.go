package corpus_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/seed"
	"github.com/sahifa/sahifa/internal/site"
)

func TestDeterministic(t *testing.T) {
	a := corpus.Generate(corpus.Options{N: 300, Seed: 1, Seeds: true})
	b := corpus.Generate(corpus.Options{N: 300, Seed: 1, Seeds: true})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %d differs: %s / %s", i, a[i].Path, b[i].Path)
		}
	}
	c := corpus.Generate(corpus.Options{N: 300, Seed: 2, Seeds: true})
	if bytes.Equal(a[1].Data, c[1].Data) {
		t.Error("seeds 1 and 2 give the same first article")
	}
}

// TestShape checks what every article promises: unique slugs made as the
// site makes them, 8–18 paragraphs, dates within the ten years, 3–7
// distinct tags, and text only from the sample seed.
func TestShape(t *testing.T) {
	const n = 1000
	files := corpus.Generate(corpus.Options{N: n, Seed: 1, Seeds: true})
	if len(files) != 1+2*n || files[0].Path != corpus.ConfigPath {
		t.Fatalf("%d files, first %s", len(files), files[0].Path)
	}
	paths := map[string]bool{}
	for _, f := range files {
		if paths[f.Path] {
			t.Errorf("%s written twice", f.Path)
		}
		paths[f.Path] = true
	}
	sample, err := os.ReadFile(filepath.Join("testdata", "000_17373629d0573b0f.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if orig, err := os.ReadFile(filepath.Join("..", "..", "seeds", "000_17373629d0573b0f.txt")); err == nil && !bytes.Equal(orig, sample) {
		t.Error("testdata/000_17373629d0573b0f.txt is not a copy of seeds/000_17373629d0573b0f.txt")
	}

	slugs := map[string]bool{}
	subheadings := 0
	first, end := time.Date(corpus.FirstYear, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(corpus.FirstYear+corpus.Years, 1, 1, 0, 0, 0, 0, time.UTC)
	years := map[int]bool{}
	for _, a := range corpus.Articles(n, 1) {
		if a.Slug != arabic.Slugify(a.Title, site.SlugWords) || slugs[a.Slug] {
			t.Errorf("%q: slug %q not the title's or not unique", a.Title, a.Slug)
		}
		slugs[a.Slug] = true
		if p := a.Paragraphs(); p < 8 || p > 18 {
			t.Errorf("%s: %d paragraphs", a.Slug, p)
		}
		if a.Body[0].Heading || a.Body[len(a.Body)-1].Heading {
			t.Errorf("%s: a subheading opens or closes the body", a.Slug)
		}
		if a.Date.Before(first) || !a.Date.Before(end) {
			t.Errorf("%s: date %v", a.Slug, a.Date)
		}
		years[a.Date.Year()] = true
		if len(a.Tags) < 3 || len(a.Tags) > 7 {
			t.Errorf("%s: %d tags", a.Slug, len(a.Tags))
		}
		keys := map[string]bool{}
		for _, tag := range a.Tags {
			keys[site.TermKey(tag)] = true
		}
		if len(keys) != len(a.Tags) {
			t.Errorf("%s: tags %q not distinct", a.Slug, a.Tags)
		}
		if !bytes.Contains(sample, []byte(a.Description)) {
			t.Errorf("%s: lede not from the sample: %q", a.Slug, a.Description)
		}
		for _, b := range a.Body {
			if b.Heading {
				subheadings++
			}
			// A paragraph is one or two of the sample's sentences; a
			// subheading is a run of its words.
			parts := strings.SplitAfter(b.Text, ". ")
			if b.Heading {
				parts = strings.Fields(b.Text)
			}
			for _, s := range parts {
				if !bytes.Contains(sample, []byte(strings.TrimSpace(s))) {
					t.Fatalf("%s: text not from the sample: %q", a.Slug, s)
				}
			}
		}
	}
	if len(years) != corpus.Years {
		t.Errorf("articles in %d years, want %d", len(years), corpus.Years)
	}
	if subheadings < n/2 || subheadings > 3*n {
		t.Errorf("%d subheadings in %d articles", subheadings, n)
	}
}

// TestTagDistribution checks the long tail at the size benchmarks use:
// about 2,000 distinct tags, the busiest on far more articles than the
// median one, all Arabic and distinct under the site's tag folding.
func TestTagDistribution(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 articles")
	}
	arts := corpus.Articles(10000, 1)
	count := map[string]int{}
	keys := map[string]string{}
	for _, a := range arts {
		for _, tag := range a.Tags {
			count[tag]++
			k := site.TermKey(tag)
			if other, ok := keys[k]; ok && other != tag {
				t.Errorf("tags %q and %q fold to the same key", tag, other)
			}
			keys[k] = tag
		}
	}
	if len(count) < 1850 || len(count) > corpus.TagCount {
		t.Errorf("%d distinct tags, want about %d", len(count), corpus.TagCount)
	}
	var freq []int
	for tag, c := range count {
		freq = append(freq, c)
		for _, r := range tag {
			if r != ' ' && !unicode.Is(unicode.Arabic, r) && !unicode.Is(unicode.Mn, r) {
				t.Errorf("tag %q has %q", tag, r)
				break
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(freq)))
	head, median := freq[0], freq[len(freq)/2]
	t.Logf("%d tags; head %d articles, 10th %d, 100th %d, median %d, last %d", len(freq), head, freq[9], freq[99], median, freq[len(freq)-1])
	if head < 20*median {
		t.Errorf("head tag on %d articles, median on %d: want a long tail", head, median)
	}
}

func siteConfig(t testing.TB) config.Config {
	t.Helper()
	cfg, warns, err := config.Parse(corpus.ConfigPath, corpus.Config())
	if err != nil || len(warns) > 0 {
		t.Fatalf("config: %v %v", err, warns)
	}
	return cfg
}

// TestContentParses loads every article as a build does and wants back
// what was generated.
func TestContentParses(t *testing.T) {
	const n = 2000
	cfg := siteConfig(t)
	arts := corpus.Articles(n, 1)
	pages, err := content.Load(corpus.MapFS(corpus.Generate(corpus.Options{N: n, Seed: 1})), "content", content.Options{
		Location: cfg.Location, DefaultHour: cfg.DefaultHour(), DefaultMinute: cfg.DefaultMinute(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != n {
		t.Fatalf("%d pages, want %d", len(pages), n)
	}
	byPath := map[string]content.Page{}
	for _, p := range pages {
		byPath[p.Path] = p
	}
	for _, a := range arts {
		p, ok := byPath[a.ContentPath()]
		switch {
		case !ok:
			t.Fatalf("%s not loaded", a.ContentPath())
		case p.Title != a.Title || p.Slug != a.Slug || p.Description != a.Description || !p.Date.Equal(a.Date) || !slices.Equal(p.Tags, a.Tags):
			t.Fatalf("%s: got %q %q %q %v %q", p.Path, p.Title, p.Slug, p.Description, p.Date, p.Tags)
		case p.String("dateline") != a.Dateline || p.String("agency") != a.Agency || p.String("caption") != a.Caption:
			t.Fatalf("%s: dateline/agency/caption %q %q %q", p.Path, p.String("dateline"), p.String("agency"), p.String("caption"))
		}
	}
}

// TestSeedsParse reads every seed back with the importer's parser: the
// same title, lede, date, caption, dateline, agency and body, with no
// warning (a weekday that does not match its date would give one).
func TestSeedsParse(t *testing.T) {
	const n = 2000
	for _, a := range corpus.Articles(n, 1) {
		s, err := seed.Parse(a.SeedPath(), a.Seed())
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Warnings) > 0 {
			t.Errorf("%s: %v", a.SeedPath(), s.Warnings)
		}
		y, m, d := a.Date.Date()
		if s.Title != a.Title || s.Lede != a.Description || !s.HasDate || s.Date != (seed.Date{Year: y, Month: m, Day: d}) ||
			s.Caption != a.Caption || s.Dateline != a.Dateline || s.Agency != a.Agency {
			t.Fatalf("%s: got title %q lede %q date %v caption %q dateline %q agency %q", a.SeedPath(), s.Title, s.Lede, s.Date, s.Caption, s.Dateline, s.Agency)
		}
		if len(s.Body) != len(a.Body) {
			t.Fatalf("%s: %d body blocks, want %d", a.SeedPath(), len(s.Body), len(a.Body))
		}
		for i, b := range s.Body {
			if (b.Kind == seed.Subheading) != a.Body[i].Heading || b.Text != a.Body[i].Text {
				t.Fatalf("%s: block %d is %s %q, want %q", a.SeedPath(), i, b.Kind, b.Text, a.Body[i].Text)
			}
		}
	}
}

// write puts files under dir, as bench/corpus does.
func write(t *testing.T, dir string, files []corpus.File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// buildTime is after every article, so none is left out as future.
var buildTime = time.Date(corpus.FirstYear+corpus.Years, 6, 1, 12, 0, 0, 0, time.UTC)

func TestBuild(t *testing.T) {
	const n = 200
	dir := t.TempDir()
	write(t, dir, corpus.Generate(corpus.Options{N: n, Seed: 1, Seeds: true}))
	res, err := build.Run(build.Options{Source: dir, Now: buildTime})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != n || res.Held.Total() != 0 || res.Imported.Count(importer.Create) != 0 {
		t.Errorf("built %d articles, skipped %d, imported %d; want %d, 0, 0 (import.onBuild is off)",
			res.Articles, res.Held.Total(), res.Imported.Count(importer.Create), n)
	}
	a := corpus.Articles(n, 1)[0]
	page := filepath.Join(res.Destination, a.Date.Format("2006/01/02"), a.Slug, "index.html")
	if _, err := os.Stat(page); err != nil {
		t.Error(err)
	}
}

// TestImportSeeds imports the seeds into a corpus without its Markdown,
// as an import benchmark does, and builds the result: the seeds give the
// same articles at the same URLs.
func TestImportSeeds(t *testing.T) {
	const n = 50
	dir := t.TempDir()
	var files []corpus.File
	for _, f := range corpus.Generate(corpus.Options{N: n, Seed: 1, Seeds: true}) {
		if !strings.HasPrefix(f.Path, "content/") {
			files = append(files, f)
		}
	}
	write(t, dir, files)
	imp, err := importer.Run(importer.Options{Root: dir, Config: siteConfig(t), DefaultTags: sahifa.DefaultTags})
	if err != nil {
		t.Fatal(err)
	}
	if got := imp.Count(importer.Create); got != n {
		t.Fatalf("imported %d seeds, want %d", got, n)
	}
	res, err := build.Run(build.Options{Source: dir, Now: buildTime})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != n {
		t.Fatalf("built %d articles, want %d", res.Articles, n)
	}
	for _, a := range corpus.Articles(n, 1) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(a.ContentPath()))); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(filepath.Join(res.Destination, a.Date.Format("2006/01/02"), a.Slug, "index.html")); err != nil {
			t.Error(err)
		}
	}
}
