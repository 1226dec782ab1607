package config

import (
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
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
	// Hugo's content language: the site's language unless languageCode
	// (or language) says more (en-us).
	{"defaultContentLanguage", "defaultContentLanguage"},
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
	{"menu", "menu"},
	{"menus", "menu"}, // Hugo accepts both
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
	{"deployment", "deployment"},
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
// likely typo (diag.Closest), or "".
func suggest(parts []string) string {
	spellings := make([]string, 0, len(knownKeys))
	for _, k := range knownKeys {
		spellings = append(spellings, k.spelling)
	}
	return diag.Closest(dotted(parts), spellings)
}
