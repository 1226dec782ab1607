package arabic

import "strings"

// isMark reports whether r is one of the characters StripMarks removes:
// marks written on or between Arabic letters that do not change which
// word is meant, plus invisible controls that only steer rendering.
// Two spellings of one word differ in these all the time (a title
// vocalised by one editor and not by another, a headline stretched with
// tatweel to fill a line, a bidi mark pasted from a word processor), so
// slugs and search must not see them.
func isMark(r rune) bool {
	switch {
	case r < 0x0610:
		return false
	case r <= 0x061A: // honorific and Quranic signs above/below letters (ؐ ؑ ؒ …)
		return true
	case r == 0x061C: // ARABIC LETTER MARK (bidi control)
		return true
	case r >= 0x064B && r <= 0x065F: // harakat: tanwin, fatha … sukun, and hamza/madda marks
		return true
	case r == 0x0640: // tatweel (kashida), pure line stretching
		return true
	case r == 0x0670: // superscript (dagger) alef
		return true
	case r >= 0x06D6 && r <= 0x06ED: // Quranic annotation marks
		return true
	case r >= 0x08D3 && r <= 0x08FF: // Arabic Extended-A marks, Quranic as well
		return true
	case r >= 0x200B && r <= 0x200F: // ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0xFEFF: // BOM / zero-width no-break space
		return true
	}
	return false
}

// StripMarks removes from s the Arabic harakat (U+064B–U+065F, U+0670),
// tatweel (U+0640), Quranic and honorific marks (U+0610–U+061A,
// U+06D6–U+06ED, U+08D3–U+08FF) and zero-width or bidi control
// characters (U+061C, U+200B–U+200F, U+202A–U+202E, U+2066–U+2069,
// U+FEFF). Letters are left exactly as written.
//
// Marks that compose with a letter (hamza above/below, madda) are only
// kept if s is in NFC, where they are already part of the letter (أ, إ,
// آ); callers that cannot promise NFC should normalise first.
func StripMarks(s string) string {
	i := strings.IndexFunc(s, isMark)
	if i < 0 {
		return s // the common case: nothing to strip, no allocation
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !isMark(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinDigit maps the Arabic-Indic (٠-٩) and Extended Arabic-Indic
// (Persian/Urdu, ۰-۹) digits to their ASCII value, so ٢٠٢١ and 2021 give
// the same slug and search key. ok is false for anything else.
func latinDigit(r rune) (d rune, ok bool) {
	switch {
	case r >= '0' && r <= '9':
		return r, true
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660, true
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0, true
	}
	return 0, false
}
