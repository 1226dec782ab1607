package output

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sahifa/sahifa/internal/sitefs"
)

// Option configures Begin.
type Option func(*options)

type options struct {
	manifest  string
	protected []string
	inputs    []string
	twins     []string
}

// WithTwins names the suffixes of files that stand beside another file
// and are made from it (".gz" and ".br" copies for hosts that serve
// them): Keep keeps a file's twins with it.
func WithTwins(suffixes ...string) Option {
	return func(o *options) { o.twins = append(o.twins, suffixes...) }
}

// WithManifest keeps the record of what each successful build wrote in the
// file at path, which must be outside the destination so it is never
// deployed (the caller passes <site>/.sahifa-cache/manifest-<hash>.json).
// With it, unchanged files are recognised without reading them, and stale
// removal deletes only files an earlier sahifa build wrote and nobody has
// changed since; everything else in dest is left alone and counted in
// Stats.Foreign.
//
// Without it, Commit removes EVERY file under dest that the build did not
// produce, except anything under a top-level .git folder: dest is then
// assumed to belong to sahifa entirely.
func WithManifest(path string) Option {
	return func(o *options) { o.manifest = path }
}

// WithProtected names folders that must survive any build (the caller
// passes the site root). Begin refuses a dest that is one of them or
// contains one.
func WithProtected(dirs ...string) Option {
	return func(o *options) { o.protected = append(o.protected, dirs...) }
}

// WithInputs names the folders a build reads (content, layouts, static,
// the cache ...). Begin refuses a dest that is one of them, contains one
// or lies inside one, symbolic links resolved: built pages must never
// land among the sources.
func WithInputs(dirs ...string) Option {
	return func(o *options) { o.inputs = append(o.inputs, dirs...) }
}

type txState int

const (
	open txState = iota
	committing
	committed
	rolledBack
	failed
)

// Tx is one build into a destination folder. Write is safe for concurrent
// use; Commit and Rollback may be called from any goroutine and wait for
// Writes in flight. Nothing in dest changes before Commit, apart from the
// hidden staging folder, which Rollback and failures remove again.
//
// Two transactions on one dest at the same time are not supported: Begin
// treats the other's staging folder as a crash leftover and deletes it.
// Callers that may run side by side, in one process or several, hold a
// LockDest for dest around the transaction.
type Tx struct {
	dest       string   // absolute destination
	root       *os.Root // dest; every change to dest goes through it, so no path, symlink or manifest entry can reach outside
	newRoot    *os.Root // staging/new, where Write puts changed files
	staging    string   // staging folder name, relative to dest
	createdTop string   // outermost folder Begin created for dest, "" if dest existed
	destMTime  time.Time

	twins           []string          // WithTwins
	manifest        string            // manifest path, "" without WithManifest
	resolved        string            // dest with symlinks resolved, as recorded in the manifest
	prev            map[string]record // previous build's manifest entries
	prevRaw         []byte            // previous manifest bytes, restored if a commit fails
	prevExists      bool
	onDisk          []byte   // what the manifest file holds now, nil if unknown or missing
	manifestWritten bool     // by this commit, so a failure must put the old one back
	replaced        []string // foreign files Commit wrote over, sorted

	reads atomic.Int64 // existing files read to compare; tests use it to see the fast path

	// gate is held shared by each Write while it stages and exclusively by
	// Commit, Rollback and failure cleanup, so the staging folder is never
	// committed or removed under a Write in flight.
	gate sync.RWMutex

	mu      sync.Mutex // guards the fields below
	state   txState
	err     error // why the transaction failed
	claims  claims
	entries map[string]entry
	seq     int
	cleaned bool
}

// entry is one produced path: staged under staging/new/<staged>, or
// unchanged (staged == "") and left where it is.
type entry struct {
	staged string
	rec    record
	// foreign: staged over a file that an earlier build did not write
	// (it is not in the manifest), which Commit reports in Stats.Replaced.
	foreign bool
}

