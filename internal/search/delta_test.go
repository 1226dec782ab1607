package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/corpus"
)

// corpusAnalyses are n generated articles (internal/corpus), oldest
// first, analysed once: a prefix of them is an archive, and the next one
// a publish.
func corpusAnalyses(t *testing.T, n int) []Analysis {
	t.Helper()
	docs := corpusDocuments(n)
	out := make([]Analysis, n)
	for i, d := range docs {
		out[i] = Analyse(d)
	}
	return out
}

// corpusDocuments are n generated articles as documents, oldest first.
func corpusDocuments(n int) []Document {
	arts := corpus.Articles(n, 5)
	slices.SortFunc(arts, func(a, b corpus.Article) int { return a.Date.Compare(b.Date) })
	out := make([]Document, n)
	for i, a := range arts {
		var text strings.Builder
		for _, b := range a.Body {
			text.WriteString(b.Text + "\n")
		}
		out[i] = Document{
			Path: "/" + a.Slug + "/", Title: a.Title, Date: a.Date,
			DateISO: a.Date.Format(time.RFC3339), DateText: a.Date.Format("2006-01-02"),
			Summary: a.Description, Text: text.String(), Tags: a.Tags,
		}
	}
	return out
}

// buildAnalyses builds the index of analysed documents.
func buildAnalyses(t *testing.T, as []Analysis, opts Options) map[string][]byte {
	t.Helper()
	b := NewBuilder()
	for _, a := range as {
		if err := b.AddAnalysis(a); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string][]byte{}
	if _, err := b.Build(opts, func(f File) error { files[f.Path] = f.Data; return nil }); err != nil {
		t.Fatal(err)
	}
	return files
}

// corpusOptions cut the small archives of these tests into many shards,
// as a large archive is, and their common words' lists into tiers.
var corpusOptions = Options{ShardBytes: 2 << 10, BlockBytes: 1 << 10, Tier: 32}

// A base and a delta read together are the single index of all the
// documents: every term's documents, weights and next words are the
// same, so every query finds and ranks the same (the script joins the two
// lists as decode does; search.test.mjs checks it against lists.json).
func TestDeltaIsTheSingleIndex(t *testing.T) {
	const k = 32
	as := corpusAnalyses(t, 3*k)
	single, split := corpusOptions, corpusOptions
	single.Delta, split.Delta = 1, k
	for n := 1; n <= len(as); n++ {
		want := decode(t, buildAnalyses(t, as[:n], single))
		got := decode(t, buildAnalyses(t, as[:n], split))
		// The delta holds 1 to k documents, never none.
		if wantBase := (n - 1) / k * k; got.meta.Base != wantBase || want.meta.Base != n {
			t.Fatalf("%d documents: %d in the base, want %d", n, got.meta.Base, wantBase)
		}
		if !reflect.DeepEqual(got.postings, want.postings) || !reflect.DeepEqual(got.next, want.next) || !reflect.DeepEqual(got.docs, want.docs) {
			t.Fatalf("%d documents: the base and the delta differ from the single index", n)
		}
	}
}

// Publishing one article rewrites meta.json, the delta and the last block
// of documents, and no shard of the base; the K-th publish moves the
// whole delta into the base.
func TestPublishWritesFewSearchFiles(t *testing.T) {
	const n = 200 // 200 mod 32 = 8: the delta has 8 documents, then 9
	as := corpusAnalyses(t, 225)
	before := buildAnalyses(t, as[:n], corpusOptions)
	after := buildAnalyses(t, as[:n+1], corpusOptions)
	shards, blocks := 0, 0
	for p := range after {
		if strings.HasPrefix(p, "t/") {
			shards++
		}
		if strings.HasPrefix(p, "d/") {
			blocks++
		}
	}
	var changed []string
	for p, data := range after {
		if !bytes.Equal(before[p], data) {
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			changed = append(changed, p+" (removed)")
		}
	}
	slices.Sort(changed)
	if want := []string{fmt.Sprintf("d/%d.json", blocks-1), "meta.json", "n/delta.json", "t/delta.json"}; !slices.Equal(changed, want) {
		t.Errorf("publishing one article into %d (%d shards) changed %d search files %v, want %v", n, shards, len(changed), changed, want)
	}

	// At a multiple of K the delta is full; one more document moves it
	// into the base and starts a delta of one: the newest document is
	// always in the delta, never in the base.
	for _, c := range []struct{ docs, base int }{{224, 192}, {225, 224}} {
		files := buildAnalyses(t, as[:c.docs], corpusOptions)
		var m struct {
			Docs, Base int
			Delta      *string
		}
		if err := json.Unmarshal(files["meta.json"], &m); err != nil {
			t.Fatal(err)
		}
		_, tDelta := files["t/delta.json"]
		_, nDelta := files["n/delta.json"]
		if m.Docs != c.docs || m.Base != c.base || m.Delta == nil || !tDelta || !nDelta {
			t.Errorf("%d documents: %+v, delta files %v %v, want %d in the base and a delta", c.docs, m, tDelta, nDelta, c.base)
		}
	}
}

