// Package frontmatter splits Hugo-style front matter from a Markdown file,
// decodes it into positioned top-level fields and writes fields back as YAML.
//
// It is pure: it never touches the disk. Paths are only used in error
// messages, and every error that has a place in the input is a
// *diag.SourceError in file coordinates (1-based line, 1-based byte column).
package frontmatter

// Format is the syntax of a file's front matter.
type Format int

const (
	// None means the file has no front matter: the whole file is body.
	None Format = iota
	// YAML front matter is fenced by "---" lines (closed by "---" or "...").
	YAML
	// TOML front matter is fenced by "+++" lines.
	TOML
	// JSON front matter is an object at the top of the file, "{" to its
	// closing "}" (Hugo's third format).
	JSON
)

// String returns the lower-case name of the format ("none", "yaml", "toml").
func (f Format) String() string {
	switch f {
	case None:
		return "none"
	case YAML:
		return "yaml"
	case TOML:
		return "toml"
	case JSON:
		return "json"
	}
	return "unknown"
}

// Doc is a Markdown file split into its front matter and body.
//
// FrontMatter and Body are subslices of the source given to Split, not
// copies.
type Doc struct {
	// Format is the front matter syntax, None when the file has none.
	Format Format
	// FrontMatter is the text between the delimiter lines (delimiters
	// excluded). It is nil when Format is None.
	FrontMatter []byte
	// FMLine is the 1-based line number in the file of the first front
	// matter line (0 when Format is None).
	FMLine int
	// Body is everything after the closing delimiter line.
	Body []byte
	// BodyLine is the 1-based line number in the file where Body starts:
	// one more than the number of newlines before it.
	BodyLine int
}

// Field is one top-level key of the front matter, in file order.
//
// Value is one of the normalised types string, bool, int64, float64, []any,
// map[string]any (whose elements are normalised the same way) or nil. Dates
// and times are never decoded: they stay strings in their source form (YAML)
// or in RFC 3339 form (TOML), so the caller can interpret zone-less dates in
// the site's time zone.
//
// Values reached through YAML aliases or merge keys may share their maps and
// slices with the anchored value; treat decoded values as read-only.
type Field struct {
	// Key is the key as written in the file (case preserved).
	Key string
	// Value is the normalised value.
	Value any
	// Line and Col are the 1-based file position of the value (Col counts
	// bytes). For a TOML table header or dotted key it is the key's position.
	Line, Col int
}
