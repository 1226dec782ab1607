package diag

import "strings"

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
		if lc == low {
			continue // the same name is not a suggestion
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
	ra, rb := []rune(a), []rune(b)
	// Three rows of the table: the swap looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
