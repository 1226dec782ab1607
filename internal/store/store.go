// Package store keeps what a build remembers for the next one (parsed
// articles, render memos) in one embedded key-value file in the cache
// folder (go.etcd.io/bbolt). Opening it reads nothing but its header: a
// build reads the records a change touches, and writes only the records
// that changed, whatever the archive's size.
//
// It is a cache: a damaged, locked or missing file costs a slower build,
// never a wrong one. Open replaces a file it cannot read with an empty
// one.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/cores"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Store is an open cache file. Its methods are safe for concurrent use;
// writes are collected by the caller and applied together at the end of
// a build (Apply), so a failed build writes nothing.
type Store struct {
	db  *bolt.DB
	new bool // created by this Open
}

// formatKey names the layout of the file: a file of another layout is
// replaced, not read.
const (
	metaBucket = "store"
	formatKey  = "format"
	format     = "2" // 2: record counts kept in the meta bucket
)

// lockWait is how long Open waits for another sahifa process holding the
// store (two builds into two folders at once): past it, the build goes on
// without the cache.
const lockWait = 2 * time.Second

// ErrBusy is returned when another process holds the store.
var ErrBusy = errors.New("the build cache is in use by another sahifa process")

// Open opens the store at path, creating it (and its folder) when
// missing. A file that is not a store of this format is replaced.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	s, err := open(path)
	if errors.Is(err, ErrBusy) {
		return nil, err
	}
	if err != nil {
		// Damaged or of another format: start again.
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		s, err = open(path)
	}
	return s, err
}

func open(path string) (*Store, error) {
	// NoSync: a crash may lose the last build's records, which the next
	// build makes again; fsyncing hundreds of pages per build would cost
	// more than it saves. The list of free pages is written with each
	// commit (about 10 ms for the 1.6 MB list of a 100,000-article
	// cache): without it (NoFreelistSync) every Open walked every page of
	// the file to find the free ones, 0.5 CPU-s of each build at 100,000
	// articles, however little it then read (BenchmarkOpen).
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout: lockWait, NoSync: true,
		FreelistType: bolt.FreelistMapType,
		// Address space, not memory: growing the map as a first build
		// fills the file would remap it (and copy every open node) a
		// dozen times.
		InitialMmapSize: 1 << 30,
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, ErrBusy
	}
	if err != nil {
		return nil, err
	}
	removeStalePending(path)
	// Reading first: a build that fails must leave the cache as it was,
	// and any write transaction, even an empty one, changes the file.
	var stamp []byte
	db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(metaBucket)); b != nil {
			stamp = append(stamp, b.Get([]byte(formatKey))...)
		}
		return nil
	})
	switch {
	case stamp == nil:
		err = db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte(metaBucket))
			if err != nil {
				return err
			}
			return b.Put([]byte(formatKey), []byte(format))
		})
	case string(stamp) != format:
		err = errors.New("store of another format")
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, new: stamp == nil}, nil
}

// New reports whether Open created the store: a build that finds it new
// may clear what sahifa kept before there was one.
func (s *Store) New() bool { return s.new }

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Get returns a copy of the value under key in bucket, or false.
func (s *Store) Get(bucket, key string) ([]byte, bool) {
	var v []byte
	s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucket)); b != nil {
			if got := b.Get([]byte(key)); got != nil {
				v = append([]byte{}, got...)
			}
		}
		return nil
	})
	return v, v != nil
}

// GetMany returns copies of the values under keys in bucket, nil where
// there is none, read in key order, on every core, a run of keys in
// each read transaction: for a build that reads most records of a
// bucket, one transaction and one B-tree descent from the root each
// (Get) cost more than the records.
func (s *Store) GetMany(bucket string, keys []string) [][]byte {
	values := make([][]byte, len(keys))
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	const run = 4096
	cores.Each((len(order)+run-1)/run, func() func(int) {
		return func(r int) {
			s.db.View(func(tx *bolt.Tx) error {
				b := tx.Bucket([]byte(bucket))
				if b == nil {
					return nil
				}
				c := b.Cursor()
				for _, i := range order[r*run : min((r+1)*run, len(order))] {
					if k, v := c.Seek([]byte(keys[i])); v != nil && string(k) == keys[i] {
						values[i] = bytes.Clone(v)
					}
				}
				return nil
			})
		}
	})
	return values
}

// Values calls f once with the values of every record of bucket, in key
// order, for work that reads them all at once (on several cores). The
// slices are the file's memory, valid only during the call.
func (s *Store) Values(bucket string, f func(values [][]byte)) error {
	return s.db.View(func(tx *bolt.Tx) error {
		var values [][]byte
		if b := tx.Bucket([]byte(bucket)); b != nil {
			values = make([][]byte, 0, count(tx, bucket))
			b.ForEach(func(_, v []byte) error {
				values = append(values, v)
				return nil
			})
		}
		f(values)
		return nil
	})
}

// Each calls f with every record of bucket, in key order. The slices are
// valid only during the call.
func (s *Store) Each(bucket string, f func(key, value []byte) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(f)
	})
}

// Len is the number of records in bucket, as counted by Apply (bbolt
// would walk the whole bucket to count them).
func (s *Store) Len(bucket string) int {
	n := 0
	s.db.View(func(tx *bolt.Tx) error {
		n = count(tx, bucket)
		return nil
	})
	return n
}

// count and setCount keep each bucket's number of records in the meta
// bucket.
func count(tx *bolt.Tx, bucket string) int {
	v := tx.Bucket([]byte(metaBucket)).Get([]byte("count/" + bucket))
	n, _ := binary.Uvarint(v)
	return int(n)
}

