package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"maps"
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
const keyVersion = "sahifa-render-7"

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

// memo is the key of a memo entry of kind made from the parts (hashes of
// what it is made from): it depends on the program and the parts alone,
// so the entry survives a change to templates or config they do not show.
func (k keys) memo(kind string, parts ...string) string {
	h := sha256.New()
	h.Write(k.program)
	io.WriteString(h, kind)
	for _, p := range parts {
		io.WriteString(h, "\x00"+p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func writeJSON(h hash.Hash, v any) bool {
	h.Write([]byte{0})
	return json.NewEncoder(h).Encode(v) == nil
}

// bodyKeys returns the function that identifies an article's Markdown
// with the program and the settings that change how it renders, for the
// bodies memo. The Markdown is identified by its file's hash: the body is
// not loaded for a page an earlier build parsed (content.Parsed), and the
// file's hash covers it. The settings are encoded once, not per article.
func (k keys) bodyKeys(s *site.Site) func(fileHash string) string {
	h := sha256.New()
	h.Write(k.program)
	writeJSON(h, s.Config.Markup)
	io.WriteString(h, s.Config.BasePath())
	settings := h.Sum(nil)
	return func(fileHash string) string {
		sum := sha256.Sum256(append(append(settings[:len(settings):len(settings)], 0), fileHash...))
		return hex.EncodeToString(sum[:])
	}
}

// BodyFacts is what lists need from an article's rendered Markdown: its
// text's start (the summary when the article has none) and its length.
type BodyFacts struct {
	PlainText string
	Words     int
	// Refs are the pages its ref and relref shortcodes name: the page's
	// key holds their addresses, which the file's hash does not cover.
	Refs []string
}

func (f BodyFacts) encode() []byte {
	b := binary.AppendUvarint(nil, uint64(f.Words))
	b = binary.AppendUvarint(b, uint64(len(f.Refs)))
	for _, r := range f.Refs {
		b = binary.AppendUvarint(b, uint64(len(r)))
		b = append(b, r...)
	}
	return append(b, f.PlainText...)
}

func decodeFacts(b []byte) (BodyFacts, bool) {
	w, n := binary.Uvarint(b)
	if n <= 0 {
		return BodyFacts{}, false
	}
	b = b[n:]
	refs, n := binary.Uvarint(b)
	if n <= 0 || refs > uint64(len(b)) {
		return BodyFacts{}, false
	}
	b = b[n:]
	f := BodyFacts{Words: int(w)}
	for range refs {
		size, n := binary.Uvarint(b)
		if n <= 0 || size > uint64(len(b)-n) {
			return BodyFacts{}, false
		}
		f.Refs = append(f.Refs, string(b[n:n+int(size)]))
		b = b[n+int(size):]
	}
	if !utf8.Valid(b) {
		return BodyFacts{}, false
	}
	f.PlainText = string(b)
	return f, true
}

// Memo remembers values by key between builds: what an article's
// Markdown tells lists (Memos.Bodies), its search analysis
// (Memos.Search). The entries of earlier builds come from a map (the dev
// server's previous build, Next) or are read one by one from a store
// (the build cache, StoredMemo); either way only the entries a build asks
// for are read. Safe for concurrent use; the zero value is an empty memo.
type Memo struct {
	mu   sync.Mutex
	old  map[string][]byte // from the build before in this process
	from MemoStore         // else from the build cache
	// used are the entries read or set by this build; with a store, their
	// keys alone: the values stay with the store, read again if asked
	// again, so a build of 100,000 articles holds none of them.
	used  map[string][]byte
	added map[string][]byte // set by this build, and not held by the store: what the cache lacks
	live  map[string]bool   // still needed, though not read this build
	// ahead are entries read from the store before they are asked for
	// (prefetch), each until its get.
	ahead map[string][]byte
	// forNext keeps every value read or set in memory, for Next.
	forNext bool
}

// MemoStore is where the entries of earlier builds are kept. Hold takes
// an entry this build set, to keep until the build saves it (and drop if
// it fails), so that the memo need not hold it: a first build of 100,000
// articles makes 450 MB of search analyses. On false the memo keeps the
// entry (Added).
type MemoStore interface {
	Get(key string) ([]byte, bool)
	// GetMany is Get for many keys at once: nil where there is none.
	GetMany(keys []string) [][]byte
	Hold(key string, v []byte) bool
}

// Memos are the memos a render uses; nil fields are empty memos.
type Memos struct {
	Bodies, Search *Memo
}

// StoredMemo is a memo whose earlier entries are read from store as they
// are asked for, and whose new entries it holds. With forNext, the memo
// keeps every entry it reads or sets, for the build after it in the same
// process (Next: the dev server's).
func StoredMemo(store MemoStore, forNext bool) *Memo {
	return &Memo{from: store, forNext: forNext}
}

func (m *Memo) get(key string) ([]byte, bool) {
	m.mu.Lock()
	v, ok := m.added[key]
	if !ok {
		v, ok = m.used[key]
	}
	if !ok {
		v, ok = m.old[key]
	}
	if v == nil {
		// Read ahead for this get alone.
		if ahead, found := m.ahead[key]; found {
			v, ok = ahead, true
			delete(m.ahead, key)
		}
	}
	from := m.from
	m.mu.Unlock()
	if v == nil && from != nil {
		v, ok = from.Get(key) // outside the lock: it may read the disk
	}
	if ok {
		m.mu.Lock()
		m.put(key, v)
		m.mu.Unlock()
	}
	return v, ok
}

// prefetch reads at once the entries under keys that this build will
// get, each once, so that each get finds it in memory: the body facts
// of every article, 100,000 store reads at 100,000 articles. Until its
// get an entry read ahead is not in use.
func (m *Memo) prefetch(keys []string) {
	m.mu.Lock()
	from := m.from
	var missing []string
	for _, k := range keys {
		// In memory already; a value used but kept by the store alone
		// (put) is read again.
		_, added := m.added[k]
		_, old := m.old[k]
		_, ahead := m.ahead[k]
		if !added && !old && !ahead && m.used[k] == nil {
			missing = append(missing, k)
		}
	}
	m.mu.Unlock()
	if from == nil || len(missing) == 0 {
		return
	}
	values := from.GetMany(missing) // outside the lock: it reads the disk
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ahead == nil {
		m.ahead = make(map[string][]byte, len(missing))
	}
	for i, v := range values {
		if v != nil {
			m.ahead[missing[i]] = v
		}
	}
}

func (m *Memo) set(key string, v []byte) {
	held := m.from != nil && !m.forNext && m.from.Hold(key, v)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.put(key, v)
	if held {
		delete(m.added, key)
		return
	}
	if m.added == nil {
		m.added = map[string][]byte{}
	}
	m.added[key] = v
}

func (m *Memo) put(key string, v []byte) {
	if m.used == nil {
		m.used = map[string][]byte{}
	}
	if m.from != nil && !m.forNext {
		v = nil // the store has it (see used)
	}
	m.used[key] = v
}

// Live marks entries as still needed by the site though this build did
// not read them (the search analyses of documents whose index part was
// kept), so the store does not collect them. An entry held in memory
// (the dev server's) is carried to the next build, without being read.
func (m *Memo) Live(keys ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.live == nil {
		m.live = map[string]bool{}
	}
	for _, k := range keys {
		if v, ok := m.old[k]; ok {
			if _, used := m.used[k]; !used {
				m.put(k, v)
			}
		}
		m.live[k] = true
	}
}

// InUse reports whether this build read, set or marked the entry.
func (m *Memo) InUse(key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, used := m.used[key]
	return used || m.live[key]
}

// Added is the entries this build set, which the cache does not hold.
func (m *Memo) Added() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.added)
}

// InUseCount is how many entries this build read, set or marked.
func (m *Memo) InUseCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := len(m.used)
	for k := range m.live {
		if _, ok := m.used[k]; !ok {
			n++
		}
	}
	return n
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
	if d.has(p.Section != nil) {
		d.section(p.Section)
	}
	if d.has(p.Image != nil) {
		d.image(p.Image)
	}
	each(d, p.SectionBlocks, (*keyData).sectionBlock)
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
