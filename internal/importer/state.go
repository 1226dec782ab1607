package importer

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/output"
)

// StateFile, in the cache folder (Options.CacheDir), records what the last
// import found for each seed, so that the next one sees by a stat that a
// seed and its Markdown are as they were and need not read either: every
// build imports first, and on most builds nothing changed.
const StateFile = "import-state.json"

// stateVersion changes when the format or the meaning of an entry does;
// a state of another version is ignored.
const stateVersion = 1

// racyWindow: a file changed this shortly before the state was saved is
// not trusted by its size and modification time, since a second change
// of the same size could land in the same tick of a coarse file system
// clock (git's "racy" rule). Its content is checked instead.
const racyWindow = 2 * time.Second

// importState is the state file.
type importState struct {
	Version int `json:"version"`
	// Setup is what an entry's meaning depends on besides its files: the
	// program and the caps on input files (see setup).
	Setup string               `json:"setup"`
	Seeds map[string]seedEntry `json:"seeds"` // by path under seeds/
}

// seedEntry is what an import found for one seed.
type seedEntry struct {
	// Checked is when the import that checked these facts began (Unix
	// nanoseconds): a file whose time is not well before it is racy.
	Checked int64    `json:"checked"`
	Seed    fileStat `json:"seed"`
	Hash    string   `json:"hash"` // SHA-256 of the seed's bytes
	// Picture is the seed's picture under seeds/, "" for none.
	Picture     string   `json:"picture,omitempty"`
	PictureStat fileStat `json:"pictureStat,omitzero"`
	// Markdown is the seed's target and what it looked like; Source the
	// source_sha256 it records (seed and picture).
	Markdown     string   `json:"markdown"`
	MarkdownStat fileStat `json:"markdownStat"`
	Source       string   `json:"source"`
	// Action is Unchanged (the Markdown was imported from the seed as it
	// is), Edited or Foreign: what an import finds while both files stay.
	Action Action `json:"action"`
	// Warnings are the seed's parse warnings; Undated says it has no date
	// line, a warning whose text depends on the file's time, at TitleLine.
	Warnings  []diag.Warning `json:"warnings,omitempty"`
	Undated   bool           `json:"undated,omitempty"`
	TitleLine int            `json:"titleLine,omitempty"`
}

// fileStat is what a file's stat says of its bytes.
type fileStat struct {
	Size  int64 `json:"size"`
	MTime int64 `json:"mtime"` // Unix nanoseconds
}

func statOf(fi fs.FileInfo) fileStat {
	return fileStat{Size: fi.Size(), MTime: fi.ModTime().UnixNano()}
}

