package build

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/corpus"
)

// BenchmarkServeRebuild is the dev server's rebuild after a save, in
// process (cmd/sahifa's BenchmarkSaveToReload measures it end to end, in
// another process, where a CPU profile cannot see it): one article of a
// generated site edited in its body, then the site built again by a Live,
// as serve does (only what the body shows is made again).
//
//	SAHIFA_BENCH_ARTICLES=10000 go test ./internal/build -run '^$' -bench ServeRebuild/newest -benchtime 20x
//
// SAHIFA_BENCH_PROFILE=FILE writes a CPU profile of the rebuilds alone,
// SAHIFA_BENCH_MEMPROFILE=FILE heap profiles before and after them.
func BenchmarkServeRebuild(b *testing.B) {
	n := 1000
	if env := os.Getenv("SAHIFA_BENCH_ARTICLES"); env != "" {
		var err error
		if n, err = strconv.Atoi(env); err != nil {
			b.Fatalf("SAHIFA_BENCH_ARTICLES: %v", err)
		}
	}
	arts := corpus.Articles(n, 1)
	newest, oldest := newestAndOldest(arts)
	// The newest article is what a writer edits while serving; the
	// oldest is in the search index's base, which an edit rebuilds.
	b.Run("newest", func(b *testing.B) { serveRebuild(b, n, arts[newest].ContentPath()) })
	b.Run("oldest", func(b *testing.B) { serveRebuild(b, n, arts[oldest].ContentPath()) })
}

// newestAndOldest are the indices of the newest and the oldest article.
func newestAndOldest(arts []corpus.Article) (newest, oldest int) {
	for i := range arts {
		if arts[i].Date.After(arts[newest].Date) {
			newest = i
		}
		if arts[i].Date.Before(arts[oldest].Date) {
			oldest = i
		}
	}
	return newest, oldest
}

// serveRebuild measures rebuilds of a generated site of n articles after
// each edit of the article at path.
func serveRebuild(b *testing.B, n int, path string) {
	root := b.TempDir()
	// Files are dated an hour back: files changed in the last two seconds
	// are parsed again whatever their size and time (load.go's racy rule),
	// which would make every file of a freshly written site new.
	past := time.Now().Add(-time.Hour)
	for _, f := range corpus.Generate(corpus.Options{N: n, Seed: 1}) {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.Chtimes(p, past, past); err != nil {
			b.Fatal(err)
		}
	}
	article := filepath.Join(root, filepath.FromSlash(path))
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	live := NewLive(Options{Source: root, Now: now, NoImport: true, CacheDir: b.TempDir()})
	if _, _, err := live.Build(nil); err != nil {
		b.Fatal(err)
	}
	// SAHIFA_BENCH_PROFILE=FILE: a CPU profile of the rebuilds alone
	// (-cpuprofile would include the first, full build).
	if path := os.Getenv("SAHIFA_BENCH_PROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	// SAHIFA_BENCH_MEMPROFILE=FILE: a heap profile before the rebuilds
	// (FILE.before) and after them (FILE); pprof -diff_base FILE.before
	// FILE shows what the rebuilds alone allocated.
	heap := os.Getenv("SAHIFA_BENCH_MEMPROFILE")
	if heap != "" {
		writeHeapProfile(b, heap+".before")
		defer writeHeapProfile(b, heap)
	}
	b.ResetTimer()
	for i := range b.N {
		edited := fmt.Appendf(append([]byte(nil), original...), "\nنسخة %d من الخبر.\n", i)
		if err := os.WriteFile(article, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		at := past.Add(time.Duration(i+1) * time.Second)
		if err := os.Chtimes(article, at, at); err != nil {
			b.Fatal(err)
		}
		res, _, err := live.Build([]string{path})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rendered == 0 {
			b.Fatal("the edit rendered no page")
		}
		if !live.scoped {
			b.Fatal("the body edit was built whole")
		}
	}
}

func writeHeapProfile(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	runtime.GC() // the profile is as of the last collection
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}