// Begin starts a build into dest, creating it if missing. It refuses a
// dest that CheckDest refuses, and removes staging folders left by a
// crashed earlier build.
func Begin(dest string, opts ...Option) (*Tx, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if dest == "" {
		return nil, errors.New("output: empty destination folder")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	if err := checkDest(abs, o); err != nil {
		return nil, err
	}
	t := &Tx{dest: abs, resolved: resolve(abs), manifest: o.manifest, twins: o.twins, claims: newClaims(), entries: map[string]entry{}}
	if o.manifest != "" {
		if t.manifest, err = filepath.Abs(o.manifest); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		if sitefs.Within(t.resolved, resolve(t.manifest)) {
			return nil, fmt.Errorf("output: manifest %s is inside the destination %s and would be deployed", t.manifest, abs)
		}
		t.prev, t.prevRaw, err = loadManifest(t.manifest, t.resolved)
		if err != nil {
			return nil, fmt.Errorf("output: reading manifest: %w", err)
		}
		t.prevExists, t.onDisk = t.prevRaw != nil, t.prevRaw
		// Sized as the last build: most of its files are kept.
		t.claims, t.entries = sizedClaims(len(t.prev)), make(map[string]entry, len(t.prev))
	}
	if err := t.open(); err != nil {
		t.state = failed
		return nil, errors.Join(fmt.Errorf("output: %w", err), t.cleanup(true, true))
	}
	return t, nil
}

// open creates dest and the staging folder. On error the caller runs
// cleanup, which undoes whatever open got done.
func (t *Tx) open() error {
	var err error
	if t.createdTop, err = mkdirAllTracked(t.dest); err != nil {
		return err
	}
	fi, err := os.Stat(t.dest)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("destination %s is not a folder", t.dest)
	}
	t.destMTime = fi.ModTime() // before we add or remove anything in it
	if t.root, err = os.OpenRoot(t.dest); err != nil {
		return err
	}
	list, err := os.ReadDir(t.dest)
	if err != nil {
		return err
	}
	for _, d := range list {
		if d.IsDir() && strings.HasPrefix(d.Name(), stagingPrefix) {
			if err := t.root.RemoveAll(d.Name()); err != nil {
				return fmt.Errorf("removing leftover %s: %w", d.Name(), err)
			}
		}
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	name := stagingPrefix + hex.EncodeToString(rnd[:])
	if err := t.root.Mkdir(name, 0o700); err != nil {
		return err
	}
	t.staging = name // from here on cleanup removes it
	for _, sub := range []string{"new", "old", "trash"} {
		if err := t.root.Mkdir(filepath.Join(name, sub), 0o700); err != nil {
			return err
		}
	}
	t.newRoot, err = t.root.OpenRoot(filepath.Join(name, "new"))
	return err
}

// Write stages f if its bytes differ from the file at f.Path in dest, and
// otherwise notes it as unchanged. It keeps no reference to f.Data. Any
// error (a bad or duplicate path, a failed write) aborts the transaction:
// the staging folder is removed, dest is as before Begin, and later
// Writes and Commit fail.
func (t *Tx) Write(f File) error {
	if err := CheckPath(f.Path); err != nil {
		return t.fail(err)
	}
	t.gate.RLock()
	t.mu.Lock()
	if t.state != open {
		err := t.closedErr()
		t.mu.Unlock()
		t.gate.RUnlock()
		return err
	}
	err := t.claims.add(f.Path)
	t.seq++
	name := strconv.Itoa(t.seq)
	t.mu.Unlock()

	var e entry
	if err == nil {
		e, err = t.stage(f, name)
		e.rec.Key = f.Key
	}
	if err == nil {
		t.mu.Lock()
		t.entries[f.Path] = e
		t.mu.Unlock()
	}
	t.gate.RUnlock()
	if err != nil {
		return t.fail(err)
	}
	return nil
}

// Keep notes that the file at path, made from key by the previous build,
// is this build's output too, unchanged, and reports whether it did: the
// manifest must record key for path and the file must still be as that
// build left it. The caller then need not make the file. Without a
// manifest, or with an empty key, it never keeps.
func (t *Tx) Keep(path, key string) bool {
	paths := []string{path}
	for _, suffix := range t.twins {
		if _, ok := t.prev[path+suffix]; ok {
			paths = append(paths, path+suffix)
		}
	}
	return t.keep(paths, key)
}

// KeepAll is Keep for every file the previous build wrote under folder
// dir ("search/data/"), all made from one key: it keeps them all or none,
// and none when there were none.
func (t *Tx) KeepAll(dir, key string) bool {
	var paths []string
	for p := range t.prev { // read-only after Begin
		if strings.HasPrefix(p, dir) {
			paths = append(paths, p)
		}
	}
	return len(paths) > 0 && t.keep(paths, key)
}

func (t *Tx) keep(paths []string, key string) bool {
	if key == "" {
		return false
	}
	for _, p := range paths {
		prev, ok := t.prev[p]
		if !ok || prev.Key != key || CheckPath(p) != nil {
			return false
		}
		// A stat through the plain path, not the root: it reads nothing
		// and changes nothing (every write still goes through the root),
		// and walking the root costs a dozen system calls per file, which
		// a build that keeps 20,000 files cannot afford.
		fi, err := os.Lstat(filepath.Join(t.dest, filepath.FromSlash(p)))
		if err != nil || !prev.sameStat(fi) {
			return false
		}
	}
	t.gate.RLock()
	defer t.gate.RUnlock()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != open {
		return false
	}
	for _, p := range paths {
		if t.claims.check(p) != nil {
			return false // made already: let the writer report a duplicate
		}
	}
	for _, p := range paths {
		t.claims.add(p) // checked above, under the same lock
		t.entries[p] = entry{rec: t.prev[p]}
	}
	return true
}

// stage decides whether f changes dest and, if so, writes it to staging.
func (t *Tx) stage(f File, name string) (entry, error) {
	sum := sha256.Sum256(f.Data)
	rel := filepath.FromSlash(f.Path)
	// Any Lstat error (missing, a file where a folder should be, a symlink
	// leaving dest) means "not the same file here"; Commit reports it.
	fi, err := t.root.Lstat(rel)
	prev, known := t.prev[f.Path]
	foreign := err == nil && !fi.IsDir() && !known && t.manifest != ""
	if err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(f.Data)) {
		switch {
		case known && prev.sameStat(fi):
			// Untouched since we wrote it: the hash alone decides.
			if prev.SHA256 == hex.EncodeToString(sum[:]) {
				return entry{rec: prev}, nil
			}
		case t.sameContent(rel, f.Data):
			return entry{rec: newRecord(fi, sum)}, nil
		}
	}
	w, err := t.newRoot.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return entry{}, &PathError{Path: f.Path, Err: err}
	}
	_, err = w.Write(f.Data)
	if err == nil {
		err = w.Chmod(0o644) // the umask must not make pages unreadable to the web server
	}
	if err == nil {
		fi, err = w.Stat()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return entry{}, &PathError{Path: f.Path, Err: fmt.Errorf("staging: %w", err)}
	}
	return entry{staged: name, rec: newRecord(fi, sum), foreign: foreign}, nil
}

