// Package output is the only code in sahifa that writes the built site.
//
// Every page, feed and asset of a build goes through a Writer. The disk
// writer (Begin / Tx) makes a build transactional: a build that fails
// leaves the destination exactly as it was; a successful build leaves no
// stale files, does not rewrite files whose bytes did not change (their
// modification times stay, so rsync and CDNs see no change), and never
// deletes files it did not create. Memory is the in-memory twin used by
// the dev server and tests.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// File is one output of a build: a site-relative slash path such as
// "2021/02/24/توافق-بين/index.html" (UTF-8, no leading slash), its media
// type and bytes.
type File struct {
	Path      string
	MediaType string
	Data      []byte
	// Key, when set, fingerprints everything the file was made from. A
	// later build that arrives at the same key may keep the file without
	// making it again (Tx.Keep, Memory.Keep).
	Key string
}

// Writer receives the output files of one build. Both implementations in
// this package (*Tx and *Memory) are safe for concurrent use, so renderers
// may write from many goroutines. A path may be written once per build.
type Writer interface {
	Write(f File) error
}

var (
	_ Writer = (*Tx)(nil)
	_ Writer = (*Memory)(nil)
)

// ErrBadPath is wrapped by errors about malformed or hostile output paths.
var ErrBadPath = errors.New("bad output path")

// ErrDuplicatePath is wrapped when two outputs of one build claim the same
// path (two pages with one URL) or when one output's path is a directory
// of another's ("a" and "a/b").
var ErrDuplicatePath = errors.New("path written twice in one build")

// PathError is a problem with one output path. Callers that know which
// source produced a path can find it with errors.As and re-report the
// problem at the source position with diag.At.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("output %q: %v", e.Path, e.Err) }

func (e *PathError) Unwrap() error { return e.Err }

func badPath(p, reason string) error {
	return &PathError{Path: p, Err: fmt.Errorf("%w: %s", ErrBadPath, reason)}
}

// stagingPrefix names the hidden staging folders inside the destination.
// Begin deletes any folder with this prefix as crash leftovers, so no
// output may use it as its top-level name.
const stagingPrefix = ".sahifa-staging-"

// IsStagingDir reports whether name, a folder in the destination, is one
// of a build's staging folders (not part of the site, or not yet).
func IsStagingDir(name string) bool { return strings.HasPrefix(name, stagingPrefix) }

