package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"sync"

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
const keyVersion = "sahifa-render-2"

// keys makes output keys: each starts from the hash of what every output
// depends on.
type keys struct {
	global []byte
}

func newKeys(s *site.Site, tpl *Templates, assets map[string]Asset, sd *SiteData, version string) keys {
	h := sha256.New()
	io.WriteString(h, keyVersion+"\x00"+version)
	h.Write(tpl.sum)
	// Config and site data as JSON: encoding/json sorts map keys, so
	// equal values give equal bytes. The time zone is a pointer without
	// exported fields, so its name goes in separately.
	writeJSON(h, s.Config)
	io.WriteString(h, s.Config.Location.String())
	writeJSON(h, assets)
	writeJSON(h, sd)
	return keys{global: h.Sum(nil)}
}

// of is the key of an output of kind (a layout or a file name) made from
// v and the extra parts; "" (never kept) when v does not encode.
func (k keys) of(kind string, v any, extra ...string) string {
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

// bodyKey identifies an article's Markdown with the settings that change
// how it renders, for the bodies memo.
func bodyKey(s *site.Site, body []byte) string {
	h := sha256.New()
	io.WriteString(h, keyVersion)
	writeJSON(h, s.Config.Markup)
	io.WriteString(h, s.Config.BasePath())
	h.Write([]byte{0})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// BodyFacts is what lists need from an article's rendered Markdown: its
// text's start (the summary when the article has none) and its length.
type BodyFacts struct {
	PlainText string `json:"p"`
	Words     int    `json:"w"`
}

// Bodies remembers BodyFacts by body key between builds, so a build that
// keeps an article's page need not render its Markdown to list it. Safe
// for concurrent use. The zero value is an empty memo.
type Bodies struct {
	mu   sync.Mutex
	old  map[string]BodyFacts // loaded from the last build
	used map[string]BodyFacts // this build's, what Save writes
}

// LoadBodies reads a memo written by Bodies.Encode; bad data gives an
// empty memo (it is only a cache).
func LoadBodies(data []byte) *Bodies {
	b := &Bodies{}
	if json.Unmarshal(data, &b.old) != nil {
		b.old = nil
	}
	return b
}

func (b *Bodies) get(key string) (BodyFacts, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	f, ok := b.used[key]
	if !ok {
		f, ok = b.old[key]
	}
	if ok {
		b.put(key, f)
	}
	return f, ok
}

func (b *Bodies) set(key string, f BodyFacts) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.put(key, f)
}

func (b *Bodies) put(key string, f BodyFacts) {
	if b.used == nil {
		b.used = map[string]BodyFacts{}
	}
	b.used[key] = f
}

// Encode returns the memo of this build's articles, for the next build;
// changed reports whether it differs from what was loaded.
func (b *Bodies) Encode() (data []byte, changed bool, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	changed = len(b.used) != len(b.old)
	for k := range b.used {
		if _, ok := b.old[k]; !ok {
			changed = true
			break
		}
	}
	data, err = json.Marshal(b.used)
	return data, changed, err
}

// pageKey is the key of a page made with layout from p. What many pages
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
			extra = append(extra, r.sharedKey(e))
		}
		pager.Articles = nil
		shallow.Pager = &pager
	}
	return r.keys.of(layout, &shallow, extra...)
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
