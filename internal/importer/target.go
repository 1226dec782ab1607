package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// markdownPath is where the seed at rel (under seeds/) is imported to.
func markdownPath(outDir, rel string) string {
	return path.Join(outDir, strings.TrimSuffix(rel, path.Ext(rel))+".md")
}

// checkInContent refuses to write mdRel (a slash path under content/)
// when a symbolic link on its way leads out of content/: the config keeps
// [import] dir inside content/ by name, but a content/sub that links
// elsewhere would carry the write outside the site. os.Root resolves the
// links as the write would and refuses any that escape. A content/ that is
// itself a link is the site's choice and is followed.
func checkInContent(root, mdRel string) error {
	dir, ok := strings.CutPrefix(path.Dir(mdRel), "content")
	if !ok || dir != "" && dir[0] != '/' {
		return fmt.Errorf("%s is not inside content/; not writing it", mdRel)
	}
	r, err := os.OpenRoot(filepath.Join(root, "content"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // no folder yet, so no link in it
	}
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = r.Stat(path.Join(".", dir))
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	where := path.Dir(mdRel)
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		where = path.Join("content", pe.Path)
	}
	return fmt.Errorf("not importing to %s: %s leads outside content/ (%v); articles are written only inside content/, so make it a real folder or set [import] dir to another", mdRel, where, err)
}
