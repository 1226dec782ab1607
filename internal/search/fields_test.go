package search

import (
	"slices"
	"testing"

	"github.com/sahifa/sahifa/internal/arabic"
)

// TestFields wants every field a reader sees indexed, each with its
// weight: a word in the lede, the dateline, the caption or a tag alone
// finds its story, a lede match outweighs five in a body, and an exact
// field counts a word once.
func TestFields(t *testing.T) {
	files, _ := buildFiles(t, fixtureDocs(), fixtureOptions)
	d := decode(t, files)
	id := map[string]int{}
	for i, r := range d.docs {
		id[r[0]] = i
	}
	// weights of a term, by path.
	weights := func(term string) map[string]int {
		w := map[string]int{}
		for _, p := range d.postings[term] {
			w[d.docs[p[0]][0]] = p[1]
		}
		return w
	}
	for _, c := range []struct{ query, path, field string }{
		{"بركان", "/news/volcano-lede/", "lede"},
		{"بالموصل", "/news/mosul-dateline/", "dateline"},
		{"دجلة", "/news/tigris-caption/", "caption"},
		{"الزراعة", "/news/farming-tag/", "tag"},
	} {
		terms := querySearchTerms(c.query)
		if len(terms) != 1 {
			t.Fatalf("%s: terms %v", c.query, terms)
		}
		if _, ok := weights(terms[0])[c.path]; !ok {
			t.Errorf("%s (%s) does not find %s, which has it in its %s alone", c.query, terms[0], c.path, c.field)
		}
	}
	mosul := weights("موصل")
	if mosul["/news/mosul-dateline/"] <= mosul["/news/city/"] {
		t.Errorf("موصل: the dateline weighs %d, a body match %d", mosul["/news/mosul-dateline/"], mosul["/news/city/"])
	}
	gold := weights("ذهب")
	if gold["/news/gold-lede/"] <= gold["/news/gold-body/"] {
		t.Errorf("ذهب: once in the lede weighs %d, five times in the body %d", gold["/news/gold-lede/"], gold["/news/gold-body/"])
	}
	// The exact fields do not count in the body's length: a tag does not
	// make its story's body matches weigh less.
	tagged, plain := fixtureDocs()[3], fixtureDocs()[3]
	plain.Tags = nil
	if a, b := Analyse(tagged), Analyse(plain); bodyLength(t, a) != bodyLength(t, b) {
		t.Errorf("tags change the body's length: %d vs %d", bodyLength(t, a), bodyLength(t, b))
	}

	// The block stores what a result shows; the empty fields at its end
	// are left out.
	lede := d.docs[id["/news/volcano-lede/"]]
	if want := []string{"علوم", "/images/volcano.abc-480.jpg"}; !slices.Equal(lede[5:], want) {
		t.Errorf("the lede story's block record %q, want section and thumbnail %q", lede, want)
	}
	if r := d.docs[id["/news/iran/"]]; len(r) != 5 {
		t.Errorf("a record without section or picture has %d fields: %q", len(r), r)
	}
}

// TestYears wants each year's first document in meta.json, the year as
// the site prints the date (in its time zone, not UTC).
func TestYears(t *testing.T) {
	files, _ := buildFiles(t, fixtureDocs(), fixtureOptions)
	d := decode(t, files)
	want := [][2]int{{2023, 0}, {2024, 9}}
	if !slices.Equal(d.meta.Years, want) {
		t.Fatalf("years %v, want %v", d.meta.Years, want)
	}
	if d.docs[9][0] != "/news/new-year-day/" {
		t.Errorf("document 9 is %s", d.docs[9][0])
	}
}

// querySearchTerms are the terms of each reading of a one-word query.
func querySearchTerms(q string) []string {
	var out []string
	for _, st := range arabic.SearchTerms(q) {
		out = append(out, st.Term)
	}
	return out
}

// bodyLength is the body length an analysis records.
func bodyLength(t *testing.T, a Analysis) int {
	t.Helper()
	b := NewBuilder()
	if err := b.AddAnalysis(a); err != nil {
		t.Fatal(err)
	}
	return b.docs[0].bodyLen
}
