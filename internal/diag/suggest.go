package diag

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// Closest returns the candidate closest to typed when it is a likely typo
// of it, or "": at most two edits (insertions, deletions, substitutions,
// counted in runes, ignoring case) and fewer edits than typed has runes,
// so that a short word is not "corrected" into an unrelated one. Ties go
// to the candidate listed first, so callers list the likeliest first.
func Closest(typed string, candidates []string) string {
	typed = strings.ToLower(typed)
	best, bestDist := "", min(3, len([]rune(typed)))
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(typed, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
