package search

import (
	"bytes"
	"testing"
	"time"
)

// An index built from kept analyses is the index built from the
// documents; a damaged analysis is refused, never half added.
func TestAnalysisRoundTrip(t *testing.T) {
	docs := []Document{
		{Path: "/2021/02/24/توافق/", Title: "توافق بين بايدن والكاظمي", Date: time.Date(2021, 2, 24, 9, 0, 0, 0, time.UTC),
			DateText: "24 فبراير 2021", DateISO: "2021-02-24T12:00:00+03:00", Summary: "الرئيس الأميركي يتفق",
			Text: "اتفق الرئيس الأميركي جو بايدن مع رئيس الوزراء العراقي على حماية البعثات الدبلوماسية في iPhone 15", Tags: []string{"العراق", "جو بايدن"}},
		{Path: "/2024/03/10/معرض/", Title: "معرض بغداد للكتاب", Date: time.Date(2024, 3, 10, 5, 30, 0, 0, time.UTC),
			Text: "افتتح معرض بغداد الدولي للكتاب بمشاركة 400 دار نشر"},
	}
	build := func(add func(*Builder, Document)) map[string][]byte {
		b := NewBuilder()
		for _, d := range docs {
			add(b, d)
		}
		out := map[string][]byte{}
		if _, err := b.Build(Options{}, func(f File) error { out[f.Path] = f.Data; return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	direct := build(func(b *Builder, d Document) { b.Add(d) })
	kept := build(func(b *Builder, d Document) {
		a := Analyse(d)
		if err := b.AddAnalysis(append(Analysis(nil), a...)); err != nil {
			t.Fatal(err)
		}
	})
	if len(direct) == 0 || len(direct) != len(kept) {
		t.Fatalf("%d files vs %d", len(direct), len(kept))
	}
	for p, data := range direct {
		if !bytes.Equal(data, kept[p]) {
			t.Errorf("%s differs when built from analyses", p)
		}
	}

	a := Analyse(docs[0])
	b := NewBuilder()
	for n := range len(a) {
		if err := b.AddAnalysis(a[:n]); err == nil {
			t.Fatalf("analysis cut to %d of %d bytes accepted", n, len(a))
		}
	}
	if err := b.AddAnalysis(append(append(Analysis(nil), a...), 0)); err == nil {
		t.Fatal("analysis with trailing bytes accepted")
	}
	if b.Len() != 0 {
		t.Fatalf("damaged analyses added %d documents", b.Len())
	}
}
