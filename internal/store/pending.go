package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// Pending holds records a build makes while it runs, to be written to the
// store when the build succeeds (Changes.Pending) and dropped when it
// fails, outside memory: at 100,000 articles a first build's search
// analyses are 450 MB, which the build held to its end. They go to a
// file beside the store, unlinked at once where the system allows, so a
// failed or killed build leaves nothing. Safe for concurrent use.
type Pending struct {
	mu   sync.Mutex
	f    *os.File
	name string // removed by Close: the system kept it while open
	w    *bufio.Writer
	end  int64                      // bytes written, buffered or not
	at   map[string]map[string]span // bucket → key → where its value is
	err  error                      // the first failed write: Put fails from then on
}

type span struct {
	off int64
	n   int
}

// pendingPattern names the files of Pending beside the store at path.
func pendingPattern(path string) string { return filepath.Base(path) + ".pending-*" }

// Pending returns an empty Pending beside the store.
func (s *Store) Pending() (*Pending, error) {
	path := s.db.Path()
	dir := filepath.Dir(path)
	before, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, pendingPattern(path))
	if err != nil {
		return nil, err
	}
	p := &Pending{f: f, w: bufio.NewWriterSize(f, 256<<10), at: map[string]map[string]span{}}
	// Unlinked while open on Unix: nothing is left if the process dies,
	// and the folder's time is put back, so that a failed build leaves
	// the cache folder exactly as it was.
	if os.Remove(f.Name()) != nil {
		p.name = f.Name()
	} else {
		os.Chtimes(dir, time.Time{}, before.ModTime())
	}
	return p, nil
}

// removeStalePending removes the files of Pending that a killed build
// left where they could not be unlinked at once; the caller holds the
// store, so no live build owns them.
func removeStalePending(path string) {
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(path), pendingPattern(path)))
	for _, n := range names {
		os.Remove(n)
	}
}

// Put holds value under key in bucket, replacing what it held there.
func (p *Pending) Put(bucket, key string, value []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return p.err
	}
	if _, err := p.w.Write(value); err != nil {
		p.err = fmt.Errorf("holding a record: %w", err)
		return p.err
	}
	if p.at[bucket] == nil {
		p.at[bucket] = map[string]span{}
	}
	p.at[bucket][key] = span{p.end, len(value)}
	p.end += int64(len(value))
	return nil
}

// Get returns a copy of the value held under key in bucket, or false.
func (p *Pending) Get(bucket, key string) ([]byte, bool) {
	v, err := p.value(bucket, key)
	return v, err == nil
}

// value is Get, with why it failed.
func (p *Pending) value(bucket, key string) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.read(bucket, key)
}

var errNotHeld = errors.New("record not held")

func (p *Pending) read(bucket, key string) ([]byte, error) {
	at, ok := p.at[bucket][key]
	if !ok {
		return nil, errNotHeld
	}
	if at.off+int64(at.n) > p.end-int64(p.w.Buffered()) {
		if err := p.w.Flush(); err != nil {
			return nil, err
		}
	}
	v := make([]byte, at.n)
	_, err := p.f.ReadAt(v, at.off)
	if err == io.EOF && at.n == 0 {
		err = nil
	}
	return v, err
}

// held are the keys held, by bucket.
func (p *Pending) held() map[string][]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	held := make(map[string][]string, len(p.at))
	for b, at := range p.at {
		held[b] = slices.Collect(maps.Keys(at))
	}
	return held
}

// Len is the number of records held in bucket.
func (p *Pending) Len(bucket string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.at[bucket])
}

// Close drops what p holds.
func (p *Pending) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	err := p.f.Close()
	if p.name != "" {
		os.Remove(p.name)
	}
	p.at = nil
	return err
}
