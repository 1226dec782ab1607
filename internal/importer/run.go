package importer

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/seed"
	"github.com/sahifa/sahifa/internal/sitefs"
	"github.com/sahifa/sahifa/internal/tagger"
)

// SeedsDir is where a site keeps its seed texts.
const SeedsDir = "seeds"

// TagsFile is a site's own gazetteer, merged over the default one.
const TagsFile = "data/tags.toml"

// Options of one import run.
type Options struct {
	Root   string        // site root
	Config config.Config // the site's config (import dir, zone, default time)
	// Files limits the run to these seeds (paths as given on the command
	// line); empty means every seeds/**/*.txt.
	Files []string
	Force bool // overwrite Markdown an editor changed
	// DryRun decides everything and writes nothing.
	DryRun bool
	// DefaultTags is the embedded default gazetteer (data/tags.toml).
	DefaultTags []byte
	// CacheDir holds the import's state (StateFile), so that seeds that
	// did not change are not read again; "" keeps none.
	CacheDir string
}

// Result says what happened to each seed.
type Result struct {
	// Done lists every seed that was imported or checked, with its action.
	Done     []Done
	Warnings []diag.Warning
}

// Done is one seed's outcome.
type Done struct {
	Seed, Markdown string // site-relative slash paths
	Action         Action
	// Image is where the seed's picture is copied ("content/NAME.jpg"),
	// "" when the seed has none.
	Image string
}

// Count returns how many seeds had action a.
func (r Result) Count(a Action) int {
	n := 0
	for _, d := range r.Done {
		if d.Action == a {
			n++
		}
	}
	return n
}

// parsed is a seed read and parsed, on its way to Markdown.
type parsed struct {
	rel     string // path under seeds/, slash, e.g. "2021/x.txt"
	hash    string
	article seed.Article
	modTime time.Time
	image   *seedImage // nil when the seed has no picture beside it
}

// Run imports seeds into Markdown. Bad seeds are reported (all of them,
// each as "seeds/NAME.txt:LINE: reason"), write nothing, and do not stop
// the others; the returned error joins them.
func Run(opts Options) (Result, error) {
	var res Result
	// Files changed after this are racy for the state it saves.
	start := time.Now()
	site, err := sitefs.New(opts.Root, opts.Config.Limits)
	if err != nil {
		return res, err
	}
	r := &importRun{site: site, opts: opts, cfg: opts.Config, outDir: opts.Config.Import.Dir}
	if r.outDir == "" {
		r.outDir = "content"
	}
	gaz, err := gazetteer(site, opts)
	if err != nil {
		return res, err
	}
	files, pics, skipped, err := seedFiles(site, opts, r.outDir)
	if err != nil {
		return res, err
	}
	res.Warnings = append(res.Warnings, skipped...)
	r.dirErrs = targetDirs(opts, files, r.outDir)
	stateFile := ""
	if opts.CacheDir != "" {
		stateFile = filepath.Join(opts.CacheDir, StateFile)
	}
	last := loadState(stateFile, setup(r.cfg))

	// Each seed's outcome, by its index in files; what follows takes them
	// in order, so messages and results come out the same every time.
	outcomes := make([]outcome, len(files))

	// A seed whose state entry says, and whose files confirm, that nothing
	// changed is not read: on most builds, that is every seed.
	replayed := make([]bool, len(files))
	if !opts.Force {
		parallel(len(files), func(i int) {
			replayed[i] = r.replay(last, files[i], pics, start, &outcomes[i])
		})
	}
	pending := func(i int) bool { return selected(opts, files[i].rel) && !replayed[i] }

	// The other selected seeds are read and parsed, on every core.
	read := make([]parsed, len(files))
	readErrs := make([]error, len(files))
	readSome := func(which func(i int) bool) {
		var idx []int
		for i := range files {
			if which(i) {
				idx = append(idx, i)
			}
		}
		parallel(len(idx), func(j int) {
			i := idx[j]
			read[i], readErrs[i] = readSeed(site, files[i], pics)
		})
	}
	readSome(pending)

	// Tags draw on statistics over every seed of the site, not only the
	// ones being imported now, so importing one file gives it the same
	// tags as importing all of them. The other seeds are read, and the
	// statistics built, only when a seed needs tagging. A seed that cannot
	// be read counts for nothing; its problems are reported when it is
	// imported itself, not when another seed is.
	inCorpus := make([]int, len(files))
	tagging := sync.OnceValue(func() *tagger.Tagger {
		readSome(func(i int) bool { return !pending(i) })
		var corpus []tagger.Doc
		var tagged []bool // corpus documents that may need tags: the pending seeds
		for i := range files {
			if readErrs[i] == nil {
				inCorpus[i] = len(corpus)
				corpus = append(corpus, doc(read[i].article))
				tagged = append(tagged, pending(i))
			}
		}
		return tagger.NewFor(gaz, corpus, func(j int) bool { return tagged[j] })
	})

	if !opts.DryRun {
		// An import killed midway left temporaries beside the files it
		// was writing; the run that imports the same seeds clears them,
		// in the folders it may write to.
		for dir, err := range r.dirErrs {
			if err == nil {
				output.RemoveStaleTemps(filepath.Join(opts.Root, filepath.FromSlash(dir)))
			}
		}
	}
	// Each seed is imported on its own (every one writes its own files),
	// on every core.
	parallel(len(files), func(i int) {
		if !pending(i) {
			return
		}
		o := &outcomes[i]
		if o.readErr = readErrs[i]; o.readErr != nil {
			return
		}
		p := read[i]
		o.parse = p.article.Warnings
		tags := func(max int) []string { return tagging().TagsOf(inCorpus[i], max) }
		done, source, err := r.importSeed(p, tags, &o.warnings)
		if err != nil {
			o.err = err
			return
		}
		o.done = &done
		if !opts.DryRun {
			o.entry = entryOf(opts.Root, files[i], p, done, source, start)
		}
	})

	errs := gather(&res, outcomes, func(i int) bool { return selected(opts, files[i].rel) })
	if stateFile != "" && !opts.DryRun {
		next := last.next(files, outcomes, func(i int) bool { return selected(opts, files[i].rel) })
		if !reflect.DeepEqual(next, last) {
			if err := next.save(stateFile); err != nil {
				res.Warnings = append(res.Warnings, diag.Warning{Path: stateFile, Msg: "saving the import state (the next import reads every seed): " + err.Error()})
			}
		}
	}
	return res, errs
}