// CheckPath rejects output paths that are malformed or could escape the
// destination: empty, absolute, containing a "." or ".." segment or an
// empty one ("a//b", "a/"), a backslash (a separator on Windows), invalid
// UTF-8, NUL or any other control character. A top-level name starting
// with ".sahifa-staging-" is reserved. Characters that are merely awkward
// on Windows, such as ":", are allowed. The error is a *PathError naming p.
func CheckPath(p string) error {
	switch {
	case p == "":
		return badPath(p, "empty")
	case strings.HasPrefix(p, "/"):
		return badPath(p, "absolute; output paths are relative to the site")
	case !utf8.ValidString(p):
		return badPath(p, "not valid UTF-8")
	case strings.Contains(p, `\`):
		return badPath(p, `contains a backslash`)
	}
	for _, r := range p {
		if unicode.IsControl(r) {
			return badPath(p, fmt.Sprintf("contains control character %U", r))
		}
	}
	for i, seg := range strings.Split(p, "/") {
		switch {
		case seg == "":
			return badPath(p, "has an empty segment")
		case seg == "." || seg == "..":
			return badPath(p, fmt.Sprintf("has a %q segment", seg))
		case i == 0 && strings.HasPrefix(seg, stagingPrefix):
			return badPath(p, fmt.Sprintf("top-level names starting with %q are reserved", stagingPrefix))
		}
	}
	return nil
}

// claims tracks which paths a build has produced, and the directories they
// imply, so a second claim on a path, or a file where another output needs
// a directory, is caught at Write time and names both paths.
type claims struct {
	files map[string]bool
	dirs  map[string]string // directory -> first file path under it
}

func newClaims() claims { return sizedClaims(0) }

// sizedClaims has room for n files without growing: a build that keeps
// most of the last one's 20,000 files spent a tenth of its time growing
// these maps.
func sizedClaims(n int) claims {
	return claims{files: make(map[string]bool, n), dirs: make(map[string]string, n)}
}

// add claims p (already checked by CheckPath). It does not modify the
// claims when it returns an error.
func (c *claims) add(p string) error {
	if err := c.check(p); err != nil {
		return err
	}
	c.files[p] = true
	for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
		if _, ok := c.dirs[p[:i]]; ok {
			break // its ancestors were recorded with it
		}
		c.dirs[p[:i]] = p
	}
	return nil
}

// check reports why p cannot be claimed, or nil when it can.
func (c *claims) check(p string) error {
	if c.files[p] {
		return &PathError{Path: p, Err: ErrDuplicatePath}
	}
	if other, ok := c.dirs[p]; ok {
		return &PathError{Path: p, Err: fmt.Errorf("%w: %q needs it to be a directory", ErrDuplicatePath, other)}
	}
	for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
		if c.files[p[:i]] {
			return &PathError{Path: p, Err: fmt.Errorf("%w: %q is already a file", ErrDuplicatePath, p[:i])}
		}
	}
	return nil
}

// Memory is an in-memory Writer, the twin of Tx for the dev server and
// tests: it checks paths and rejects duplicates exactly like Tx, so a
// build that works in memory works on disk. Use a fresh Memory per build.
// All methods are safe for concurrent use.
type Memory struct {
	mu     sync.RWMutex
	files  map[string]File
	claims claims
	prev   *Memory // the build before, whose files Keep may take over
	// under are the files KeepOthers took over whole from the builds
	// before, shared with them, never written: files holds only what the
	// builds since wrote (nil: files holds everything). A dev server
	// rebuild after a save writes 20 files of 200,000, and copying the
	// other 199,980 into a new map was a sixth of its time.
	under *layer
	// hidden counts the paths of under that files holds too.
	hidden int
	// over is set for a build that takes every file of the previous one
	// it does not write (NewMemoryOver): a file it keeps is only claimed,
	// as KeepOthers will take it over with the others.
	over bool
}

// layer is the files of a finished build, read by the builds after it
// and written by none.
type layer struct {
	files  map[string]File
	claims claims
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{files: map[string]File{}, claims: newClaims()}
}

// NewMemoryAfter returns an empty Memory for the build after prev (nil
// for none): Keep takes over prev's files whose key has not changed.
func NewMemoryAfter(prev *Memory) *Memory {
	if prev == nil {
		return NewMemory()
	}
	// Sized as the last build: most of its files are kept.
	n := prev.Len()
	return &Memory{files: make(map[string]File, n), claims: sizedClaims(n), prev: prev}
}

// NewMemoryOver returns an empty Memory for a build after prev that
// writes a few files and takes over the others with KeepOthers. Until
// KeepOthers it holds only the files written (Get, Len and Paths see
// those alone); Keep only checks and claims.
func NewMemoryOver(prev *Memory) *Memory {
	m := NewMemory()
	m.prev, m.over = prev, true
	return m
}

// Keep takes over the previous build's file at path when it was made with
// key, and reports whether it did; the caller then need not make it.
func (m *Memory) Keep(path, key string) bool {
	if m.previous() == nil || key == "" {
		return false
	}
	paths := [1]string{path} // on the stack: Keep runs for every page
	return m.keep(paths[:], key)
}

// KeepAll is Keep for every file of the previous build under folder dir,
// all made from one key: it keeps them all or none, and none when there
// were none.
func (m *Memory) KeepAll(dir, key string) bool {
	prev := m.previous()
	if prev == nil || key == "" {
		return false
	}
	var paths []string
	for _, p := range prev.Paths() {
		if strings.HasPrefix(p, dir) {
			paths = append(paths, p)
		}
	}
	return len(paths) > 0 && m.keep(paths, key)
}

// previous is the build before, while this one may still keep its files.
func (m *Memory) previous() *Memory {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.prev
}

func (m *Memory) keep(paths []string, key string) bool {
	prev := m.previous()
	if prev == nil {
		return false
	}
	var one [1]File
	files := one[:]
	if len(paths) > 1 {
		files = make([]File, len(paths))
	}
	for i, p := range paths {
		f, ok := prev.Get(p)
		if !ok || f.Key != key {
			return false
		}
		files[i] = f
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range paths {
		if m.check(p) != nil {
			return false // claimed already: let the writer report the duplicate
		}
	}
	for _, f := range files {
		m.claims.add(f.Path)
		if !m.over {
			m.files[f.Path] = f
		}
	}
	return true
}

// check reports why p cannot be claimed in m, under included (m.mu held).
func (m *Memory) check(p string) error {
	if m.under != nil {
		if err := m.under.claims.check(p); err != nil {
			return err
		}
	}
	return m.claims.check(p)
}

// KeepOthers takes over every file of the previous build that this one
// did not write or keep, whatever its key: for a build that made again
// only the outputs a change affects, knowing the others are as they were
// (the dev server's rebuild after a save). It fails, changing nothing,
// when a file written does not fit beside them (a path where the previous
// build had a folder, or the reverse). The previous build must be
// finished: its files are shared, not copied.
func (m *Memory) KeepOthers() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	prev := m.prev
	if prev == nil {
		return nil
	}
	prev.mu.RLock()
	defer prev.mu.RUnlock()
	// The files underneath stay the first whole build's; on them, what
	// the builds since wrote, then what this one wrote.
	under, carried, carriedClaims := prev.under, prev.files, prev.claims
	if under == nil {
		under, carried, carriedClaims = &layer{files: prev.files, claims: prev.claims}, nil, claims{}
	}
	files := make(map[string]File, len(carried)+len(m.files))
	maps.Copy(files, carried)
	c := claims{files: maps.Clone(carriedClaims.files), dirs: maps.Clone(carriedClaims.dirs)}
	if c.files == nil {
		c = newClaims()
	}
	for p, f := range m.files {
		if _, ok := under.files[p]; !ok && !c.files[p] {
			if err := under.claims.check(p); err != nil {
				return err
			}
			if err := c.add(p); err != nil {
				return err
			}
		}
		files[p] = f
	}
	hidden := 0
	for p := range files {
		if _, ok := under.files[p]; ok {
			hidden++
		}
	}
	m.files, m.claims, m.under, m.hidden, m.prev, m.over = files, c, under, hidden, nil, false
	// Once the files on top are an eighth of those underneath, they are
	// folded in, so a server that rebuilds for hours does not copy an
	// ever larger set on each save.
	if len(files) > 64 && len(files) > len(under.files)/8 {
		m.flatten()
	}
	return nil
}

// flatten copies the files underneath into m's own (m.mu held).
func (m *Memory) flatten() {
	files := maps.Clone(m.under.files)
	c := claims{files: maps.Clone(m.under.claims.files), dirs: maps.Clone(m.under.claims.dirs)}
	for p, f := range m.files {
		if !c.files[p] {
			c.add(p) // checked by KeepOthers
		}
		files[p] = f
	}
	m.files, m.claims, m.under, m.hidden = files, c, nil, 0
}

// Finish ends the build writing into m: Keep takes nothing more, and the
// previous build is let go, so a dev server that builds for hours does
// not hold every build it made, each through the next.
func (m *Memory) Finish() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.prev = nil
}

// Write stores a copy of f, so the caller may reuse its buffer, as it may
// after Tx.Write.
func (m *Memory) Write(f File) error {
	if err := CheckPath(f.Path); err != nil {
		return err
	}
	f.Data = bytes.Clone(f.Data)
	if f.Data == nil {
		f.Data = []byte{}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(f.Path); err != nil {
		return err
	}
	if err := m.claims.add(f.Path); err != nil {
		return err
	}
	m.files[f.Path] = f
	return nil
}

// Get returns the file written at path. Its Data is shared with the
// Memory and must not be modified.
func (m *Memory) Get(path string) (File, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	f, ok := m.files[path]
	if !ok && m.under != nil {
		f, ok = m.under.files[path]
	}
	return f, ok
}

// Paths returns the written paths, sorted.
func (m *Memory) Paths() []string {
	m.mu.RLock()
	out := make([]string, 0, m.len())
	for p := range m.files {
		out = append(out, p)
	}
	if m.under != nil {
		for p := range m.under.files {
			if _, ok := m.files[p]; !ok {
				out = append(out, p)
			}
		}
	}
	m.mu.RUnlock()
	sort.Strings(out)
	return out
}

// Len returns the number of files written.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.len()
}

func (m *Memory) len() int {
	if m.under == nil {
		return len(m.files)
	}
	return len(m.files) + len(m.under.files) - m.hidden
}
