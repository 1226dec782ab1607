package watch

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Change is one path that changed during a batch.
type Change struct {
	Path    string // site-relative, slash-separated: "content/x.md"
	Kind    Kind
	Removed bool // gone when the batch was taken (deleted, or renamed away)
	Dir     bool // a folder when the batch was taken
}

// Batch is what changed during one quiet window: one Change per path,
// sorted by path, however many events each path had (a write-then-rename
// save is one change of the saved file).
type Batch struct {
	Changes []Change
	// Rescan is set when the system dropped events (its queue
	// overflowed): what changed is unknown, so everything must be redone.
	Rescan bool
}

// Has reports whether the batch has a change of kind k.
func (b Batch) Has(k Kind) bool {
	for _, c := range b.Changes {
		if c.Kind == k {
			return true
		}
	}
	return false
}

// Only reports whether every change of the batch is of kind k (false for
// an empty batch or one that needs a rescan).
func (b Batch) Only(k Kind) bool {
	if b.Rescan || len(b.Changes) == 0 {
		return false
	}
	for _, c := range b.Changes {
		if c.Kind != k {
			return false
		}
	}
	return true
}

// String says briefly what changed, for the terminal:
// "content/x.md", "content/x.md (removed)", "content/a.md and 4 more".
// Folders that appeared count only when no file changed.
func (b Batch) String() string {
	if b.Rescan {
		return "many files (events were lost)"
	}
	var files []Change
	for _, c := range b.Changes {
		if !c.Dir {
			files = append(files, c)
		}
	}
	if len(files) == 0 {
		files = b.Changes
	}
	if len(files) == 0 {
		return "nothing"
	}
	var s strings.Builder
	s.WriteString(files[0].Path)
	if files[0].Removed {
		s.WriteString(" (removed)")
	}
	if n := len(files) - 1; n > 0 {
		fmt.Fprintf(&s, " and %d more", n)
	}
	return s.String()
}

// batcher collects changed paths until a quiet window passes with no new
// event, or until maxWait after the first event, whichever comes first.
// It is driven by explicit times, so it is tested without a clock.
type batcher struct {
	quiet, maxWait time.Duration
	kinds          map[string]Kind
	first, last    time.Time
	rescan         bool
}

func newBatcher(quiet, maxWait time.Duration) *batcher {
	return &batcher{quiet: quiet, maxWait: maxWait, kinds: map[string]Kind{}}
}

// add records that p (of kind k, not Ignore) changed at now.
func (b *batcher) add(p string, k Kind, now time.Time) {
	b.touch(now)
	b.kinds[p] = k
}

// lost records that events were dropped at now.
func (b *batcher) lost(now time.Time) {
	b.touch(now)
	b.rescan = true
}

func (b *batcher) touch(now time.Time) {
	if b.empty() {
		b.first = now
	}
	b.last = now
}

func (b *batcher) empty() bool { return len(b.kinds) == 0 && !b.rescan }

// due returns when the pending batch should be taken; ok is false when
// nothing is pending.
func (b *batcher) due() (at time.Time, ok bool) {
	if b.empty() {
		return time.Time{}, false
	}
	at = b.last.Add(b.quiet)
	if b.maxWait > 0 {
		if limit := b.first.Add(b.maxWait); limit.Before(at) {
			at = limit
		}
	}
	return at, true
}

// take returns the pending batch and starts a new one. stat tells
// whether a path is still there, and whether it is a folder.
func (b *batcher) take(stat func(string) (exists, dir bool)) Batch {
	batch := Batch{Rescan: b.rescan, Changes: make([]Change, 0, len(b.kinds))}
	for p, k := range b.kinds {
		exists, dir := stat(p)
		batch.Changes = append(batch.Changes, Change{Path: p, Kind: k, Removed: !exists, Dir: dir})
	}
	sort.Slice(batch.Changes, func(i, j int) bool { return batch.Changes[i].Path < batch.Changes[j].Path })
	b.kinds = map[string]Kind{}
	b.rescan = false
	return batch
}
