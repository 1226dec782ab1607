package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/sahifa/sahifa/internal/arabic"
)

// vectors is testdata/vectors.json, the analysis the Go code and the
// browser script must both give (see search.test.mjs).
type vectors struct {
	Analysis []struct {
		Input string       `json:"input"`
		Terms []vectorTerm `json:"terms"`
	} `json:"analysis"`
	Pairs   [][3]any `json:"pairs"`
	Matches []struct {
		Query string `json:"query"`
		Text  string `json:"text"`
		Match bool   `json:"match"`
	} `json:"matches"`
	Variants []struct {
		Term       string   `json:"term"`
		Equivalent []string `json:"equivalent"`
		SoundAlike []string `json:"soundAlike"`
	} `json:"variants"`
}

// vectorTerm is a [term, position] pair.
type vectorTerm struct {
	Term string
	Pos  int
}

func (v *vectorTerm) UnmarshalJSON(b []byte) error {
	var pair [2]any
	if err := json.Unmarshal(b, &pair); err != nil {
		return err
	}
	v.Term, _ = pair[0].(string)
	pos, _ := pair[1].(float64)
	v.Pos = int(pos)
	return nil
}

func readVectors(t *testing.T) vectors {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("testdata/vectors.json: %v", err)
	}
	if len(v.Analysis) == 0 || len(v.Matches) == 0 || len(v.Variants) == 0 {
		t.Fatal("testdata/vectors.json has no cases")
	}
	return v
}

func TestVectorsAnalysis(t *testing.T) {
	for _, c := range readVectors(t).Analysis {
		got := []vectorTerm{}
		for _, st := range arabic.SearchTerms(c.Input) {
			got = append(got, vectorTerm{st.Term, st.Pos})
		}
		want := c.Terms
		if want == nil {
			want = []vectorTerm{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("SearchTerms(%q) = %v, want %v", c.Input, got, want)
		}
	}
}

// TestVectorsMatches checks that every word of the query, in one of its
// readings or their equivalent spellings (which the script looks up with
// them), is among the terms of the text: what the index needs for the
// query to find the text as typed.
func TestVectorsMatches(t *testing.T) {
	for _, c := range readVectors(t).Matches {
		have := map[string]bool{}
		for _, st := range arabic.SearchTerms(c.Text) {
			have[st.Term] = true
		}
		words := map[int]bool{} // position → some reading found
		for _, st := range arabic.SearchTerms(c.Query) {
			equivalent, _ := arabic.SpellingVariants(st.Term)
			for _, t := range append(equivalent, st.Term) {
				words[st.Pos] = words[st.Pos] || have[t]
			}
		}
		got := len(words) > 0
		for _, found := range words {
			got = got && found
		}
		if got != c.Match {
			t.Errorf("query %q in text %q: match %v, want %v", c.Query, c.Text, got, c.Match)
		}
	}
}

func TestVectorsVariants(t *testing.T) {
	for _, c := range readVectors(t).Variants {
		equivalent, soundAlike := arabic.SpellingVariants(c.Term)
		if !slices.Equal(equivalent, c.Equivalent) || !slices.Equal(soundAlike, c.SoundAlike) {
			t.Errorf("SpellingVariants(%q) = %q, %q; want %q, %q", c.Term, equivalent, soundAlike, c.Equivalent, c.SoundAlike)
		}
	}
}

func TestVectorsPairs(t *testing.T) {
	v := readVectors(t)
	if len(v.Pairs) == 0 {
		t.Fatal("no pairs")
	}
	for _, p := range v.Pairs {
		term, _ := p[0].(string)
		gap, _ := p[1].(float64)
		want, _ := p[2].(float64)
		if got := pairHash(term, int(gap)); int(got) != int(want) {
			t.Errorf("pairHash(%q, %v) = %d, want %v", term, gap, got, want)
		}
	}
}
