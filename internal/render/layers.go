package render

import (
	"errors"
	"io/fs"
	"sort"

	"github.com/sahifa/sahifa/internal/sitefs"
)

// Layers is a read-only file system made of several, the first one that has
// a file winning. A site's own layouts/ and assets/ come first, the embedded
// theme last, which is how a site overrides the theme file by file.
type Layers []fs.FS

// Open opens name from the first layer that has it.
func (l Layers) Open(name string) (fs.File, error) {
	for _, fsys := range l {
		if fsys == nil {
			continue
		}
		f, err := fsys.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the listings of every layer that has the folder.
func (l Layers) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	found := false
	for _, fsys := range l {
		if fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		for _, e := range entries {
			if _, ok := seen[e.Name()]; !ok {
				seen[e.Name()] = e
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Files lists every regular file under the layers, slash paths, sorted,
// leaving out hidden files and folders (editor and OS litter).
func (l Layers) Files() ([]string, error) {
	return l.files(false)
}

// StaticFiles is like Files but keeps hidden files such as .nojekyll and
// .htaccess, which hosts read; only .git folders and .DS_Store are left out.
func (l Layers) StaticFiles() ([]string, error) {
	return l.files(true)
}

func (l Layers) files(hidden bool) ([]string, error) {
	var files []string
	skip := func(p string, d fs.DirEntry) bool {
		name := d.Name()
		return name == ".git" || name == ".DS_Store" || (!hidden && name[0] == '.')
	}
	err := sitefs.Walk(l, ".", skip, func(p string, d fs.DirEntry) error {
		files = append(files, p)
		return nil
	})
	return files, err
}
