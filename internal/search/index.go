package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Format is the version of the index files; the script refuses others.
const Format = 1

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
}

const (
	defaultShardBytes = 24 << 10
	defaultBlockBytes = 4 << 10
)

// File is one file of the index; Path is relative to the index folder
// ("meta.json", "t/0.json").
type File struct {
	Path string
	Data []byte
}

// Stats describe a built index.
type Stats struct {
	Documents    int
	Terms        int
	Postings     int // (term, document) pairs
	Pairs        int // (term, document, next word) signatures
	Shards       int // term shards; as many next-word shards
	Blocks       int // document blocks
	DocsPerBlock int
	// Bytes of each kind of file: "meta", "terms", "next", "docs".
	Bytes map[string]int
}

// BM25 parameters. The title is a field of its own (BM25F) with no
// length normalisation (titles are all short) and three times the body's
// weight: a title match alone (3) outweighs any number of matches of the
// word in the body (below k1+1 = 2.2).
const (
	k1         = 1.2
	bBody      = 0.75
	titleBoost = 3.0
	maxWeight  = (titleBoost + 1) * (k1 + 1)
)

// weight is a document's BM25F weight for one term, without the term's
// IDF, scaled to 1…255.
func weight(tfTitle, tfBody, bodyLen int, avgBody float64) uint8 {
	var f float64
	if tfTitle > 0 {
		f += titleBoost * float64(tfTitle) * (k1 + 1) / (float64(tfTitle) + k1)
	}
	if tfBody > 0 {
		norm := 1 - bBody + bBody*float64(bodyLen)/avgBody
		f += float64(tfBody) * (k1 + 1) / (float64(tfBody) + k1*norm)
	}
	q := math.Round(f / maxWeight * 255)
	return uint8(min(255, max(1, q)))
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
func (b *Builder) Build(opts Options, emit func(File) error) (Stats, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = defaultShardBytes
	}
	if opts.BlockBytes <= 0 {
		opts.BlockBytes = defaultBlockBytes
	}
	docs := b.docs
	b.docs = nil
	sortDocs(docs)
	st := Stats{Documents: len(docs), Terms: len(b.terms), Bytes: map[string]int{}}
	version := sha256.New()
	put := func(kind string, f File) error {
		st.Bytes[kind] += len(f.Data)
		version.Write([]byte(f.Path))
		version.Write(f.Data)
		return emit(f)
	}

	// Documents, in blocks.
	records := make([][]byte, len(docs))
	size := 0
	for i, d := range docs {
		records[i] = docRecord(d.doc)
		size += len(records[i]) + 1
	}
	per := 1
	if len(docs) > 0 {
		per = max(1, int(math.Round(float64(opts.BlockBytes)/(float64(size)/float64(len(docs))))))
	}
	st.DocsPerBlock = per
	for start := 0; start < len(docs); start += per {
		block := []byte{'['}
		for i, r := range records[start:min(start+per, len(docs))] {
			if i > 0 {
				block = append(block, ",\n"...)
			}
			block = append(block, r...)
		}
		block = append(block, "]\n"...)
		if err := put("docs", File{Path: fmt.Sprintf("d/%d.json", st.Blocks), Data: block}); err != nil {
			return st, err
		}
		st.Blocks++
	}
	records = nil

	// Term lists, in document order.
	total := 0
	for _, d := range docs {
		total += d.bodyLen
	}
	avgBody := typicalLength(total, len(docs))
	lists := make([]postingList, len(b.terms))
	for id, d := range docs {
		buf := d.terms
		for len(buf) > 0 {
			var v [4]uint64 // term, in the title, in all, next words
			for i := range v {
				n := 0
				v[i], n = binary.Uvarint(buf)
				buf = buf[n:]
			}
			end := 0
			for range v[3] {
				_, w := binary.Uvarint(buf[end:])
				end += w
			}
			l := &lists[v[0]]
			l.docs = append(l.docs, uint32(id))
			l.weights = append(l.weights, weight(int(v[1]), int(v[2]-v[1]), d.bodyLen, avgBody))
			l.next = binary.AppendUvarint(l.next, v[3])
			l.next = append(l.next, buf[:end]...)
			buf = buf[end:]
			st.Postings++
			st.Pairs += int(v[3])
		}
		d.terms = nil
	}

	// Shards: terms in order, cut by size.
	order := make([]int, len(b.terms))
	for i := range order {
		order[i] = i
	}
	keys := make([][]uint16, len(b.terms))
	for i, t := range b.terms {
		keys[i] = utf16.Encode([]rune(t))
	}
	// The script compares strings by UTF-16 code units; sorting the
	// same way lets it find a term's shard by binary search.
	slices.SortFunc(order, func(i, j int) int { return slices.Compare(keys[i], keys[j]) })
	keys = nil
	var firsts []string
	var tshard, nshard []byte
	flush := func() error {
		if len(tshard) == 0 {
			return nil
		}
		n := len(firsts) - 1
		tshard = append(tshard, "}\n"...)
		nshard = append(nshard, "}\n"...)
		if err := put("terms", File{Path: fmt.Sprintf("t/%d.json", n), Data: tshard}); err != nil {
			return err
		}
		if err := put("next", File{Path: fmt.Sprintf("n/%d.json", n), Data: nshard}); err != nil {
			return err
		}
		tshard, nshard = nil, nil
		return nil
	}
	for _, id := range order {
		l := &lists[id]
		entry := termEntry(b.terms[id], l)
		if len(tshard) > 0 && len(tshard)+len(entry) > opts.ShardBytes {
			if err := flush(); err != nil {
				return st, err
			}
		}
		if len(tshard) == 0 {
			firsts = append(firsts, b.terms[id])
			tshard = append(tshard, '{')
			nshard = append(nshard, '{')
		} else {
			tshard = append(tshard, ",\n"...)
			nshard = append(nshard, ",\n"...)
		}
		tshard = append(tshard, entry...)
		nshard = nextEntry(nshard, b.terms[id], l)
		*l = postingList{}
	}
	if err := flush(); err != nil {
		return st, err
	}
	st.Shards = len(firsts)
	if len(firsts) > 0 {
		firsts[0] = "" // every term at or after the first shard's start
	}

	meta := []byte(`{"format":` + strconv.Itoa(Format))
	meta = append(meta, `,"version":"`...)
	meta = append(meta, hex.EncodeToString(version.Sum(nil))[:12]...)
	meta = append(meta, `","docs":`...)
	meta = strconv.AppendInt(meta, int64(len(docs)), 10)
	meta = append(meta, `,"block":`...)
	meta = strconv.AppendInt(meta, int64(per), 10)
	meta = append(meta, `,"shards":[`...)
	for i, f := range firsts {
		if i > 0 {
			meta = append(meta, ',')
		}
		meta = appendJSONString(meta, f)
	}
	meta = append(meta, "]}\n"...)
	if err := put("meta", File{Path: "meta.json", Data: meta}); err != nil {
		return st, err
	}
	return st, nil
}