// setup identifies what a state's entries assume: the running program
// (another sahifa may parse a seed into other warnings; its executable's
// size and time stand for it, as hashing it would cost more than the
// import saves) and the caps, since a seed over a lowered cap must fail.
func setup(cfg config.Config) string {
	exe := ""
	if p, err := os.Executable(); err == nil {
		if fi, err := os.Stat(p); err == nil {
			exe = fmt.Sprintf("%s %d %d", p, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return fmt.Sprintf("%s\x00%+v", exe, cfg.Limits)
}

// loadState reads the state of the last import; an absent, unreadable or
// outdated one is empty, which only costs reading every seed.
func loadState(file, setup string) importState {
	empty := importState{Version: stateVersion, Setup: setup, Seeds: map[string]seedEntry{}}
	if file == "" {
		return empty
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return empty
	}
	var st importState
	if json.Unmarshal(data, &st) != nil || st.Version != stateVersion || st.Setup != setup || st.Seeds == nil {
		return empty
	}
	return st
}

// save writes the state atomically.
func (st importState) save(file string) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return output.Replace(file, data)
}

// settled reports whether a file with modification time mtime was
// changed long enough before the entry was checked to be known by its
// stat.
func (e seedEntry) settled(mtime int64) bool {
	return mtime < e.Checked-int64(racyWindow)
}

// replay returns what importing the seed f would do, without reading it,
// when its entry says and the files confirm that nothing changed: the
// seed, its picture and its Markdown (at mdRel) have their recorded
// stats, or, for a file changed too shortly before the state was saved,
// the content the entry records. It returns false when the seed must be
// imported; otherwise the entry as checked now (started at now).
func (st importState) replay(root string, f seedFile, img *seedImage, mdRel string, now time.Time) (seedEntry, bool) {
	e, ok := st.Seeds[f.rel]
	if !ok || e.Markdown != mdRel {
		return e, false
	}
	// A picture is read whole to fingerprint it, so it is trusted by its
	// stat alone; a new one, or one changed a moment ago, means importing.
	switch {
	case img == nil && e.Picture != "":
		return e, false
	case img != nil && (img.rel != e.Picture || statOf(img.info) != e.PictureStat || !e.settled(e.PictureStat.MTime)):
		return e, false
	}
	if statOf(f.info) != e.Seed || !e.settled(e.Seed.MTime) {
		data, err := os.ReadFile(filepath.Join(root, SeedsDir, filepath.FromSlash(f.rel)))
		if err != nil || hashOf(data) != e.Hash {
			return e, false
		}
		e.Seed = statOf(f.info)
	}
	md := filepath.Join(root, filepath.FromSlash(mdRel))
	fi, err := os.Stat(md)
	if err != nil || !fi.Mode().IsRegular() {
		return e, false
	}
	if statOf(fi) != e.MarkdownStat || !e.settled(e.MarkdownStat.MTime) {
		// Only the source fingerprint decides an unchanged seed; an
		// edited or foreign file is trusted by its stat alone.
		data, err := os.ReadFile(md)
		if err != nil || e.Action != Unchanged || SourceHashOf(data) != e.Source {
			return e, false
		}
		e.MarkdownStat = statOf(fi)
	}
	if !e.settled(e.Seed.MTime) || !e.settled(e.MarkdownStat.MTime) {
		// Checked by content now: from now on, stats will do.
		e.Checked = now.UnixNano()
	}
	return e, true
}

// done is the outcome the entry replays for the seed f, and the import's
// warnings (the seed's own are e.Warnings).
func (e seedEntry) done(f seedFile, cfg config.Config) (Done, []diag.Warning) {
	d := Done{Seed: path.Join(SeedsDir, f.rel), Markdown: e.Markdown, Action: e.Action}
	if e.Picture != "" {
		d.Image = path.Join(path.Dir(e.Markdown), (&seedImage{rel: e.Picture}).copyName())
	}
	if !e.Undated {
		return d, nil
	}
	return d, []diag.Warning{undatedWarning(d.Seed, e.TitleLine, f.info.ModTime(), cfg)}
}

// next is the state after an import whose outcomes (by the index of the
// seed in files) are given: an entry for each seed it imported or
// replayed, the last entry of each seed it was not asked to import, and
// none for seeds no longer there.
func (st importState) next(files []seedFile, outcomes []outcome, selected func(i int) bool) importState {
	next := importState{Version: stateVersion, Setup: st.Setup, Seeds: make(map[string]seedEntry, len(files))}
	for i, f := range files {
		switch e, ok := st.Seeds[f.rel]; {
		case outcomes[i].entry != nil:
			next.Seeds[f.rel] = *outcomes[i].entry
		case !selected(i) && ok:
			next.Seeds[f.rel] = e
		}
	}
	return next
}

// entryOf is the state entry of the seed f, parsed as p and imported as
// d, whose Markdown records the fingerprint source, for the next import
// to replay (checked is when this one began); nil when the Markdown is
// not there to replay (a dry run).
func entryOf(root string, f seedFile, p parsed, d Done, source string, checked time.Time) *seedEntry {
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(d.Markdown)))
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	e := &seedEntry{
		Checked: checked.UnixNano(),
		Seed:    statOf(f.info), Hash: p.hash,
		Markdown: d.Markdown, MarkdownStat: statOf(fi),
		Action:   d.Action,
		Warnings: p.article.Warnings, Undated: !p.article.HasDate, TitleLine: p.article.TitleLine,
	}
	switch d.Action {
	case Create, Update, Force, Unchanged:
		// The file records the seed's fingerprint now: the next import
		// finds it unchanged.
		e.Action, e.Source = Unchanged, source
	}
	if p.image != nil {
		e.Picture, e.PictureStat = p.image.rel, statOf(p.image.info)
	}
	return e
}
