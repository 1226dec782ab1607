package arabic

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search and tag key of s: the form under which
// spellings that Arabic readers treat as one word compare equal. In order:
//
//  1. NFKC, so presentation forms (ﻻ, ﷲ, ﺑ) become ordinary letters and a
//     hamza or madda typed as a combining mark joins its letter;
//  2. StripMarks: harakat (U+064B–U+065F), superscript alef (U+0670),
//     tatweel (U+0640), Quranic and honorific marks (U+0610–U+061A,
//     U+06D6–U+06ED, U+08D3–U+08FF), zero-width and bidi controls;
//  3. letters folded: أ إ آ ٱ ٲ ٳ → ا; ؤ ئ → ء; ى → ي; ة → ه; Persian
//     ی → ي and ک → ك;
//  4. Arabic-Indic (٠-٩) and Persian (۰-۹) digits → 0-9;
//  5. cased letters (Latin and others) lower-cased.
//
// Everything else, spaces and punctuation included, is left in place, so
// Fold can be applied to a whole text and the text split afterwards. The
// folds are the ones the press itself is inconsistent about (إيران and
// ايران, الكاظمي and الكاظمى, مدينة and مدينه), so they must not make two
// tags or miss a search hit. Hamza on waw and yeh becomes the hamza alone:
// مسؤول and مسئول, شؤون and شئون, شيء and شيئ are the same word with its
// seat chosen by another school (the seat follows the vowels, so the
// same letters with another seat are the same word); folding ؤ to و and
// ئ to ي instead would merge real pairs (سؤال, سوال). On the Hunspell
// Arabic dictionary, what ؤ ئ → ء merges is one word with the seat of
// another mood or school (docs/search.md). Fold is idempotent.
func Fold(s string) string {
	switch shortcut(s) {
	case plain:
		// Nothing in it normalises, composes or is a mark: step 3 to 5
		// alone give the same string. Most news text is this, and NFKC
		// was most of the time a build spent analysing it.
		return strings.Map(foldRune, s)
	case marked:
		// Harakat, tatweel and no-break spaces besides: the harakat and
		// tatweel go (step 2), the no-break space is NFKC's space (step
		// 1), and none of them composes with a neighbour or, gone,
		// leaves two that compose. Shadda in a name or a no-break space
		// pasted from a newsroom system would otherwise send a whole
		// article through NFKC.
		return strings.Map(foldMarked, s)
	}
	return foldFull(s)
}

// The forms of text Fold can fold without normalising (shortcut).
const (
	full   = iota // anything else: the full normalisation
	plain         // plainRune only
	marked        // plainRune, harakat U+064B–U+0652, tatweel and U+00A0
)

// shortcut says which form s is in.
func shortcut(s string) int {
	form := plain
	for _, r := range s {
		switch {
		case plainRune(r):
		case '\u064b' <= r && r <= '\u0652', r == '\u0640', r == '\u00a0':
			form = marked
		default:
			return full
		}
	}
	return form
}

// plainRune reports whether r is ASCII, one of the Arabic letters
// U+0621–U+063A and U+0641–U+064A, an Arabic-Indic digit or the Arabic
// comma, semicolon or question mark. NFKC leaves each of them as it is
// and composes none with its neighbour (there are no marks among them),
// and folding maps each to another of them or to ASCII, so text of them
// alone is already in the form foldFull's normalising steps produce.
func plainRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf,
		'\u0621' <= r && r <= '\u063a',
		'\u0641' <= r && r <= '\u064a',
		'\u0660' <= r && r <= '\u0669',
		r == '\u060c', r == '\u061b', r == '\u061f':
		return true
	}
	return false
}

// foldMarked is foldRune for text of the marked form: harakat and tatweel
// dropped, the no-break space a space.
func foldMarked(r rune) rune {
	switch {
	case r == '\u00a0':
		return ' '
	case '\u064b' <= r && r <= '\u0652', r == '\u0640':
		return -1
	}
	return foldRune(r)
}

func foldFull(s string) string {
	s = norm.NFKC.String(s)
	if t := StripMarks(s); t != s {
		// A mark between two characters can hide a composition
		// (e + tatweel + ◌́); normalising again keeps Fold idempotent.
		s = norm.NFKC.String(t)
	}
	s = strings.Map(foldRune, s)
	// Lower-casing can make a letter that composes with the mark after
	// it (J + ◌̌ → j + ◌̌ → ǰ): normalise again, so Fold stays idempotent.
	// A few rounds settle anything real text holds; the bound is there
	// so no input can loop.
	for range 3 {
		if norm.NFKC.IsNormalString(s) {
			break
		}
		s = strings.Map(foldRune, norm.NFKC.String(s))
	}
	return s
}

