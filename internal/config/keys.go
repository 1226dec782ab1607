package config

import (
	"sort"
	"strings"
)

// knownKey is one spelling accepted in sahifa.toml. Several spellings may
// feed one setting (aliases), so a Hugo config can be reused as is.
type knownKey struct {
	spelling string // as shown in suggestions, dotted for nested keys
	setting  string // the setting it feeds; "" for a table that only groups keys
}

// knownKeys lists every accepted key and table. Matching is case-insensitive,
// like Hugo's, so "BaseURL", "baseurl" and "baseURL" are one key.
var knownKeys = []knownKey{
	{"title", "title"},
	{"baseURL", "baseURL"},
	{"language", "language"},
	{"languageCode", "language"}, // Hugo's name
	{"dir", "dir"},
	{"timezone", "timezone"},
	{"paginate", "paginate"},
	{"pagination", ""},
	{"pagination.pagerSize", "paginate"}, // Hugo ≥ 0.128 spelling
	{"permalinks", ""},
	{"permalinks.article", "permalinks.article"},
	{"minify", "minify"},
	{"markup", ""},
	{"markup.unsafe", "markup.unsafe"},
	{"markup.goldmark", ""},
	{"markup.goldmark.renderer", ""},
	{"markup.goldmark.renderer.unsafe", "markup.unsafe"}, // Hugo's spelling
	{"copyright", "copyright"},
	{"author", "author"},
	{"description", "description"},
	{"defaultTime", "defaultTime"},
	{"params", "params"},
	{"import", ""},
	{"import.dir", "import.dir"},
	{"import.onBuild", "import.onBuild"},
	{"import.maxTags", "import.maxTags"},
	{"taxonomies", "taxonomies"},
	{"related", ""},
	{"related.count", "related.count"},
	{"feeds", ""},
	{"feeds.limit", "feeds.limit"},
	{"feeds.termLimit", "feeds.termLimit"},
	{"dates", ""},
	{"dates.months", "dates.months"},
	{"dates.digits", "dates.digits"},
	{"dates.hijri", "dates.hijri"},
	{"images", ""},
	{"images.default", "images.default"},
	{"images.widths", "images.widths"},
	{"images.quality", "images.quality"},
	{"limits", ""},
	{"limits.tagsPerArticle", "limits.tagsPerArticle"},
	{"limits.contentFileSize", "limits.contentFileSize"},
	{"limits.seedFileSize", "limits.seedFileSize"},
	{"limits.imageFileSize", "limits.imageFileSize"},
	{"limits.layoutFileSize", "limits.layoutFileSize"},
	{"limits.dataFileSize", "limits.dataFileSize"},
	{"limits.assetFileSize", "limits.assetFileSize"},
	{"limits.staticFileSize", "limits.staticFileSize"},
}

// keyIndex maps a lower-cased key path (parts joined by pathSep) to its
// entry. Paths are joined with a byte TOML keys cannot hold unquoted, so a
// quoted key containing "." is not mistaken for a nested one.
var keyIndex = func() map[string]knownKey {
	m := make(map[string]knownKey, len(knownKeys))
	for _, k := range knownKeys {
		m[lowerPath(strings.Split(k.spelling, "."))] = k
	}
	return m
}()

const pathSep = "\x00"

func lowerPath(parts []string) string {
	return strings.ToLower(strings.Join(parts, pathSep))
}

func exactPath(parts []string) string {
	return strings.Join(parts, pathSep)
}

// dotted is how a key path is shown to the user: as they wrote it.
func dotted(parts []string) string {
	return strings.Join(parts, ".")
}

// suggest returns the known key closest to the unknown path when it is a
// likely typo (edit distance ≤ 2), or "".
func suggest(parts []string) string {
	typed := strings.ToLower(dotted(parts))
	best, bestDist := "", 3
	// Sorted so that ties are broken the same way on every run.
	spellings := make([]string, 0, len(knownKeys))
	for _, k := range knownKeys {
		spellings = append(spellings, k.spelling)
	}
	sort.Strings(spellings)
	for _, s := range spellings {
		if d := editDistance(typed, strings.ToLower(s)); d < bestDist {
			best, bestDist = s, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, counted in
// runes so a non-ASCII key is not penalised per byte.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
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
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
