package build

import (
	"reflect"
	"sync"
	"time"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/render"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/sitefs"
)

// Live is a site built into memory again and again, as the dev server
// does after each save. It keeps what the last build made: its files, the
// articles as parsed, the render memos, and the site model with the
// render's state, so that a save that edits only an article's body
// remakes only what the body shows (Build). Any other change is built
// as Run builds it, into memory. One build at a time.
type Live struct {
	opts   Options
	last   *output.Memory  // the last good build's files
	memos  *render.Memos   // its render memos
	parsed *content.Parsed // the articles as last parsed
	// kept is what the last good build left for a rebuild of part of the
	// site; nil when there is none (after a failed build, or when the
	// build also goes to disk).
	kept *liveState
	// scoped says whether the last good build remade only part of the
	// site (tests read it: a scoped path that silently falls back would
	// still give the right files), and written are then the paths it
	// wrote.
	scoped  bool
	written []string
}

// Written returns the paths the last good build wrote and true when it
// made only those again and took every other file over from the build
// before (a body edit); false after a whole build. The dev server then
// compares those alone with the last build (server.Server.PublishAt).
func (l *Live) Written() ([]string, bool) { return l.written, l.scoped }

// liveState is what a good build leaves for Live (run fills it in).
type liveState struct {
	site     *site.Site
	rendered *render.Rendered
	loadOpts content.Options
	// now is the build time, and until the time from which a build of the
	// same files gives other output (stableUntil); zero: never.
	now, until time.Time
	importing  bool // seeds are imported before each build
	result     Result
	articles   map[string]*site.Article // the written articles by source path
}

// NewLive returns a Live that builds as opts say, into memory. Its
// Memory, Memos and Parsed are Live's own.
func NewLive(opts Options) *Live {
	opts.Memory, opts.Memos, opts.Parsed = nil, nil, nil
	return &Live{opts: opts, parsed: &content.Parsed{}}
}

// Build builds the site after the files at changed (site-relative slash
// paths: "content/x.md") changed; nil for the first build or when what
// changed is not known. It returns the files of the build, which stay
// as they are. On an error the last good build's files stand.
func (l *Live) Build(changed []string) (Result, *output.Memory, error) {
	var imported *importer.Result
	if len(changed) == 1 {
		var ok bool
		var res Result
		if res, imported, ok = l.bodyEdit(changed[0]); ok {
			return res, l.last, nil
		}
	}
	return l.full(imported)
}

// full builds the whole site as Run does, into memory, keeping what the
// build's pages kept from the last build. imported, when set, is the
// import done already.
func (l *Live) full(imported *importer.Result) (Result, *output.Memory, error) {
	opts := l.opts
	opts.Memory = output.NewMemoryAfter(l.last)
	opts.Parsed = l.parsed
	if l.memos != nil {
		next := l.memos.Next()
		opts.Memos = &next
	}
	if imported != nil {
		opts.NoImport = true
	}
	// What the last build left is no use for a rebuild after this one,
	// which may change anything.
	l.kept, l.scoped, l.written = nil, false, nil
	var kept liveState
	res, err := run(opts, &kept)
	if imported != nil {
		res.Imported = *imported
		res.Warnings = append(imported.Warnings, res.Warnings...)
	}
	if err != nil {
		return res, nil, err
	}
	opts.Memory.Finish()
	l.last, l.memos = opts.Memory, &res.Memos
	// A build also written to disk is made whole: its disk half cannot
	// be patched.
	if !opts.AlsoDisk && kept.rendered != nil {
		kept.result = res
		kept.importing = kept.site.Config.Import.OnBuild && !l.opts.NoImport
		l.kept = &kept
	}
	return res, opts.Memory, nil
}

// bodyEdit rebuilds the site after its article at path was saved with
// the same front matter (the writer typing in the body): only the
// outputs the body shows are made again (render.Rendered.BodyEdited), the
// others are the last build's. It reports false when the change is not
// that, or when anything else fails: Build then builds the whole site,
// without importing again when the import it returns was done.
func (l *Live) bodyEdit(path string) (res Result, imported *importer.Result, ok bool) {
	k := l.kept
	if k == nil {
		return res, nil, false
	}
	start := time.Now()
	now := l.opts.Now
	if now.IsZero() {
		now = start
	}
	// Time alone would change the output (an article due, the news
	// sitemap's window).
	if now.Before(k.now) || !k.until.IsZero() && !now.Before(k.until) {
		return res, nil, false
	}
	if k.articles == nil {
		k.articles = map[string]*site.Article{}
		for _, a := range k.site.Written() {
			k.articles[a.Path] = a
		}
	}
	a := k.articles[path]
	// A bundle's files are listed with its page: left to a whole build.
	if a == nil || a.Bundle != nil || content.IsBundlePage(path) {
		return res, nil, false
	}
	res = k.result
	if k.importing {
		// As Run does first: a seed saved beside may have to be imported.
		root, _, cacheDir := locate(l.opts)
		imp, err := importSeeds(root, cacheDir, k.site.Config)
		if err != nil {
			return res, nil, false // the whole build imports again, and fails as it does
		}
		if !reflect.DeepEqual(imp.Warnings, res.Imported.Warnings) || imp.Count(importer.Create)+imp.Count(importer.Update)+imp.Count(importer.Force) > 0 {
			return res, &imp, false
		}
		res.Imported, imported = imp, &imp
	}
	page, parsed := reparse(l.opts, k, path)
	if !parsed || !sameButBody(*a.Page, page) {
		return res, imported, false
	}
	*a.Page = page
	mem := output.NewMemoryOver(l.last)
	var mu sync.Mutex
	var written []string
	rendered := 0
	emit := func(f output.File) error {
		mu.Lock()
		written = append(written, f.Path)
		if f.MediaType == "text/html" {
			rendered++
		}
		mu.Unlock()
		return mem.Write(f)
	}
	if err := k.rendered.BodyEdited(a, mem, emit); err != nil {
		l.kept = nil // half changed
		return res, imported, false
	}
	if err := mem.KeepOthers(); err != nil {
		l.kept = nil
		return res, imported, false
	}
	res.Rendered = rendered
	res.Files = output.Stats{Written: mem.Len()}
	res.Duration = time.Since(start)
	res.Stages = []StageTime{{Stage: "body edit", Duration: res.Duration}}
	l.last, l.scoped, l.written = mem, true, written
	return res, imported, true
}

// reparse parses the article at path again, as the last build's load
// did (through the site's input rules).
func reparse(opts Options, k *liveState, path string) (content.Page, bool) {
	root, _, _ := locate(opts)
	fsys, err := sitefs.New(root, k.site.Config.Limits)
	if err != nil {
		return content.Page{}, false
	}
	src, err := fsys.ReadFile(path)
	if err != nil {
		return content.Page{}, false
	}
	page, err := content.Parse(path, src, k.loadOpts)
	return page, err == nil
}

// sameButBody reports whether two parses of an article differ only in
// the body: the Markdown and the file's hash. Everything else, warnings
// and positions included, decides the site's structure or what a build
// reports, so any difference there is a whole build's to make.
func sameButBody(old, new content.Page) bool {
	old.Body, new.Body = nil, nil
	old.Hash, new.Hash = "", ""
	return reflect.DeepEqual(old, new)
}
