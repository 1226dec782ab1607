package arabic

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// SearchTerm is one search key of a text and where its word stands among
// all the words of the text. A word with two readings (see Stems) gives
// two terms at one position.
type SearchTerm struct {
	Term string // one of Stems of the folded word
	Pos  int    // index of the word in Tokens(text), stopwords included
}

// SearchTerms analyses s for search, the same way for an article and a
// reader's query: Tokens (NFKC, marks removed, letters and digits
// folded, split into words), then every word that carries no topic is
// dropped (IsSearchStopword, and single Arabic letters: a stray و or ب),
// and the rest are stemmed (Stems: one or two readings). Positions count
// the dropped words too, so a quoted phrase with a stopword inside ("قمة
// في الرياض") matches the words at the same distance in a text.
//
//	"وقال الكاظمي في بغداد" → [{كاظم 1} {بغداد 3}]
//	"وزير"                  → [{زير 0} {وزير 0}]
func SearchTerms(s string) []SearchTerm {
	var out []SearchTerm
	for i, tok := range Tokens(s) {
		if IsSearchStopword(tok) || isLoneArabicLetter(tok) {
			continue
		}
		for _, st := range Stems(tok) {
			out = append(out, SearchTerm{Term: st, Pos: i})
		}
	}
	return out
}

// IsSearchStopword reports whether folded (one token, passed through
// Fold) is a stopword for search: IsStopword, or a stopword behind the
// conjunction و, which news prose attaches to half its sentences (وقال،
// وفي، وأن). Other clitics are not tried: بين must not become ين, nor
// فهم (understanding) هم.
func IsSearchStopword(folded string) bool {
	if IsStopword(folded) {
		return true
	}
	rest, ok := strings.CutPrefix(folded, "و")
	return ok && rest != "" && IsStopword(rest)
}

// isLoneArabicLetter reports whether tok is a single letter of the
// Arabic block, which is never a word on its own (a detached و, a ب
// split from its word by a stray mark).
func isLoneArabicLetter(tok string) bool {
	r, size := utf8.DecodeRuneInString(tok)
	return size == len(tok) && r >= 0x0600 && r <= 0x06FF
}

// Stopwords returns the folded stopword set IsStopword consults, sorted,
// for code that must drop the same words (the browser's search script is
// generated from it).
func Stopwords() []string {
	out := make([]string, 0, len(stopwords))
	for w := range stopwords {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}
