// Package build runs sahifa's pipeline in its named stages, in order:
// config → load → assemble → render → write. It reads the site folder and
// hands every output file to package output, which alone writes to disk.
package build

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
	"github.com/sahifa/sahifa/internal/images"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/minifier"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/render"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/sitefs"
)

// ConfigFile is the name of the site config at the site root.
const ConfigFile = "sahifa.toml"

// CacheDir holds what sahifa keeps between builds (the output manifest);
// it belongs in .gitignore.
const CacheDir = ".sahifa-cache"

// Options are what the command line decides about a build.
type Options struct {
	Source      string // site root
	Destination string // "" means <Source>/public
	BaseURL     string // overrides the config when set
	Drafts      bool
	Future      bool
	Expired     bool
	Minify      *bool     // nil: as the config says
	Now         time.Time // build time; zero means the clock
	CacheDir    string    // "" means <Source>/.sahifa-cache
	// NoImport skips importing seeds first, whatever import.onBuild says.
	NoImport bool
	// Memory, when set, receives the output instead of Destination (the
	// dev server keeps the site in memory). It must be empty: one per build.
	Memory *output.Memory
	// AlsoDisk, with Memory, writes the same build to Destination too
	// (serve --renderToDisk), rendering once.
	AlsoDisk bool
	// Memos, when set, are the render memos of the build before in this
	// process (the dev server's), used instead of those in the cache
	// folder, which is then neither read nor written.
	Memos *render.Memos
	// Parsed, when set, keeps the articles parsed by the build before in
	// this process (the dev server's): only files changed since are
	// parsed again.
	Parsed *content.Parsed
	// Precompress writes a .gz and a .br twin beside each text output
	// (precompress.go).
	Precompress bool
	// Progress, when set, is told as each stage begins and ends, and every
	// tenth of a second in between (progress.go), from one goroutine at
	// a time; it must return quickly.
	Progress func(Progress)
	// Lang is the language of the articles' errors and warnings (--lang);
	// nil: as MessageLang decides from sahifa.toml.
	Lang *i18n.Lang
}

// Result summarises a successful build.
type Result struct {
	Articles int
	Pages    int // HTML pages of the site, rendered or kept
	// Rendered counts the HTML pages rendered; the others were kept from
	// the last build, made from the same inputs.
	Rendered    int
	Held        site.Held // drafts, future and expired articles left out
	Files       output.Stats
	Imported    importer.Result
	Destination string
	Warnings    []diag.Warning
	Duration    time.Duration
	// Images counts featured images resized, and those taken from the
	// cache (.sahifa-cache/images/) because they had not changed.
	Images images.Stats
	// Memos are the render memos this build used: the dev server passes
	// their Next to its next build (Options.Memos).
	Memos render.Memos
	// Stages is how long each stage took, in order (--verbose prints it).
	Stages []StageTime
}

// StageTime is how long a stage of a build took.
type StageTime struct {
	Stage    string
	Duration time.Duration
}

// Site is a site folder read into the inputs of a build.
type Site struct {
	Root     string
	Config   config.Config
	Warnings []diag.Warning
}

// LoadConfig reads sahifa.toml from root; a site without one is read from
// Hugo's settings files (config.LoadHugo), else gets the defaults.
func LoadConfig(root string) (Site, error) {
	s := Site{Root: root, Config: config.Default()}
	// Read by the input rules too: a link out of the site or a pipe is
	// refused here as anywhere else.
	siteFS, err := sitefs.New(root, s.Config.Limits)
	if err != nil {
		return s, err
	}
	data, err := siteFS.ReadFile(ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		// A site moved from Hugo keeps its hugo.toml (config.toml,
		// config/_default/) until someone writes a sahifa.toml.
		s.Config, s.Warnings, _, err = config.LoadHugo(siteFS)
		return s, err
	}
	if err != nil {
		return s, err
	}
	s.Config, s.Warnings, err = config.Parse(ConfigFile, data)
	return s, err
}

// Run builds the site at opts.Source into its destination. On any error the
// destination is left exactly as it was.
func Run(opts Options) (Result, error) { return run(opts, nil) }

