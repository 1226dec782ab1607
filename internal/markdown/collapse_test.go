package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// collapse and countWords are one-pass versions of strings.Fields work:
// they must agree with it on any text, Arabic, Latin, digits and every
// kind of space included.
func TestCollapseAgreesWithFields(t *testing.T) {
	pieces := []string{"الكاظمي", "و", "بايدن", "G20", "2021", "–", "،", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "iPhone", "ـ", "x"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(400) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := strings.Join(strings.Fields(s), " ")
		if got := collapse(s, -1); got != want {
			t.Fatalf("#%d collapse(%q) = %q, want %q", i, s, got, want)
		}
		for _, max := range []int{1, 5, 40, PlainTextRunes} {
			if got, want := cutAtWord(collapse(s, max+1), max), cutAtWord(want, max); got != want {
				t.Fatalf("#%d summary of %q at %d: %q, want %q", i, s, max, got, want)
			}
		}
		n := 0
		for _, f := range strings.Fields(s) {
			if strings.IndexFunc(f, isWordRune) >= 0 {
				n++
			}
		}
		if got := countWords(s); got != n {
			t.Fatalf("#%d countWords(%q) = %d, want %d", i, s, got, n)
		}
	}
}
