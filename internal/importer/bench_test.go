package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/corpus"
)

// benchSeeds is the size of the benchmark corpus: enough seeds for the
// tag statistics and the folder listings to weigh as they do in an
// archive, small enough to write for every run of an import of new seeds.
const benchSeeds = 2000

// benchSite writes the seeds of the benchmark corpus (n articles) into a
// new site folder with an empty content/.
func benchSite(b *testing.B, n int) string {
	b.Helper()
	root := b.TempDir()
	for _, f := range corpus.Generate(corpus.Options{N: n, Seed: 1, Seeds: true}) {
		if !strings.HasPrefix(f.Path, SeedsDir+"/") {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return root
}

// benchImport imports the seeds under root into dir, keeping the import
// state in cacheDir ("" for none).
func benchImport(b *testing.B, root, dir, cacheDir string) Result {
	cfg := config.Default()
	cfg.Import.Dir = dir
	res, err := Run(Options{Root: root, Config: cfg, DefaultTags: sahifa.DefaultTags, CacheDir: cacheDir})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkImportNew imports every seed of the corpus into an empty
// folder: read, parse, tag, write. Each run has a folder of its own, as
// removing thousands of files slows creating them for a while after on
// some disks.
func BenchmarkImportNew(b *testing.B) {
	root := benchSite(b, benchSeeds)
	run := 0
	for b.Loop() {
		run++
		if got := benchImport(b, root, fmt.Sprintf("content/run%d", run), "").Count(Create); got != benchSeeds {
			b.Fatalf("created %d articles, want %d", got, benchSeeds)
		}
	}
}

// BenchmarkReimport imports the corpus again with nothing changed, as
// every build does first: the state of the last import says so by stats.
func BenchmarkReimport(b *testing.B) {
	root := benchSite(b, benchSeeds)
	cache := filepath.Join(root, ".sahifa-cache")
	benchImport(b, root, "content", cache)
	age(b, root)
	benchImport(b, root, "content", cache) // checked by content once; by stats from here on
	for b.Loop() {
		if got := benchImport(b, root, "content", cache).Count(Unchanged); got != benchSeeds {
			b.Fatalf("%d unchanged, want %d", got, benchSeeds)
		}
	}
}

// BenchmarkReimportWithoutState is BenchmarkReimport reading every seed
// and every Markdown, as without a cache folder.
func BenchmarkReimportWithoutState(b *testing.B) {
	root := benchSite(b, benchSeeds)
	benchImport(b, root, "content", "")
	for b.Loop() {
		if got := benchImport(b, root, "content", "").Count(Unchanged); got != benchSeeds {
			b.Fatalf("%d unchanged, want %d", got, benchSeeds)
		}
	}
}
