package site

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/corpus"
)

// syntheticPages makes n articles over ten years with 3–7 tags each drawn
// from 2,000 tags with a Zipf-like long tail, as in real news archives.
func syntheticPages(n int) []content.Page {
	rng := rand.New(rand.NewSource(1))
	zipf := rand.NewZipf(rng, 1.1, 1, 1999)
	start := time.Date(2015, 1, 1, 9, 0, 0, 0, time.UTC)
	pages := make([]content.Page, n)
	for i := range pages {
		d := start.Add(time.Duration(rng.Int63n(int64(10 * 365 * 24 * time.Hour))))
		p := content.Page{Path: fmt.Sprintf("content/%06d.md", i), Title: fmt.Sprintf("خبر رقم %d", i), Date: d, PublishDate: d, Lastmod: d}
		for k := 3 + rng.Intn(5); k > 0; k-- {
			p.Tags = append(p.Tags, fmt.Sprintf("وسم %d", zipf.Uint64()))
		}
		pages[i] = p
	}
	return pages
}

// BenchmarkAssemble20k measures assembling a 20,000-article site: ordering,
// permalinks, pagination, tag pages, the archive and related articles.
func BenchmarkAssemble20k(b *testing.B) {
	pages := syntheticPages(20000)
	c := cfg()
	c.Paginate = 20
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Assemble(c, pages, Options{Now: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelated20k measures related articles alone on 20,000 articles.
func BenchmarkRelated20k(b *testing.B) {
	pages := syntheticPages(20000)
	c := cfg()
	c.Related = 0 // assemble without, then time relate alone
	s, err := Assemble(c, pages, Options{Now: time.Now()})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		relate(s.Articles, s.Taxonomies[0], 5)
	}
}

// BenchmarkAssembleCorpus10k measures assembling the 10,000-article
// benchmark corpus (bench/corpus) with its own config, loaded from memory
// as a build loads it: real slugs, dates and the corpus's tag long tail.
func BenchmarkAssembleCorpus10k(b *testing.B) {
	c, _, err := config.Parse(corpus.ConfigPath, corpus.Config())
	if err != nil {
		b.Fatal(err)
	}
	pages, err := content.Load(corpus.MapFS(corpus.Generate(corpus.Options{N: 10000, Seed: 1})), "content", content.Options{
		Location: c.Location, DefaultHour: c.DefaultHour(), DefaultMinute: c.DefaultMinute(),
	})
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(corpus.FirstYear+corpus.Years, 6, 1, 12, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Assemble(c, pages, Options{Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}
