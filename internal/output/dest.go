package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// checkDest refuses destinations where a build, whose stale removal may
// delete files, could destroy something precious: the filesystem root,
// the user's home folder or any folder containing it, and any folder that
// is or contains a protected one. abs is absolute.
//
// Paths are compared both as written and with symlinks resolved, and, for
// folders that exist, by identity (os.SameFile) up the protected folder's
// ancestors, which also catches case-insensitive filesystems and bind
// mounts where two different strings name one folder.
func checkDest(abs string, protected []string) error {
	if filepath.Dir(abs) == abs || filepath.Dir(resolve(abs)) == resolve(abs) {
		return fmt.Errorf("output: refusing to build into the filesystem root %s", abs)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && contains(abs, home) {
		return fmt.Errorf("output: refusing to build into %s: it is or contains your home folder %s", abs, home)
	}
	for _, p := range protected {
		if p != "" && contains(abs, p) {
			return fmt.Errorf("output: refusing to build into %s: it is or contains %s, which a build must never touch", abs, p)
		}
	}
	return nil
}

// contains reports whether folder dest is p or an ancestor of p.
func contains(dest, p string) bool {
	pa, err := filepath.Abs(p)
	if err != nil {
		return true // cannot tell, so err on the side of refusing
	}
	for _, d := range []string{dest, resolve(dest)} {
		for _, c := range []string{pa, resolve(pa)} {
			if within(c, d) {
				return true
			}
		}
	}
	di, err := os.Stat(dest)
	if err != nil {
		return false // a folder that does not exist yet contains nothing
	}
	for a := resolve(pa); ; a = filepath.Dir(a) {
		if ai, err := os.Stat(a); err == nil && os.SameFile(ai, di) {
			return true
		}
		if filepath.Dir(a) == a {
			return false
		}
	}
}

// within reports whether path child is parent or lies below it. Both are
// clean and absolute.
func within(child, parent string) bool {
	if child == parent {
		return true
	}
	if !strings.HasSuffix(parent, string(filepath.Separator)) {
		parent += string(filepath.Separator)
	}
	return strings.HasPrefix(child, parent)
}

// resolve returns absolute path p with symlinks resolved as far as it
// exists; the missing rest is appended as written.
func resolve(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// mkdirAllTracked creates dir like os.MkdirAll and returns the outermost
// folder it created ("" if dir existed), so a rollback can remove exactly
// what Begin added.
func mkdirAllTracked(dir string) (string, error) {
	top := ""
	for p := dir; ; {
		if _, err := os.Lstat(p); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		top = p
		parent := filepath.Dir(p)
		if parent == p {
			break
		}
		p = parent
	}
	if top == "" {
		return "", nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return top, os.Chmod(dir, 0o755)
}
