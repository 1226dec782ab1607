package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/arabic"
	"golang.org/x/text/unicode/norm"
)

// JSTables returns the analysis tables of assets/js/search-analysis.js, generated
// from package arabic so that the browser folds, stems and drops
// stopwords exactly as the index did:
//
//   - MARKS: the characters arabic.StripMarks removes, as a RegExp;
//   - FOLD: every character arabic.Fold maps to something other than its
//     lower case (alef forms, ى, ة, Persian letters, digits);
//   - STOPWORDS: arabic.Stopwords;
//   - PREFIXES, SUFFIXES, MIN_SUFFIX: arabic.StemRules;
//   - ALTERNATIONS: arabic.Alternations, the spellings a query also tries;
//   - TITLE_WEIGHT: TitleWeight, the least weight of a title match.
//
// The script does the rest itself: NFKC (String.prototype.normalize),
// lower case, and the split into words at anything that is not a
// letter, digit or mark.
func JSTables() string {
	var b strings.Builder
	b.WriteString("  const MARKS = /[")
	for _, r := range markRanges() {
		b.WriteString(jsRegexpRune(r[0]))
		if r[1] > r[0] {
			b.WriteString("-" + jsRegexpRune(r[1]))
		}
	}
	b.WriteString("]/gu;\n")

	b.WriteString("  const FOLD = {")
	for i, f := range foldTable() {
		if i%8 == 0 {
			b.WriteString("\n   ")
		}
		fmt.Fprintf(&b, " %s: %s,", jsString(f[0]), jsString(f[1]))
	}
	b.WriteString("\n  };\n")

	b.WriteString("  const STOPWORDS = new Set([")
	for i, w := range arabic.Stopwords() {
		if i%10 == 0 {
			b.WriteString("\n   ")
		}
		fmt.Fprintf(&b, " %s,", jsString(w))
	}
	b.WriteString("\n  ]);\n")

	prefixes, suffixes, minSuffix := arabic.StemRules()
	b.WriteString("  // [prefix, letters left at least, ambiguous, removed for the other reading]\n")
	b.WriteString("  const PREFIXES = [\n")
	for _, p := range prefixes {
		fmt.Fprintf(&b, "    [%s, %d, %t, %s],\n", jsString(p.Prefix), p.Min, p.Ambiguous, jsString(p.AltStrip))
	}
	b.WriteString("  ];\n  const SUFFIXES = [")
	for i, s := range suffixes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(jsString(s))
	}
	fmt.Fprintf(&b, "];\n  const MIN_SUFFIX = %d;\n", minSuffix)

	b.WriteString("  // [spelling, the other spelling, equivalent (else sound-alike)]\n")
	b.WriteString("  const ALTERNATIONS = [\n")
	for _, a := range arabic.Alternations() {
		fmt.Fprintf(&b, "    [%s, %s, %t],\n", jsString(a.A), jsString(a.B), a.Equivalent)
	}
	b.WriteString("  ];\n")
	b.WriteString("  // The least weight of a story with the word in its headline (internal/search TitleWeight).\n")
	fmt.Fprintf(&b, "  const TITLE_WEIGHT = %d;\n", TitleWeight())
	return b.String()
}

// markRanges are the runs of characters that StripMarks removes.
func markRanges() [][2]rune {
	var out [][2]rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || arabic.StripMarks(string(r)) != "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == r-1 {
			out[n-1][1] = r
		} else {
			out = append(out, [2]rune{r, r})
		}
	}
	return out
}

// foldTable lists the characters that Fold maps to something other than
// their lower case, among those NFKC leaves alone and that are not marks.
func foldTable() [][2]string {
	var out [][2]string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if !utf8.ValidRune(r) || norm.NFKC.String(s) != s || arabic.StripMarks(s) != s {
			continue
		}
		if f := arabic.Fold(s); f != string(unicode.ToLower(r)) {
			out = append(out, [2]string{s, f})
		}
	}
	return out
}

func jsRegexpRune(r rune) string {
	return fmt.Sprintf(`\u{%x}`, r)
}

// jsString quotes s as a JavaScript string (JSON's quoting is valid
// JavaScript; Go's %q is not always).
func jsString(s string) string {
	return string(appendJSONString(nil, s))
}
