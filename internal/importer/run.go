package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
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
	site, err := sitefs.New(opts.Root, opts.Config.Limits)
	if err != nil {
		return res, err
	}
	cfg := opts.Config
	outDir := cfg.Import.Dir
	if outDir == "" {
		outDir = "content"
	}
	gaz, err := gazetteer(site, opts)
	if err != nil {
		return res, err
	}
	files, pics, skipped, err := seedFiles(site, opts, outDir)
	if err != nil {
		return res, err
	}
	res.Warnings = append(res.Warnings, skipped...)
	var errs []error
	var seeds []parsed
	// Seeds are read and parsed on every core; what follows takes them
	// in order, so messages and results come out the same every time.
	read := make([]parsed, len(files))
	readErrs := make([]error, len(files))
	parallel(len(files), func(i int) { read[i], readErrs[i] = readSeed(site, files[i], pics) })
	for i, f := range files {
		rel, p, err := f.rel, read[i], readErrs[i]
		if !selected(opts, rel) {
			// Read for the tag statistics only: its problems are reported
			// when it is imported itself, not when another seed is.
			if err == nil {
				seeds = append(seeds, p)
			}
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		res.Warnings = append(res.Warnings, p.article.Warnings...)
		seeds = append(seeds, p)
	}

	// Tags draw on statistics over every seed of the site, not only the
	// ones being imported now, so importing one file gives it the same
	// tags as importing all of them.
	// The statistics are built only when a seed needs tagging: on most
	// builds every seed is unchanged and none does.
	corpus := make([]tagger.Doc, len(seeds))
	for i, p := range seeds {
		corpus[i] = doc(p.article)
	}
	tagging := sync.OnceValue(func() *tagger.Tagger { return tagger.New(gaz, corpus) })

	// Each seed is imported on its own (every one writes its own files),
	// on every core; the outcomes are gathered in order.
	type outcome struct {
		done     *Done
		warnings []diag.Warning
		err      error
	}
	outcomes := make([]outcome, len(seeds))
	if !opts.DryRun {
		// An import killed midway left temporaries beside the files it
		// was writing; the run that imports the same seeds clears them.
		swept := map[string]bool{}
		for _, p := range seeds {
			if dir := path.Dir(path.Join(outDir, p.rel)); selected(opts, p.rel) && !swept[dir] {
				swept[dir] = true
				output.RemoveStaleTemps(filepath.Join(opts.Root, filepath.FromSlash(dir)))
			}
		}
	}
	parallel(len(seeds), func(i int) {
		p := seeds[i]
		if !selected(opts, p.rel) {
			return
		}
		o := &outcomes[i]
		done, err := importSeed(site, opts, cfg, outDir, p, func(max int) []string { return tagging().TagsOf(i, max) }, &o.warnings)
		if err != nil {
			o.err = err
			return
		}
		o.done = &done
	})
	for _, o := range outcomes {
		res.Warnings = append(res.Warnings, o.warnings...)
		if o.err != nil {
			errs = append(errs, o.err)
		} else if o.done != nil {
			res.Done = append(res.Done, *o.done)
		}
	}
	return res, errors.Join(errs...)
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

// importSeed imports one parsed seed, adding its warnings to warnings.
// tags gives its tags (at most max) when it needs them, since they draw
// on the whole corpus.
func importSeed(site *sitefs.FS, opts Options, cfg config.Config, outDir string, p parsed, tags func(max int) []string, warnings *[]diag.Warning) (Done, error) {
	a := Article{
		Seed:       p.article,
		SourcePath: path.Join(SeedsDir, p.rel),
		SourceHash: p.hash,
	}
	if p.image != nil {
		// The picture is part of the source: adding or changing it
		// refreshes the Markdown as a changed text would.
		a.Image = p.image.copyName()
		var err error
		if a.SourceHash, err = p.image.fold(site, p.hash); err != nil {
			return Done{}, err
		}
	}
	if p.article.HasDate {
		d := p.article.Date
		a.Date = time.Date(d.Year, d.Month, d.Day, cfg.DefaultHour(), cfg.DefaultMinute(), 0, 0, location(cfg))
	} else {
		// A seed without a date line is dated by its file, once: the
		// date is then written down in the Markdown for good.
		a.Date = p.modTime.In(location(cfg)).Truncate(time.Minute)
		*warnings = append(*warnings, diag.Warning{Path: a.SourcePath, Line: p.article.TitleLine,
			Msg: "no date line; dated by the file's modification time " + a.Date.Format("2006-01-02 15:04")})
	}
	mdRel := markdownPath(outDir, p.rel)
	if err := checkInContent(opts.Root, mdRel); err != nil {
		return Done{}, fmt.Errorf("%s: %w", a.SourcePath, err)
	}
	existing, err := os.ReadFile(filepath.Join(opts.Root, filepath.FromSlash(mdRel)))
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Done{}, err
	}
	var d Done
	if exists && !opts.Force && SourceHashOf(existing) == a.SourceHash {
		// Decide's rule, taken before the costly part: an unchanged
		// seed writes nothing, so it needs neither tags nor Markdown.
		d = Done{Seed: a.SourcePath, Markdown: mdRel, Action: Unchanged}
	} else {
		a.Tags = tags(cfg.Import.MaxTags)
		d, err = importOne(opts, a, mdRel, existing, exists)
	}
	if err == nil && p.image != nil {
		var warn *diag.Warning
		d.Image = path.Join(path.Dir(mdRel), a.Image)
		warn, err = copyImage(opts, d, p.image)
		if warn != nil {
			*warnings = append(*warnings, *warn)
		}
	}
	return d, err
}

