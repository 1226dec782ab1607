package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/sahifa/sahifa/internal/sitefs"
)

// CheckDest reports why dest may not receive a build, or nil: it is the
// filesystem root, the user's home folder or a folder containing it, or
// it is or contains a folder given to WithProtected, or it is, contains
// or lies inside a folder given to WithInputs. Begin checks the same; a
// caller checks first to refuse before it does anything else.
func CheckDest(dest string, opts ...Option) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return checkDest(abs, o)
}

// checkDest refuses destinations where a build, whose stale removal may
// delete files, could destroy something precious, or where its pages
// would land among the sources (inside static/ they would even be copied
// into the next build, nesting one level deeper each time). abs is
// absolute.
func checkDest(abs string, o options) error {
	if filepath.Dir(abs) == abs || filepath.Dir(resolve(abs)) == resolve(abs) {
		return fmt.Errorf("output: refusing to build into the filesystem root %s", abs)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && Inside(home, abs) {
		return fmt.Errorf("output: refusing to build into %s: it is or contains your home folder %s", abs, home)
	}
	for _, p := range append(o.protected, o.inputs...) {
		if p != "" && Inside(p, abs) {
			return fmt.Errorf("output: refusing to build into %s: it is or contains %s, which a build must never touch; choose another folder, such as public", abs, p)
		}
	}
	for _, p := range o.inputs {
		if p != "" && Inside(abs, p) {
			return fmt.Errorf("output: refusing to build into %s%s: it is inside the site's %s folder; choose another folder, such as public",
				abs, leadsTo(abs), filepath.Base(p))
		}
	}
	return nil
}

// leadsTo names where abs really is when symbolic links lead elsewhere,
// so a refusal that the written path does not explain is understood.
func leadsTo(abs string) string {
	if r := resolve(abs); r != abs {
		return " (which leads to " + r + ")"
	}
	return ""
}

// Inside reports whether path is folder or lies below it. Both are
// compared as written and with symbolic links resolved (as far as they
// exist, so a folder not yet created under a symlinked parent is placed
// where it would be created), and, when folder exists, by identity
// (os.SameFile) against path's ancestors, which also catches
// case-insensitive filesystems and bind mounts where two different
// strings name one folder. When it cannot tell, it says yes: every
// caller uses it to refuse.
func Inside(path, folder string) bool {
	pa, err := filepath.Abs(path)
	if err != nil {
		return true
	}
	fa, err := filepath.Abs(folder)
	if err != nil {
		return true
	}
	for _, f := range []string{fa, resolve(fa)} {
		for _, p := range []string{pa, resolve(pa)} {
			if sitefs.Within(f, p) {
				return true
			}
		}
	}
	fi, err := os.Stat(fa)
	if err != nil {
		return false // a folder that does not exist yet holds nothing
	}
	for a := resolve(pa); ; a = filepath.Dir(a) {
		if ai, err := os.Stat(a); err == nil && os.SameFile(ai, fi) {
			return true
		}
		if filepath.Dir(a) == a {
			return false
		}
	}
}

// Resolve returns path made absolute, with symbolic links resolved as far
// as it exists; the missing rest is appended as written. It names a
// folder the way the kernel will find it once created, so two spellings
// of one destination (through a link or not) resolve alike.
func Resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return resolve(abs), nil
}

// resolve is Resolve for an absolute path p.
func resolve(p string) string {
	return resolveLinks(p, 0)
}

// maxLinks bounds the links followed through dangling ones, as the kernel
// bounds a path's links (ELOOP), so a loop of links ends.
const maxLinks = 40

func resolveLinks(p string, links int) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		// A link to a folder not created yet (static/ of a site without
		// one) still says where a folder made through it would go.
		if target, err := os.Readlink(p); err == nil && links < maxLinks {
			if !filepath.IsAbs(target) {
				target = filepath.Join(resolveLinks(filepath.Dir(p), links+1), target)
			}
			return resolveLinks(filepath.Join(target, rest), links+1)
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
