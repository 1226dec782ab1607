//go:build unix

package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// installAt is install's fast way on Unix: it renames the staged file into
// place relative to open handles on its folder and on the staging folders,
// one system call per change, where os.Root walks every folder of both
// paths again for each call (a dozen calls per file, most of a large
// commit's time). Each folder is opened once a commit, relative to its
// parent's handle and without following a symbolic link; the changes are
// journaled by path as install's are, so undo is the same. It reports
// false, having changed nothing but folders it made, where it cannot tell
// as os.Root would (a symbolic link on the way, an unusual file): install
// then does it.
func (j *journal) installAt(p, name string) (bool, error) {
	rel := filepath.FromSlash(p)
	dir, base := filepath.Dir(rel), filepath.Base(rel)
	j.closeOthers(dir)
	h, ok, err := j.folder(dir)
	if !ok || err != nil {
		return ok, err
	}
	var st unix.Stat_t
	switch err := unix.Fstatat(h, base, &st, unix.AT_SYMLINK_NOFOLLOW); {
	case errors.Is(err, unix.ENOENT):
	case err != nil:
		return false, nil
	case st.Mode&unix.S_IFMT != unix.S_IFREG:
		return false, nil // a folder or a link in the way: install's care
	default:
		old, ok, err := j.folder(filepath.Join(j.staging, "old"))
		if !ok || err != nil {
			return ok, err
		}
		if unix.Linkat(h, base, old, name, 0) != nil {
			return false, nil // install moves it aside instead
		}
		j.ops = append(j.ops, op{kind: opMove, a: rel, b: filepath.Join(j.staging, "old", name)})
	}
	staged, ok, err := j.folder(filepath.Join(j.staging, "new"))
	if !ok || err != nil {
		return ok, err
	}
	from := filepath.Join(j.staging, "new", name)
	j.touch(dir)
	if err := unix.Renameat(staged, name, h, base); err != nil {
		return true, &os.LinkError{Op: "rename", Old: from, New: rel, Err: err}
	}
	j.ops = append(j.ops, op{kind: opMove, a: from, b: rel})
	return true, nil
}

// folder returns a handle on folder d (relative to dest), making it and
// its parents as ensureDir does, opened once a commit relative to its
// parent's handle. ok is false where a symbolic link or something other
// than a folder is on the way: the caller falls back to os.Root, which
// follows links that stay in dest and refuses the others.
func (j *journal) folder(d string) (fd int, ok bool, err error) {
	if f, ok := j.handles[d]; ok {
		return int(f.Fd()), true, nil
	}
	if d == "." {
		f, err := j.root.Open(".")
		if err != nil {
			return 0, false, nil
		}
		j.keepHandle(d, f)
		return int(f.Fd()), true, nil
	}
	parent, ok, err := j.folder(filepath.Dir(d))
	if !ok || err != nil {
		return 0, ok, err
	}
	base := filepath.Base(d)
	var st unix.Stat_t
	switch err := unix.Fstatat(parent, base, &st, unix.AT_SYMLINK_NOFOLLOW); {
	case errors.Is(err, unix.ENOENT):
		j.touch(filepath.Dir(d))
		if err := unix.Mkdirat(parent, base, 0o755); err != nil {
			return 0, true, &os.PathError{Op: "mkdir", Path: d, Err: err}
		}
		j.ops = append(j.ops, op{kind: opMkdir, a: d})
		// Whatever the umask.
		if err := unix.Fchmodat(parent, base, 0o755, 0); err != nil {
			return 0, true, &os.PathError{Op: "chmod", Path: d, Err: err}
		}
		j.dirs[d] = true
	case err != nil || st.Mode&unix.S_IFMT != unix.S_IFDIR:
		return 0, false, nil
	}
	fd, err = unix.Openat(parent, base, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, false, nil
	}
	j.keepHandle(d, os.NewFile(uintptr(fd), d))
	return fd, true, nil
}

// closeOthers closes the handles on folders that are neither dir nor
// around it, but for dest's and the staging folders': files are installed
// in the order of their paths, so a folder left is not come back to, and a
// site has more folders than a process may have files open.
func (j *journal) closeOthers(dir string) {
	for d, f := range j.handles {
		if d == "." || d == dir || strings.HasPrefix(dir, d+string(filepath.Separator)) ||
			d == j.staging || strings.HasPrefix(d, j.staging+string(filepath.Separator)) {
			continue
		}
		f.Close()
		delete(j.handles, d)
	}
}

func (j *journal) keepHandle(d string, f *os.File) {
	if j.handles == nil {
		j.handles = map[string]*os.File{}
	}
	j.handles[d] = f
}
