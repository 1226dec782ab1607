package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"maps"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/feed"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
)

// Reuse lets a build skip the outputs an earlier build made from the same
// inputs (docs/performance.md, "Incremental builds"). Every output that
// can be skipped gets a key: a hash of everything it is made from, which
// is the template set, the config, the asset fingerprints, the site-wide
// template data and the page's own template data. When the earlier build
// wrote the same path with the same key, and the file is still as it
// left it, Keep says so and the page is neither rendered nor written.
// *output.Tx and *output.Memory implement it.
type Reuse interface {
	Keep(path, key string) bool
	KeepAll(dir, key string) bool
}

// keyVersion changes whenever the renderer's output changes for the same
// inputs, so no build keeps pages an older sahifa made.
const keyVersion = "sahifa-render-6"

// keys makes output keys: each starts from the hash of what every output
// depends on.
type keys struct {
	global  []byte
	program []byte // the program alone, for memos that outlive a template change
}

func newKeys(s *site.Site, tpl *Templates, assets map[string]Asset, sd *SiteData, version string) keys {
	program := sha256.Sum256([]byte(keyVersion + "\x00" + version))
	h := sha256.New()
	io.WriteString(h, keyVersion+"\x00"+version)
	h.Write(tpl.sum)
	// Config and site data as JSON: encoding/json sorts map keys, so
	// equal values give equal bytes. The time zone is a pointer without
	// exported fields, so its name goes in separately.
	io.WriteString(h, s.Config.Location.String())
	if !writeJSON(h, s.Config) || !writeJSON(h, assets) || !writeJSON(h, sd) {
		// A value JSON cannot hold (a NaN in [params]) would leave a
		// change to it out of every key: keep nothing this build.
		return keys{program: program[:]}
	}
	return keys{global: h.Sum(nil), program: program[:]}
}

// memo is the key of a memo entry made from v: it depends on the program
// and v alone, so the entry survives a change to templates or config
// that v does not show.
func (k keys) memo(kind string, v any, extra ...string) string {
	return keys{global: k.program}.of(kind, v, extra...)
}

