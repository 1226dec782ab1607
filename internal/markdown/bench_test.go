package markdown_test

import (
	"strings"
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

// BenchmarkRenderHostile is the guard against Markdown whose rendering
// time grows with the square of its size (limits.go): 1 MB of each shape,
// just inside the limits or past them, must render (or be refused) in
// well under a second, about the time of 1 MB of plain list items.
func BenchmarkRenderHostile(b *testing.B) {
	const size = 1 << 20
	fill := func(unit string) []byte { return []byte(strings.Repeat(unit, size/len(unit)+1)[:size]) }
	cases := []struct{ name, unit string }{
		{"plain list items", "- بند\n"},
		{"dashes on one line", "- "},
		{"quotes on one line", "> "},
		{"nested lists per line", strings.Repeat("- ", markdown.MaxNesting-1) + "نص\n"},
		{"nested quotes per line", strings.Repeat("> ", markdown.MaxNesting-1) + "نص\n"},
		{"footnotes per line", strings.Repeat("[^ح]: ", markdown.MaxNesting-1) + "نص\n"},
		{"nested brackets", strings.Repeat("[", markdown.MaxBrackets) + "نص" + strings.Repeat("]", markdown.MaxBrackets)},
		{"open links", strings.Repeat("[أ](<", markdown.MaxLinksPerParagraph) + "\n\n"},
		{"open titles", strings.Repeat("[أ](ب (\n", markdown.MaxLinksPerParagraph) + "\n"},
		{"emphasis runs", strings.Repeat("*_", markdown.MaxEmphasisPerParagraph/2) + "\n\n"},
		{"definitions", strings.Repeat("[أ]: ب\n", markdown.MaxDefinitionsPerParagraph) + "\n"},
	}
	md := markdown.New()
	for _, c := range cases {
		src := fill(c.unit)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				md.Render(src) // refused or rendered: only the time matters
			}
		})
	}
}