// TestFixtureLists keeps testdata/lists.json, every term's list in the
// single index of the fixture, as the script must read it from the
// fixture's base and delta; -update rewrites it.
func TestFixtureLists(t *testing.T) {
	opts := fixtureOptions
	opts.Delta = 1
	files, _ := buildFiles(t, fixtureDocs(), opts)
	single := decode(t, files)
	// term → [documents, weights, next words of each document]
	lists := map[string][3]any{}
	for term, ps := range single.postings {
		var ids, weights []int
		var next [][]int
		for _, p := range ps {
			ids, weights = append(ids, p[0]), append(weights, p[1])
			next = append(next, append([]int{}, single.next[term][p[0]]...))
		}
		lists[term] = [3]any{ids, weights, next}
	}
	got, err := json.MarshalIndent(lists, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "lists.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("testdata/lists.json differs from the fixture's single index; run go test ./internal/search -run FixtureLists -update and review the diff")
	}
}

// Editing an old article rewrites the shards that hold its words (its
// weights depend on its length, so all of them), and no other. A shard is
// cut before the term that would overflow it, so a shard that grows keeps
// its end (that term still overflows it) and the shards after it keep
// theirs. (Cutting where a term's hash says, as rsync cuts files, was
// tried: its minimum and maximum sizes moved the bounds of shards next to
// a changed one, where this rule moved none.)
func TestEditRewritesOnlyItsOwnShards(t *testing.T) {
	docs := corpusDocuments(224) // a multiple of K: every document in the base
	as := make([]Analysis, len(docs))
	for i, d := range docs {
		as[i] = Analyse(d)
	}
	// Shards of a few terms each, as in a large archive: with small first
	// tiers a shard of this small one holds so many terms that the edited
	// article has a word in every one.
	opts := corpusOptions
	opts.ShardBytes = 1 << 10
	opts.Tier = 64
	before := buildAnalyses(t, as, opts)
	const edited = 10
	d := docs[edited]
	// New words (names, places) as well as common ones: new terms grow
	// the shards they land in.
	d.Text += "وأضاف المصدر أن التحقيق في الانفجار سيستمر خلال الأيام المقبلة بمشاركة خبراء دوليين " +
		"من أبوظبي وأربيل وأسوان وتطوان والقيروان ونواكشوط وزحلة وجرش وصلالة والمكلا.\n"
	as[edited] = Analyse(d)
	after := buildAnalyses(t, as, opts)

	// The edited document's terms, before and after, as the index spells them.
	own := map[string]bool{}
	for _, files := range []map[string][]byte{before, after} {
		for term, ps := range decode(t, files).postings {
			for _, p := range ps {
				if p[0] == edited {
					own[term] = true
				}
			}
		}
	}
	shards, changed := 0, 0
	for p, data := range after {
		if !strings.HasPrefix(p, "t/") || tierFile.MatchString(p) {
			continue
		}
		shards++
		terms := tierTerms(t, after, p)
		if bytes.Equal(before[p], data) && maps.EqualFunc(tierTerms(t, before, p), terms, func(a, b []byte) bool { return bytes.Equal(a, b) }) {
			continue
		}
		changed++
		holds := false
		for term := range terms {
			holds = holds || own[term]
		}
		if !holds {
			t.Errorf("editing document %d rewrote %s or its tiers, which hold none of its words", edited, p)
		}
	}
	t.Logf("an edit rewrote %d of %d term shards", changed, shards)
	if changed == 0 || changed == shards {
		t.Errorf("an edit rewrote %d of %d term shards", changed, shards)
	}
}

// tierFile is the name of a tier file of a shard (t/3.1.json).
var tierFile = regexp.MustCompile(`^[tn]/\d+\.\d+\.json$`)

// tierTerms are the terms of a term shard with the bytes of each one's
// tier files, nil for a term of one tier.
func tierTerms(t *testing.T, files map[string][]byte, shard string) map[string][]byte {
	t.Helper()
	var terms map[string][]json.RawMessage
	if err := json.Unmarshal(files[shard], &terms); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for term, e := range terms {
		out[term] = nil
		if len(e) < 5 {
			continue
		}
		var k int
		var bounds []int
		json.Unmarshal(e[3], &k)
		json.Unmarshal(e[4], &bounds)
		for i := range bounds {
			out[term] = append(out[term], files[strings.Replace(shard, ".json", fmt.Sprintf(".%d.json", k+i), 1)]...)
		}
	}
	return out
}
