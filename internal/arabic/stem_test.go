package arabic

import (
	"reflect"
	"slices"
	"testing"
)

func TestStem(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"الكاظمي", "كاظم"},
		{"والكاظمي", "كاظم"},
		{"بالعراق", "عراق"},
		{"وبالعراق", "عراق"},
		{"للعراق", "عراق"},
		{"وللعراق", "عراق"},
		{"فالعراق", "عراق"},
		{"كالعاده", "عاد"}, // كال, then ه
		{"العراقيه", "عراق"},
		{"المدينه", "مدين"},
		{"الحكوميه", "حكوم"},
		{"سياراتها", "سيار"}, // ها, then ات
		{"المسؤولون", "مسؤول"},
		{"مسؤولين", "مسؤول"},
		{"بغداد", "بغداد"}, // ب alone is never removed
		{"وبغداد", "بغداد"},
		{"وزير", "زير"}, // و removed: three letters left
		{"ولد", "ولد"},  // two would be left
		{"ال", "ال"},    // the article alone
		{"الي", "ال"},   // ال would leave one letter; ي leaves two
		{"بيه", "بي"},   // يه would leave one letter, ه leaves two
		{"به", "به"},    // ه would leave one
		{"g20", "g20"},  // Latin and digits are left alone
		{"2021", "2021"},
		{"covid", "covid"},
	}
	for _, c := range cases {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStems(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"الكاظمي", []string{"كاظم"}},
		{"وزير", []string{"زير", "وزير"}},
		{"ووزير", []string{"وزير", "ووزير"}},
		{"وزاره", []string{"زار", "وزار"}},
		{"واشنطن", []string{"اشنطن", "واشنطن"}},
		{"للبنان", []string{"بن", "لبن"}},
		{"وللبنان", []string{"بن", "لبن"}},
		{"فللعراق", []string{"عراق", "لعراق"}},
		{"وبغداد", []string{"بغداد", "وبغداد"}},
		{"لبنان", []string{"لبن"}},
	}
	for _, c := range cases {
		if got := Stems(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Stems(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Stems(c.in)[0]; got != Stem(c.in) {
			t.Errorf("Stems(%q)[0] = %q, Stem gives %q", c.in, got, Stem(c.in))
		}
	}
}

// Every spelling the press mixes up gives one stem once folded.
func TestStemFoldedVariantsAgree(t *testing.T) {
	groups := [][]string{
		{"الكاظمي", "والكاظمي", "الكاظمى", "الكَاظِمِي", "بالكاظمي"},
		{"إيران", "ايران", "إِيرَان", "ايـــران"},
		{"المدينة", "المدينه", "مدينة", "بالمدينة", "المَدِينَة"},
		{"العراق", "بالعراق", "للعراق", "وبالعراق", "العراقية", "العراقيون", "العراقيين"},
	}
	for _, g := range groups {
		want := Stem(Fold(g[0]))
		for _, w := range g[1:] {
			if got := Stem(Fold(w)); got != want {
				t.Errorf("Stem(Fold(%q)) = %q, Stem(Fold(%q)) = %q", w, got, g[0], want)
			}
		}
	}
}

func TestSearchTerms(t *testing.T) {
	cases := []struct {
		in   string
		want []SearchTerm
	}{
		{"", nil},
		{"وقال الكاظمي في بغداد", []SearchTerm{{"كاظم", 1}, {"بغداد", 3}}},
		{"في من على", nil},
		{"وفي ومن وأن", nil},                  // a stopword behind و
		{"و ب ل", nil},                        // lone letters
		{"فهم بين", []SearchTerm{{"فهم", 0}}}, // فهم is not ف + هم; بين is a stopword
		{"وزير الخارجية", []SearchTerm{{"زير", 0}, {"وزير", 0}, {"خارج", 1}}},
		{"قمة G20، ٢٠٢١", []SearchTerm{{"قم", 0}, {"g20", 1}, {"2021", 2}}},
	}
	for _, c := range cases {
		if got := SearchTerms(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SearchTerms(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestIsSearchStopword(t *testing.T) {
	for _, w := range []string{"في", "وفي", "وقال", "الذي", "والذي"} {
		if !IsSearchStopword(Fold(w)) {
			t.Errorf("IsSearchStopword(%q) = false", w)
		}
	}
	for _, w := range []string{"و", "بغداد", "وزير", "فهم", "ففي"} {
		if IsSearchStopword(Fold(w)) {
			t.Errorf("IsSearchStopword(%q) = true", w)
		}
	}
}

func TestStopwordsAndRules(t *testing.T) {
	sw := Stopwords()
	if !slices.IsSorted(sw) || len(sw) < 250 {
		t.Fatalf("Stopwords(): %d words, sorted %v", len(sw), slices.IsSorted(sw))
	}
	for _, w := range sw {
		if Fold(w) != w || !IsStopword(w) {
			t.Errorf("Stopwords() has %q, which is not folded or not a stopword", w)
		}
	}
	p, s, _ := StemRules()
	p[0].Prefix, s[0] = "x", "x"
	if stemPrefixes[0].Prefix == "x" || stemSuffixes[0] == "x" {
		t.Error("StemRules returns the rules themselves, not copies")
	}
}
