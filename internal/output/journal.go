package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// journal performs the changes of a commit inside dest and remembers how
// to reverse each one. Every change is a rename, a hard link, or creating
// or removing an empty folder, so undo needs no copies of file contents,
// and folder modification times are put back too: a failed build leaves
// dest exactly as it was. It is used by one goroutine.
type journal struct {
	root     *os.Root
	staging  string // staging folder, relative to dest; changes inside it need no undo
	ops      []op
	dirTimes map[string]time.Time // folder -> modification time before our first change to it
	dirs     map[string]bool      // folders known to exist
	// handles are open folders of dest, by path, for installAt; closed
	// when the commit ends (close).
	handles map[string]*os.File
}

// close closes the folder handles the commit opened.
func (j *journal) close() {
	for _, f := range j.handles {
		f.Close()
	}
	j.handles = nil
}

type opKind int

const (
	opMove  opKind = iota // a was renamed or hard-linked to b: undo renames b back to a
	opMkdir               // a was created
	opRmdir               // empty folder a was removed; it had mode
)

type op struct {
	kind opKind
	a, b string
	mode fs.FileMode
}

// touch notes the modification time of folder dir before we first change
// its entries.
func (j *journal) touch(dir string) {
	if dir == j.staging || strings.HasPrefix(dir, j.staging+string(filepath.Separator)) {
		return
	}
	if _, ok := j.dirTimes[dir]; ok {
		return
	}
	if f := j.handles[dir]; f != nil {
		if fi, err := f.Stat(); err == nil {
			j.dirTimes[dir] = fi.ModTime()
		}
		return
	}
	if fi, err := j.root.Lstat(dir); err == nil {
		j.dirTimes[dir] = fi.ModTime()
	}
}

func (j *journal) rename(from, to string) error {
	j.touch(filepath.Dir(from))
	j.touch(filepath.Dir(to))
	if err := j.root.Rename(from, to); err != nil {
		return err
	}
	j.ops = append(j.ops, op{kind: opMove, a: from, b: to})
	return nil
}

// link hard-links from to to, which must be in the staging folder: the
// original stays in place, so replacing it later is still one atomic
// rename, and undo renames the link back over whatever is there.
func (j *journal) link(from, to string) error {
	if err := j.root.Link(from, to); err != nil {
		return err
	}
	j.ops = append(j.ops, op{kind: opMove, a: from, b: to})
	return nil
}

func (j *journal) mkdir(d string) error {
	j.touch(filepath.Dir(d))
	if err := j.root.Mkdir(d, 0o755); err != nil {
		return err
	}
	j.ops = append(j.ops, op{kind: opMkdir, a: d})
	return j.root.Chmod(d, 0o755) // whatever the umask
}

// rmdir removes d if it is an empty folder.
func (j *journal) rmdir(d string) error {
	fi, err := j.root.Lstat(d)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a folder", d)
	}
	j.touch(filepath.Dir(d))
	if err := j.root.Remove(d); err != nil {
		return err
	}
	if _, ok := j.dirTimes[d]; !ok {
		j.dirTimes[d] = fi.ModTime() // so undo recreates it with its old time
	}
	delete(j.dirs, d)
	j.ops = append(j.ops, op{kind: opRmdir, a: d, mode: fi.Mode().Perm()})
	return nil
}

// ensureDir makes folder d (relative to dest) exist, creating missing
// parents. A symlink to a folder inside dest is followed, as the user
// chose; one leading outside dest is refused by os.Root.
func (j *journal) ensureDir(d string) error {
	if d == "." || j.dirs[d] {
		return nil
	}
	if err := j.ensureDir(filepath.Dir(d)); err != nil {
		return err
	}
	fi, err := j.root.Stat(d)
	switch {
	case err == nil && !fi.IsDir():
		return fmt.Errorf("%s is a file where a folder is needed", filepath.ToSlash(d))
	case errors.Is(err, fs.ErrNotExist):
		if err := j.mkdir(d); err != nil {
			return err
		}
	case err != nil:
		return err
	}
	j.dirs[d] = true
	return nil
}

// undo reverses every change, last first, then restores folder times. It
// carries on past errors so as much as possible is put back, and reports
// them all.
func (j *journal) undo() error {
	var errs []error
	for i := len(j.ops) - 1; i >= 0; i-- {
		o := j.ops[i]
		var err error
		switch o.kind {
		case opMove:
			err = j.root.Rename(o.b, o.a)
		case opMkdir:
			err = j.root.Remove(o.a)
		case opRmdir:
			if err = j.root.Mkdir(o.a, o.mode); err == nil {
				err = j.root.Chmod(o.a, o.mode)
			}
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	for d, mt := range j.dirTimes {
		if err := j.root.Chtimes(d, time.Time{}, mt); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	j.ops, j.dirTimes = nil, map[string]time.Time{}
	if len(errs) > 0 {
		return fmt.Errorf("output: undoing a failed commit left dest changed: %w", errors.Join(errs...))
	}
	return nil
}
