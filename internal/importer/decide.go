package importer

import (
	"bytes"
	"fmt"

	"github.com/sahifa/sahifa/internal/frontmatter"
)

// Action is what an import does with one seed's Markdown file.
type Action int

const (
	// Create: no Markdown file yet.
	Create Action = iota
	// Unchanged: the file already says what the seed says, or the seed has
	// not changed since the file was imported; nothing is written.
	Unchanged
	// Update: the seed changed and the file is exactly as the importer
	// wrote it, so refreshing it loses nothing.
	Update
	// Edited: the seed changed but an editor has changed the file since;
	// it is left alone unless the import is forced.
	Edited
	// Force: like Edited or Foreign, but --force says to overwrite.
	Force
	// Foreign: a file is there that no import of this seed wrote (one
	// written by hand, or imported from another seed); it is left alone
	// unless the import is forced.
	Foreign
)

func (a Action) String() string {
	return [...]string{"create", "unchanged", "update", "edited", "force", "foreign"}[a]
}

// LeftAlone says what is true of a Markdown file the import did not
// write (Edited or Foreign) and how to overwrite it anyway: force is the
// way to force, such as "use --force"; "" for the other actions.
func (d Done) LeftAlone(force string) string {
	switch d.Action {
	case Edited:
		return fmt.Sprintf("%s: edited by hand since it was imported from %s; left as it is (%s to overwrite it)", d.Markdown, d.Seed, force)
	case Foreign:
		return fmt.Sprintf("%s exists and was not made by an import of %s; not overwriting it (%s, or rename one of them)", d.Markdown, d.Seed, force)
	}
	return ""
}

// Decide chooses the action for a seed whose Markdown would be generated,
// given the existing file (exists false when there is none). It is the
// whole no-clobber rule in one place:
//   - a seed that has not changed since its file was imported writes
//     nothing, even if the importer would now say it differently (new tags
//     from a growing corpus must not churn every article);
//   - a file an editor changed, or one that no import of this seed (at
//     seedPath, "seeds/x.txt") wrote, is only overwritten with force.
func Decide(existing []byte, exists bool, generated []byte, seedPath, seedHash string, force bool) Action {
	switch {
	case !exists:
		return Create
	case bytes.Equal(existing, generated):
		return Unchanged
	case !importedFrom(existing, seedPath) && force:
		return Force
	case !importedFrom(existing, seedPath):
		return Foreign
	case !force && SourceHashOf(existing) == seedHash:
		return Unchanged
	case Untouched(existing):
		return Update
	case force:
		return Force
	}
	return Edited
}

// importedFrom reports whether md was written by an import of the seed at
// seedPath: the source it records is that seed, or, when an editor took
// the source line out, it still carries an import's fingerprints.
func importedFrom(md []byte, seedPath string) bool {
	if _, ok := recorded(md, keySource); ok {
		// Compared as the importer encodes it, escapes and all.
		line, err := frontmatter.EncodeYAML([]frontmatter.Field{{Key: keySource, Value: seedPath}})
		return err == nil && bytes.Contains(md, append([]byte("\n"), line...))
	}
	_, imported := recorded(md, KeyImportHash)
	return imported || SourceHashOf(md) != ""
}
