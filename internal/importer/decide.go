package importer

import "bytes"

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
	// Force: like Edited, but --force says to overwrite.
	Force
)

func (a Action) String() string {
	return [...]string{"create", "unchanged", "update", "edited", "force"}[a]
}

// Decide chooses the action for a seed whose Markdown would be generated,
// given the existing file (exists false when there is none). It is the
// whole no-clobber rule in one place:
//   - a seed that has not changed since its file was imported writes
//     nothing, even if the importer would now say it differently (new tags
//     from a growing corpus must not churn every article);
//   - a file an editor changed is only overwritten with force.
func Decide(existing []byte, exists bool, generated []byte, seedHash string, force bool) Action {
	switch {
	case !exists:
		return Create
	case bytes.Equal(existing, generated):
		return Unchanged
	case !force && SourceHashOf(existing) == seedHash:
		return Unchanged
	case Untouched(existing):
		return Update
	case force:
		return Force
	}
	return Edited
}
