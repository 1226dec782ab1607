package build

import (
	"os"
	"path/filepath"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/render"
	"github.com/sahifa/sahifa/internal/store"
)

// session owns what a build keeps for the next one in the cache folder
// (docs/performance.md, "What a build keeps"): the articles as parsed,
// without their bodies, and the render memos (what each article's
// Markdown tells lists, each article's search analysis). They live in one
// store that opens without reading the archive: the records are read as
// the build asks for them, and only the records that changed are written.
// The output manifest and the image cache keep their own files
// (package output and package images own them).
type session struct {
	store *store.Store // nil: no cache this build (another process holds it)
	// pending holds the memo entries the build makes until it saves them;
	// nil: the memos hold them.
	pending *store.Pending
}

// The store's file and buckets.
const (
	sessionFile    = "session.db"
	pagesBucket    = "pages"
	bodiesBucket   = "memo-bodies"
	searchBucket   = "memo-search"
	settingsBucket = "settings"
)

// openSession opens the store in cacheDir. A store that cannot be
// opened (another process holds it, the folder cannot be written) makes a
// build without cache, slower but the same, with a warning.
func openSession(cacheDir string) (*session, []diag.Warning) {
	st, err := store.Open(filepath.Join(cacheDir, sessionFile))
	if err != nil {
		return &session{}, []diag.Warning{{Path: CacheDir, Msg: "build cache: " + err.Error() + "; building without it"}}
	}
	// The memo files of sahifa before the store, removed once, when the
	// store is made: their contents are made again as needed.
	if st.New() {
		for _, old := range []string{"memo-bodies.bin", "memo-search.bin"} {
			os.Remove(filepath.Join(cacheDir, old))
		}
	}
	pending, _ := st.Pending() // without, the memos hold what they make
	return &session{store: st, pending: pending}, nil
}

func (s *session) close() {
	if s.pending != nil {
		s.pending.Close()
	}
	if s.store != nil {
		s.store.Close()
	}
}

// parsed is the articles the last build parsed with opts, as records
// read back; none when the settings differ or there is no store.
func (s *session) parsed(opts content.Options) *content.Parsed {
	p := content.NewParsed(opts)
	if s.store == nil {
		return p
	}
	// What opening the store and restoring the records read is not read
	// again this build.
	defer s.store.Release()
	if v, _ := s.store.Get(settingsBucket, pagesBucket); string(v) != content.Settings(opts) {
		return p
	}
	s.store.Values(pagesBucket, func(recs [][]byte) { p.Restore(recs...) })
	return p
}

// memos are the render memos, read from the store as asked for; with
// forNext they keep what they read and make for the next build in the
// process (render.StoredMemo).
func (s *session) memos(forNext bool) render.Memos {
	if s.store == nil {
		return render.Memos{Bodies: &render.Memo{}, Search: &render.Memo{}}
	}
	return render.Memos{
		Bodies: render.StoredMemo(bucketOf{s.store, s.pending, bodiesBucket}, forNext),
		Search: render.StoredMemo(bucketOf{s.store, s.pending, searchBucket}, forNext),
	}
}

// save writes what changed: the records of the pages parsed anew (or
// gone), and the memo entries this build made. Memo entries no article
// uses any more are collected once they outnumber the used ones (and
// the articles) by more than 1,024: a
// memo's keys are hashes of what the entry is made from, so an edit adds
// an entry and leaves the old one unused.
func (s *session) save(p *content.Parsed, opts content.Options, ms render.Memos, articles int) error {
	if s.store == nil {
		return nil
	}
	c := store.Changes{Pending: s.pending}
	if v, _ := s.store.Get(settingsBucket, pagesBucket); string(v) != content.Settings(opts) {
		c.Clear = append(c.Clear, pagesBucket)
		c.Set(settingsBucket, pagesBucket, []byte(content.Settings(opts)))
	}
	if p != nil {
		// Each record is encoded as it is written: a first build's are
		// hundreds of megabytes at 100,000 articles.
		c.Made = map[string]store.Made{pagesBucket: {Keys: p.Changed(), Value: p.Record}}
	}
	for bucket, m := range map[string]*render.Memo{bodiesBucket: ms.Bodies, searchBucket: ms.Search} {
		if m == nil {
			continue
		}
		added := m.Added()
		for k, v := range added {
			c.Set(bucket, k, v)
		}
		if s.store.Len(bucket)+len(added)+s.heldLen(bucket) > 2*max(m.InUseCount(), articles)+1024 {
			if c.Drop == nil {
				c.Drop = map[string]func([]byte) bool{}
			}
			c.Drop[bucket] = func(k []byte) bool { return !m.InUse(string(k)) }
		}
	}
	return s.store.Apply(c)
}

// heldLen is how many records of bucket the build holds to save.
func (s *session) heldLen(bucket string) int {
	if s.pending == nil {
		return 0
	}
	return s.pending.Len(bucket)
}

// bucketOf is one bucket of the store, for a memo: its records, and the
// entries the build holds for it until it saves them.
type bucketOf struct {
	store   *store.Store
	pending *store.Pending // nil: the memo holds them
	bucket  string
}

func (b bucketOf) Get(key string) ([]byte, bool) {
	if b.pending != nil {
		if v, ok := b.pending.Get(b.bucket, key); ok {
			return v, true
		}
	}
	return b.store.Get(b.bucket, key)
}

func (b bucketOf) GetMany(keys []string) [][]byte {
	values := b.store.GetMany(b.bucket, keys)
	if b.pending != nil {
		for i, v := range values {
			if v == nil {
				values[i], _ = b.pending.Get(b.bucket, keys[i])
			}
		}
	}
	return values
}

func (b bucketOf) Hold(key string, v []byte) bool {
	return b.pending != nil && b.pending.Put(b.bucket, key, v) == nil
}
