package search

import (
	"cmp"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sahifa/sahifa/internal/arabic"
)

// Document is one article as the index sees it.
type Document struct {
	// Path is the article's URL path with the site's base path, not
	// percent-encoded: "/news/2021/02/24/توافق-بين-بايدن/". The script
	// encodes it; stored raw, Arabic paths take a third of the bytes.
	Path  string
	Title string
	// Date orders the index: on equal scores the newer article ranks
	// first. DateText is the date as the site prints it ("24 فبراير
	// 2021"), DateISO the machine-readable one for <time datetime>.
	Date     time.Time
	DateText string
	DateISO  string
	// Summary is shown under the title as the snippet, with the
	// matched words highlighted: the lede, or the start of the body.
	Summary string
	// Section is the name of the article's section, Thumb the address of
	// its smallest picture (percent-encoded, with the base path): shown
	// beside the result, so that the results page needs nothing from the
	// article's own page. Either may be "".
	Section string
	Thumb   string

	// The fields below are analysed for the index but not stored.

	// Lede is the front matter's description, weighed between the
	// title and the body.
	Lede string
	// Text is the article's body as plain text, Caption its photo's
	// caption: both weighed as the body.
	Text    string
	Caption string
	// Dateline and Tags are exact fields: a story datelined الموصل or
	// tagged العراق is found by that word even where its text never
	// says it.
	Dateline string
	Tags     []string
}

// The fields of a document, in the order Analyse reads them.
const (
	fieldTitle = iota
	fieldLede
	fieldExact
	fieldBody
)

// maxPairGap is the farthest apart, in words, two indexed words may be
// and still count as a pair for phrase search: up to seven stopwords
// between them.
const maxPairGap = 8

// Builder collects documents and builds the index. Add is safe for
// concurrent use, so renderers can add articles as they render them.
type Builder struct {
	mu    sync.RWMutex
	ids   map[string]uint32 // term → term number
	terms []string          // term number → term
	docs  []*docEntry
	kept  *BaseFacts // the base Build keeps (KeepBase); nil: it builds one
}

// docEntry is a document as kept until Build: its stored fields and its
// terms, compactly encoded (see Add).
type docEntry struct {
	doc     Document // the stored fields alone
	bodyLen int      // words indexed in the body and the caption
	terms   []byte
	stored  bool // added by AddDocument: in a kept base, without terms
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{ids: map[string]uint32{}}
}

// termOcc is one term of one document while it is being added.
type termOcc struct {
	term  string
	count [fieldBody + 1]int // by field
	next  []uint16           // pairHash of each word that follows it
}

// Add analyses d and keeps what the index needs of it: for each term,
// how often it stands in each field, and which words
// follow it (for quoted phrases). The text is analysed before the
// builder is locked, so concurrent callers analyse in parallel.
func (b *Builder) Add(d Document) {
	// Analyse's own output always decodes.
	_ = b.AddAnalysis(Analyse(d))
}

// Analysis is a document analysed for the index, in a form a build can
// keep for the next one (docs/performance.md): adding it gives the same
// index as adding the document, without analysing its text again.
type Analysis []byte

