// Package sitefs reads a site's input files, by one rule for every input
// folder (docs/inputs.md):
//
//   - a symbolic link whose target resolves inside the site folder is
//     followed, a folder link too (a loop is refused); one that points
//     outside the site, at nothing, or round a loop is refused by name;
//   - only regular files are read: a named pipe, a socket or a device is
//     refused by name before it is opened (opening a pipe waits forever);
//   - each file has a size cap by folder ([limits] in sahifa.toml), checked
//     before reading and enforced while reading (a file that grows).
//
// FS is an fs.FS, so the loaders stay testable with fstest.MapFS; Walk is
// the one walk every loader and the nothing-changed check use, so they see
// the same files.
package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
)

// The site's input folders.
const (
	Content = "content"
	Layouts = "layouts"
	Assets  = "assets"
	Static  = "static"
	Seeds   = "seeds"
	Data    = "data"
)

// InputDirs returns the site's input folders.
func InputDirs() []string {
	return []string{Content, Layouts, Assets, Static, Seeds, Data}
}

// FS reads the site folder, or one folder of it (Sub), by the rules of
// the package. Names are slash paths relative to the FS, as in io/fs;
// errors name the file relative to the site ("static/x.txt"). It is safe
// for concurrent use. It lives for one build: the folders it listed are
// not listed again, so a file added after is not seen until the next FS.
type FS struct {
	root   string // the site folder: absolute, symbolic links resolved
	dir    string // the folder this FS is rooted at, slash, "" for the site
	limits config.Limits
	// folders maps a folder's path on disk, as written, to where it
	// really is, for folders inside the site: a file that is not a link
	// is then found with one Lstat instead of resolving every component
	// of its path again. Shared with Sub's; an FS lives for one build.
	folders *sync.Map
	// listings keeps each folder's listing and the stat of each entry
	// once read, shared with Sub's: a build walks its inputs twice (to
	// see whether anything changed, then to load), and the second walk
	// costs no system call.
	listings *listings
}

// New returns the FS of the site folder root, with caps limits (a cap
// left zero has its default).
func New(root string, limits config.Limits) (*FS, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	// The site folder itself may be reached through a link: "inside the
	// site" is decided against where it really is.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return &FS{root: abs, limits: withDefaults(limits), folders: &sync.Map{}, listings: newListings()}, nil
}

// Within reports whether path p is parent or inside it, as strings: both
// must be clean and absolute, and the caller resolves symbolic links as
// its rule needs (sitefs on the real paths; output.Inside both ways). It
// is the one definition of "inside a folder" the packages share.
func Within(parent, p string) bool {
	rel, err := filepath.Rel(parent, p)
	return err == nil && rel != ".." && !hasDotDotPrefix(rel) && !filepath.IsAbs(rel)
}

func hasDotDotPrefix(rel string) bool {
	return len(rel) > 2 && rel[:2] == ".." && os.IsPathSeparator(rel[2])
}

// Sub returns the FS of folder dir (fs.Sub uses it), whose errors still
// name files relative to the site.
func (f *FS) Sub(dir string) (fs.FS, error) {
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: fs.ErrInvalid}
	}
	return &FS{root: f.root, dir: path.Join(f.dir, dir), limits: f.limits, folders: f.folders, listings: f.listings}, nil
}

// Stat returns the FileInfo of name, of its target for a link.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	_, info, err := f.resolve("stat", name)
	return info, err
}

// Open opens name for reading: a folder, or a regular file within its cap.
func (f *FS) Open(name string) (fs.File, error) {
	real, info, err := f.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return os.Open(real)
	}
	return f.openFile(f.rel(name), real, info)
}

