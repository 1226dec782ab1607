package corpus_test

import (
	"testing"

	"github.com/sahifa/sahifa/internal/corpus"
)

// BenchmarkGenerate10k measures generating the 10,000-article corpus
// with its seeds, in memory: bench/corpus must stay well under 2 s.
func BenchmarkGenerate10k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		corpus.Generate(corpus.Options{N: 10000, Seed: 1, Seeds: true})
	}
}
