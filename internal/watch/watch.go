package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultQuiet is how long the folders must stay quiet before a batch is
// handed out: long enough to join the events of one save or one checkout,
// short enough not to be felt.
const DefaultQuiet = 30 * time.Millisecond

// DefaultMaxWait bounds how long a stream of events that never pauses
// (a long copy) delays a batch.
const DefaultMaxWait = 2 * time.Second

// Options tune a Watcher; the zero value is the defaults.
type Options struct {
	// Quiet is the window without events that ends a batch (DefaultQuiet
	// when zero).
	Quiet time.Duration
	// MaxWait ends a batch this long after its first event even if events
	// keep coming (DefaultMaxWait when zero; negative for no limit).
	MaxWait time.Duration
	// OnError receives problems that do not stop the watching, such as a
	// folder that could not be watched. It is called from the watcher's
	// goroutine; nil drops them.
	OnError func(error)
}

// Watcher watches a site folder: sahifa.toml and the Folders, recursively,
// including folders created after it started.
type Watcher struct {
	root    string // absolute
	fsw     *fsnotify.Watcher
	opts    Options
	batches chan Batch
	dirs    map[string]bool // watched folders (absolute); only the loop touches it after New
	done    chan struct{}
	stopped chan struct{}
	once    sync.Once
}

// New starts watching the site at root. Batches arrive on Batches until
// Close.
func New(root string, opts Options) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxWait == 0 {
		opts.MaxWait = DefaultMaxWait
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		root: abs, fsw: fsw, opts: opts,
		batches: make(chan Batch),
		dirs:    map[string]bool{},
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	// The root itself, not recursively: it tells about sahifa.toml (which
	// editors replace by renaming, so a watch on the file would be lost)
	// and about input folders created later.
	if err := w.watchDir(abs); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, dir := range Folders {
		p := filepath.Join(abs, dir)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			w.watchTree(p, nil)
		}
	}
	go w.loop()
	return w, nil
}

// Batches delivers one Batch per quiet window. While the receiver is busy
// (rebuilding), new events gather into the next batch. The channel is
// closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Close stops watching and closes Batches.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.fsw.Close()
		<-w.stopped
	})
	return err
}

func (w *Watcher) loop() {
	defer close(w.stopped)
	defer close(w.batches)
	b := newBatcher(w.opts.Quiet, w.opts.MaxWait)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var ready *Batch
	for {
		var out chan<- Batch
		var fire <-chan time.Time
		if ready != nil {
			out = w.batches
		} else if at, ok := b.due(); ok {
			timer.Reset(time.Until(at))
			fire = timer.C
		}
		var next Batch
		if ready != nil {
			next = *ready
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev, b)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				b.lost(time.Now())
			} else {
				w.report(err)
			}
		case <-fire:
			batch := b.take(w.stat)
			ready = &batch
		case out <- next:
			ready = nil
		}
	}
}

func (w *Watcher) handle(ev fsnotify.Event, b *batcher) {
	if ev.Op == fsnotify.Chmod {
		return // attributes only: the bytes did not change
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return
	}
	rel = filepath.ToSlash(rel)
	k := Classify(rel)
	if k == Ignore {
		return
	}
	now := time.Now()
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A folder renamed away keeps its sub-folders' watches under
		// their old names; drop them, the new name is watched anew.
		w.unwatch(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			// Files may have appeared in the new folder before it was
			// watched (mkdir -p a/b && cp, a checkout, a folder moved in).
			w.watchTree(ev.Name, func(p string) {
				if r, err := filepath.Rel(w.root, p); err == nil {
					r = filepath.ToSlash(r)
					if k := Classify(r); k != Ignore {
						b.add(r, k, now)
					}
				}
			})
		}
	}
	b.add(rel, k, now)
}

// watchTree watches dir and every folder under it that is an input,
// calling onFile (when not nil) for each file found.
func (w *Watcher) watchTree(dir string, onFile func(string)) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone meanwhile, or unreadable: not an input
		}
		if rel, err := filepath.Rel(w.root, p); err == nil && Classify(filepath.ToSlash(rel)) == Ignore {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.watchDir(p); err != nil {
				w.report(err)
			}
			return nil
		}
		if onFile != nil {
			onFile(p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.report(err)
	}
}

func (w *Watcher) watchDir(dir string) error {
	if err := w.fsw.Add(dir); err != nil {
		return &fs.PathError{Op: "watch", Path: dir, Err: err}
	}
	w.dirs[dir] = true
	return nil
}

// unwatch drops the watches of p and the folders under it.
func (w *Watcher) unwatch(p string) {
	prefix := p + string(filepath.Separator)
	for d := range w.dirs {
		if d == p || strings.HasPrefix(d, prefix) {
			_ = w.fsw.Remove(d) // often already gone with the folder
			delete(w.dirs, d)
		}
	}
}

func (w *Watcher) stat(rel string) (exists, dir bool) {
	fi, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(rel)))
	return err == nil, err == nil && fi.IsDir()
}

func (w *Watcher) report(err error) {
	if w.opts.OnError != nil {
		w.opts.OnError(err)
	}
}
