package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CreateNew writes a new file (an article made by `sahifa new`, a Markdown
// file made by an import) and refuses to replace one that exists: the
// user's text is never overwritten by accident. Parent folders are created.
// The file appears whole or not at all (written beside it, then linked in).
func CreateNew(path string, data []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; not overwriting it", path)
	}
	tmp, err := writeBeside(path, data)
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
	tmp, err := writeBeside(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Rename(tmp, path)
}

// writeBeside writes data to a new temporary file in path's folder
// (created if missing) and returns its name.
func writeBeside(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, ".sahifa-new-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
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
