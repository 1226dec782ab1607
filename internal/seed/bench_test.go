package seed_test

import (
	"testing"

	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/seed"
)

// BenchmarkParse measures parsing one seed, over 100 seeds of the
// benchmark corpus in turn (8–18 paragraphs, datelines, captions and
// subheadings as they come).
func BenchmarkParse(b *testing.B) {
	arts := corpus.Articles(100, 1)
	seeds := make([][]byte, len(arts))
	size := 0
	for i := range arts {
		seeds[i] = arts[i].Seed()
		size += len(seeds[i])
	}
	b.SetBytes(int64(size / len(seeds)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := seed.Parse("seeds/x.txt", seeds[i%len(seeds)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
