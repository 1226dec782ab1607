package content

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/cores"
	"github.com/sahifa/sahifa/internal/sitefs"
)

// IsSource reports whether a file name under content/ is an article source.
// Hidden files, editors' backup and swap files, and Hugo's section files
// (_index.md, which sahifa has no use for yet) are not.
func IsSource(name string) bool {
	base := path.Base(name)
	if !strings.HasSuffix(base, ".md") || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || strings.HasPrefix(base, "#") {
		return false
	}
	return true
}

// SkipsDir reports whether Load leaves out a folder, by its name: hidden
// folders (.git, editors' and tools' state) hold no articles.
func SkipsDir(name string) bool {
	return strings.HasPrefix(name, ".")
}

// Reads reports whether Load, walking dir, reads the file at slash path p
// below dir: no folder on the way is skipped and IsSource takes its name.
// Whatever writes articles for the build (the importer) asks this, so it
// never writes a file the build would pass over in silence.
func Reads(p string) bool {
	dirs := strings.Split(path.Dir(p), "/")
	for _, d := range dirs {
		if d != "." && SkipsDir(d) {
			return false
		}
	}
	return IsSource(p)
}

// Load reads every article under dir of fsys (e.g. os.DirFS(siteRoot) with
// dir "content"), parsing files in parallel. Pages come back sorted by path
// so the result does not depend on scheduling. Every broken file is
// reported, each with its position, not only the first.
func Load(fsys fs.FS, dir string, opts Options) ([]Page, error) {
	return LoadAgain(fsys, dir, opts, nil)
}

// Parsed remembers the pages a Load parsed, each with its source's size
// and modification time, so the next Load in the same process (the dev
// server's, after a save) parses only the files that changed. Safe for
// use by one Load at a time.
type Parsed struct {
	opts  Options
	pages map[string]parsed
}

type parsed struct {
	size  int64
	mtime time.Time
	page  Page
}

// LoadAgain is Load that reuses the pages in prev (nil for none) whose
// files have not changed since, and leaves in prev this Load's pages.
func LoadAgain(fsys fs.FS, dir string, opts Options, prev *Parsed) ([]Page, error) {
	if prev != nil && (prev.opts.location().String() != opts.location().String() ||
		prev.opts.DefaultHour != opts.DefaultHour || prev.opts.DefaultMinute != opts.DefaultMinute) {
		prev.pages = nil // parsed with other settings
	}
	var paths []string
	stats := map[string]fs.FileInfo{}
	// Hidden files and folders are editor and OS litter (an Emacs lock
	// file is even a dangling link): left out before any rule applies.
	hidden := func(p string, d fs.DirEntry) bool { return SkipsDir(d.Name()) }
	err := sitefs.Walk(fsys, dir, hidden, func(p string, d fs.DirEntry) error {
		// Not only regular files: a pipe or a device named .md is read,
		// and refused by name, rather than silently left out.
		if IsSource(p) {
			paths = append(paths, p)
			if prev != nil {
				if fi, err := d.Info(); err == nil {
					stats[p] = fi
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)

	pages := make([]Page, len(paths))
	errs := make([]error, len(paths))
	cores.Each(len(paths), func() func(int) {
		return func(i int) {
			if fi, ok := stats[paths[i]]; ok {
				if old, ok := prev.pages[paths[i]]; ok && old.size == fi.Size() && old.mtime.Equal(fi.ModTime()) {
					pages[i] = old.page
					return
				}
			}
			src, err := fs.ReadFile(fsys, paths[i])
			if err != nil {
				errs[i] = err
				return
			}
			pages[i], errs[i] = Parse(paths[i], src, opts)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if prev != nil {
		prev.opts, prev.pages = opts, make(map[string]parsed, len(pages))
		// A file changed in the last two seconds is not remembered: a
		// second save of the same size could land in the same tick of a
		// coarse file system clock and look unchanged (git's "racy" rule).
		settled := time.Now().Add(-2 * time.Second)
		for i, p := range paths {
			if fi, ok := stats[p]; ok && fi.ModTime().Before(settled) {
				prev.pages[p] = parsed{size: fi.Size(), mtime: fi.ModTime(), page: pages[i]}
			}
		}
	}
	return pages, nil
}
