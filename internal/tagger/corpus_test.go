package tagger

import (
	"reflect"
	"testing"

	"github.com/sahifa/sahifa/internal/corpus"
)

// corpusDocs is the benchmark corpus's first n articles as the tagger
// sees them.
func corpusDocs(n int) []Doc {
	arts := corpus.Articles(n, 1)
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		d := Doc{Title: a.Title, Lede: a.Description}
		for _, b := range a.Body {
			d.Body = append(d.Body, b.Text)
		}
		docs[i] = d
	}
	return docs
}

// TestTagsOfIsTags: the tags of a corpus document from the reading New
// kept (TagsOf) are the tags of the document read again (Tags). New keeps
// only the phrases that may survive keep; this fails if it drops one that
// can.
func TestTagsOfIsTags(t *testing.T) {
	docs := corpusDocs(300)
	// Articles sharing a title phrase: kept only through the corpus
	// (a phrase in the title once, and in another document).
	docs = append(docs,
		Doc{Title: "جولة جديدة من المهرجان الثقافي", Body: []string{"بدأت الجولة اليوم."}},
		Doc{Title: "تأجيل المهرجان الثقافي", Body: []string{"أجلت الجولة."}})
	for _, g := range []*Gazetteer{defaultGazetteer(t), nil} {
		tg := New(g, docs)
		for i, d := range docs {
			if got, want := tg.TagsOf(i, 30), tg.Tags(d, 30); !reflect.DeepEqual(got, want) {
				t.Errorf("document %d (%s): TagsOf %q, Tags %q", i, d.Title, got, want)
			}
		}
		if g == nil && !contains(tg.TagsOf(len(docs)-1, 30), "المهرجان الثقافي") {
			t.Errorf("a phrase kept through the corpus is missing: %q", tg.TagsOf(len(docs)-1, 30))
		}
	}
}

// BenchmarkNew reads a corpus of 1,000 articles: tokenising, matching
// the gazetteer and counting the phrases of each.
func BenchmarkNew(b *testing.B) {
	g := defaultGazetteer(b)
	docs := corpusDocs(1000)
	b.ReportAllocs()
	for b.Loop() {
		New(g, docs)
	}
}

// BenchmarkTagsOf ranks the tags of every document of a corpus read by
// New, as an import of new seeds does.
func BenchmarkTagsOf(b *testing.B) {
	docs := corpusDocs(1000)
	tg := New(defaultGazetteer(b), docs)
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			tg.TagsOf(i, 8)
		}
	}
}