// docRecord is a document as its block stores it:
// [path, title, ISO date, printed date, summary].
func docRecord(d Document) []byte {
	r := []byte{'['}
	for i, s := range []string{d.Path, d.Title, d.DateISO, d.DateText, d.Summary} {
		if i > 0 {
			r = append(r, ',')
		}
		r = appendJSONString(r, s)
	}
	return append(r, ']')
}

// termEntry encodes a term's list: "term":[[first document, differences…],
// [weights…]].
func termEntry(term string, l *postingList) []byte {
	e := appendJSONString(nil, term)
	e = append(e, ":[["...)
	last := uint32(0)
	for i, d := range l.docs {
		if i > 0 {
			e = append(e, ',')
		}
		e = strconv.AppendUint(e, uint64(d-last), 10)
		last = d
	}
	e = append(e, "],["...)
	for i, w := range l.weights {
		if i > 0 {
			e = append(e, ',')
		}
		e = strconv.AppendUint(e, uint64(w), 10)
	}
	return append(e, "]]"...)
}

// nextEntry appends the words that follow a term: "term":[count,
// pairHash…, count, …], one group per document of its list, in order,
// each group's values ascending. They are written whole, not as
// differences: the same pair (الولايات → المتحدة) recurs in document
// after document, and gzip folds the repeats.
func nextEntry(dst []byte, term string, l *postingList) []byte {
	dst = appendJSONString(dst, term)
	dst = append(dst, ":["...)
	for buf, first := l.next, true; len(buf) > 0; first = false {
		n, k := binary.Uvarint(buf)
		buf = buf[k:]
		if !first {
			dst = append(dst, ',')
		}
		dst = strconv.AppendUint(dst, n, 10)
		h := uint64(0)
		for range n {
			d, k := binary.Uvarint(buf)
			buf = buf[k:]
			h += d
			dst = append(dst, ',')
			dst = strconv.AppendUint(dst, h, 10)
		}
	}
	return append(dst, ']')
}