// outcome is what importing one seed gave.
type outcome struct {
	parse    []diag.Warning // the seed's own warnings
	readErr  error          // why it could not be read or parsed
	done     *Done          // nil when it was not imported
	warnings []diag.Warning // the import's warnings
	err      error          // why it could not be imported
	entry    *seedEntry     // what the next import may replay; nil: nothing
}

// gather adds the outcomes of the selected seeds to res, in order: every
// seed's own warnings before the import's, and seeds that could not be
// read before those that could not be imported. It returns their errors.
func gather(res *Result, outcomes []outcome, selected func(i int) bool) error {
	var readErrs, errs []error
	for i, o := range outcomes {
		if !selected(i) {
			continue
		}
		res.Warnings = append(res.Warnings, o.parse...)
		if o.readErr != nil {
			readErrs = append(readErrs, o.readErr)
		}
	}
	for i, o := range outcomes {
		if !selected(i) {
			continue
		}
		res.Warnings = append(res.Warnings, o.warnings...)
		if o.err != nil {
			errs = append(errs, o.err)
		} else if o.done != nil {
			res.Done = append(res.Done, *o.done)
		}
	}
	return errors.Join(append(readErrs, errs...)...)
}

// replay sets o to what importing f would do when the last import's state
// says, and the files confirm, that nothing changed, and reports whether
// it did.
func (r *importRun) replay(last importState, f seedFile, pics pictures, start time.Time, o *outcome) bool {
	mdRel := markdownPath(r.outDir, f.rel)
	if !selected(r.opts, f.rel) || r.dirErrs[path.Dir(mdRel)] != nil {
		return false
	}
	img, err := pics.findImage(f.rel)
	if err != nil {
		return false
	}
	e, ok := last.replay(r.opts.Root, f, img, mdRel, start)
	if !ok {
		return false
	}
	d, warnings := e.done(f, r.cfg)
	*o = outcome{parse: e.Warnings, done: &d, warnings: warnings, entry: &e}
	return true
}

// targetDirs checks, once per folder, that the folders the selected seeds
// are imported to are inside content/ (checkInContent), by folder.
func targetDirs(opts Options, files []seedFile, outDir string) map[string]error {
	dirs := map[string]error{}
	for _, f := range files {
		mdRel := markdownPath(outDir, f.rel)
		if dir := path.Dir(mdRel); selected(opts, f.rel) {
			if _, ok := dirs[dir]; !ok {
				dirs[dir] = checkInContent(opts.Root, mdRel)
			}
		}
	}
	return dirs
}

// parallel calls fn(i) for i in [0, n) on every core.
func parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

func gazetteer(site *sitefs.FS, opts Options) (*tagger.Gazetteer, error) {
	g, err := tagger.ParseGazetteer("(default) "+TagsFile, opts.DefaultTags)
	if err != nil {
		return nil, err
	}
	own, err := site.ReadFile(TagsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	if err != nil {
		return nil, err
	}
	siteTags, err := tagger.ParseGazetteer(TagsFile, own)
	if err != nil {
		return nil, err
	}
	return g.Merge(siteTags), nil
}

func doc(a seed.Article) tagger.Doc {
	d := tagger.Doc{Title: a.Title, Lede: a.Lede}
	for _, b := range a.Body {
		d.Body = append(d.Body, b.Text)
	}
	return d
}

func location(cfg config.Config) *time.Location {
	if cfg.Location == nil {
		return time.UTC
	}
	return cfg.Location
}
