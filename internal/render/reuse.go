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
const keyVersion = "sahifa-render-5"

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
// settings that change how it renders, for the bodies memo. The Markdown
// is identified by its file's hash: the body is not loaded for a page an
// earlier build parsed (content.Parsed), and the file's hash covers it.
func (k keys) bodyKey(s *site.Site, fileHash string) string {
	h := sha256.New()
	h.Write(k.program)
	writeJSON(h, s.Config.Markup)
	io.WriteString(h, s.Config.BasePath())
	h.Write([]byte{0})
	io.WriteString(h, fileHash)
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
// (Memos.Search). The entries of earlier builds come from a map (the dev
// server's previous build, Next) or are read one by one from a store
// (the build cache, StoredMemo); either way only the entries a build asks
// for are read. Safe for concurrent use; the zero value is an empty memo.
type Memo struct {
	mu    sync.Mutex
	old   map[string][]byte // from the build before in this process
	from  MemoStore         // else from the build cache
	used  map[string][]byte // read or set by this build
	added map[string][]byte // set by this build: what the cache lacks
	live  map[string]bool   // still needed, though not read this build
}

// MemoStore is where the entries of earlier builds are kept.
type MemoStore interface {
	Get(key string) ([]byte, bool)
}

// Memos are the memos a render uses; nil fields are empty memos.
type Memos struct {
	Bodies, Search *Memo
}

// StoredMemo is a memo whose earlier entries are read from store as they
// are asked for.
func StoredMemo(store MemoStore) *Memo { return &Memo{from: store} }

func (m *Memo) get(key string) ([]byte, bool) {
	m.mu.Lock()
	v, ok := m.used[key]
	if !ok {
		v, ok = m.old[key]
	}
	from := m.from
	m.mu.Unlock()
	if !ok && from != nil {
		v, ok = from.Get(key) // outside the lock: it may read the disk
	}
	if ok {
		m.mu.Lock()
		m.put(key, v)
		m.mu.Unlock()
	}
	return v, ok
}

func (m *Memo) set(key string, v []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.put(key, v)
	if m.added == nil {
		m.added = map[string][]byte{}
	}
	m.added[key] = v
}

func (m *Memo) put(key string, v []byte) {
	if m.used == nil {
		m.used = map[string][]byte{}
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

// pageKey is the key of a page made with layout from p (an article's page
// has its own, articleKey). What many pages
// share (the site data, a whole taxonomy's term list, the archive's
// years) is hashed once and stands in the key by its hash: encoding a
// 2,000-term list into each of 5,000 term pages' keys cost more than
// rendering them.
func (r *renderer) pageKey(layout string, p *Page, extra ...string) string {
	shallow := *p
	shallow.Site = nil // in the global key
	if p.Taxonomy != nil {
		extra = append(extra, r.sharedKey(p.Taxonomy))
		shallow.Taxonomy = nil
	}
	if p.Archive != nil {
		extra = append(extra, r.sharedKey(p.Archive))
		shallow.Archive = nil
	}
	if p.Pager != nil {
		// An article is on many lists (home, its tags, its month): its
		// entry is hashed once.
		pager := *p.Pager
		for _, e := range pager.Articles {
			extra = append(extra, r.entryKey(e))
		}
		pager.Articles = nil
		shallow.Pager = &pager
	}
	return r.keys.of(layout, &shallow, extra...)
}

// articleKey is pageKey for the page of article a, whose entry (the
// article as lists see it) is e: the entry is hashed once a build, for its
// page and every list that shows it, and the page adds its related links,
// each made from a related article's entry. p.Article must be a copy of e
// with Related set and no Content yet, and p.Feeds the site's feeds.
func (r *renderer) articleKey(p *Page, a *site.Article, e *Article, extra ...string) string {
	shallow := *p
	// The site and its feeds are in the global key.
	shallow.Site, shallow.Article, shallow.Feeds = nil, nil, nil
	extra = append(extra, r.entryKey(e))
	for _, rel := range a.Related {
		extra = append(extra, r.entryKey(r.entries[rel]))
	}
	return r.keys.of(articleLayout, &shallow, extra...)
}

// entryKey hashes an article's list entry, once per build.
func (r *renderer) entryKey(e *Article) string {
	if k, ok := r.shared.Load(e); ok {
		return k.(string)
	}
	// It reads no field article() sets (Summary, Words, ReadingTime), so
	// it may be taken for a related article while that one is rendered.
	// An entry is made from the article's file (e.source, its hash:
	// front matter and body, whose facts give the summary and reading
	// time), the site (config, program and assets: the global key), its
	// URL, and what comes from elsewhere: its tags' names and links (a
	// term's name is its most common spelling across the archive) and its
	// picture (made from an image file). Keying the entry by these instead
	// of its JSON spares encoding every article's text on every build.
	from := struct {
		TagLinks []TermLink
		Image    *Image
	}{e.TagLinks, e.Image}
	k := r.keys.of("entry", &from, e.source, e.RelPermalink, e.Permalink)
	r.shared.Store(e, k)
	return k
}

// sharedKey hashes a value many pages point to, once per build.
func (r *renderer) sharedKey(v any) string {
	if k, ok := r.shared.Load(v); ok {
		return k.(string)
	}
	k := r.keys.of("shared", v)
	r.shared.Store(v, k)
	return k
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