// ReadFile reads name whole, refusing it over its cap.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	c, ok := file.(*cappedFile)
	if !ok {
		return nil, diag.Errorf(f.rel(name), 0, 0, "is a folder, not a file")
	}
	buf := bytes.NewBuffer(make([]byte, 0, c.size+bytes.MinRead))
	if _, err := buf.ReadFrom(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rel is name relative to the site.
func (f *FS) rel(name string) string { return path.Join(f.dir, name) }

// full is the path on disk of rel, before links are resolved.
func (f *FS) full(rel string) string { return filepath.Join(f.root, filepath.FromSlash(rel)) }

// resolve follows the links on the way to name and returns where it really
// is and its FileInfo, or why it is refused.
func (f *FS) resolve(op, name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	rel := f.rel(name)
	real, info, err := f.follow(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	return real, info, err
}

// follow resolves the site-relative path rel. A missing file gives an
// error wrapping fs.ErrNotExist; a link that leads nowhere is not missing
// but refused, so a broken link is never taken for an absent file (in
// layouts/, that would silently use the theme's instead).
func (f *FS) follow(rel string) (string, fs.FileInfo, error) {
	full := f.full(rel)
	folder, base := filepath.Split(full)
	if known, ok := f.folders.Load(folder); ok {
		real := filepath.Join(known.(string), base)
		if info, err := os.Lstat(real); err == nil && info.Mode()&fs.ModeSymlink == 0 {
			return real, info, nil // not a link, in a folder inside the site
		}
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if target, lerr := os.Readlink(full); lerr == nil {
				return "", nil, diag.Errorf(rel, 0, 0, "symlink to %s, which does not exist; fix the link or remove it", target)
			}
			return "", nil, err
		}
		if errors.Is(err, syscall.ELOOP) || isTooManyLinks(err) {
			return "", nil, diag.Errorf(rel, 0, 0, "symlink loop (a link leads back to itself); remove the link")
		}
		return "", nil, diag.At(rel, 0, 0, unwrapPath(err))
	}
	info, err := os.Stat(real)
	if err != nil {
		return "", nil, diag.At(rel, 0, 0, unwrapPath(err))
	}
	if !Within(f.root, real) {
		what := "file"
		if info.IsDir() {
			what = "folder"
		}
		return "", nil, diag.Errorf(rel, 0, 0, "symlink to a %s outside the site (%s); copy the %s into the site instead", what, real, what)
	}
	if realFolder, err := filepath.EvalSymlinks(folder); err == nil && Within(f.root, realFolder) {
		f.folders.Store(folder, realFolder)
	}
	return real, info, nil
}

// isTooManyLinks is filepath.EvalSymlinks's own error for a loop, which
// carries no errno.
func isTooManyLinks(err error) bool {
	return err != nil && err.Error() == "EvalSymlinks: too many links"
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// openFile opens the regular file real (rel in messages) with its cap.
func (f *FS) openFile(rel, real string, info fs.FileInfo) (fs.File, error) {
	if err := regular(rel, info.Mode()); err != nil {
		return nil, err
	}
	c := f.capOf(rel)
	if info.Size() > c.bytes {
		return nil, c.over(rel, config.FormatSize(info.Size()))
	}
	// Non-blocking, so that a file swapped for a pipe since the Stat
	// cannot hang the open; the type is checked again on what was opened.
	file, err := os.OpenFile(real, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, diag.At(rel, 0, 0, unwrapPath(err))
	}
	opened, err := file.Stat()
	if err == nil {
		err = regular(rel, opened.Mode())
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return &cappedFile{File: file, rel: rel, cap: c, size: opened.Size()}, nil
}

// regular refuses anything but a regular file (or a folder), by name.
func regular(rel string, mode fs.FileMode) error {
	if mode.IsRegular() || mode.IsDir() {
		return nil
	}
	kind := "a special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		kind = "a device"
	}
	return diag.Errorf(rel, 0, 0, "not a regular file (%s); sahifa reads only regular files", kind)
}

// cappedFile is an open input file that fails a read past its cap, for a
// file that grew after it was measured.
type cappedFile struct {
	*os.File
	rel  string
	cap  sizeCap
	size int64 // when opened
	read int64
}

func (c *cappedFile) Read(b []byte) (int, error) {
	n, err := c.File.Read(b)
	c.read += int64(n)
	if c.read > c.cap.bytes {
		return n, c.cap.over(c.rel, "more than "+config.FormatSize(c.cap.bytes))
	}
	return n, err
}
