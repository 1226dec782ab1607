package sitefs

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/sahifa/sahifa/internal/diag"
)

// ReadDir lists folder name, sorted by name, with links resolved: a link
// to a file or folder inside the site is listed as what it points at, so
// walks follow it; a refused link (outside the site, to nothing, or round
// a loop) is listed as a link whose Info returns why, and Walk reports it.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	rel := f.rel(name)
	if entries, ok := f.listings.get(rel); ok {
		return entries, nil
	}
	entries, err := f.readDir(name)
	if err != nil {
		return nil, err
	}
	for i, e := range entries {
		if _, ok := e.(refused); !ok {
			entries[i] = &statOnce{DirEntry: e}
		}
	}
	f.listings.put(rel, entries)
	return slices.Clone(entries), nil
}

func (f *FS) readDir(name string) ([]fs.DirEntry, error) {
	real, info, err := f.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	rel := f.rel(name)
	// A walk loops when it enters a folder it is already inside of: the
	// folders on the way from the site root to this one, where they
	// really are.
	outer, err := f.outer(rel)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return nil, diag.At(rel, 0, 0, unwrapPath(err))
	}
	for i, e := range entries {
		childRel := path.Join(rel, e.Name())
		childReal := filepath.Join(real, e.Name())
		var childInfo fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			childReal, childInfo, err = f.follow(childRel)
			if err != nil {
				entries[i] = refused{e.Name(), err}
				continue
			}
			entries[i] = fs.FileInfoToDirEntry(linked{childInfo, e.Name()})
		}
		if entries[i].IsDir() {
			if around, ok := outer[childReal]; ok {
				entries[i] = refused{e.Name(), diag.Errorf(childRel, 0, 0,
					"symlink loop: it leads back to %s, which holds it; remove the link", around)}
			}
		}
	}
	return entries, nil
}

// outer maps where each folder from the site root down to rel really is
// to its site-relative name. Each folder's is its parent's and its own,
// made once a build.
func (f *FS) outer(rel string) (map[string]string, error) {
	rel = path.Clean(rel)
	if rel == "." || rel == "" {
		return map[string]string{f.root: "the site folder"}, nil
	}
	if m, ok := f.listings.outer(rel); ok {
		return m, nil
	}
	parent, err := f.outer(path.Dir(rel))
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(f.full(rel))
	if err != nil {
		return nil, diag.At(rel, 0, 0, unwrapPath(err))
	}
	m := maps.Clone(parent)
	m[real] = rel
	f.listings.setOuter(rel, m)
	return m, nil
}

// listings are the folders an FS has listed, for one build.
type listings struct {
	mu      sync.Mutex
	entries map[string][]fs.DirEntry
	outers  map[string]map[string]string
}

func newListings() *listings {
	return &listings{entries: map[string][]fs.DirEntry{}, outers: map[string]map[string]string{}}
}

func (l *listings) get(rel string) ([]fs.DirEntry, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[rel]
	return slices.Clone(e), ok
}

func (l *listings) put(rel string, e []fs.DirEntry) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries[rel] = e
}

func (l *listings) outer(rel string) (map[string]string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, ok := l.outers[rel]
	return m, ok
}

func (l *listings) setOuter(rel string, m map[string]string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.outers[rel] = m
}

// statOnce is a listed entry whose Info is read once.
type statOnce struct {
	fs.DirEntry
	once sync.Once
	info fs.FileInfo
	err  error
}

func (e *statOnce) Info() (fs.FileInfo, error) {
	e.once.Do(func() { e.info, e.err = e.DirEntry.Info() })
	return e.info, e.err
}

// linked is the FileInfo of a link's target under the link's name.
type linked struct {
	fs.FileInfo
	name string
}

func (l linked) Name() string { return l.name }

// refused is a listed link that may not be followed.
type refused struct {
	name string
	err  error
}

func (r refused) Name() string               { return r.name }
func (r refused) IsDir() bool                { return false }
func (r refused) Type() fs.FileMode          { return fs.ModeSymlink }
func (r refused) Info() (fs.FileInfo, error) { return nil, r.err }

// Walk calls fn for each file under dir of fsys, in lexical order, as
// fs.WalkDir does, with the input rules: a missing dir is an empty one;
// skip, when not nil, leaves out files and folders sahifa ignores (hidden
// litter, .git) before anything else is decided about them; and any link
// ReadDir refused that is not skipped is an error, whether or not the file
// would have been read, since it may be the folder of many articles.
func Walk(fsys fs.FS, dir string, skip func(p string, d fs.DirEntry) bool, fn func(p string, d fs.DirEntry) error) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if p != dir && skip != nil && skip(p, d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if r, ok := d.(refused); ok {
			return r.err
		}
		return fn(p, d)
	})
}
