package markdown_test

import (
	"testing"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/markdown"
)

// BenchmarkRender measures rendering one article's Markdown to HTML, over
// the bodies of 100 articles of the benchmark corpus in turn.
func BenchmarkRender(b *testing.B) {
	arts := corpus.Articles(100, 1)
	bodies := make([][]byte, len(arts))
	size := 0
	for i := range arts {
		p, err := content.Parse(arts[i].ContentPath(), arts[i].Markdown(), content.Options{})
		if err != nil {
			b.Fatal(err)
		}
		bodies[i] = p.Body
		size += len(p.Body)
	}
	md := markdown.New()
	b.SetBytes(int64(size / len(bodies)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := md.Render(bodies[i%len(bodies)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
