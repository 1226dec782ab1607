package search

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"unicode/utf16"

	"github.com/sahifa/sahifa/internal/cores"
)

// Format is the version of the index files; the script refuses others.
// Format 2 added the delta and a version for each file; format 3 (two
// branches, each its own format 3) either folded ؤ and ئ to ء in its
// terms or added the lede, dateline, caption and tags as fields, a
// document's section and thumbnail in its block, and the first document
// of each year; format 4 has both, so that neither script of format 3
// reads an index it would misread; format 5 cuts long lists into tiers by
// impact (splitTiers) and keeps a weight without a title match below every
// weight with one (TitleWeight).
const Format = 5

// Options tune how the index is cut into files. The zero value is the
// default.
type Options struct {
	// ShardBytes is about how large a term shard grows before the next
	// begins (default 24 KiB); a term's list is never split, so a very
	// common term may make its shard larger.
	ShardBytes int
	// BlockBytes is about how large a block of documents is (default
	// 4 KiB); a page of results reads at most one block per result.
	BlockBytes int
	// Delta is K of the base and the delta (default 32): the base holds
	// the oldest documents in a whole multiple of K, the delta the
	// newest 1 to K. 1 puts every document in the base.
	Delta int
	// Tier is how many postings of a long list the base's shard holds,
	// those of highest weight (default 1,000); the rest are in tiers of
	// their own, each tierGrowth times larger (splitTiers).
	Tier int
}

// withDefaults is o with the defaults of its zero fields.
func (o Options) withDefaults() Options {
	if o.ShardBytes <= 0 {
		o.ShardBytes = defaultShardBytes
	}
	if o.BlockBytes <= 0 {
		o.BlockBytes = defaultBlockBytes
	}
	if o.Delta <= 0 {
		o.Delta = defaultDelta
	}
	if o.Tier <= 0 {
		o.Tier = defaultTier
	}
	return o
}

// BaseDocs is how many of n documents the base holds: the oldest, in a
// whole multiple of Delta, leaving 1 to Delta documents to the delta.
// The delta is never empty, so the newest document, the one a newsroom
// edits most (a correction just after publishing, every save in the dev
// server), is always in it and its edits never rebuild the base. A
// Delta of 1 means no delta: every build would rebuild the base anyway.
func (o Options) BaseDocs(n int) int {
	k := o.withDefaults().Delta
	if n == 0 || k == 1 {
		return n
	}
	return n - ((n-1)%k + 1)
}

const (
	defaultShardBytes = 24 << 10
	defaultBlockBytes = 4 << 10
	// defaultDelta is measured (docs/search.md): on the generated
	// archives a delta of up to 32 articles adds a few KB gzipped to a
	// query, and the base, whose rewrite touches most shards, is rebuilt
	// once in 32 publishes.
	defaultDelta = 32
)

// File is one file of the index; Path is relative to the index folder
// ("meta.json", "t/0.json").
type File struct {
	Path string
	Data []byte
	// Base marks the base's shards, which a later build may keep
	// (BaseFacts) instead of building them again.
	Base bool
}

// Stats describe a built index.
type Stats struct {
	Documents    int
	Terms        int
	Postings     int // (term, document) pairs
	Pairs        int // (term, document, next word) signatures
	Shards       int // term shards of the base; as many next-word shards
	Blocks       int // document blocks
	DocsPerBlock int
	Base         int // documents in the base; the others are in the delta
	// BaseFacts describe the base, built or kept, for a later build to
	// keep (KeepBase). When it was kept, Terms, Postings and Pairs count
	// the delta's alone.
	BaseFacts BaseFacts
	// Bytes of each kind of file: "meta", "terms", "next", "docs",
	// "delta" (both of its files).
	Bytes map[string]int
}

// BM25 parameters. Each field a reader sees is weighted on its own: the
// title, then the lede (the front matter's description), then the body
// (with the photo's caption). The title and the lede are short and all
// alike, so they are not normalised by length; the body is. One title
// match (3) outweighs a lede match (2.5), which outweighs any number of
// matches of the word in the body (below k1+1 = 2.2).
//
// The dateline and the tags are exact fields: a word of them counts once,
// however often it is repeated, as much as a lede match. A story
// datelined in Mosul is about Mosul whatever its text says.
//
// The fields are joined as a disjunction maximum with a tie breaker (as
// Lucene's dis_max): the best field's weight and a fifth of the others'.
// Summed whole, a word in the lede and the body of one story (4.7)
// outweighed the same word in another's title (3), and a headline that
// has every word of a query lost to headlines with some of them.
//
// A weight without a title match is kept below TitleWeight, the weight of
// a title match alone (a lede that repeats the word, or a lede, a tag and
// the body together, would reach above it): so the script can tell from
// a weight whether the word is in the headline.
const (
	k1         = 1.2
	bBody      = 0.75
	titleBoost = 3.0
	ledeBoost  = 2.5
	exactBoost = 2.5
	tieBreaker = 0.2
	// maxWeight is the largest weight: every field matched, the counted
	// ones without end.
	maxWeight = titleBoost*(k1+1) + tieBreaker*(ledeBoost*(k1+1)+exactBoost+(k1+1))
)

