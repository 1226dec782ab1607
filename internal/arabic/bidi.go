package arabic

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Unicode's isolating controls, for text where no markup can go (<title>,
// meta descriptions, feed titles): FSI … PDI sets the text between them
// apart with its own direction, as <bdi> does in markup.
const (
	FSI = "\u2068" // FIRST STRONG ISOLATE
	PDI = "\u2069" // POP DIRECTIONAL ISOLATE
)

// Segment is a piece of a string: a left-to-right run (Latin words,
// codes, addresses) or the text around it.
type Segment struct {
	Text string
	LTR  bool
}

// LTRRuns splits s into left-to-right runs and the rest, in order, so
// the runs can be isolated from the right-to-left text around them: in
// "قمة G20 في الرياض تناقش COVID-19" the runs are "G20" and "COVID-19".
//
// A run starts at a strong left-to-right letter (Latin, Greek, Cyrillic …),
// taking along the digits and "#", "@" written right before it ("5G",
// "#COVID19"), and goes on through digits, spaces and punctuation as long
// as another left-to-right letter or digit follows before any Arabic or
// Hebrew letter, Arabic punctuation or Arabic-Indic digit: "iPhone 15
// Pro", "https://g20.org/", "Joe Biden"; "Twitter، Facebook" is two. The
// spaces and punctuation after its last letter or digit stay outside it
// (a full stop ends the Arabic sentence), except "/" and "+" ("g20.org/",
// "Disney+") and closing brackets that close one opened inside:
// "Microsoft (MSFT)".
// Joining the segments' texts gives s back.
func LTRRuns(s string) []Segment {
	if !mayHaveLTR(s) {
		if s == "" {
			return nil
		}
		return []Segment{{Text: s}}
	}
	return ltrRuns(s)
}

func ltrRuns(s string) []Segment {
	var cs []bidiChar
	for i, r := range s {
		p, _ := bidi.LookupRune(r)
		cs = append(cs, bidiChar{i, r, p.Class()})
	}
	end := func(k int) int { // byte offset after character k
		if k+1 < len(cs) {
			return cs[k+1].pos
		}
		return len(s)
	}
	var out []Segment
	last := 0 // byte offset of the text not yet in out
	for k := 0; k < len(cs); k++ {
		if cs[k].class != bidi.L {
			continue
		}
		// Start: take along digits and # @ written right before it.
		start := k
		for start > 0 && cs[start-1].pos >= last && cs[start-1].attachesBefore() {
			start--
		}
		// End: the last strong L or digit before an RTL letter.
		stop := k
		for j := k + 1; j < len(cs); j++ {
			c := cs[j].class
			if c == bidi.R || c == bidi.AL || c == bidi.AN || c == bidi.B || c == bidi.S || isArabicBlock(cs[j].r) {
				break
			}
			if c == bidi.L || c == bidi.EN {
				stop = j
			}
		}
		// A trailing "/" or "+" belongs to its word: "https://g20.org/",
		// "Disney+", "C++".
		for stop+1 < len(cs) && (cs[stop+1].r == '/' || cs[stop+1].r == '+') {
			stop++
		}
		// Closing brackets that balance ones opened in the run.
		open := 0
		for j := start; j <= stop; j++ {
			switch cs[j].r {
			case '(', '[', '{':
				open++
			case ')', ']', '}':
				open--
			}
		}
		for open > 0 && stop+1 < len(cs) && strings.ContainsRune(")]}", cs[stop+1].r) {
			stop++
			open--
		}
		if from := cs[start].pos; from > last {
			out = append(out, Segment{Text: s[last:from]})
		}
		out = append(out, Segment{Text: s[cs[start].pos:end(stop)], LTR: true})
		last = end(stop)
		k = stop
	}
	if last < len(s) {
		out = append(out, Segment{Text: s[last:]})
	}
	return out
}

// mayHaveLTR reports whether s holds a left-to-right letter (bidi class
// L), where ltrRuns begins a run: an ASCII letter, or a character outside
// ASCII and the Arabic blocks of that class. Most Arabic text has none,
// and templates ask about every title and summary; the guillemets, dashes
// and no-break spaces of Arabic news text are neutral, so they are looked
// up rather than taken for Latin.
func mayHaveLTR(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				return true
			}
		case !isArabicBlock(r):
			if p, _ := bidi.LookupRune(r); p.Class() == bidi.L {
				return true
			}
		}
	}
	return false
}

// isArabicBlock reports whether r is in one of Unicode's Arabic blocks.
// Arabic punctuation such as the comma "،" (U+060C) is a neutral for the
// bidi algorithm, yet it belongs to the Arabic text around a run: in
// "Twitter، Facebook" it separates two runs, not joins them.
func isArabicBlock(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF ||
		r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// bidiChar is a character of a string with its byte offset and its
// Unicode bidirectional class.
type bidiChar struct {
	pos   int
	r     rune
	class bidi.Class
}

// attachesBefore reports whether c belongs to a left-to-right word that
// follows it without a space: the 5 of "5G", the # of "#COVID19".
func (c bidiChar) attachesBefore() bool {
	return c.class == bidi.EN || c.r == '#' || c.r == '@'
}

// IsolateLTR wraps each left-to-right run of s (see LTRRuns) in FSI … PDI,
// for plain text that an Arabic line shows: a <title>, a meta description.
// A string without such runs comes back unchanged.
func IsolateLTR(s string) string {
	segs := LTRRuns(s)
	if len(segs) == 1 && !segs[0].LTR || len(segs) == 0 {
		return s
	}
	var b strings.Builder
	for _, seg := range segs {
		if seg.LTR {
			b.WriteString(FSI + seg.Text + PDI)
		} else {
			b.WriteString(seg.Text)
		}
	}
	return b.String()
}
