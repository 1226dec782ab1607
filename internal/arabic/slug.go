package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxSlugBytes bounds a slug's length in bytes. Slugs become directory
// names and most file systems refuse a name longer than 255 bytes; an
// Arabic letter takes two bytes in UTF-8, and one very long "word" (a
// pasted URL, a German compound) could otherwise break the build.
const MaxSlugBytes = 200

// Slugify makes a URL slug from a title, usually an Arabic headline.
//
// Letters keep their script and spelling (no transliteration, and no
// folding of أ to ا: the slug should read like the headline), Latin and
// other cased letters are lower-cased, Arabic-Indic and Persian digits
// become 0-9. Harakat, tatweel, Quranic marks and invisible controls are
// dropped without splitting the word (see StripMarks). Every other
// character — spaces, punctuation such as ، ؛ ؟ « » ٪ / \ . : ? # % & = + '
// " — separates words, and the words are joined by "-".
//
// At most maxWords words are kept (maxWords <= 0 means no limit), and the
// result is cut at a word boundary to at most MaxSlugBytes bytes; a slug
// that was cut does not end on a stopword (IsStopword: على، في، من …),
// so it ends on a word that carries meaning. The
// result is NFC, contains only letters, digits, combining marks inside a
// word and single hyphens between words, so it never contains "/", "\",
// "..", "--" or a leading or trailing "-". It is "" only when the title
// has no letter or digit. Slugify is idempotent on its own output.
func Slugify(title string, maxWords int) string {
	var b strings.Builder
	b.Grow(len(title))
	words := 0
	inWord, cut := false, false
	// NFC first, so a hamza or madda typed as a separate combining mark
	// joins its alef (ا + ٔ → أ) before the marks are stripped.
	for _, r := range norm.NFC.String(title) {
		if isMark(r) {
			continue // vocalisation and controls do not split a word
		}
		if d, ok := latinDigit(r); ok {
			r = d
		} else if unicode.IsLetter(r) {
			r = unicode.ToLower(r)
		} else if unicode.IsMark(r) {
			// Vowel signs of other scripts (Devanagari, Thai …) are
			// part of their letter; one with no letter before it is
			// noise and must not start a word.
			if !inWord {
				continue
			}
		} else if !unicode.IsDigit(r) {
			inWord = false
			continue
		}
		if !inWord {
			if maxWords > 0 && words == maxWords {
				cut = true
				break
			}
			if words > 0 {
				b.WriteByte('-')
			}
			words++
			inWord = true
		}
		b.WriteRune(r)
	}
	// Lower-casing and dropping marks can leave sequences that compose
	// differently (e + tatweel + ◌́ → é); normalising again keeps the
	// output NFC and Slugify idempotent.
	slug := norm.NFC.String(b.String())
	if short := truncateSlug(slug, MaxSlugBytes); short != slug {
		slug, cut = short, true
	}
	if cut {
		slug = trimStopwords(slug)
	}
	return slug
}

// trimStopwords drops the function words a cut slug ends on: a headline
// cut after eight words often stops on a preposition ("…-المحلية-على"),
// which reads as broken. A slug of stopwords alone is kept as it is.
func trimStopwords(slug string) string {
	words := strings.Split(slug, "-")
	for n := len(words); n > 0; n-- {
		if !IsStopword(Fold(words[n-1])) {
			return strings.Join(words[:n], "-")
		}
	}
	return slug
}

// truncateSlug cuts an over-long slug at the last word boundary that fits
// in max bytes; a single word longer than max is cut before a letter, so
// no combining mark is left without its letter and UTF-8 stays valid.
func truncateSlug(s string, max int) string {
	if len(s) <= max {
		return s
	}
	if i := strings.LastIndexByte(s[:max+1], '-'); i > 0 {
		return s[:i]
	}
	cut := max
	for cut > 0 {
		r, _ := utf8.DecodeRuneInString(s[cut:])
		if utf8.RuneStart(s[cut]) && !unicode.IsMark(r) {
			break
		}
		cut--
	}
	if cut == 0 { // a letter followed by max bytes of marks: cut anywhere valid
		cut = max
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut]
}
