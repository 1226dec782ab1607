// Package tagger picks the tags of a news article: the known people,
// places, organisations and groups it mentions (from a gazetteer, see
// data/tags.toml) and, beyond those, the phrases the article keeps
// returning to. It is pure: the caller reads the files and passes bytes
// and texts in. A Tagger is safe for concurrent use.
package tagger

import (
	"bytes"
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/diag"
)

// Entry is one tag of a gazetteer.
type Entry struct {
	// Name is the tag as sites show it, the canonical spelling.
	Name string
	// Aliases are other spellings and descriptions found in texts
	// ("بايدن", "الرئيس الأميركي جو بايدن"); the Name itself always
	// matches and is not repeated here.
	Aliases []string
	// Kind is one of Kinds, or "" when the file does not say.
	Kind string
}

// Kinds are the values Entry.Kind may take. "city" stands for any place
// below a country; "topic" for world regions, events and subjects.
var Kinds = []string{"person", "country", "city", "org", "group", "topic"}

// Gazetteer is a list of known tags. The zero value and nil are empty.
type Gazetteer struct {
	entries []entry
}

// entry is an Entry with what matching needs to know about its origin.
type entry struct {
	Entry
	// layer counts merges: 0 for a parsed file, one more for each
	// Merge that brought the entry in. When two entries claim one alias,
	// the higher layer (the site's own file) wins.
	layer int
}

// Len is the number of entries.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.entries)
}

// Entries returns a copy of the entries, in file order (a merged
// gazetteer: the base's order, then the site's new entries).
func (g *Gazetteer) Entries() []Entry {
	if g == nil {
		return nil
	}
	out := make([]Entry, len(g.entries))
	for i, e := range g.entries {
		out[i] = e.Entry
		out[i].Aliases = append([]string(nil), e.Aliases...)
	}
	return out
}

// Key is the normalised form under which names and aliases are compared:
// the folded words (arabic.Tokens) joined by single spaces, so "إيران"
// and "ايران", "الولايات  المتحدة" and "الولايات المتحدة" are one key.
func Key(s string) string { return strings.Join(arabic.Tokens(s), " ") }

// fileTag is one [[tag]] table as written in the file.
type fileTag struct {
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
	Kind    string   `toml:"kind"`
}

// ParseGazetteer reads a tags file (see data/tags.toml for the format).
// name is the path used in messages. Every problem is reported, each as
// a *diag.SourceError "name:LINE: …" joined with errors.Join: TOML syntax,
// unknown keys, an entry without a name, an unknown kind, two entries with
// one normalised name, an alias that is also another entry's name or
// alias (it could only ever mean one of them), an alias with no letters.
func ParseGazetteer(name string, data []byte) (*Gazetteer, error) {
	var file struct {
		Tag []fileTag `toml:"tag"`
	}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, decodeError(name, err)
	}
	lines := tagLines(data)
	at := func(i int) int {
		if i < len(lines) {
			return lines[i]
		}
		return 0 // written as an inline array: no header to point at
	}

	var errs []error
	g := &Gazetteer{}
	owner := map[string]int{} // key of a name or alias → index in g.entries
	for i, t := range file.Tag {
		line := at(i)
		e := Entry{Name: strings.TrimSpace(t.Name), Kind: strings.TrimSpace(t.Kind)}
		nameKey := Key(e.Name)
		if nameKey == "" {
			errs = append(errs, diag.Errorf(name, line, 0, "tag has no name"))
			continue
		}
		if e.Kind != "" && !validKind(e.Kind) {
			errs = append(errs, diag.Errorf(name, line, 0, "tag %q: unknown kind %q (want one of %s)",
				e.Name, e.Kind, strings.Join(Kinds, ", ")))
		}
		if j, dup := owner[nameKey]; dup {
			other := g.entries[j]
			if Key(other.Name) == nameKey {
				errs = append(errs, diag.Errorf(name, line, 0, "duplicate tag %q (first at line %d)", e.Name, at(j)))
			} else {
				errs = append(errs, diag.Errorf(name, line, 0, "tag %q: name is already an alias of %q (line %d)",
					e.Name, other.Name, at(j)))
			}
			continue
		}
		idx := len(g.entries)
		owner[nameKey] = idx
		seen := map[string]bool{nameKey: true}
		for _, a := range t.Aliases {
			a = strings.TrimSpace(a)
			k := Key(a)
			switch j, taken := owner[k]; {
			case k == "":
				errs = append(errs, diag.Errorf(name, line, 0, "tag %q: alias %q has no letters", e.Name, a))
			case seen[k]:
				// the same alias in another spelling: harmless, kept once
			case taken:
				errs = append(errs, diag.Errorf(name, line, 0, "tag %q: alias %q already belongs to %q (line %d)",
					e.Name, a, g.entries[j].Name, at(j)))
			default:
				seen[k] = true
				owner[k] = idx
				e.Aliases = append(e.Aliases, a)
			}
		}
		g.entries = append(g.entries, entry{Entry: e})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return g, nil
}

// Merge returns a new gazetteer: g's entries, each replaced by the entry
// of site with the same normalised name if there is one (in g's place),
// then site's other entries in their order. Where a site alias names an
// entry of g, the site wins when texts are matched. Neither input is
// changed; a nil site gives a copy of g.
func (g *Gazetteer) Merge(site *Gazetteer) *Gazetteer {
	top := 0
	if g != nil {
		for _, e := range g.entries {
			top = max(top, e.layer)
		}
	}
	over := map[string]entry{}
	var order []string
	if site != nil {
		for _, e := range site.entries {
			k := Key(e.Name)
			if _, dup := over[k]; !dup {
				order = append(order, k)
			}
			e.layer += top + 1
			over[k] = e
		}
	}
	out := &Gazetteer{}
	if g != nil {
		for _, e := range g.entries {
			k := Key(e.Name)
			if s, ok := over[k]; ok {
				e = s
				delete(over, k)
			}
			out.entries = append(out.entries, e)
		}
	}
	for _, k := range order {
		if e, ok := over[k]; ok {
			out.entries = append(out.entries, e)
		}
	}
	for i := range out.entries {
		out.entries[i].Aliases = append([]string(nil), out.entries[i].Aliases...)
	}
	return out
}

func validKind(k string) bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// tagLines returns the line of each [[tag]] header in order, so the n-th
// decoded entry can be reported at its place. The decoder itself keeps no
// positions. The file has already decoded, so it parses.
func tagLines(data []byte) []int {
	var lines []int
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.ArrayTable {
			continue
		}
		it := e.Key()
		if !it.Next() {
			continue
		}
		first := it.Node()
		if string(first.Data) == "tag" && !it.Next() {
			lines = append(lines, 1+bytes.Count(data[:first.Raw.Offset], []byte{'\n'}))
		}
	}
	return lines
}

// decodeError turns go-toml's errors into positioned ones.
func decodeError(name string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		errs := make([]error, len(strict.Errors))
		for i, e := range strict.Errors {
			line, col := e.Position()
			errs[i] = diag.Errorf(name, line, col, "unknown key %q", strings.Join(e.Key(), "."))
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return diag.Errorf(name, line, col, "%s", strings.TrimPrefix(de.Error(), "toml: "))
	}
	return diag.At(name, 0, 0, err)
}