// FoldNormalized is Fold for text already NFKC-normalised and stripped of
// marks (as Fold leaves it before its last steps): it only maps letters,
// one rune to one, so callers that normalise a whole text once can fold
// its words without normalising each again.
func FoldNormalized(s string) string {
	return strings.Map(foldRune, s)
}

// foldRune is step 3 to 5 of Fold for one character. It maps one rune to
// one rune, so a folded word lines up letter for letter with its source
// once that is normalised and stripped of marks.
func foldRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ؤ', 'ئ':
		return 'ء'
	case 'ى', 'ی':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ک':
		return 'ك'
	}
	if d, ok := latinDigit(r); ok {
		return d
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// IsWordRune reports whether r belongs to a word for Tokens: a letter, a
// digit, or a combining mark that is part of its letter in scripts that
// write vowels as marks (Devanagari, Thai). Arabic harakat never reach
// this test, as Fold has removed them.
func IsWordRune(r rune) bool {
	if r < wordTableRunes {
		return wordTable[r>>6]&(1<<(r&63)) != 0
	}
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordTable is isWordRune for every rune below wordTableRunes (Latin,
// Arabic and the scripts between), one bit each: Tokens asks for every
// character of every article the search index analyses, and the unicode
// package's range tables made a third of the analysis.
const wordTableRunes = 0x800

var wordTable = func() (t [wordTableRunes / 64]uint64) {
	for r := range rune(wordTableRunes) {
		if isWordRune(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// Tokens folds s and splits it into words at every character that is not
// a letter, digit or mark: spaces, Latin and Arabic punctuation (، ؛ ؟ « »
// ٪), quotes, dashes, symbols. "الولايات المتحدة، وإيران" gives
// ["الولايات" "المتحده" "وايران"]. Clitics stay attached; see
// StripClitics.
func Tokens(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !IsWordRune(r) })
}

// Proclitics written attached to the next word. The conjunctions may
// precede a preposition (وب, فل); either may precede the article (وال,
// بال, وبال). ل + ال is written لل: the alef of the article drops.
var (
	conjunctions = []string{"و", "ف"}
	prepositions = []string{"ب", "ك", "ل"}
)

const article = "ال"

// minStem is the shortest candidate StripClitics returns, in letters: no
// Arabic content word is a single letter, and one-letter "stems" are what
// stripping a real word's first letters leaves (والد → د).
const minStem = 2

// StripClitics returns the readings of a folded token (see Fold) with its
// proclitics removed: the token itself first, then every candidate stem,
// longer before shorter (ties in the order below), without duplicates
// and never a candidate shorter than two letters.
//
// The proclitics are the conjunctions و ف, the prepositions ب ك ل, and
// the article ال, in that order: an optional conjunction, then an
// optional preposition, then an optional article. Each removal gives a
// candidate, and the article is both kept and removed, because names are
// written with it (العراق) and search wants the bare stem too:
//
//	والكاظمي → والكاظمي الكاظمي كاظمي
//	بالعراق  → بالعراق العراق عراق
//	وبالعراق → وبالعراق بالعراق العراق عراق
//	للعراق   → للعراق العراق لعراق عراق   (لل = ل + ال)
//	للبنان   → للبنان البنان لبنان بنان   (and لبنان = ل + لبنان)
//	لبنان    → لبنان بنان
//
// The function cannot tell a clitic from a word's own first letter (ب of
// بغداد, و of وزير), so it offers both readings and the caller decides
// which exist: a gazetteer lookup, or a search index. The article is
// only removed when a stem of at least two letters is left.
func StripClitics(tok string) []string {
	out := []string{tok}
	add := func(c string) {
		if utf8.RuneCountInString(c) < minStem {
			return
		}
		for _, o := range out {
			if o == c {
				return
			}
		}
		out = append(out, c)
	}
	addArticle := func(stem string) {
		if utf8.RuneCountInString(stem) >= minStem {
			add(article + stem)
			add(stem)
		}
	}
	for _, c := range append([]string{""}, conjunctions...) {
		rest, ok := strings.CutPrefix(tok, c)
		if !ok {
			continue
		}
		if c != "" {
			add(rest)
		}
		bases := []string{rest}
		for _, p := range prepositions {
			if r, ok := strings.CutPrefix(rest, p); ok {
				add(r)
				if p != "ل" { // ل + ال is لل, handled below
					bases = append(bases, r)
				}
			}
		}
		for _, b := range bases {
			if stem, ok := strings.CutPrefix(b, article); ok {
				addArticle(stem)
			}
		}
		if stem, ok := strings.CutPrefix(rest, "لل"); ok {
			addArticle(stem)
		}
	}
	rest := out[1:]
	sort.SliceStable(rest, func(i, j int) bool {
		return utf8.RuneCountInString(rest[i]) > utf8.RuneCountInString(rest[j])
	})
	return out
}