// Analyse analyses d for AddAnalysis.
func Analyse(d Document) Analysis {
	byTerm := map[string]*termOcc{}
	var order []*termOcc
	// field adds the terms of one field; pairs never cross fields.
	field := func(terms []arabic.SearchTerm, f int) {
		for i, t := range terms {
			o := byTerm[t.Term]
			if o == nil {
				o = &termOcc{term: t.Term}
				byTerm[t.Term] = o
				order = append(order, o)
			}
			o.count[f]++
			// The readings of the next word (one or two terms at the
			// next position).
			j := i + 1
			for j < len(terms) && terms[j].Pos == t.Pos {
				j++
			}
			for k := j; k < len(terms) && terms[k].Pos == terms[j].Pos; k++ {
				if gap := terms[k].Pos - t.Pos; gap <= maxPairGap {
					o.next = append(o.next, pairHash(terms[k].Term, gap))
				}
			}
		}
	}
	field(arabic.SearchTerms(d.Title), fieldTitle)
	field(arabic.SearchTerms(d.Lede), fieldLede)
	// Each exact value on its own, so no phrase runs from one to the next.
	for _, v := range append([]string{d.Dateline}, d.Tags...) {
		field(arabic.SearchTerms(v), fieldExact)
	}
	bodyLen := 0
	for _, text := range []string{d.Text, d.Caption} {
		terms := arabic.SearchTerms(text)
		field(terms, fieldBody)
		bodyLen += wordCount(terms)
	}

	var buf []byte
	for _, s := range storedFields(&d) {
		buf = appendString(buf, *s)
	}
	buf = binary.AppendVarint(buf, d.Date.UnixNano())
	buf = binary.AppendUvarint(buf, uint64(bodyLen))
	buf = binary.AppendUvarint(buf, uint64(len(order)))
	for _, o := range order {
		slices.Sort(o.next)
		o.next = slices.Compact(o.next)
		buf = appendString(buf, o.term)
		for _, c := range o.count {
			buf = binary.AppendUvarint(buf, uint64(c))
		}
		buf = binary.AppendUvarint(buf, uint64(len(o.next)))
		last := uint16(0)
		for _, h := range o.next {
			buf = binary.AppendUvarint(buf, uint64(h-last))
			last = h
		}
	}
	return buf
}

// storedFields are the fields of d that its block stores, in the order
// an Analysis keeps them.
func storedFields(d *Document) []*string {
	return []*string{&d.Path, &d.Title, &d.DateText, &d.DateISO, &d.Summary, &d.Section, &d.Thumb}
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// errAnalysis reports an Analysis that does not decode: a damaged cache.
var errAnalysis = errors.New("search: damaged analysis")

// analysisReader decodes an Analysis, remembering the first error.
type analysisReader struct {
	buf []byte
	err error
}

func (r *analysisReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.err, r.buf = errAnalysis, nil
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *analysisReader) varint() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.err, r.buf = errAnalysis, nil
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *analysisReader) string() string {
	return string(r.bytes())
}

// bytes is string without the copy: the bytes stay the Analysis's.
func (r *analysisReader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.buf)) {
		r.err, r.buf = errAnalysis, nil
		return nil
	}
	s := r.buf[:n:n]
	r.buf = r.buf[n:]
	return s
}

// AddAnalysis adds an analysed document; it fails, adding nothing, on
// one that does not decode.
func (b *Builder) AddAnalysis(a Analysis) error {
	r := &analysisReader{buf: a}
	var d Document
	for _, f := range storedFields(&d) {
		*f = r.string()
	}
	d.Date = time.Unix(0, r.varint())
	e := &docEntry{doc: d, bodyLen: int(r.uvarint())}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.buf)) {
		return errAnalysis
	}
	type occ struct {
		term   []byte
		counts [fieldBody + 1]uint64
		nnxt   uint64
		next   []byte
	}
	occs := make([]occ, n)
	for i := range occs {
		o := &occs[i]
		o.term = r.bytes()
		for k := range o.counts {
			o.counts[k] = r.uvarint()
		}
		o.nnxt = r.uvarint()
		start := r.buf
		for range o.nnxt {
			r.uvarint()
		}
		if r.err != nil {
			return r.err
		}
		o.next = start[:len(start)-len(r.buf)]
	}
	if len(r.buf) != 0 {
		return errAnalysis
	}

	// Terms are numbered under the read lock, so that articles rendered
	// on every core add their analyses side by side (a base is rebuilt
	// from every stored analysis); only terms new to the index take the
	// write lock, and no known term's bytes are copied.
	ids := make([]uint32, len(occs))
	missing := false
	b.mu.RLock()
	for i, o := range occs {
		id, ok := b.ids[string(o.term)]
		ids[i], missing = id, missing || !ok
		if !ok {
			ids[i] = noTerm
		}
	}
	b.mu.RUnlock()
	if missing {
		b.mu.Lock()
		for i, o := range occs {
			if ids[i] != noTerm {
				continue
			}
			id, ok := b.ids[string(o.term)]
			if !ok {
				id = uint32(len(b.terms))
				b.ids[string(o.term)] = id
				b.terms = append(b.terms, string(o.term))
			}
			ids[i] = id
		}
		b.mu.Unlock()
	}
	size := 0
	for i, o := range occs {
		size += uvarintLen(uint64(ids[i])) + uvarintLen(o.nnxt) + len(o.next)
		for _, c := range o.counts {
			size += uvarintLen(c)
		}
	}
	buf := make([]byte, 0, size)
	for i, o := range occs {
		buf = binary.AppendUvarint(buf, uint64(ids[i]))
		for _, c := range o.counts {
			buf = binary.AppendUvarint(buf, c)
		}
		buf = binary.AppendUvarint(buf, o.nnxt)
		buf = append(buf, o.next...)
	}
	e.terms = buf
	b.mu.Lock()
	defer b.mu.Unlock()
	b.docs = append(b.docs, e)
	return nil
}