// fieldCounts are how often a term stands in each field of a document.
type fieldCounts struct {
	title, lede, exact, body int
}

// weight is a document's weight for one term, without the term's IDF,
// scaled to 1…255.
func weight(c fieldCounts, bodyLen int, avgBody float64) uint8 {
	sat := func(tf float64, norm float64) float64 { return tf * (k1 + 1) / (tf + k1*norm) }
	var parts [4]float64
	if c.title > 0 {
		parts[0] = titleBoost * sat(float64(c.title), 1)
	}
	if c.lede > 0 {
		parts[1] = ledeBoost * sat(float64(c.lede), 1)
	}
	if c.exact > 0 {
		parts[2] = exactBoost
	}
	if c.body > 0 {
		parts[3] = sat(float64(c.body), 1-bBody+bBody*float64(bodyLen)/avgBody)
	}
	best, sum := 0.0, 0.0
	for _, p := range parts {
		best, sum = max(best, p), sum+p
	}
	f := best + tieBreaker*(sum-best)
	q := uint8(min(255, max(1, math.Round(f/maxWeight*255))))
	if c.title == 0 {
		q = min(q, TitleWeight()-1)
	}
	return q
}

// TitleWeight is the weight of a title match alone, and the least weight
// of a document with the word in its title; every weight without a title
// match is below it. The script reads it (JSTables) to rank the headlines
// with every word of a query first.
func TitleWeight() uint8 {
	return uint8(math.Round(titleBoost / maxWeight * 255))
}

// typicalLength is the body length BM25 normalises by: the mean, rounded
// to a step of a quarter octave (about 19%). The exact mean moves with
// every article published, and with it every weight in the index, which
// would rewrite every shard; the rounded one moves only when the archive's
// typical length really changes, so a publish rewrites just the shards of
// its own words (docs/output.md).
func typicalLength(total, docs int) float64 {
	if docs == 0 || total <= docs {
		return 1
	}
	mean := float64(total) / float64(docs)
	return math.Exp2(math.Round(math.Log2(mean)*4) / 4)
}

// postingList is one term's documents, their weights and the words that
// follow it (for each document: how many, then their pairHash values as
// differences, varint-encoded) while the index is built.
type postingList struct {
	docs    []uint32
	weights []uint8
	next    []byte
}

