package content

import (
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/i18n"
)

// knownKeys are the front matter keys sahifa reads (parse.go's set) and
// the ones the default theme shows, spelled as the documentation spells
// them. A key one slip away from one of them is most likely a typo whose
// value would otherwise be lost in silence (tag: for tags:); any other key
// is the site's own, kept for templates without a word.
var knownKeys = []string{
	"title", "description", "summary", "slug", "url",
	"date", "publishDate", "pubdate", "published", "lastmod", "modified", "expiryDate", "unpublishdate",
	"draft", "tags", "aliases", "weight", "image",
	"author", "authors", "breaking", "correction",
	// Read by the theme and the feeds.
	"dateline", "agency", "caption", "alt",
}

// knownKey reports whether key (any case) is one of knownKeys.
func knownKey(key string) bool {
	for _, k := range knownKeys {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// misspelledKey returns the warning for a key that is not known but close
// to a known one, or nil.
func misspelledKey(f frontmatter.Field) *i18n.Msg {
	if knownKey(f.Key) {
		return nil
	}
	s := diag.Closest(f.Key, knownKeys)
	if s == "" {
		return nil
	}
	return i18n.New(i18n.UnknownKey, f.Key, s)
}
