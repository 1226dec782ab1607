package seed

import (
	"strings"
	"unicode"

	"github.com/sahifa/sahifa/internal/arabic"
)

// isInvisible reports whether r takes no room on the page: zero-width and
// bidi controls that word processors and web pages sprinkle into Arabic
// text. A line made only of these (and spaces) looks blank to the editor
// who wrote it, so it must count as blank here too.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F: // ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // bidi embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	case r == 0x061C, r == 0xFEFF, r == 0x2060: // ALM, BOM/ZWNBSP, word joiner
		return true
	}
	return false
}

// isPad is what trimming removes from the ends of a line: white space
// (incl. NBSP, U+00A0, which unicode.IsSpace covers) and invisible marks.
func isPad(r rune) bool { return unicode.IsSpace(r) || isInvisible(r) }

// clean trims a line's padding. Only the ends are touched: tatweel,
// harakat and any mark inside the text stay as written.
func clean(s string) string { return strings.TrimFunc(s, isPad) }

// words counts the space-separated words of s, the measure behind
// "short line" (captions, subheadings) and "≤ 4 words" (datelines).
// It counts without building the list: it runs on every paragraph.
func words(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// hasLetter reports whether s holds at least one letter, so a line of
// stars or dashes ("* * *") is never taken for a heading.
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// closers are the quotes and brackets a line may end with after its real
// last character ("…انتهى."» ends with a full stop, not with »).
const closers = "\"'»”’)]}"

// endsSentence reports whether s ends with punctuation that a heading
// never ends with: a full stop, colon, question or exclamation mark,
// comma or semicolon (Latin or Arabic), or an ellipsis.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, closers)
	if s == "" {
		return false
	}
	r := []rune(s)
	return strings.ContainsRune(".:؟!?،,؛;…", r[len(r)-1])
}

// maxHeadingWords is "at most ~10 words" from the spec's subheading row.
const maxHeadingWords = 10

// maxCaptionWords bounds a caption. The spec only says "short"; photo
// captions run longer than headings, and anything longer than this
// directly under the date line is body text that lost its blank line.
const maxCaptionWords = 15

// isHeadingLike reports whether s could be a subheading: short, with a
// letter, and not ending like a sentence.
func isHeadingLike(s string) bool {
	return words(s) <= maxHeadingWords && hasLetter(s) && !endsSentence(s)
}

// fold reduces s to a key for comparing names (months, weekdays,
// agencies) as an editor means them: the same normalisation as tag keys
// (harakat, tatweel and invisible marks removed, أ إ آ ٱ read as ا, ى as
// ي, ة as ه), with runs of space made one. So الإثنين, الاثنين and
// الاثنـين are the same day.
func fold(s string) string { return strings.Join(strings.Fields(arabic.Fold(s)), " ") }

// asciiDigits rewrites Eastern Arabic-Indic (٠–٩) and Persian (۰–۹)
// digits as ASCII so one date grammar reads all three.
func asciiDigits(s string) string { return arabic.ToLatinDigits(s) }