// importOne writes one seed's Markdown as Decide says, given what exists
// at mdRel now.
func importOne(opts Options, a Article, mdRel string, existing []byte, exists bool) (Done, error) {
	done := Done{Seed: a.SourcePath, Markdown: mdRel}
	target := filepath.Join(opts.Root, filepath.FromSlash(mdRel))
	// Tags an editor wrote are kept as written, even when forced; the
	// file then says so (editor_tags), so later imports keep them too.
	if exists && (HasEditorTags(existing) || (opts.Force && !Untouched(existing))) {
		if tags, ok := EditorTags(existing); ok {
			a.Tags, a.EditorTags = tags, true
		}
	}
	md, err := Markdown(a)
	if err != nil {
		return done, fmt.Errorf("%s: %w", a.SourcePath, err)
	}
	done.Action = Decide(existing, exists, md, a.SourcePath, a.SourceHash, opts.Force)
	if opts.DryRun {
		return done, nil
	}
	switch done.Action {
	case Create:
		err = output.CreateNew(target, md)
	case Update, Force:
		err = output.Replace(target, md)
	}
	return done, err
}

func readSeed(site *sitefs.FS, f seedFile, pics pictures) (parsed, error) {
	name := path.Join(SeedsDir, f.rel)
	data, err := site.ReadFile(name)
	if err != nil {
		return parsed{}, err
	}
	a, err := seed.Parse(name, data)
	if err != nil {
		return parsed{}, err
	}
	img, err := pics.findImage(f.rel)
	if err != nil {
		return parsed{}, err
	}
	sum := sha256.Sum256(data)
	return parsed{rel: f.rel, hash: hex.EncodeToString(sum[:]), article: a, modTime: f.info.ModTime(), image: img}, nil
}

// seedFile is a seed found under seeds/.
type seedFile struct {
	rel  string      // under seeds/, slash
	info fs.FileInfo // of its target for a link
}

// seedFiles lists every seeds/**/*.txt as slash paths relative to seeds/,
// but for seeds whose Markdown the build would not read (content.Reads:
// "_x.txt" and "#x#.txt" would become "_x.md" and "#x#.md"): each of those
// is a warning, since importing it would make an article that never shows.
// Hidden files are passed over without a word: ".#x.txt" is an editor's
// lock, not a seed, as "x.txt~" and "x.txt.swp" are not .txt files at all.
// Named files must be inside seeds/. The same walk finds the pictures.
func seedFiles(site *sitefs.FS, opts Options, outDir string) (seeds []seedFile, pics pictures, skipped []diag.Warning, err error) {
	var all []string
	infos := map[string]fs.FileInfo{}
	pics = pictures{}
	hidden := func(p string, d fs.DirEntry) bool { return content.SkipsDir(d.Name()) }
	err = sitefs.Walk(site, SeedsDir, hidden, func(p string, d fs.DirEntry) error {
		rel := strings.TrimPrefix(p, SeedsDir+"/")
		stem, isPicture := pictureStem(rel)
		if !strings.HasSuffix(p, ".txt") && !isPicture {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if isPicture {
			pics[stem] = append(pics[stem], picture{rel: rel, info: info})
		} else {
			all = append(all, rel)
			infos[rel] = info
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	sort.Strings(all)
	for _, f := range opts.Files {
		rel, err := seedRel(opts.Root, f)
		if err != nil {
			return nil, nil, nil, err
		}
		if i := sort.SearchStrings(all, rel); i == len(all) || all[i] != rel {
			return nil, nil, nil, fmt.Errorf("%s: no such seed (seeds are .txt files under %s/)", f, SeedsDir)
		}
	}
	for _, rel := range all {
		if md := markdownPath(outDir, rel); !content.Reads(md) {
			skipped = append(skipped, diag.Warning{Path: path.Join(SeedsDir, rel),
				Msg: "not imported: the build does not read " + md + ", so its article would never appear; rename the seed (not starting with \"_\" or \"#\")"})
			continue
		}
		seeds = append(seeds, seedFile{rel: rel, info: infos[rel]})
	}
	return seeds, pics, skipped, nil
}

// CheckSeedArg reports whether a command-line path names a seed: a .txt
// file inside the site's seeds/ folder.
func CheckSeedArg(root, f string) error {
	rel, err := seedRel(root, f)
	if err != nil {
		return err
	}
	info, err := os.Stat(filepath.Join(root, SeedsDir, filepath.FromSlash(rel)))
	if err != nil || !info.Mode().IsRegular() || path.Ext(rel) != ".txt" {
		return fmt.Errorf("%s: no such seed (seeds are .txt files under %s/)", f, SeedsDir)
	}
	return nil
}

// seedRel turns a command-line seed path into its path under seeds/.
func seedRel(root, f string) (string, error) {
	abs, err := filepath.Abs(f)
	if err != nil {
		return "", err
	}
	seedsAbs, err := filepath.Abs(filepath.Join(root, SeedsDir))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(seedsAbs, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("%s: not inside %s", f, filepath.Join(root, SeedsDir))
	}
	return filepath.ToSlash(rel), nil
}

func selected(opts Options, rel string) bool {
	if len(opts.Files) == 0 {
		return true
	}
	for _, f := range opts.Files {
		if r, err := seedRel(opts.Root, f); err == nil && r == rel {
			return true
		}
	}
	return false
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
