package tagger

import (
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/sahifa/sahifa/internal/arabic"
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

// slowNormal is what quickNormal stands for.
func slowNormal(s string) string {
	return norm.NFKC.String(arabic.StripMarks(norm.NFKC.String(s)))
}

// TestQuickNormal: quickNormal gives what the norm package does, for every
// character it takes, alone and next to any other it takes, and for the
// corpus; and it does not take what it must not.
func TestQuickNormal(t *testing.T) {
	var taken []string
	for r := rune(0); r <= 0x2FFFF; r++ {
		s := string(r)
		if got, ok := quickNormal(s); ok {
			if want := slowNormal(s); got != want {
				t.Errorf("%U: %q, want %q", r, got, want)
			}
			taken = append(taken, s)
		}
	}
	for _, a := range taken {
		for _, b := range taken {
			if got, _ := quickNormal(a + b); got != slowNormal(a+b) {
				t.Errorf("%q+%q: %q, want %q", a, b, got, slowNormal(a+b))
			}
		}
	}
	for _, d := range corpusDocs(50) {
		for _, p := range append([]string{d.Title, d.Lede}, d.Body...) {
			if got, ok := quickNormal(p); ok && got != slowNormal(p) {
				t.Errorf("%q: %q, want %q", p, got, slowNormal(p))
			}
		}
	}
	for _, s := range []string{
		"بغـداد",   // tatweel
		"ﻻ",        // a presentation form
		"x\u0301",  // a combining accent
		"\u200fنص", // a bidi mark
		"ا\u0654",  // alef and hamza above, which compose
		"\xff",     // not UTF-8
	} {
		if _, ok := quickNormal(s); ok {
			t.Errorf("quickNormal takes %q", s)
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		if isWordRune(r) != arabic.IsWordRune(r) {
			t.Errorf("%U: isWordRune %v, arabic.IsWordRune %v", r, isWordRune(r), arabic.IsWordRune(r))
		}
	}
}

// TestNewForKeepsOnlyWhatIsAsked: NewFor counts every document but keeps
// the readings of the ones asked for, whose tags are New's.
func TestNewForKeepsOnlyWhatIsAsked(t *testing.T) {
	docs := corpusDocs(40)
	g := defaultGazetteer(t)
	all, some := New(g, docs), NewFor(g, docs, func(i int) bool { return i%2 == 0 })
	for i := range docs {
		got, want := some.TagsOf(i, 8), all.TagsOf(i, 8)
		if i%2 == 1 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("document %d: %q, want %q", i, got, want)
		}
	}
}
