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

// CreateNew writes a new file (an article made by `sahifa new`, a Markdown
// file made by an import) and refuses to replace one that exists: the
// user's text is never overwritten by accident. Parent folders are created.
// The file appears whole or not at all (written beside it, then linked in).
func CreateNew(path string, data []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; not overwriting it", path)
	}
	tmp, err := writeBeside(path, data, false)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// A hard link fails if path exists, unlike a rename, which would
	// replace a file created since the check above.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; not overwriting it", path)
		}
		return err
	}
	return nil
}

// Replace writes path atomically (a temporary file beside it, then a
// rename), for files sahifa has decided it may overwrite, such as the
// Markdown of a re-imported seed. Readers see the old or the new file,
// never half of one.
func Replace(path string, data []byte) error {
	return replace(path, data, false)
}

// replace is Replace; with durable, the data reaches the disk before the
// rename, so a crash leaves the old file or the new one, never a torn one.
func replace(path string, data []byte, durable bool) error {
	tmp, err := writeBeside(path, data, durable)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Rename(tmp, path)
}

// tempPrefix starts the name of every temporary file written beside its
// target. Readers skip it as a hidden file (the content loader, the
// watcher, the nothing-changed check), and RemoveStaleTemps removes the
// ones a killed write left.
const tempPrefix = ".sahifa-new-"

// staleTempAge is how long a temporary file may sit untouched before it
// counts as the leftover of a killed write: a live one lives for the
// milliseconds one write takes.
const staleTempAge = time.Minute

// IsTemp reports whether a file name is one of the temporary files sahifa
// writes beside their targets.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, tempPrefix)
}

// RemoveStaleTemps removes, from folder dir (not below it), the temporary
// files that writes killed midway left behind: those untouched for a
// minute; a younger one may belong to a write in flight, in this process
// or another. It is best effort, since a leftover harms nothing but the
// eye, and returns the names it removed. A missing folder has none.
func RemoveStaleTemps(dir string) []string {
	list, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	old := time.Now().Add(-staleTempAge)
	for _, d := range list {
		if !IsTemp(d.Name()) || !d.Type().IsRegular() {
			continue
		}
		if fi, err := d.Info(); err == nil && fi.ModTime().Before(old) && os.Remove(filepath.Join(dir, d.Name())) == nil {
			removed = append(removed, d.Name())
		}
	}
	return removed
}

// writeBeside writes data to a new temporary file in path's folder
// (created if missing) and returns its name. With durable, the data is
// synced to the disk.
func writeBeside(path string, data []byte, durable bool) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil && durable {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