func setCount(tx *bolt.Tx, bucket string, n int) error {
	return tx.Bucket([]byte(metaBucket)).Put([]byte("count/"+bucket), binary.AppendUvarint(nil, uint64(max(n, 0))))
}

// Changes are writes to apply at once: records to put (a nil value
// deletes), and buckets to empty first.
type Changes struct {
	Clear []string
	Put   map[string]map[string][]byte // bucket → key → value; nil value deletes
	// Made are records to put whose values are made as they are written
	// (a nil value deletes), and Pending records held outside memory
	// while the build ran: a first build of 100,000 articles saves 800 MB
	// of records, which would otherwise all be in memory at once. Put
	// wins over Made, and Made over Pending, for a key in more than one.
	Made    map[string]Made // by bucket
	Pending *Pending
	// Drop is called, inside the transaction, with each bucket's keys in
	// order; for each key it returns true the record is deleted. It is
	// for collecting records no longer used; nil for none.
	Drop map[string]func(key []byte) bool
}

// Made are the keys of records of a bucket and the function that makes
// the value of each, as it is written.
type Made struct {
	Keys  []string
	Value func(key string) []byte
}

// Set adds a write to c.
func (c *Changes) Set(bucket, key string, value []byte) {
	if c.Put == nil {
		c.Put = map[string]map[string][]byte{}
	}
	if c.Put[bucket] == nil {
		c.Put[bucket] = map[string][]byte{}
	}
	c.Put[bucket][key] = value
}

// Delete adds a deletion to c.
func (c *Changes) Delete(bucket, key string) { c.Set(bucket, key, nil) }

// Apply makes the changes: buckets cleared first, then records put, in
// transactions of about batchBytes each, then records dropped. Batches
// bound the memory a first build's save takes (bbolt holds a
// transaction's pages in memory until it commits: 800 MB at 100,000
// articles in one). A build killed halfway leaves some records written,
// each whole: every record stands on its own (a page's record names its
// file's size and time, a memo entry is keyed by what it is made from),
// so the next build uses what is there and makes the rest. No changes
// write nothing.
func (s *Store) Apply(c Changes) error {
	puts := c.puts()
	if len(c.Clear) == 0 && len(puts) == 0 && len(c.Drop) == 0 {
		return nil
	}
	if len(c.Clear) > 0 {
		err := s.db.Update(func(tx *bolt.Tx) error {
			for _, name := range c.Clear {
				if err := tx.DeleteBucket([]byte(name)); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
					return err
				}
				if err := setCount(tx, name, 0); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(puts)) {
		recs := puts[name]
		// In key order: a first build puts hundreds of thousands of
		// records, and B+tree pages filled in order can be filled full,
		// where random order leaves them half empty and splits them over
		// and over.
		keys := slices.Sorted(maps.Keys(recs))
		for len(keys) > 0 {
			err := s.db.Update(func(tx *bolt.Tx) error {
				var err error
				keys, err = put(tx, name, recs, keys)
				return err
			})
			if err != nil {
				return err
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.Drop)) {
		if err := s.db.Update(func(tx *bolt.Tx) error { return drop(tx, name, c.Drop[name]) }); err != nil {
			return err
		}
	}
	return nil
}

// value makes the value of a record as Apply writes it; nil deletes the
// record.
type value func() ([]byte, error)

// puts are the records c puts, by bucket and key.
func (c Changes) puts() map[string]map[string]value {
	puts := map[string]map[string]value{}
	add := func(bucket, key string, v value) {
		if puts[bucket] == nil {
			puts[bucket] = map[string]value{}
		}
		puts[bucket][key] = v
	}
	if p := c.Pending; p != nil {
		for b, keys := range p.held() {
			for _, k := range keys {
				add(b, k, func() ([]byte, error) { return p.value(b, k) })
			}
		}
	}
	for b, m := range c.Made {
		for _, k := range m.Keys {
			add(b, k, func() ([]byte, error) { return m.Value(k), nil })
		}
	}
	for b, recs := range c.Put {
		for k, v := range recs {
			add(b, k, func() ([]byte, error) { return v, nil })
		}
	}
	return puts
}

// batchBytes is about how much one transaction of Apply writes.
const batchBytes = 16 << 20

// put writes the records of keys into bucket name, up to about
// batchBytes, and returns the keys left.
func put(tx *bolt.Tx, name string, recs map[string]value, keys []string) ([]string, error) {
	b, err := tx.CreateBucketIfNotExists([]byte(name))
	if err != nil {
		return nil, err
	}
	n := count(tx, name)
	if n == 0 {
		b.FillPercent = 1
	}
	size := 0
	for len(keys) > 0 && size < batchBytes {
		k := keys[0]
		keys = keys[1:]
		key := []byte(k)
		had := b.Get(key) != nil
		v, err := recs[k]()
		if err != nil {
			return nil, err
		}
		if v == nil {
			err = b.Delete(key)
			if had {
				n--
			}
		} else {
			err = b.Put(key, v)
			size += len(k) + len(v)
			if !had {
				n++
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return keys, setCount(tx, name, n)
}

// drop deletes the records of bucket name that dead says are dead.
func drop(tx *bolt.Tx, name string, dead func(key []byte) bool) error {
	b := tx.Bucket([]byte(name))
	if b == nil {
		return nil
	}
	var keys [][]byte
	b.ForEach(func(k, _ []byte) error {
		if dead(k) {
			keys = append(keys, append([]byte{}, k...))
		}
		return nil
	})
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return setCount(tx, name, count(tx, name)-len(keys))
}
