package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Stats counts what a committed build did to dest.
type Stats struct {
	Written   int // files created or replaced
	Unchanged int // files produced with the bytes already in dest, left untouched
	Removed   int // stale files from an earlier build, deleted
	// Foreign counts files in dest that this build did not produce and
	// sahifa did not write (or someone changed since), left alone. Only
	// counted with WithManifest; the caller may warn about them. Files
	// under a top-level .git folder are not counted.
	Foreign int
	// Replaced counts the files this build wrote over that were in dest
	// but not written by an earlier sahifa build (not in the manifest): a
	// page someone put there by hand, or another tool's. Only counted
	// with WithManifest; Tx.Replaced names them, and the caller should.
	Replaced int
}

// Commit makes dest hold exactly this build's output: it moves every
// staged file into place (an atomic rename per file, so a reader sees the
// old file or the new one, never half of one), removes stale files and
// the folders they leave empty (never dest itself), records the manifest
// and removes the staging folder. Unchanged files are not touched.
//
// If any step fails, Commit undoes the ones before it (every change is a
// rename inside dest, so each can be reversed) and returns the error with
// dest as before Begin. Only if removing the staging folder at the very
// end fails is the build committed anyway: Commit then returns the Stats
// with that error (the next Begin removes the folder). Commit waits for
// Writes in flight; it may be called once.
func (t *Tx) Commit() (Stats, error) {
	t.gate.Lock()
	defer t.gate.Unlock()
	t.mu.Lock()
	if t.state != open {
		err := t.closedErr()
		t.mu.Unlock()
		return Stats{}, err
	}
	t.state = committing
	t.mu.Unlock()

	j := &journal{root: t.root, staging: t.staging, dirTimes: map[string]time.Time{}, dirs: map[string]bool{}}
	st, err := t.apply(j)
	j.close()
	if err != nil {
		err = errors.Join(fmt.Errorf("output: commit: %w", err), j.undo(), t.restoreManifest(), t.cleanup(true, true))
		t.setState(failed, err)
		return Stats{}, err
	}
	t.setState(committed, nil)
	// The manifest is written: the build is done. A staging folder that
	// will not go away is still worth an error, since it would be deployed;
	// the next Begin removes it.
	_, touched := j.dirTimes["."]
	return st, t.cleanup(!touched, false)
}

// Replaced lists, sorted, the files a successful Commit wrote over that
// sahifa had not written (Stats.Replaced).
func (t *Tx) Replaced() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != committed {
		return nil
	}
	return slices.Clone(t.replaced)
}

func (t *Tx) setState(s txState, err error) {
	t.mu.Lock()
	t.state, t.err = s, err
	t.mu.Unlock()
}

// apply performs the commit steps through j, so they can be undone.
func (t *Tx) apply(j *journal) (Stats, error) {
	var st Stats
	paths := slices.Sorted(maps.Keys(t.entries))
	stale, err := t.findStale()
	if err != nil {
		return st, err
	}
	written := make(map[string]record, len(t.entries))
	staged := 0
	for _, p := range paths {
		written[p] = t.entries[p].rec
		if t.entries[p].staged != "" {
			staged++
		}
	}
	if t.manifest != "" && staged > 0 && t.addsPaths(written) {
		// Before the first rename, record every path this commit might
		// leave in dest, so even after a crash halfway the next build
		// knows which files are its own and can remove them when stale.
		// When the manifest on disk names them all already (an edit),
		// there is nothing to add: at 100,000 articles this is a 32 MB
		// file encoded and synced.
		union := maps.Clone(t.prev)
		maps.Copy(union, written)
		if err := t.saveManifest(union); err != nil {
			return st, err
		}
	}

	// Stale files go first, so a new file may take the place of a stale
	// folder or a new folder the place of a stale file.
	for i, p := range stale {
		if err := j.rename(filepath.FromSlash(p), filepath.Join(t.staging, "trash", strconv.Itoa(i))); err != nil {
			return st, &PathError{Path: p, Err: fmt.Errorf("removing stale file: %w", err)}
		}
		st.Removed++
	}
	for _, p := range paths {
		e := t.entries[p]
		if e.staged == "" {
			st.Unchanged++
			continue
		}
		if err := t.install(j, p, e.staged); err != nil {
			return st, &PathError{Path: p, Err: err}
		}
		st.Written++
		if e.foreign {
			st.Replaced++
			t.replaced = append(t.replaced, p)
		}
	}
	j.removeEmptyDirs(stale)
	if t.manifest != "" {
		st.Foreign = t.countForeign(!t.prevExists)
		if err := t.saveManifest(written); err != nil {
			return st, err
		}
	}
	return st, nil
}

// addsPaths reports whether written holds a path the manifest on disk
// (the last build's) does not name.
func (t *Tx) addsPaths(written map[string]record) bool {
	if !t.prevExists {
		return true
	}
	for p := range written {
		if _, ok := t.prev[p]; !ok {
			return true
		}
	}
	return false
}

