package search

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
)

// BaseFacts are what meta.json and the weights need of a base that a
// later build keeps rather than builds again: with them, and the stored
// fields of the base's documents (AddDocument), a build writes the delta,
// the blocks and meta.json exactly as a build from every document's
// analysis would, without reading those analyses or encoding the base's
// shards. Build returns them in Stats; the caller keeps them under a key
// of the base's documents, in order, and the Options.
type BaseFacts struct {
	Docs      int      // documents in the base: the oldest, in a whole multiple of Options.Delta
	BodyWords int      // their body lengths, summed: a part of the typical length
	Typical   float64  // the typical length the base's weights were made with
	Shards    []string // the first term of each shard
	Versions  string   // the version of each shard, versionChars each
	Tiers     []int    // the tier files of each shard (splitTiers)
	// Block is how many documents a block holds, from the base's average
	// record; Blocks the version of each group of blockGroup blocks that
	// lies wholly in the base, whose files are the base's too.
	Block  int
	Blocks string
}

// Files are the base's files, relative to the index folder.
func (f BaseFacts) Files() []string {
	files := make([]string, 0, 2*len(f.Shards))
	for i := range f.Shards {
		t, n := shardPaths(i)
		files = append(files, t, n)
		for k := 1; k <= f.Tiers[i]; k++ {
			t, n := tierPaths(i, k)
			files = append(files, t, n)
		}
	}
	for n := range len(f.Blocks) / versionChars * blockGroup {
		files = append(files, blockPath(n))
	}
	return files
}

// Encode returns f in the form DecodeBaseFacts reads.
func (f BaseFacts) Encode() []byte {
	buf := binary.AppendUvarint(nil, uint64(f.Docs))
	buf = binary.AppendUvarint(buf, uint64(f.BodyWords))
	buf = binary.AppendUvarint(buf, math.Float64bits(f.Typical))
	buf = binary.AppendUvarint(buf, uint64(len(f.Shards)))
	for i, s := range f.Shards {
		buf = appendString(buf, s)
		buf = binary.AppendUvarint(buf, uint64(f.Tiers[i]))
	}
	buf = appendString(buf, f.Versions)
	buf = binary.AppendUvarint(buf, uint64(f.Block))
	return appendString(buf, f.Blocks)
}

// errBaseFacts reports BaseFacts that do not decode: a damaged cache.
var errBaseFacts = errors.New("search: damaged base facts")

// DecodeBaseFacts reads what BaseFacts.Encode wrote.
func DecodeBaseFacts(data []byte) (BaseFacts, error) {
	r := &analysisReader{buf: data}
	f := BaseFacts{Docs: int(r.uvarint()), BodyWords: int(r.uvarint()), Typical: math.Float64frombits(r.uvarint())}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.buf)) {
		return BaseFacts{}, errBaseFacts
	}
	f.Shards, f.Tiers = make([]string, n), make([]int, n)
	for i := range f.Shards {
		f.Shards[i] = r.string()
		f.Tiers[i] = int(r.uvarint())
	}
	f.Versions = r.string()
	f.Block = int(r.uvarint())
	f.Blocks = r.string()
	if r.err != nil || len(r.buf) != 0 || len(f.Versions) != versionChars*len(f.Shards) ||
		f.Block < 1 || len(f.Blocks)%versionChars != 0 {
		return BaseFacts{}, errBaseFacts
	}
	return f, nil
}

// AddDocument adds a document of a kept base (KeepBase): only its stored
// fields, for its block; its terms are in the base's shards already. It
// returns the document as added, for AddStored.
func (b *Builder) AddDocument(d Document) Stored {
	// As AddAnalysis reads it back, so that both number documents alike.
	e := &docEntry{doc: Document{Date: time.Unix(0, d.Date.UnixNano())}, stored: true}
	to, from := storedFields(&e.doc), storedFields(&d)
	for i := range to {
		*to[i] = *from[i]
	}
	b.add(e)
	return Stored{e}
}

// Stored is a document of a kept base as a builder took it (AddDocument).
type Stored struct{ e *docEntry }

// Added reports whether s holds a document.
func (s Stored) Added() bool { return s.e != nil }

// AddStored adds again, to this builder, a document another builder took
// with AddDocument: the same as AddDocument with the same document, but
// shared rather than copied. The dev server adds every stored document of
// the base again after each save (100,000 at 100,000 articles), and
// copying them was a third of what a rebuild allocated.
func (b *Builder) AddStored(s Stored) { b.add(s.e) }

func (b *Builder) add(e *docEntry) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.docs = append(b.docs, e)
}

// FitsBase reports whether the base that f describes is this index's
// base, as far as the builder can tell when it holds the analyses of the
// delta's documents alone, docs documents in all: the caller's key for
// the base says that the base's documents are the same; the base's
// weights also need the typical length of all docs documents to be the
// one the base was weighted with.
func (b *Builder) FitsBase(f BaseFacts, docs int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.kept != nil || len(b.docs) != docs-f.Docs {
		return false
	}
	total := f.BodyWords
	for _, d := range b.docs {
		if d.stored {
			return false
		}
		total += d.bodyLen
	}
	return typicalLength(total, docs) == f.Typical
}

// KeepBase tells Build to keep the base that f describes (see FitsBase)
// instead of building it: the base's documents are then added with
// AddDocument, and Build writes none of the base's files, which the
// caller keeps.
func (b *Builder) KeepBase(f BaseFacts) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.kept = &f
}

// errKeptBase reports a kept base that the documents do not fit: a
// caller's mistake (its key for the base missed something), never a
// reader's.
var errKeptBase = errors.New("search: the kept base does not hold the oldest documents")

// checkKept reports whether docs, numbered, fit the kept base: its
// documents, and only they, stored without analysis, and the typical
// length of all of them the base's.
func (b *Builder) checkKept(docs []*docEntry, base int) error {
	k := b.kept
	if k.Docs != base {
		return errKeptBase
	}
	total := k.BodyWords
	for i, d := range docs {
		if d.stored != (i < base) {
			return errKeptBase
		}
		total += d.bodyLen
	}
	if typicalLength(total, len(docs)) != k.Typical {
		return errKeptBase
	}
	return nil
}