// Build writes the index, passing each file to emit, meta.json last. It
// consumes the builder: documents added afterwards are not indexed.
// Memory stays near the size of the finished index: each document's terms
// are freed as they are moved into the term lists, and each shard is
// encoded, emitted and dropped in turn.
//
// The documents, numbered oldest first, are split in two: the base holds
// the first B, a multiple of K, in shards, the delta the newest N − B
// (1 to K) in one file of terms and one of next words. Publishing an article rewrites the
// delta, not the base's shards, until the K-th, which moves B (docs/search.md).
// Weights do not depend on the split: both parts are weighted with the
// typical length of all N documents, as a single index would be.
//
// After KeepBase, the base is not built: its files are left to the
// caller, and meta.json lists the kept base's shards and versions.
func (b *Builder) Build(opts Options, emit func(File) error) (Stats, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	opts = opts.withDefaults()
	docs := b.docs
	b.docs = nil
	sortDocs(docs)
	base := opts.BaseDocs(len(docs))
	if b.kept != nil {
		if err := b.checkKept(docs, base); err != nil {
			return Stats{}, err
		}
	}
	st := Stats{Documents: len(docs), Terms: len(b.terms), Base: base, Bytes: map[string]int{}}
	put := func(kind string, f File) error {
		st.Bytes[kind] += len(f.Data)
		return emit(f)
	}
	m := meta{docs: len(docs), base: base, years: yearStarts(docs)}

	// Blocks: as many documents each as make about BlockBytes on average
	// over the base (over all documents while there is none), so that
	// the base's blocks, and their versions, go with it and are kept
	// when it is; only the blocks from the last group of the base on are
	// made again by a publish.
	var err error
	skip := 0
	records := make([][]byte, len(docs)) // each encoded once, when first needed
	switch {
	case b.kept != nil:
		m.block, skip = b.kept.Block, len(b.kept.Blocks)/versionChars
		m.blocks = []byte(b.kept.Blocks)
	case base > 0:
		m.block = docsPerBlock(docs[:base], records, opts.BlockBytes)
	default:
		m.block = docsPerBlock(docs, records, opts.BlockBytes)
	}
	made, err := writeBlocks(docs, records, m.block, skip, base, put)
	if err != nil {
		return st, err
	}
	m.blocks = append(m.blocks, made...)
	st.DocsPerBlock = m.block
	st.Blocks = (len(docs) + m.block - 1) / m.block

	// Term lists, in document order: the base's in a slice by term
	// number, the delta's (a few terms of a few documents) in a map.
	facts := BaseFacts{Docs: base}
	total := 0
	for i, d := range docs {
		total += d.bodyLen
		if i < base {
			facts.BodyWords += d.bodyLen
		}
	}
	if b.kept != nil {
		facts = *b.kept
		total += facts.BodyWords
	} else {
		facts.Block = m.block
		facts.Blocks = string(m.blocks[:baseGroups(base, m.block)*versionChars])
	}
	facts.Typical = typicalLength(total, len(docs))
	lists := make([]postingList, len(b.terms))
	delta := map[uint32]*postingList{}
	for id, d := range docs {
		forEachTerm(d.terms, func(term uint32, c fieldCounts, pairs int, next []byte) {
			l := &lists[term]
			if id >= base {
				if l = delta[term]; l == nil {
					l = &postingList{}
					delta[term] = l
				}
			}
			l.docs = append(l.docs, uint32(id))
			l.weights = append(l.weights, weight(c, d.bodyLen, facts.Typical))
			l.next = binary.AppendUvarint(l.next, uint64(pairs))
			l.next = append(l.next, next...)
			st.Postings++
			st.Pairs += pairs
		})
		if !d.stored { // a stored document may be shared (AddStored): not written
			d.terms = nil
		}
	}

	order := b.termOrder()
	if b.kept == nil {
		if facts.Shards, facts.Versions, facts.Tiers, err = b.writeBase(order, lists, opts, put); err != nil {
			return st, err
		}
	}
	m.shards, m.versions = facts.Shards, []byte(facts.Versions)
	st.Shards = len(m.shards)
	st.BaseFacts = facts

	// The delta: one shard of every term of its documents.
	var s shard
	for _, id := range order {
		if l := delta[uint32(id)]; l != nil {
			s.add(b.terms[id], termEntry(b.terms[id], l), l)
		}
	}
	if !s.empty() {
		t, nx, _ := s.close()
		m.delta = fileVersion(t, nx)
		if err := put("delta", File{Path: "t/delta.json", Data: t}); err != nil {
			return st, err
		}
		if err := put("delta", File{Path: "n/delta.json", Data: nx}); err != nil {
			return st, err
		}
	}
	return st, put("meta", File{Path: "meta.json", Data: m.encode()})
}

// writeBase writes the base's shards: the terms in order, cut by size,
// each with its list in lists (emptied as it is written), a long list cut
// into tiers of impact. It returns the first term, the version and the
// number of tier files of each shard.
func (b *Builder) writeBase(order []int, lists []postingList, opts Options, put func(string, File) error) (shards []string, versions string, tiers []int, err error) {
	var s shard
	var vs []byte
	flush := func() error {
		if s.empty() {
			return nil
		}
		n := len(shards) - 1
		tPath, nPath := shardPaths(n)
		t, nx, more := s.close()
		vs = append(vs, fileVersion(append([][]byte{t, nx}, more...)...)...)
		tiers = append(tiers, len(more)/2)
		if err := put("terms", File{Path: tPath, Data: t, Base: true}); err != nil {
			return err
		}
		if err := put("next", File{Path: nPath, Data: nx, Base: true}); err != nil {
			return err
		}
		for k := 0; k < len(more); k += 2 {
			tPath, nPath := tierPaths(n, k/2+1)
			if err := put("terms", File{Path: tPath, Data: more[k], Base: true}); err != nil {
				return err
			}
			if err := put("next", File{Path: nPath, Data: more[k+1], Base: true}); err != nil {
				return err
			}
		}
		return nil
	}
	// The terms are cut into tiers and encoded on every core, a window
	// at a time (so that the encoded lists do not all wait in memory),
	// then added to their shards in order.
	const window = 1024
	var todo []int
	encoded := make([]encodedTerm, window)
	for start := 0; start < len(order); start += window {
		todo = todo[:0]
		for _, id := range order[start:min(start+window, len(order))] {
			if len(lists[id].docs) > 0 { // else in the delta only
				todo = append(todo, id)
			}
		}
		cores.Each(len(todo), func() func(int) {
			return func(i int) {
				id := todo[i]
				encoded[i] = encodeTerm(b.terms[id], &lists[id], opts.Tier)
				lists[id] = postingList{}
			}
		})
		for i, id := range todo {
			et := encoded[i]
			encoded[i] = encodedTerm{}
			if !s.empty() && s.size()+et.size > opts.ShardBytes {
				if err := flush(); err != nil {
					return shards, string(vs), tiers, err
				}
			}
			if s.empty() {
				shards = append(shards, b.terms[id])
			}
			s.addEncoded(et)
		}
	}
	return shards, string(vs), tiers, flush()
}