// install renames staged file name to p, keeping the old file (as a hard
// link, or moved aside where hard links are unsupported) for undo.
func (t *Tx) install(j *journal, p, name string) error {
	if done, err := j.installAt(p, name); done {
		return err
	}
	rel := filepath.FromSlash(p)
	if err := j.ensureDir(filepath.Dir(rel)); err != nil {
		return err
	}
	fi, err := t.root.Lstat(rel)
	switch {
	case err == nil && fi.IsDir():
		if j.rmdir(rel) != nil {
			return errors.New("a folder that is not empty is in the way")
		}
	case err == nil:
		old := filepath.Join(t.staging, "old", name)
		if j.link(rel, old) != nil {
			// Moving the old file aside leaves the path briefly missing,
			// but keeps the commit undoable.
			if err := j.rename(rel, old); err != nil {
				return err
			}
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return j.rename(filepath.Join(t.staging, "new", name), rel)
}

// findStale lists the files to remove, sorted. With a manifest, these are
// paths the previous build wrote, this one did not, and that still hold
// what we wrote (same size, and same mtime or same hash): a file someone
// edited since is theirs now. Without a manifest, every file under dest
// this build did not produce is stale, except under a top-level .git.
func (t *Tx) findStale() ([]string, error) {
	var stale []string
	if t.manifest != "" {
		for p, r := range t.prev {
			if _, ok := t.entries[p]; !ok && t.stillOurs(filepath.FromSlash(p), r) {
				stale = append(stale, p)
			}
		}
		slices.Sort(stale)
		return stale, nil
	}
	err := t.walkOthers(true, func(p string) { stale = append(stale, p) })
	return stale, err
}

func (t *Tx) stillOurs(rel string, r record) bool {
	fi, err := t.root.Lstat(rel)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != r.Size {
		return false
	}
	if fi.ModTime().UnixNano() == r.MTime {
		return true
	}
	f, err := t.root.Open(rel)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == r.SHA256
}

// walkOthers calls fn with every non-folder entry under dest (files,
// symlinks) that this build did not produce, skipping the staging folders
// and a top-level .git, which holds a deploy repository's history. With
// strict, an unreadable folder is an error; otherwise it is skipped. It
// walks with plain os calls, which are several times faster than os.Root
// ones, because it only reads: every change goes through t.root.
func (t *Tx) walkOthers(strict bool, fn func(p string)) error {
	top := t.resolved // a symlinked dest is walked, not merely listed as a link
	return filepath.WalkDir(top, func(full string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(top, full)
		if rerr != nil {
			return rerr
		}
		p := filepath.ToSlash(rel)
		if err != nil {
			if strict || p == "." {
				return err
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != "." && !strings.Contains(p, "/") && (p == ".git" || strings.HasPrefix(p, stagingPrefix)) {
				return fs.SkipDir
			}
			return nil
		}
		if _, ok := t.entries[p]; !ok {
			fn(p)
		}
		return nil
	})
}

// countForeign counts files in dest that are not this build's. It is only
// for a note, so what cannot be read is skipped, not an error. deep walks
// the whole folder, for the first build into it; later builds look only
// where files of hosts and people go (CNAME, verification files, a
// downloads/ folder): at the top, and into top-level folders that hold
// none of sahifa's files. Walking every folder on every build would cost
// as much as the archive is large (200,000 files at 100,000 articles)
// to learn about files nobody touched.
func (t *Tx) countForeign(deep bool) int {
	n := 0
	if deep {
		t.walkOthers(false, func(string) { n++ })
		return n
	}
	ours := map[string]bool{} // top-level folders with sahifa's files
	for p := range t.entries {
		if top, _, nested := strings.Cut(p, "/"); nested {
			ours[top] = true
		}
	}
	entries, err := os.ReadDir(t.resolved)
	if err != nil {
		return 0
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == ".git" || strings.HasPrefix(name, stagingPrefix):
		case !e.IsDir():
			if _, ok := t.entries[name]; !ok {
				n++
			}
		case !ours[name]:
			filepath.WalkDir(filepath.Join(t.resolved, name), func(_ string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					n++
				}
				return nil
			})
		}
	}
	return n
}

// saveManifest writes files as the manifest, unless the file already
// holds exactly that, so a build that changed nothing writes nothing.
func (t *Tx) saveManifest(files map[string]record) error {
	data, err := appendManifest(make([]byte, 0, len(t.onDisk)+len(t.onDisk)/16+4096), t.resolved, files)
	if err == nil && t.onDisk != nil && bytes.Equal(data, t.onDisk) {
		return nil
	}
	if err == nil {
		err = writeAtomic(t.manifest, data)
	}
	if err != nil {
		return fmt.Errorf("writing manifest: %w", err)
	}
	t.onDisk, t.manifestWritten = data, true
	return nil
}

// restoreManifest puts back the previous manifest after a failed commit.
func (t *Tx) restoreManifest() error {
	if !t.manifestWritten {
		return nil
	}
	var err error
	if t.prevExists {
		err = writeAtomic(t.manifest, t.prevRaw)
	} else if err = os.Remove(t.manifest); errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("output: restoring manifest: %w", err)
	}
	return nil
}

// slashDepth orders folders deepest first.
func slashDepth(p string) int { return strings.Count(p, "/") }

// removeEmptyDirs removes the folders that removing stale left empty,
// deepest first, up to but never including dest. It is best effort: a
// folder that is not empty (a new file or a foreign one lives there) or
// cannot be removed simply stays.
func (j *journal) removeEmptyDirs(stale []string) {
	set := map[string]bool{}
	for _, p := range stale {
		for d := path.Dir(p); d != "." && !set[d]; d = path.Dir(d) {
			set[d] = true
		}
	}
	dirs := slices.Collect(maps.Keys(set))
	slices.SortFunc(dirs, func(a, b string) int {
		if c := slashDepth(b) - slashDepth(a); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	for _, d := range dirs {
		rel := filepath.FromSlash(d)
		if fi, err := j.root.Lstat(rel); err == nil && fi.IsDir() {
			j.rmdir(rel) // fails harmlessly unless empty
		}
	}
}