// sameContent reports whether the file at rel holds exactly data. It
// streams, so a large old file is never held in memory. A file that
// cannot be read counts as different: replacing it is always correct.
func (t *Tx) sameContent(rel string, data []byte) bool {
	t.reads.Add(1)
	r, err := t.root.Open(rel)
	if err != nil {
		return false
	}
	defer r.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := io.ReadFull(r, buf)
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return len(data) == 0
		}
		if err != nil {
			return false
		}
	}
}

// Rollback abandons the build: it removes the staging folder (and dest,
// if Begin created it) and restores dest's modification time, leaving dest
// exactly as it was. After Commit or a failed Write it does nothing and
// returns nil, so `defer tx.Rollback()` is always safe.
func (t *Tx) Rollback() error {
	t.gate.Lock()
	defer t.gate.Unlock()
	t.mu.Lock()
	if t.state != open {
		t.mu.Unlock()
		return nil
	}
	t.state = rolledBack
	t.mu.Unlock()
	return t.cleanup(true, true)
}

// fail aborts an open transaction because of err and returns err (joined
// with any cleanup trouble). It must not be called with gate held.
func (t *Tx) fail(err error) error {
	t.mu.Lock()
	abort := t.state == open
	if abort {
		t.state, t.err = failed, err
	}
	t.mu.Unlock()
	if !abort {
		return err
	}
	t.gate.Lock()
	defer t.gate.Unlock()
	return errors.Join(err, t.cleanup(true, true))
}

func (t *Tx) closedErr() error {
	switch t.state {
	case committed:
		return errors.New("output: build already committed")
	case rolledBack:
		return errors.New("output: build already rolled back")
	case committing:
		return errors.New("output: build is being committed")
	}
	return fmt.Errorf("output: build aborted by an earlier error: %w", t.err)
}

// cleanup removes the staging folder and closes dest. With restoreMTime it
// also puts back dest's modification time, which adding the staging folder
// changed; with removeCreated it removes the folders Begin created, if
// they are empty. It runs once; callers hold gate.
func (t *Tx) cleanup(restoreMTime, removeCreated bool) error {
	if t.cleaned {
		return nil
	}
	t.cleaned = true
	var errs []error
	if t.newRoot != nil {
		t.newRoot.Close()
	}
	if t.root != nil {
		if t.staging != "" {
			if err := t.root.RemoveAll(t.staging); err != nil {
				errs = append(errs, fmt.Errorf("output: removing staging folder: %w", err))
			}
		}
		if restoreMTime && !t.destMTime.IsZero() {
			t.root.Chtimes(".", time.Time{}, t.destMTime) // best effort: only a timestamp
		}
		t.root.Close()
	}
	if removeCreated && t.createdTop != "" {
		for d := t.dest; ; d = filepath.Dir(d) {
			if os.Remove(d) != nil || d == t.createdTop {
				break
			}
		}
	}
	return errors.Join(errs...)
}
