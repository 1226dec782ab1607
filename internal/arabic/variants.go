package arabic

import (
	"slices"
	"strings"
)

// Alternation is a pair of spellings, folded (see Fold), that writers use
// for one another in the same word. Either may stand for the other.
type Alternation struct {
	A, B string
	// Equivalent pairs spell the same words in two common styles, so a
	// query always tries the other spelling; the others are letters that
	// sound alike and also tell real words apart, tried only when the
	// spelling typed finds little (see SpellingVariants).
	Equivalent bool
}

// alternations are the spellings a search query also tries. None is
// folded into one letter at indexing, because the sound-alike pairs also
// tell real words apart (ثمر fruit, تمر dates; حظر ban, حضر attend), and
// a query can rank what its other spellings find below what the spelling
// typed finds. Measured in docs/search.md.
var alternations = []Alternation{
	// America: أميركا, أميركي in the Levant and the Gulf press, أمريكا,
	// أمريكي in Egypt's. The ك keeps أمير (prince) out.
	{A: "اميرك", B: "امريك", Equivalent: true},
	// Loanwords write "th" either way (ماراثون and ماراتون, ثيودور and
	// تيودور), and Levantine and Egyptian speech says ث as ت.
	{A: "ث", B: "ت"},
	// ظ and ض are one sound in most of the Arab world: الكاضمي for
	// الكاظمي.
	{A: "ظ", B: "ض"},
}

// SpellingVariants returns the other spellings of term, a search term
// (see SearchTerms), that a query tries: equivalent spellings of the same
// word, and spellings with a sound-alike letter. Each differs from term
// by one alternation (see alternations) at one place, so a term with two
// ث gives two variants, not three. They come in the order of the
// alternations, A to B before B to A, then left to right, without
// duplicates and without term itself:
//
//	امريك  → equivalent [اميرك]
//	مارات  → soundAlike [ماراث]
//	كاضم   → soundAlike [كاظم]
//
// Variants are made from the stem, not the word, so that a letter
// changed never changes what the stemmer cuts: احداث with ت would be
// احدات, stemmed احد.
func SpellingVariants(term string) (equivalent, soundAlike []string) {
	for _, a := range alternations {
		for _, p := range [][2]string{{a.A, a.B}, {a.B, a.A}} {
			for i := 0; ; {
				j := strings.Index(term[i:], p[0])
				if j < 0 {
					break
				}
				at := i + j
				v := term[:at] + p[1] + term[at+len(p[0]):]
				if v != term && !slices.Contains(equivalent, v) && !slices.Contains(soundAlike, v) {
					if a.Equivalent {
						equivalent = append(equivalent, v)
					} else {
						soundAlike = append(soundAlike, v)
					}
				}
				i = at + len(p[0])
			}
		}
	}
	return equivalent, soundAlike
}

// Alternations returns the pairs SpellingVariants tries, in its order,
// for code that must try the same (the browser's search script is
// generated from them). The slice is a copy.
func Alternations() []Alternation {
	return append([]Alternation(nil), alternations...)
}
