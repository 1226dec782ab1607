package seed

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPlaceWords is the spec's limit on a dateline's place: "only when the
// part before the dash is short (≤ 4 words)". Anything longer is a
// sentence that happens to contain a dash.
const maxPlaceWords = 4

// isDash reports whether the rune at s[i:] is a dateline dash: an en or
// em dash anywhere; an ASCII hyphen or a tatweel (which Arabic papers
// set as a dash, "بيروت ـ") only with a space on at least one side (on
// both for tatweel), because without one they join words ("بي-بي-سي",
// a stretched letter).
func isDash(s string, i int) (size int, ok bool) {
	r, size := utf8.DecodeRuneInString(s[i:])
	before, after := spaceBefore(s, i), spaceAfter(s, i+size)
	switch r {
	case '–', '—':
		return size, true
	case '-':
		return size, before || after
	case 'ـ':
		return size, before && after
	}
	return size, false
}

func spaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || unicode.IsSpace(r)
}

func spaceAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || unicode.IsSpace(r)
}

// firstDash finds the first dateline dash in s, or -1.
func firstDash(s string) (at, size int) {
	for i := range s {
		if n, ok := isDash(s, i); ok {
			return i, n
		}
	}
	return -1, 0
}

// reHeadAgency is a credit written before the dash: "القاهرة (رويترز) –".
var reHeadAgency = regexp.MustCompile(`^(.+?)\s*\(([^()]+)\)$`)

// reTailAgency is a credit between two dashes: "بغداد - (رويترز) - …".
var reTailAgency = regexp.MustCompile(`^\(([^()]+)\)\s*$`)

// agencies are credits recognised without parentheses between two
// dashes ("بغداد – أ ف ب – …"); a bare phrase there could as well be the
// first words of the sentence, so only names known as agencies count.
var agencies = map[string]bool{}

func init() {
	for _, a := range []string{"رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "فرانس برس", "أسوشيتد برس", "أ ب",
		"د ب أ", "د.ب.أ", "الأناضول", "واس", "وام", "قنا", "كونا", "سانا", "بترا", "شينخوا", "سبوتنيك",
		"يو بي آي", "إفي", "وفا", "معا", "أ ش أ"} {
		agencies[fold(a)] = true
	}
}

// isPlace reports whether s can be a dateline's place: one to four words
// of letters only. Digits, quotes or punctuation mean the text before the
// dash is part of a sentence ("في عام 2020 - …", "قال: - …").
func isPlace(s string) bool {
	n := words(s)
	if n == 0 || n > maxPlaceWords {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsSpace(r) && !isInvisible(r) {
			return false
		}
	}
	return true
}

// isCredit reports whether s is short enough to be an agency credit.
func isCredit(s string) bool {
	return words(s) > 0 && words(s) <= maxPlaceWords && hasLetter(s)
}

// splitDateline takes a dateline off the opening of a first paragraph:
// "واشنطن – اتفق …" → place "واشنطن", rest "اتفق …", and with a credit,
// "بغداد - (رويترز) - قال …" or "القاهرة (أ ف ب) – …" → place, agency
// and rest. Only the first dash is considered, so a dash later in the
// sentence never counts: the words before it are too many, or not a place.
// ok is false when the paragraph has no dateline; rest is never empty
// when ok is true.
func splitDateline(p string) (place, agency, rest string, ok bool) {
	at, size := firstDash(p)
	if at < 0 {
		return "", "", "", false
	}
	head, tail := clean(p[:at]), clean(p[at+size:])
	if g := reHeadAgency.FindStringSubmatch(head); g != nil && isCredit(clean(g[2])) {
		head, agency = clean(g[1]), clean(g[2])
	}
	if !isPlace(head) {
		return "", "", "", false
	}
	if agency == "" {
		if at2, size2 := firstDash(tail); at2 >= 0 {
			mid := clean(tail[:at2])
			switch g := reTailAgency.FindStringSubmatch(mid); {
			case g != nil && isCredit(clean(g[1])):
				agency, tail = clean(g[1]), clean(tail[at2+size2:])
			case agencies[fold(mid)]:
				agency, tail = mid, clean(tail[at2+size2:])
			case words(mid) <= maxPlaceWords:
				// Two dashes round a short phrase are an aside inside a
				// sentence ("قال إنه - أي الرئيس - سيزور"), not a dateline.
				return "", "", "", false
			}
		}
	}
	if !hasLetter(tail) && strings.IndexFunc(tail, unicode.IsDigit) < 0 {
		return "", "", "", false // nothing would be left of the paragraph
	}
	return head, agency, tail, true
}