// uvarintLen is how many bytes binary.AppendUvarint writes for x.
func uvarintLen(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}

// noTerm marks a term AddAnalysis has not numbered yet.
const noTerm = ^uint32(0)

// pairHash is the signature of a word that follows another gap words
// later: 16 bits of FNV-1a over the term's UTF-8 bytes and the gap. The
// script computes the same (search.js pairHash); testdata/vectors.json
// holds examples both sides check.
func pairHash(term string, gap int) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(term); i++ {
		h = (h ^ uint32(term[i])) * 16777619
	}
	h = (h ^ uint32(gap)) * 16777619
	return uint16(h>>16) ^ uint16(h)
}

// wordCount is the number of words a field has in the index (a word with
// two readings counts once): BM25's document length.
func wordCount(ts []arabic.SearchTerm) int {
	n := 0
	for i, t := range ts {
		if i == 0 || t.Pos != ts[i-1].Pos {
			n++
		}
	}
	return n
}

// Len returns the number of documents added.
func (b *Builder) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.docs)
}

// sortDocs numbers the documents: oldest first, then by path, so the
// numbering is the same on every build of the same site.
func sortDocs(docs []*docEntry) {
	// By a copy of each date beside its document: the dev server sorts
	// 100,000 documents after each save, and reading the dates through
	// the pointers was most of that.
	type dated struct {
		at int64
		e  *docEntry
	}
	ds := make([]dated, len(docs))
	for i, d := range docs {
		ds[i] = dated{d.doc.Date.UnixNano(), d}
	}
	slices.SortFunc(ds, func(a, b dated) int { return compareDated(a.at, a.e.doc.Path, b.at, b.e.doc.Path) })
	for i, d := range ds {
		docs[i] = d.e
	}
}

// compareDocs orders documents as the index numbers them. Dates compare
// as an Analysis keeps them, in nanoseconds.
func compareDocs(a, b *Document) int {
	return compareDated(a.Date.UnixNano(), a.Path, b.Date.UnixNano(), b.Path)
}

// compareDated is compareDocs on the documents' dates in nanoseconds and
// paths: sortDocs reads the dates once.
func compareDated(at1 int64, path1 string, at2 int64, path2 string) int {
	if c := cmp.Compare(at1, at2); c != 0 {
		return c
	}
	return strings.Compare(path1, path2)
}

// Numbered returns the positions in docs of the documents in the order
// the index numbers them, oldest first; only their Date and Path count.
// With Options.BaseDocs it tells which documents the base holds before
// any is analysed.
func Numbered(docs []Document) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return compareDocs(&docs[i], &docs[j]) })
	return order
}
