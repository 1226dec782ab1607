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
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/seed"
	"github.com/sahifa/sahifa/internal/sitefs"
)

// importRun is what every seed of one import shares.
type importRun struct {
	site   *sitefs.FS
	opts   Options
	cfg    config.Config
	outDir string // where seeds are imported to, "content" or a folder in it
	// dirErrs says, for each folder the selected seeds are imported to,
	// why it may not be written (checkInContent), or nil.
	dirErrs map[string]error
}

// importSeed imports one parsed seed, adding its warnings to warnings,
// and returns what it did with the source fingerprint its Markdown
// records. tags gives its tags (at most max) when it needs them, since
// they draw on the whole corpus.
func (r *importRun) importSeed(p parsed, tags func(max int) []string, warnings *[]diag.Warning) (Done, string, error) {
	site, opts, cfg := r.site, r.opts, r.cfg
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
			return Done{}, "", err
		}
	}
	if p.article.HasDate {
		d := p.article.Date
		a.Date = time.Date(d.Year, d.Month, d.Day, cfg.DefaultHour(), cfg.DefaultMinute(), 0, 0, location(cfg))
	} else {
		// A seed without a date line is dated by its file, once: the
		// date is then written down in the Markdown for good.
		a.Date = undatedDate(p.modTime, cfg)
		*warnings = append(*warnings, undatedWarning(a.SourcePath, p.article.TitleLine, p.modTime, cfg))
	}
	mdRel := markdownPath(r.outDir, p.rel)
	if err := r.dirErrs[path.Dir(mdRel)]; err != nil {
		return Done{}, "", fmt.Errorf("%s: %w", a.SourcePath, err)
	}
	existing, err := os.ReadFile(filepath.Join(opts.Root, filepath.FromSlash(mdRel)))
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Done{}, "", err
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
	return d, a.SourceHash, err
}

// undatedDate is the date of a seed without a date line: its file's.
func undatedDate(modTime time.Time, cfg config.Config) time.Time {
	return modTime.In(location(cfg)).Truncate(time.Minute)
}

// undatedWarning says that the seed at seedPath (its title at line) has
// no date line and is dated by its file's time.
func undatedWarning(seedPath string, line int, modTime time.Time, cfg config.Config) diag.Warning {
	return diag.Warning{Path: seedPath, Line: line,
		Msg: "no date line; dated by the file's modification time " + undatedDate(modTime, cfg).Format("2006-01-02 15:04")}
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
	return parsed{rel: f.rel, hash: hashOf(data), article: a, modTime: f.info.ModTime(), image: img}, nil
}

// hashOf is the hex SHA-256 of a seed's bytes.
func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
