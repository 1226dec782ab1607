package arabic

import (
	"strings"
	"unicode/utf8"
)

// StemPrefix is a prefix Stem removes, and how many letters must remain.
type StemPrefix struct {
	Prefix string
	Min    int // letters that must be left after removing it
	// Ambiguous prefixes may also be the word's own letters: Stems then
	// gives a second reading, with only AltStrip removed from the word
	// and its suffixes stripped.
	Ambiguous bool
	AltStrip  string
}

// stemPrefixes are tried in order and at most one is removed: the
// article with the conjunctions and prepositions written before it,
// longer forms first, then the conjunction و alone. They are folded
// forms (see Fold). This is Light10's list (Larkey, Ballesteros and
// Connell, 2007: ال وال بال كال فال لل و) with the double clitics
// وبال، وكال، ولل، فبال، فلل added, as news prose writes وبالعراق and
// وللعراق as often as بالعراق.
var stemPrefixes = []StemPrefix{
	{Prefix: "وبال", Min: 2}, {Prefix: "وكال", Min: 2}, {Prefix: "فبال", Min: 2},
	// لل is ل + ال (للعراق) or ل before a word that starts with ل
	// (للبنان: to Lebanon).
	{Prefix: "ولل", Min: 2, Ambiguous: true, AltStrip: "ول"},
	{Prefix: "فلل", Min: 2, Ambiguous: true, AltStrip: "فل"},
	{Prefix: "وال", Min: 2}, {Prefix: "بال", Min: 2}, {Prefix: "كال", Min: 2}, {Prefix: "فال", Min: 2},
	{Prefix: "لل", Min: 2, Ambiguous: true, AltStrip: "ل"},
	{Prefix: "ال", Min: 2},
	// و alone (Light10: when three letters are left) is the conjunction in
	// وبغداد but the word's first letter in وزير, وزارة, واشنطن.
	{Prefix: "و", Min: 3, Ambiguous: true},
}

// stemSuffixes are Light10's suffixes in its order, folded (ية and ة fold
// to يه and ه). Each in turn is removed when the word ends with it and at
// least two letters remain, so one word may lose more than one.
var stemSuffixes = []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}

// stemMinSuffix is how many letters must remain after removing a suffix.
const stemMinSuffix = 2

// Stem returns the light stem of folded, a single token already passed
// through Fold: one prefix (the article, possibly with و ف ب ك ل before
// it, or the conjunction و) and then Light10's suffixes (ها ان ات ون ين
// يه ه ي) are removed, each only when enough letters remain. Stems are
// search keys, not words: الكاظمي، والكاظمي and الكاظمى all give كاظم,
// المدينة and مدينه give مدين, العراقية and العراق give عراق. Words
// without Arabic affixes (g20, 2021, covid) are returned as they are.
//
// A light stemmer cannot tell an affix from a word's own letters, so
// some unrelated words share a stem (ايران and اير); the same rules run
// on the index and on the query, so a reader's word always finds the
// same word in the text.
func Stem(folded string) string {
	s, _ := stem(folded)
	return s
}

// Stems returns the readings of folded as search keys: Stem first, then,
// when the prefix Stem removed may be the word's own letters, the stem
// read the other way: وزير gives زير (و + زير) and وزير (the minister, as
// in الوزير); للبنان gives بن (ل + ال + بنان) and لبن (ل + لبنان, as
// لبنان itself gives). Indexing and querying both readings lets the
// word the reader means meet its other spellings.
func Stems(folded string) []string {
	s, p := stem(folded)
	if !p.Ambiguous {
		return []string{s}
	}
	alt := stripSuffixes(strings.TrimPrefix(folded, p.AltStrip))
	if alt == s {
		return []string{s}
	}
	return []string{s, alt}
}

// stem removes one prefix and then the suffixes; it returns the prefix
// rule it applied (the zero StemPrefix for none).
func stem(w string) (string, StemPrefix) {
	var applied StemPrefix
	for _, p := range stemPrefixes {
		if rest, ok := strings.CutPrefix(w, p.Prefix); ok && utf8.RuneCountInString(rest) >= p.Min {
			w, applied = rest, p
			break
		}
	}
	return stripSuffixes(w), applied
}

func stripSuffixes(w string) string {
	for _, s := range stemSuffixes {
		if rest, ok := strings.CutSuffix(w, s); ok && utf8.RuneCountInString(rest) >= stemMinSuffix {
			w = rest
		}
	}
	return w
}

// StemRules returns the prefixes and suffixes Stem removes, in the order
// it tries them, for code that must stem the same way (the browser's
// search script is generated from them). The slices are copies.
func StemRules() (prefixes []StemPrefix, suffixes []string, minSuffix int) {
	return append([]StemPrefix(nil), stemPrefixes...), append([]string(nil), stemSuffixes...), stemMinSuffix
}
