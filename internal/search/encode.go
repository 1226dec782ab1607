package search

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
)

// The script fetches meta.json afresh and every other file at an address
// with that file's version, a hash of its bytes, which meta.json lists: a
// file that did not change keeps its address (and stays in the browser's
// and the CDN's cache), and a reader never mixes files of two builds.
const (
	// versionChars is the length of a version: 30 bits of SHA-256 in
	// base64url, so that the chance of a changed file keeping its address
	// is one in a billion, and meta.json stays small (1,500 shards at
	// 100,000 articles cost 7.5 KB).
	versionChars = 5
	// blockGroup is how many document blocks share one version: a block
	// changes only when one of its documents does, and a version for each
	// of 12,000 blocks (100,000 articles) would triple meta.json.
	blockGroup = 32
)

// fileVersion is the version of a file of the given parts.
func fileVersion(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:6])[:versionChars]
}

// meta is what meta.json says: counts, the first term of each base shard
// and the versions of the other files.
type meta struct {
	docs, base int
	block      int      // documents a block holds
	shards     []string // first term of each base shard
	versions   []byte   // versionChars for each base shard (its t and n files)
	blocks     []byte   // versionChars for each group of blockGroup blocks
	delta      string   // version of the delta's files; "" when there is none
	years      []yearStart
}

// yearStart is the first document of a year. Documents are numbered by
// date, so a year's are the numbers from its start to the next year's:
// the script filters by year with these alone.
type yearStart struct {
	year, first int
}

// yearStarts are the years of docs, numbered, oldest first.
func yearStarts(docs []*docEntry) []yearStart {
	var ys []yearStart
	for i, d := range docs {
		y := docYear(&d.doc)
		if len(ys) == 0 || ys[len(ys)-1].year != y {
			ys = append(ys, yearStart{y, i})
		}
	}
	return ys
}

// docYear is the year of a document's date as the site prints it: the
// year of DateISO, which carries the site's time zone (a story of 31
// December, 23:30 in Baghdad, is of that year, not of the next in UTC).
func docYear(d *Document) int {
	// The first four digits of an RFC 3339 date are its year: parsing
	// the whole of 100,000 dates was a tenth of a dev-server rebuild.
	if s := d.DateISO; len(s) >= len("2006-01-02T15:04:05Z") && s[4] == '-' && s[7] == '-' && s[10] == 'T' {
		if y, err := strconv.Atoi(s[:4]); err == nil && y >= 0 {
			return y
		}
	}
	if t, err := time.Parse(time.RFC3339, d.DateISO); err == nil {
		return t.Year()
	}
	return d.Date.UTC().Year()
}

// encode writes meta.json:
//
//	{"format":4,"docs":N,"base":B,"block":8,"group":32,"shards":["",…],
//	 "versions":"…","blocks":"…","years":[[2020,0],[2021,17],…],"delta":"…"}
//
// versions and blocks are strings of versionChars-long versions, one
// after the other; years are each year's first document, oldest first;
// delta is left out when the delta is empty.
func (m *meta) encode() []byte {
	out := []byte(`{"format":` + strconv.Itoa(Format))
	for _, f := range []struct {
		key string
		n   int
	}{{"docs", m.docs}, {"base", m.base}, {"block", m.block}, {"group", blockGroup}} {
		out = append(out, `,"`+f.key+`":`...)
		out = strconv.AppendInt(out, int64(f.n), 10)
	}
	out = append(out, `,"shards":[`...)
	for i, f := range m.shards {
		if i > 0 {
			out = append(out, ',')
		}
		if i == 0 {
			f = "" // every term at or after the first shard's start
		}
		out = appendJSONString(out, f)
	}
	out = append(out, `],"versions":`...)
	out = appendJSONString(out, string(m.versions))
	out = append(out, `,"blocks":`...)
	out = appendJSONString(out, string(m.blocks))
	out = append(out, `,"years":[`...)
	for i, y := range m.years {
		if i > 0 {
			out = append(out, ',')
		}
		out = fmt.Appendf(out, "[%d,%d]", y.year, y.first)
	}
	out = append(out, ']')
	if m.delta != "" {
		out = append(out, `,"delta":`...)
		out = appendJSONString(out, m.delta)
	}
	return append(out, "}\n"...)
}

// shard is a term shard and its next-word shard while they are filled,
// with the tier files of its long lists (see splitTiers): terms and next
// words of each, in turn.
type shard struct {
	terms, next []byte
	tiers       [][]byte
}

func (s *shard) empty() bool { return len(s.terms) == 0 }

func (s *shard) size() int { return len(s.terms) }

// add appends a term: entry is its termEntry, l its list.
func (s *shard) add(term string, entry []byte, l *postingList) {
	s.addEntries(entry, nextEntry(nil, term, l))
}

