package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures what a writer waits for: from saving an
// article's Markdown (the write returning) to the dev server's "build"
// event reaching the open page, which then reloads. The file is saved as
// most editors do (a temporary file renamed over it). It includes the quiet
// window (30 ms), a full rebuild into memory, the comparison with the
// previous build, and the event's trip. Recorded in docs/performance.md:
//
//	go test ./cmd/sahifa -run '^$' -bench SaveToReload -benchtime 20x
func BenchmarkSaveToReload(b *testing.B) {
	sizes := []int{3, 100, 1000}
	// SAHIFA_BENCH_SIZES=10000 (comma-separated) measures other sizes.
	if env := os.Getenv("SAHIFA_BENCH_SIZES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				b.Fatalf("SAHIFA_BENCH_SIZES: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			root := benchSite(b, n)
			// The first build takes about 3 ms an article here.
			d := startServeWithin(b, root, waitFor+time.Duration(n)*5*time.Millisecond)
			events := openEvents(b, d.url)
			if ev := nextEvent(b, events); ev.name != "hello" {
				b.Fatalf("first event %+v", ev)
			}
			article := filepath.Join(root, "content", "a-0.md")
			var total time.Duration
			samples := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				saveAtomic(b, article, benchArticle(0, fmt.Sprintf("نسخة %d", i)))
				for {
					ev := nextEvent(b, events)
					if ev.name == "build" {
						break
					}
					if ev.name == "failure" {
						b.Fatalf("build failed: %s", ev.data)
					}
				}
				total += time.Since(start)
				samples = append(samples, time.Since(start))
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/reload")
			slices.Sort(samples)
			b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(samples[len(samples)*9/10].Microseconds())/1000, "p90-ms")
		})
	}
}

// benchSite writes a site of n articles, a few hundred words each.
func benchSite(b *testing.B, n int) string {
	b.Helper()
	root := b.TempDir()
	files := map[string]string{"sahifa.toml": e2eConfig}
	for i := range n {
		files[fmt.Sprintf("content/a-%d.md", i)] = benchArticle(i, "")
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return root
}

func benchArticle(i int, edit string) string {
	date := time.Date(2024, 1, 1, 10, 0, 0, 0, time.FixedZone("AST", 3*3600)).AddDate(0, 0, -i)
	tags := []string{"سياسة", "اقتصاد", "رياضة", "ثقافة", "تقنية"}
	para := "قال مسؤولون في بغداد إن المحادثات بين الجانبين تناولت ملفات الطاقة والمياه والتجارة، وأكدوا أن الاتفاق المرتقب سيعزز التعاون الإقليمي خلال الأعوام المقبلة. "
	return fmt.Sprintf("---\ntitle: \"خبر رقم %d عن المحادثات\"\ndate: %s\ntags: [%s, %s]\n---\n%s\n\n%s\n\n%s\n",
		i, date.Format(time.RFC3339), tags[i%5], tags[(i+2)%5], edit,
		strings.Repeat(para, 4), strings.Repeat(para, 4))
}
