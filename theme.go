// Package sahifa holds the default theme and data, embedded so that the
// sahifa binary builds a site in any folder. The Go code lives under cmd/ and
// internal/.
package sahifa

import "embed"

// Theme is the default theme: templates under layouts/ and CSS, JS and
// images under assets/. A site's own layouts/ and assets/ override it file
// by file. An embed.FS is read-only, so sharing it is safe. The "all:"
// prefix is needed because Hugo-style layouts live in "_default", and the
// embed directive leaves out names starting with "_" without it.
//
//go:embed all:layouts all:assets
var Theme embed.FS

// DefaultTags is the default gazetteer for automatic tags (data/tags.toml):
// a site's own data/tags.toml is merged over it.
//
//go:embed data/tags.toml
var DefaultTags []byte
