package diag

import (
	"strings"

	edlib "github.com/hbollon/go-edlib"
)

// Closest returns the candidate that typed most likely misspells, or "" when
// none is close enough to suggest: at most one edit away for a name of up
// to four letters, two for a longer one (an edit is a letter added,
// removed, changed, or two neighbours swapped). Case is ignored, so a
// suggestion is returned as the candidate spells it. Ties go to the
// candidate that sorts first, so the answer does not depend on order.
//
// One rule for every "did you mean" (sahifa.toml keys, front matter keys,
// template fields and functions), so suggestions behave alike everywhere.
func Closest(typed string, candidates []string) string {
	low := strings.ToLower(typed)
	limit := 2
	if len([]rune(low)) <= 4 {
		// Short names are close to many others ("url", "alt"): only an
		// obvious slip is worth a suggestion.
		limit = 1
	}
	best, bestDist := "", limit+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if c == typed {
			continue // the same name is not a suggestion; in other case it is ("BUILD")
		}
		d := EditDistance(low, lc)
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best
}

// EditDistance is the number of single-letter edits (insertion, deletion,
// substitution, or a swap of two neighbouring letters) turning a into b:
// the optimal string alignment distance, counted in runes so an Arabic
// or accented name is not penalised per byte. A swap counts as one edit
// because it is the commonest typing slip ("titel", "biuld").
func EditDistance(a, b string) int {
	return edlib.OSADamerauLevenshteinDistance(a, b)
}
