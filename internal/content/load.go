package content

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/cores"
	"github.com/sahifa/sahifa/internal/sitefs"
)

// IsSource reports whether a file name under content/ is an article source.
// Hidden files, editors' backup and swap files, and Hugo's section files
// (_index.md, which names a section: LoadSections) are not.
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
// and modification time, so the next Load parses only the files that
// changed: in the same process (the dev server's, after a save), or in
// the next build through records kept in the build's store (Record,
// Restore). Safe for use by one Load at a time.
type Parsed struct {
	opts  Options
	pages map[string]parsed
	// dirty are the paths whose record changed in the last Load: a new
	// record to keep, or (when the page is gone or too fresh to trust)
	// none.
	dirty map[string]bool
	// records is set for a Parsed kept as records (NewParsed): it holds
	// no bodies, which a large archive could not keep in memory.
	records bool
}

type parsed struct {
	size  int64
	mtime time.Time
	page  Page
	// stored is set for a page read back from a record: it has no body
	// until asked (Page.Markdown).
	stored bool
}

// NewParsed is an empty memory of pages parsed with opts, to be filled
// with Restore from records made with the same options (Settings tells
// them apart).
func NewParsed(opts Options) *Parsed {
	return &Parsed{opts: opts, pages: map[string]parsed{}, records: true}
}

// Settings identifies the options records depend on: records made under
// other settings must not be restored.
func Settings(opts Options) string {
	return fmt.Sprintf("%d %s %d:%d %s %t %q", codecVersion, opts.location(), opts.DefaultHour, opts.DefaultMinute, opts.Lang, opts.RawHTML, opts.Shortcodes)
}

// Restore adds the pages of records Changes made, with the same options;
// a damaged record or one of another version is left out (the file is
// parsed again). The records are decoded on every core: at 100,000
// articles decoding them is most of what a publish spends loading.
// recs may be a store's memory: nothing here keeps a slice of it.
func (p *Parsed) Restore(recs ...[]byte) {
	restored := make([]parsed, len(recs))
	cores.Each(len(recs), func() func(int) {
		return func(i int) {
			rec := recs[i]
			size, n := binary.Uvarint(rec)
			if n <= 0 {
				return
			}
			mtime, m := binary.Varint(rec[n:])
			if m <= 0 {
				return
			}
			page, err := decodePage(rec[n+m:], p.opts)
			if err != nil {
				return
			}
			restored[i] = parsed{size: int64(size), mtime: time.Unix(0, mtime), page: page, stored: true}
		}
	})
	for _, r := range restored {
		if r.stored {
			p.pages[r.page.Path] = r
		}
	}
}

// Changes reports what the last Load changed among the records: the
// record to keep for each page parsed anew, or nil where the record must
// go.
func (p *Parsed) Changes(f func(path string, rec []byte)) {
	for _, path := range p.Changed() {
		f(path, p.Record(path))
	}
}

// Changed are the paths whose record the last Load changed, in order.
func (p *Parsed) Changed() []string {
	return slices.Sorted(maps.Keys(p.dirty))
}

// Record is the record to keep for the page at path, nil for none.
func (p *Parsed) Record(path string) []byte {
	old, ok := p.pages[path]
	if !ok {
		return nil
	}
	rec := binary.AppendUvarint(nil, uint64(old.size))
	rec = binary.AppendVarint(rec, old.mtime.UnixNano())
	return append(rec, encodePage(&old.page, p.opts)...)
}

// LoadAgain is Load that reuses the pages in prev (nil for none) whose
// files have not changed since, and leaves in prev this Load's pages.
func LoadAgain(fsys fs.FS, dir string, opts Options, prev *Parsed) ([]Page, error) {
	if prev != nil && (prev.opts.location().String() != opts.location().String() ||
		prev.opts.DefaultHour != opts.DefaultHour || prev.opts.DefaultMinute != opts.DefaultMinute ||
		prev.opts.Lang != opts.Lang || prev.opts.RawHTML != opts.RawHTML ||
		!slices.Equal(prev.opts.Shortcodes, opts.Shortcodes)) {
		prev.pages = nil // parsed with other settings (warnings are kept in their language)
	}
	var paths, others []string
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
		} else if !strings.HasSuffix(p, ".md") {
			others = append(others, p) // perhaps a file of a bundle
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)

	pages := make([]Page, len(paths))
	errs := make([]error, len(paths))
	reused := make([]bool, len(paths))
	cores.Each(len(paths), func() func(int) {
		return func(i int) {
			if fi, ok := stats[paths[i]]; ok {
				if old, ok := prev.pages[paths[i]]; ok && old.size == fi.Size() && old.mtime.Equal(fi.ModTime()) {
					pages[i], reused[i] = old.page, true
					if old.stored {
						pages[i].source = fsys // its body is read when needed
					}
					return
				}
			}
			src, err := fs.ReadFile(fsys, paths[i])
			if err != nil {
				errs[i] = err
				return
			}
			pages[i], errs[i] = Parse(paths[i], src, opts)
			if prev != nil && prev.records {
				// Nor are the bodies of pages kept as records held from
				// here to their render: a first build of 100,000 articles
				// held 440 MB of sources through most of its render. The
				// body is read again when rendered, as a restored page's is.
				pages[i].Body, pages[i].source = nil, fsys
			}
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if prev != nil {
		prev.remember(paths, pages, reused, stats, opts)
	}
	// After remember: what the bundles hold is listed again every load.
	attachBundles(pages, others)
	return pages, nil
}

// remember keeps this Load's pages for the next, and which records
// changed.
func (p *Parsed) remember(paths []string, pages []Page, reused []bool, stats map[string]fs.FileInfo, opts Options) {
	old := p.pages
	p.opts, p.pages, p.dirty = opts, make(map[string]parsed, len(pages)), map[string]bool{}
	// A file changed in the last two seconds is not remembered: a second
	// save of the same size could land in the same tick of a coarse file
	// system clock and look unchanged (git's "racy" rule).
	settled := time.Now().Add(-2 * time.Second)
	for i, path := range paths {
		if reused[i] {
			p.pages[path] = old[path]
			delete(old, path)
			continue
		}
		if fi, ok := stats[path]; ok && fi.ModTime().Before(settled) {
			page := pages[i]
			if p.records {
				page.Body = nil
			}
			p.pages[path] = parsed{size: fi.Size(), mtime: fi.ModTime(), page: page, stored: p.records}
			p.dirty[path] = true
		} else if _, ok := old[path]; ok {
			p.dirty[path] = true // its record goes
		}
		delete(old, path)
	}
	for path := range old {
		p.dirty[path] = true // the file is gone
	}
}