// shardPaths are the files of the base's n-th shard: its terms and its
// next words.
func shardPaths(n int) (terms, next string) {
	return fmt.Sprintf("t/%d.json", n), fmt.Sprintf("n/%d.json", n)
}

// blockPath is the file of the n-th block of documents.
func blockPath(n int) string {
	return fmt.Sprintf("d/%d.json", n)
}

// forEachTerm decodes a document's terms as AddAnalysis encoded them:
// term number, matches in each field, and the signatures of the words
// that follow (how many, and their bytes).
func forEachTerm(buf []byte, f func(term uint32, c fieldCounts, pairs int, next []byte)) {
	for len(buf) > 0 {
		var v [6]uint64 // term, in the title, lede, exact fields and body, next words
		for i := range v {
			n := 0
			v[i], n = binary.Uvarint(buf)
			buf = buf[n:]
		}
		end := signaturesLen(buf, v[5])
		f(uint32(v[0]), fieldCounts{int(v[1]), int(v[2]), int(v[3]), int(v[4])}, int(v[5]), buf[:end])
		buf = buf[end:]
	}
}

// termOrder is the term numbers sorted as the script compares strings,
// by UTF-16 code units, so that it finds a term's shard by binary search.
func (b *Builder) termOrder() []int {
	order := make([]int, len(b.terms))
	keys := make([][]uint16, len(b.terms))
	for i, t := range b.terms {
		order[i] = i
		keys[i] = utf16.Encode([]rune(t))
	}
	slices.SortFunc(order, func(i, j int) int { return slices.Compare(keys[i], keys[j]) })
	return order
}

// docsPerBlock is how many of docs a block holds so that it is about
// blockBytes: from the average size of their records, which it encodes
// into records (by document number, for writeBlocks).
func docsPerBlock(docs []*docEntry, records [][]byte, blockBytes int) int {
	if len(docs) == 0 {
		return 1
	}
	size := 0
	for i := range docs {
		size += len(record(docs, records, i)) + 1
	}
	return max(1, int(math.Round(float64(blockBytes)/(float64(size)/float64(len(docs))))))
}

// record is document i's record (docRecord), encoded into records the
// first time it is asked for.
func record(docs []*docEntry, records [][]byte, i int) []byte {
	if records[i] == nil {
		records[i] = docRecord(docs[i].doc)
	}
	return records[i]
}

// baseGroups is how many groups of blockGroup blocks of per documents lie
// wholly in a base of base documents: their files and versions go with the
// base (BaseFacts.Blocks), kept when it is.
func baseGroups(base, per int) int {
	return base / (per * blockGroup)
}

// writeBlocks writes the documents in blocks of per documents, but for
// the first skip groups of blockGroup blocks (a kept base's), and returns
// the version of each group it wrote. The groups wholly in the base's
// first base documents are marked as the base's files.
func writeBlocks(docs []*docEntry, records [][]byte, per, skip, base int, put func(string, File) error) (versions []byte, err error) {
	inBase := baseGroups(base, per)
	var group [][]byte
	for n, start := skip*blockGroup, skip*blockGroup*per; start < len(docs); n, start = n+1, start+per {
		block := []byte{'['}
		for i := start; i < min(start+per, len(docs)); i++ {
			if i > start {
				block = append(block, ",\n"...)
			}
			block = append(block, record(docs, records, i)...)
		}
		block = append(block, "]\n"...)
		f := File{Path: blockPath(n), Data: block, Base: n/blockGroup < inBase}
		if err := put("docs", f); err != nil {
			return versions, err
		}
		group = append(group, block)
		if len(group) == blockGroup || start+per >= len(docs) {
			versions = append(versions, fileVersion(group...)...)
			group = group[:0]
		}
	}
	return versions, nil
}