// of is the key of an output of kind (a layout or a file name) made from
// v and the extra parts; "" (never kept) when v does not encode.
func (k keys) of(kind string, v any, extra ...string) string {
	if k.global == nil {
		return "" // never kept
	}
	h := sha256.New()
	h.Write(k.global)
	io.WriteString(h, kind)
	for _, e := range extra {
		io.WriteString(h, "\x00"+e)
	}
	if !writeJSON(h, v) {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

func writeJSON(h hash.Hash, v any) bool {
	h.Write([]byte{0})
	return json.NewEncoder(h).Encode(v) == nil
}

// bodyKey identifies an article's Markdown with the program and the
// settings that change how it renders, for the bodies memo.
func (k keys) bodyKey(s *site.Site, body []byte) string {
	h := sha256.New()
	h.Write(k.program)
	writeJSON(h, s.Config.Markup)
	io.WriteString(h, s.Config.BasePath())
	h.Write([]byte{0})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// BodyFacts is what lists need from an article's rendered Markdown: its
// text's start (the summary when the article has none) and its length.
type BodyFacts struct {
	PlainText string
	Words     int
}

func (f BodyFacts) encode() []byte {
	b := binary.AppendUvarint(nil, uint64(f.Words))
	return append(b, f.PlainText...)
}

func decodeFacts(b []byte) (BodyFacts, bool) {
	w, n := binary.Uvarint(b)
	if n <= 0 || !utf8.Valid(b[n:]) {
		return BodyFacts{}, false
	}
	return BodyFacts{Words: int(w), PlainText: string(b[n:])}, true
}

// Memo remembers values by key between builds: what an article's
// Markdown tells lists (Memos.Bodies), its search analysis
// (Memos.Search). A build writes back only the entries it used, so
// deleted articles drop out. Safe for concurrent use; the zero value is
// an empty memo.
type Memo struct {
	mu   sync.Mutex
	old  map[string][]byte // loaded from the last build
	used map[string][]byte // this build's, what Encode writes
}

// Memos are the memos a render uses; nil fields are empty memos.
type Memos struct {
	Bodies, Search *Memo
}

// LoadMemo reads a memo written by Memo.Encode. Damaged data gives an
// empty memo: it is only a cache.
func LoadMemo(data []byte) *Memo {
	m := &Memo{old: map[string][]byte{}}
	for len(data) > 0 {
		var kv [2][]byte
		for i := range kv {
			n, w := binary.Uvarint(data)
			if w <= 0 || n > uint64(len(data)-w) {
				return &Memo{}
			}
			kv[i], data = data[w:w+int(n)], data[w+int(n):]
		}
		m.old[string(kv[0])] = kv[1]
	}
	return m
}

func (m *Memo) get(key string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.used[key]
	if !ok {
		v, ok = m.old[key]
	}
	if ok {
		m.put(key, v)
	}
	return v, ok
}

func (m *Memo) set(key string, v []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.put(key, v)
}

func (m *Memo) put(key string, v []byte) {
	if m.used == nil {
		m.used = map[string][]byte{}
	}
	m.used[key] = v
}

// Next is the memo for the build after this one, in the same process:
// it knows what this build used.
func (m *Memo) Next() *Memo {
	m.mu.Lock()
	defer m.mu.Unlock()
	return &Memo{old: m.used}
}

// Next is the memos for the build after this one, in the same process.
func (ms Memos) Next() Memos {
	var next Memos
	if ms.Bodies != nil {
		next.Bodies = ms.Bodies.Next()
	}
	if ms.Search != nil {
		next.Search = ms.Search.Next()
	}
	return next
}

// Encode returns the entries this build used, for the next build, in
// key order so equal memos are equal bytes; changed reports whether they
// differ from what was loaded.
func (m *Memo) Encode() (data []byte, changed bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	changed = len(m.used) != len(m.old)
	for _, k := range slices.Sorted(maps.Keys(m.used)) {
		if _, ok := m.old[k]; !ok {
			changed = true
		}
		data = binary.AppendUvarint(data, uint64(len(k)))
		data = append(data, k...)
		data = binary.AppendUvarint(data, uint64(len(m.used[k])))
		data = append(data, m.used[k]...)
	}
	return data, changed
}

// pageKey is the key of a page made with layout from p, and extra: what
// the data does not hold yet (an article page's body key, for its
// Content). The data is written field by field (keydata.go); the site
// data is in the global key. What many pages share (a taxonomy's term
// list, the archive's years, an article's list entry) is hashed once a
// build and stands in the key by its hash: writing a 2,000-term list
// into each of 5,000 term pages' keys would cost more than rendering
// them.
func (r *renderer) pageKey(layout string, p *Page, extra ...string) string {
	return r.key(layout, extra, func(d *keyData) { r.writePage(d, p) })
}

// feedKey is the key of the feed at path made from ch, written as
// pageKey writes a page.
func (r *renderer) feedKey(path string, ch *feed.Channel) string {
	return r.key(path, nil, func(d *keyData) { d.channel(ch) })
}

// key is the key of an output of kind (a layout or a path): the global
// key, then kind, extra and what write writes, hashed.
func (r *renderer) key(kind string, extra []string, write func(*keyData)) string {
	if r.keys.global == nil {
		return "" // never kept
	}
	d := r.keyBufs.Get().(*keyData)
	defer r.keyBufs.Put(d)
	*d = append((*d)[:0], r.keys.global...)
	d.str(kind)
	for _, e := range extra {
		d.str(e)
	}
	write(d)
	sum := sha256.Sum256(*d)
	return hex.EncodeToString(sum[:])
}

func (r *renderer) writePage(d *keyData, p *Page) {
	d.str(p.Kind)
	d.str(p.Title)
	d.str(p.Description)
	d.str(p.Permalink)
	d.str(p.RelPermalink)
	if d.has(p.Article != nil) {
		d.article(p.Article)
	}
	if d.has(p.Pager != nil) {
		r.writePager(d, p.Pager)
	}
	if d.has(p.Taxonomy != nil) {
		d.sum(sharedSum(r, p.Taxonomy, (*keyData).taxonomy))
	}
	if d.has(p.Term != nil) {
		d.termLink(p.Term)
	}
	if d.has(p.Archive != nil) {
		d.sum(sharedSum(r, p.Archive, (*keyData).archive))
	}
	if d.has(p.Period != nil) {
		d.period(p.Period)
	}
	if d.has(p.Search != nil) {
		d.search(p.Search)
	}
	each(d, p.Feeds, (*keyData).feed)
}

func (r *renderer) writePager(d *keyData, p *Pager) {
	d.int(p.PageNumber)
	d.bool(p.Front)
	d.str(p.FrontURL)
	// An article is on many lists (home, its tags, its month): its entry
	// is hashed once.
	d.int(len(p.Articles))
	for _, e := range p.Articles {
		d.sum(sharedSum(r, e, (*keyData).article))
	}
	d.bool(p.HasPrev)
	d.bool(p.HasNext)
	d.str(p.PrevURL)
	d.str(p.NextURL)
	each(d, p.Links, (*keyData).pageLink)
}

// sharedSum hashes what write writes of v, a value many pages point to,
// once a build. v must not change after its first use in a key.
func sharedSum[T any](r *renderer, v *T, write func(*keyData, *T)) *[32]byte {
	if s, ok := r.sums.Load(v); ok {
		return s.(*[32]byte)
	}
	d := r.keyBufs.Get().(*keyData)
	defer r.keyBufs.Put(d)
	*d = (*d)[:0]
	write(d, v)
	s := new([32]byte)
	*s = sha256.Sum256(*d)
	r.sums.Store(v, s)
	return s
}

// keep asks the reuse policy whether the output at path can stay.
func (r *renderer) keep(path, key string) bool {
	return r.opts.Reuse != nil && key != "" && r.opts.Reuse.Keep(path, key)
}

// emitKeyed emits a file with its key.
func (r *renderer) emitKeyed(f output.File, key string) error {
	f.Key = key
	return r.emit(f)
}
