package search

import (
	"bytes"
	"errors"
	"maps"
	"reflect"
	"strings"
	"testing"
)

// buildOnBase builds the index of docs (their analyses as) keeping the
// base that facts describe: the delta's documents added by analysis, the
// base's by their stored fields. ok is FitsBase's answer.
func buildOnBase(t *testing.T, facts BaseFacts, docs []Document, as []Analysis, opts Options) (files map[string][]byte, st Stats, ok bool) {
	t.Helper()
	return buildOnBaseBy(t, facts, as, opts, func(b *Builder, i int) { b.AddDocument(docs[i]) }, len(docs))
}

// buildOnBaseBy is buildOnBase with the base's documents added by add.
func buildOnBaseBy(t *testing.T, facts BaseFacts, as []Analysis, opts Options, add func(b *Builder, i int), docs int) (files map[string][]byte, st Stats, ok bool) {
	t.Helper()
	b := NewBuilder()
	for _, a := range as[facts.Docs:] {
		if err := b.AddAnalysis(a); err != nil {
			t.Fatal(err)
		}
	}
	if !b.FitsBase(facts, docs) {
		return nil, Stats{}, false
	}
	b.KeepBase(facts)
	for i := range facts.Docs {
		add(b, i)
	}
	files = map[string][]byte{}
	st, err := b.Build(opts, func(f File) error { files[f.Path] = f.Data; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return files, st, true
}

// A build that keeps the base writes every other file as a build from all
// the analyses does, and none of the base's: publishing into the delta
// costs the delta's documents, not the archive's.
func TestKeptBaseMatchesBuiltBase(t *testing.T) {
	docs := corpusDocuments(260)
	as := make([]Analysis, len(docs))
	for i, d := range docs {
		as[i] = Analyse(d)
	}
	const n = 200 // 192 in the base
	before := map[string][]byte{}
	b := NewBuilder()
	for _, a := range as[:n] {
		b.AddAnalysis(a)
	}
	first, err := b.Build(corpusOptions, func(f File) error { before[f.Path] = f.Data; return nil })
	if err != nil {
		t.Fatal(err)
	}
	facts, err := DecodeBaseFacts(first.BaseFacts.Encode())
	// Blocks of few documents, so that groups of them lie wholly in the
	// base and are kept with it.
	if err != nil || !reflect.DeepEqual(facts, first.BaseFacts) || facts.Docs != 192 || len(facts.Shards) < 10 || facts.Blocks == "" {
		t.Fatalf("base facts %+v read back as %+v, %v", first.BaseFacts, facts, err)
	}
	for _, f := range facts.Files() {
		if before[f] == nil {
			t.Fatalf("%s is not a file of the built index", f)
		}
	}

	// Each publish up to the next multiple of K keeps the base.
	for m := n; m < 224; m++ {
		want := buildAnalyses(t, as[:m], corpusOptions)
		got, st, ok := buildOnBase(t, facts, docs[:m], as[:m], corpusOptions)
		if !ok {
			t.Fatalf("%d documents: the base of %d was not kept", m, facts.Docs)
		}
		for _, f := range facts.Files() {
			if _, made := got[f]; made {
				t.Fatalf("%d documents: the kept base's %s was built", m, f)
			}
			if !bytes.Equal(want[f], before[f]) {
				t.Fatalf("%d documents: a clean build's %s differs from the kept one", m, f)
			}
			delete(want, f)
		}
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("%d documents: on a kept base, files differ from a clean build's", m)
		}
		if !reflect.DeepEqual(st.BaseFacts, facts) {
			t.Fatalf("%d documents: base facts %+v, want the kept %+v", m, st.BaseFacts, facts)
		}
	}
}

// The base's weights are made with the typical length of all documents:
// a delta that moves it moves them, and the base cannot be kept.
func TestKeptBaseNeedsItsTypicalLength(t *testing.T) {
	docs, as, st := analysedIndex(t, 200)
	long := docs[len(docs)-1]
	long.Text = strings.Repeat("تقرير مطول عن الاقتصاد العراقي والنفط والموانئ ", 40_000)
	as[len(as)-1] = Analyse(long)
	if _, _, ok := buildOnBase(t, st.BaseFacts, docs, as, corpusOptions); ok {
		t.Error("a delta that moves the typical length kept the base")
	}
}

// Build refuses a kept base the documents do not fit, rather than write an
// index whose base and delta disagree.
func TestKeptBaseMustFit(t *testing.T) {
	docs := corpusDocuments(40)
	b := NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	st, err := b.Build(Options{}, func(File) error { return nil })
	if err != nil || st.BaseFacts.Docs != 32 {
		t.Fatalf("%+v %v", st, err)
	}
	cases := []struct {
		name     string
		stored   []int // documents added by their stored fields
		analysed []int // and of the base by their analysis
		delta    int   // K
	}{
		{"the base", seq(32), nil, 32}, // fits
		{"a base document missing", seq(31), nil, 32},
		{"a base document analysed", seq(31), []int{31}, 32},
		{"another K", seq(32), nil, 24},
	}
	for _, c := range cases {
		b := NewBuilder()
		for _, d := range docs[32:] {
			b.Add(d)
		}
		if !b.FitsBase(st.BaseFacts, len(docs)) {
			t.Fatalf("%s: the base does not fit", c.name)
		}
		b.KeepBase(st.BaseFacts)
		for _, i := range c.stored {
			b.AddDocument(docs[i])
		}
		for _, i := range c.analysed {
			b.Add(docs[i])
		}
		_, err := b.Build(Options{Delta: c.delta}, func(File) error { return nil })
		if fits := c.name == "the base"; fits != (err == nil) || !fits && !errors.Is(err, errKeptBase) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// FitsBase wants the delta's analyses and nothing else.
	b = NewBuilder()
	for _, d := range docs[33:] {
		b.Add(d)
	}
	if b.FitsBase(st.BaseFacts, len(docs)) {
		t.Error("a base fits with a delta document missing")
	}
	b.AddDocument(docs[32])
	if b.FitsBase(st.BaseFacts, len(docs)) {
		t.Error("a base fits with a delta document stored")
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestDecodeBaseFactsDamaged(t *testing.T) {
	data := BaseFacts{Docs: 64, BodyWords: 9000, Typical: 128, Shards: []string{"ا", "ب"}, Versions: "aaaaabbbbb", Tiers: []int{0, 2}}.Encode()
	for i := range data {
		if _, err := DecodeBaseFacts(data[:i]); err == nil {
			t.Errorf("%d of %d bytes decode", i, len(data))
		}
	}
	if _, err := DecodeBaseFacts(append(data, 0)); err == nil {
		t.Error("a trailing byte decodes")
	}
}

// analysedIndex builds the index of n corpus documents from their
// analyses.
func analysedIndex(t *testing.T, n int) ([]Document, []Analysis, Stats) {
	t.Helper()
	docs := corpusDocuments(n)
	as := make([]Analysis, len(docs))
	for i, d := range docs {
		as[i] = Analyse(d)
	}
	b := NewBuilder()
	for _, a := range as {
		b.AddAnalysis(a)
	}
	st, err := b.Build(corpusOptions, func(File) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	return docs, as, st
}

// A document added again with AddStored, as the dev server does after a
// save, gives the files AddDocument gives, and the builder it came from
// builds the same files again afterwards (the two share it).
func TestAddStoredIsAddDocument(t *testing.T) {
	docs, as, first := analysedIndex(t, 230)
	facts := first.BaseFacts
	build := func(add func(b *Builder, i int)) map[string][]byte {
		t.Helper()
		files, _, ok := buildOnBaseBy(t, facts, as, corpusOptions, add, len(docs))
		if !ok {
			t.Fatal("the base does not fit")
		}
		return files
	}
	stored := make([]Stored, facts.Docs)
	want := build(func(b *Builder, i int) { stored[i] = b.AddDocument(docs[i]) })
	for i, s := range stored {
		if !s.Added() {
			t.Fatalf("document %d: AddDocument returned nothing", i)
		}
	}
	for round := range 2 {
		got := build(func(b *Builder, i int) { b.AddStored(stored[i]) })
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("round %d: AddStored built other files than AddDocument", round)
		}
	}
}