// run is Run; a good build also leaves in kept, when set, what a later
// rebuild of part of the site needs (live.go).
func run(opts Options, kept *liveState) (Result, error) {
	start := time.Now()
	now := opts.Now
	if now.IsZero() {
		now = start
	}
	root, dest, cacheDir := locate(opts)
	// Nothing is written into a folder that is not a site (CheckSite).
	if err := CheckSite(root); err != nil {
		return Result{Destination: dest}, err
	}

	// config: every later stage depends on it, and a bad value must stop
	// the build before anything is read or written.
	res := Result{Destination: dest}
	clock := stageClock{res: &res, last: start, report: opts.Progress}
	defer clock.end()
	clock.begin("config+import", nil, 0)
	st, err := LoadConfig(root)
	res.Warnings = st.Warnings
	if err != nil {
		return res, diag.Stage("config", err)
	}
	cfg := st.Config
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return res, fmt.Errorf("config: --baseURL: %w", err)
		}
	}
	if opts.Minify != nil {
		cfg.Minify = *opts.Minify
	}
	key, err := output.DestKey(dest)
	if err != nil {
		return res, diag.Stage("write", err)
	}
	// A dangerous destination stops the build before anything, even the
	// import, touches the site.
	if opts.Memory == nil || opts.AlsoDisk {
		if err := output.CheckDest(dest, destRules(root, cacheDir)...); err != nil {
			return res, diag.Stage("write", err)
		}
		// One build at a time into a folder: two would remove each
		// other's staging folders and fail halfway through renaming. The
		// lock is held from the import to the commit, and the kernel
		// drops it if the build is killed.
		lock, err := output.LockDest(filepath.Join(cacheDir, "lock-"+key), dest)
		if err != nil {
			return res, diag.Stage("write", err)
		}
		defer lock.Unlock()
		// A build killed while writing in the cache left its temporaries.
		output.RemoveStaleTemps(cacheDir)
		output.RemoveStaleTemps(filepath.Join(cacheDir, "images"))
	}

	// import: seeds become Markdown first, so a text dropped into seeds/
	// is on the site after one build. A bad seed fails the build (after
	// the good ones were imported), as any other bad input does.
	if cfg.Import.OnBuild && !opts.NoImport {
		var err error
		res.Imported, err = importSeeds(root, cacheDir, cfg)
		res.Warnings = append(res.Warnings, res.Imported.Warnings...)
		if err != nil {
			return res, diag.Stage("import", err)
		}
	}

	clock.lap("config+import")

	// Nothing changed since the last build into dest: its output stands.
	manifest := output.ManifestPath(cacheDir, key)
	// sahifa before the binary manifest named it .json; its contents are
	// still read (output reads both forms).
	if old := strings.TrimSuffix(manifest, ".bin") + ".json"; opts.Memory == nil || opts.AlsoDisk {
		if _, err := os.Stat(manifest); errors.Is(err, fs.ErrNotExist) {
			os.Rename(old, manifest)
		}
	}
	// One view of the site folder for the whole build: the check below
	// and the load walk the same folders, and the second walk reads the
	// listings the first made.
	siteFS, err := sitefs.New(root, cfg.Limits)
	if err != nil {
		return res, diag.Stage("load", err)
	}
	var inputs string
	if opts.Memory == nil {
		opts.Destination = dest
		var r Result
		var same bool
		if r, inputs, same = unchangedBuild(siteFS, dest, manifest, cacheDir, opts, now); same {
			r.Imported, r.Warnings, r.Duration = res.Imported, res.Warnings, time.Since(start)
			return r, nil
		}
	}

	// load: every article parsed (in parallel); all broken files reported.
	clock.begin("load", nil, 0)
	// What the last build kept (parsed articles, render memos) is read
	// from the session's store, unless the dev server keeps its own.
	sess := &session{}
	if opts.Parsed == nil || opts.Memos == nil {
		var ws []diag.Warning
		sess, ws = openSession(cacheDir)
		defer sess.close()
		res.Warnings = append(res.Warnings, ws...)
	}
	loadOpts := content.Options{
		Location:    cfg.Location,
		DefaultHour: cfg.DefaultHour(), DefaultMinute: cfg.DefaultMinute(),
		Lang:    MessageLang(opts.Lang, cfg),
		RawHTML: cfg.Markup.Unsafe,
		// The site's own shortcodes, so that only the others are
		// warned about as unknown.
		Shortcodes: render.ShortcodeNames(subdir(siteFS, "layouts")),
	}
	parsed := opts.Parsed
	if parsed == nil {
		parsed = sess.parsed(loadOpts)
	}
	pages, err := content.LoadAgain(siteFS, "content", loadOpts, parsed)
	if err != nil {
		return res, diag.Stage("load", err)
	}
	for _, p := range pages {
		res.Warnings = append(res.Warnings, p.Warnings...)
	}
	loaded := len(pages)
	sections, ws, err := content.LoadSections(siteFS, "content")
	res.Warnings = append(res.Warnings, ws...)
	if err != nil {
		return res, diag.Stage("load", err)
	}
	clock.lap("load")

	// assemble: publication rules, order, URLs and pagination.
	clock.begin("assemble", nil, 0)
	static, err := staticFiles(siteFS)
	if err != nil {
		return res, diag.Stage("load", err)
	}
	s, err := site.Assemble(cfg, pages, site.Options{Now: now, BuildDrafts: opts.Drafts, BuildFuture: opts.Future, BuildExpired: opts.Expired, Files: static, Sections: sections, Lang: loadOpts.Lang})
	if err != nil {
		return res, diag.Stage("assemble", err)
	}
	res.Warnings = append(res.Warnings, s.Warnings...)
	clock.lap("assemble")
	res.Articles, res.Held = len(s.Articles), s.Held
	until := stableUntil(pages, now)

	// render + write: files stream into a transaction that stages changed
	// files beside the destination and only replaces anything on commit;
	// or, for the dev server, into memory.
	var tx *output.Tx
	toDisk := opts.Memory == nil || opts.AlsoDisk
	if toDisk {
		if tx, err = begin(root, dest, cacheDir, manifest); err != nil {
			return res, diag.Stage("write", err)
		}
	}
	write := func(f output.File) error {
		if opts.Memory != nil {
			if err := opts.Memory.Write(f); err != nil {
				return err
			}
		}
		if tx != nil {
			return tx.Write(f)
		}
		return nil
	}
	if opts.Precompress {
		write = precompressing(write)
	}
	var pagesOut atomic.Int64
	emit := func(f output.File) error {
		if f.MediaType == "text/html" {
			pagesOut.Add(1)
		}
		return write(f)
	}
	// reuse: pages the last build made from the same inputs stay as they
	// are, neither rendered nor written (docs/performance.md). The dev
	// server keeps them from its last build in memory; a build writing to
	// memory and disk at once renders everything, since the two may hold
	// different builds.
	var reuse render.Reuse
	switch {
	case opts.Memory != nil && !opts.AlsoDisk:
		reuse = opts.Memory
	case opts.Memory == nil && tx != nil:
		reuse = tx
	}
	var keptPages atomic.Int64
	if reuse != nil {
		reuse = countingReuse{reuse, &keptPages}
	}
	memos := opts.Memos
	if memos == nil {
		m := sess.memos(kept != nil)
		memos = &m
	}
	imgs := images.New(images.Options{
		Widths: cfg.Images.Widths, Quality: cfg.Images.Quality,
		MaxBytes: cfg.Limits.ImageFile,
		CacheDir: filepath.Join(cacheDir, "images"),
	})
	// A misnamed override in layouts/ would be ignored in silence.
	if w, err := render.UnusedLayouts(subdir(siteFS, "layouts"), subdir(sahifa.Theme, "layouts")); err == nil {
		res.Warnings = append(res.Warnings, w...)
	} // else the render stage reports the refused file
	clock.begin("render", func() int { return int(pagesOut.Load() + keptPages.Load()) }, pagesOf(s))
	rendered, err := render.RenderKept(s, render.Options{
		Layouts:  render.Layers{subdir(siteFS, "layouts"), subdir(sahifa.Theme, "layouts")},
		Assets:   render.Layers{subdir(siteFS, "assets"), subdir(sahifa.Theme, "assets")},
		Static:   subdir(siteFS, "static"),
		Minifier: minifier.New(cfg.Minify),
		Now:      now,
		Source:   siteFS,
		Images:   imgs,
		Reuse:    reuse,
		Memos:    *memos,
		Version:  fmt.Sprintf("%s precompress=%t", programID(), opts.Precompress),
		// The dev server's parsed articles keep their bodies for its next
		// build; the session's records hold none.
		ReleaseBodies: opts.Parsed == nil,
		// Only in memory: a dev server writing to disk too publishes
		// files a host may cache.
		StableAssets: opts.Memory != nil && !opts.AlsoDisk,
	}, emit)
	res.Images = imgs.Stats()
	clock.lap("render")
	if err != nil {
		if tx != nil {
			err = errors.Join(err, tx.Rollback())
		}
		return res, diag.Stage("render", err)
	}
	// Past here, the site model and what the render made are no longer
	// read, unless kept for the dev server: a build lets them go before
	// its commit and the save, which at 100,000 articles would otherwise
	// hold them (a gigabyte) beside the records it writes.
	if kept != nil {
		*kept = liveState{site: s, rendered: rendered, loadOpts: loadOpts, now: now, until: until}
	}
	s, rendered = nil, nil
	clock.begin("write", nil, 0)
	if tx != nil {
		if res.Files, err = tx.Commit(); err != nil {
			return res, diag.Stage("write", err)
		}
		if res.Files.Replaced > 0 {
			res.Warnings = append(res.Warnings, replacedWarning(dest, tx.Replaced()))
		}
	} else {
		res.Files.Written = opts.Memory.Len()
	}
	// Only a finished build's records are kept: they are a cache, so
	// failing to save them costs the next build time, not correctness.
	// What the dev server keeps itself is not saved.
	var keepParsed *content.Parsed
	var keepMemos render.Memos
	if opts.Parsed == nil {
		keepParsed = parsed
	}
	if opts.Memos == nil {
		keepMemos = *memos
	}
	if err := sess.save(keepParsed, loadOpts, keepMemos, loaded); err != nil {
		res.Warnings = append(res.Warnings, diag.Warning{Path: CacheDir, Msg: "saving the build cache: " + err.Error()})
	}
	clock.lap("write")
	res.Memos = *memos
	res.Rendered = int(pagesOut.Load())
	res.Pages = res.Rendered + int(keptPages.Load())
	if tx != nil && inputs != "" && !opts.AlsoDisk {
		st := state{Inputs: inputs, Now: now, Until: until, Articles: res.Articles, Pages: res.Pages, Held: res.Held, Foreign: res.Files.Foreign}
		if err := saveState(statePath(cacheDir, manifest), manifest, st); err != nil {
			res.Warnings = append(res.Warnings, diag.Warning{Path: CacheDir, Msg: "saving the build state: " + err.Error()})
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// importSeeds imports the site's seeds/ into content/ as a build does
// before anything else.
func importSeeds(root, cacheDir string, cfg config.Config) (importer.Result, error) {
	return importer.Run(importer.Options{Root: root, Config: cfg, DefaultTags: sahifa.DefaultTags, CacheDir: cacheDir})
}

// locate returns the site root, the destination and the cache folder
// opts name, with their defaults.
func locate(opts Options) (root, dest, cacheDir string) {
	root = cmp.Or(opts.Source, ".")
	dest = cmp.Or(opts.Destination, filepath.Join(root, "public"))
	return root, dest, cmp.Or(opts.CacheDir, filepath.Join(root, CacheDir))
}

// CheckDestination reports why the build opts describe may not write to
// its destination, as Run does before anything: serve --renderToDisk
// asks once before serving.
func CheckDestination(opts Options) error {
	root, dest, cacheDir := locate(opts)
	return output.CheckDest(dest, destRules(root, cacheDir)...)
}

// destRules are what a destination must respect (output.CheckDest): it
// may be neither the site root nor around it, and neither one of the
// site's input folders (the cache included), nor around one, nor inside
// one. Symbolic links are resolved, so a link into content/ or static/
// does not get around them.
func destRules(root, cacheDir string) []output.Option {
	var inputs []string
	for _, d := range sitefs.InputDirs() {
		inputs = append(inputs, filepath.Join(root, d))
	}
	return []output.Option{output.WithProtected(root), output.WithInputs(append(inputs, cacheDir)...)}
}

// replacedWarning says which files in dest that sahifa had not written a
// build wrote over, as Hugo would have, but not silently: someone may
// want them back.
func replacedWarning(dest string, paths []string) diag.Warning {
	const shown = 5
	n := len(paths)
	list := strings.Join(paths[:min(n, shown)], ", ")
	if n > shown {
		list += fmt.Sprintf(" and %d more", n-shown)
	}
	noun := "files"
	if n == 1 {
		noun = "file"
	}
	return diag.Warning{Path: dest, Msg: fmt.Sprintf("replaced %d %s that sahifa had not written: %s; "+
		"to keep a file of your own in the site, put it in static/ instead", n, noun, list)}
}

// begin opens the output transaction for dest, with the given manifest.
func begin(root, dest, cacheDir, manifest string) (*output.Tx, error) {
	return output.Begin(dest, append(destRules(root, cacheDir),
		output.WithManifest(manifest),
		// A kept page keeps its precompressed twins (precompress.go).
		output.WithTwins(".gz", ".br"),
	)...)
}

func subdir(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}

// staticFiles lists the files static/ publishes as they are, by output
// path, so that an article claiming one of their URLs is told which.
func staticFiles(siteFS fs.FS) (map[string]string, error) {
	names, err := render.Layers{subdir(siteFS, "static")}.StaticFiles()
	files := make(map[string]string, len(names))
	for _, n := range names {
		files[n] = "static/" + n
	}
	return files, err
}