// addEntries appends a term's entry in the terms file and in the next
// words' file.
func (s *shard) addEntries(entry, next []byte) {
	if s.empty() {
		s.terms = append(s.terms, '{')
		s.next = append(s.next, '{')
	} else {
		s.terms = append(s.terms, ",\n"...)
		s.next = append(s.next, ",\n"...)
	}
	s.terms = append(s.terms, entry...)
	s.next = append(s.next, next...)
}

// encodedTerm is a term of the base, its list cut into tiers and
// encoded, all but what depends on the shard it goes to: terms are
// encoded in parallel, then added to their shards in order.
type encodedTerm struct {
	// head is the term's entry up to its first tier's postings:
	// "term":[[…],[…]; Size is the entry's length were the list one
	// tier, which decides where shards are cut.
	head []byte
	size int
	next []byte // its entry in the next words' file (the first tier's)
	// For a list cut into tiers: how many postings it has, the bound of
	// each tier after the first ("[b1,b2]"), and each such tier's two
	// files, terms and next words, in turn.
	total  int
	bounds []byte
	tiers  [][]byte
}

// encodeTerm cuts term's list l into tiers of impact (splitTiers), first
// postings in the first, and encodes them.
func encodeTerm(term string, l *postingList, first int) encodedTerm {
	ts := splitTiers(l, first)
	e := appendJSONString(nil, term)
	e = append(e, ":["...)
	e = appendPostings(e, &ts[0])
	et := encodedTerm{head: e, size: len(e) + 1, next: nextEntry(nil, term, &ts[0]), total: len(l.docs)}
	if len(ts) == 1 {
		return et
	}
	et.bounds = append(et.bounds, '[')
	for i := range ts[1:] {
		t := &ts[1+i]
		if i > 0 {
			et.bounds = append(et.bounds, ',')
		}
		et.bounds = strconv.AppendUint(et.bounds, uint64(t.bound()), 10)
		et.tiers = append(et.tiers,
			append(appendPostings([]byte{'['}, t), "]\n"...),
			append(appendNext(nil, t), '\n'))
	}
	et.bounds = append(et.bounds, ']')
	return et
}

// addEncoded appends a term encoded by encodeTerm. A list cut into tiers
// stands in the shard as its first tier, the total and where the others
// are:
//
//	"term":[[first document, differences…],[weights…],total,k,[bound…]]
//
// each other in tier file k, k+1, … of the shard (tierPaths), its bound
// the tier's highest weight. A list of one tier is added as by add.
func (s *shard) addEncoded(et encodedTerm) {
	e := et.head
	if et.tiers == nil {
		e = append(e, ']')
	} else {
		e = fmt.Appendf(e, ",%d,%d,", et.total, len(s.tiers)/2+1)
		e = append(append(e, et.bounds...), ']')
		s.tiers = append(s.tiers, et.tiers...)
	}
	s.addEntries(e, et.next)
}

// close returns the shard's files, its tier files last, and empties it.
func (s *shard) close() (terms, next []byte, tiers [][]byte) {
	terms, next, tiers = append(s.terms, "}\n"...), append(s.next, "}\n"...), s.tiers
	*s = shard{}
	return terms, next, tiers
}

// docRecord is a document as its block stores it, all a result shows:
// [path, title, ISO date, printed date, summary, section, thumbnail],
// without the empty fields at the end.
func docRecord(d Document) []byte {
	r := []byte{'['}
	fields := []string{d.Path, d.Title, d.DateISO, d.DateText, d.Summary, d.Section, d.Thumb}
	for len(fields) > 5 && fields[len(fields)-1] == "" {
		fields = fields[:len(fields)-1]
	}
	for i, s := range fields {
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
	e = append(e, ":["...)
	return append(appendPostings(e, l), ']')
}

// appendPostings appends a list's documents, as differences, and their
// weights: [first document, differences…],[weights…].
func appendPostings(e []byte, l *postingList) []byte {
	e = append(e, '[')
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
	return append(e, ']')
}

// nextEntry appends the words that follow a term: "term":[count,
// pairHash…, count, …], one group per document of its list, in order,
// each group's values ascending. They are written whole, not as
// differences: the same pair (الولايات → المتحدة) recurs in document
// after document, and gzip folds the repeats.
func nextEntry(dst []byte, term string, l *postingList) []byte {
	dst = appendJSONString(dst, term)
	dst = append(dst, ':')
	return appendNext(dst, l)
}

// appendNext appends a list's next words, [count, pairHash…, count, …]
// (see nextEntry).
func appendNext(dst []byte, l *postingList) []byte {
	dst = append(dst, '[')
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
