package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/sitefs"
	"github.com/sahifa/sahifa/internal/sitemap"
)

// A build whose inputs are the ones the last build into the same folder
// had, at a build time that changes nothing, writes exactly what that
// build wrote. state records what it needs to see that without reading
// or rendering anything: the inputs' fingerprint (file names, sizes and
// modification times, the options and the program), the window of build
// times for which the output stays the same, and the summary to report.
// The output folder must still hold every file as written (output.Intact).
type state struct {
	Inputs   string    `json:"inputs"`
	Now      time.Time `json:"now"`
	Until    time.Time `json:"until"` // zero: no later build time changes the output
	Articles int       `json:"articles"`
	Pages    int       `json:"pages"`
	Held     site.Held `json:"held"`
	Foreign  int       `json:"foreign"`
	// Manifest is the stat of the manifest the build committed: a later
	// build that commits without recording its state (it failed to)
	// replaces the manifest, and this state no longer applies.
	Manifest string `json:"manifest"`
}

func statOf(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
}

// covers reports whether a build at now falls in the window.
func (s state) covers(now time.Time) bool {
	return !now.Before(s.Now) && (s.Until.IsZero() || now.Before(s.Until))
}

// inputsFingerprint hashes what a build depends on besides the build
// time: the options, the program and every input file's name, size and
// modification time (what make and rsync trust too; the content is
// not read).
//
// Files are found as the build finds them (sitefs.Walk), through links
// inside the site, each link's target's stat counting. It fails, so the
// build does not take the shortcut and reports the problem itself, on an
// input the build would refuse (a link out of the site, a loop) and on a
// file changed in the last two seconds, which a second change of the same
// size could follow within one tick of a coarse file system clock (git's
// "racy" rule).
func inputsFingerprint(site *sitefs.FS, opts Options) (string, error) {
	h := sha256.New()
	dest, err := filepath.Abs(opts.Destination)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%t %t %t %t %t %t\x00", programID(), dest, opts.BaseURL,
		opts.Drafts, opts.Future, opts.Expired, opts.Minify == nil, opts.Minify != nil && *opts.Minify, opts.Precompress)
	recent := time.Now().Add(-racyWindow)
	stat := func(rel string, fi fs.FileInfo) error {
		if fi.ModTime().After(recent) {
			return fmt.Errorf("%s changed a moment ago", rel)
		}
		fmt.Fprintf(h, "%s\x00%d %d %v\x00", rel, fi.Size(), fi.ModTime().UnixNano(), fi.Mode())
		return nil
	}
	hugo, err := config.HugoFiles(site) // read when there is no sahifa.toml
	if err != nil {
		return "", err
	}
	for _, name := range append([]string{ConfigFile}, hugo...) {
		if fi, err := site.Stat(name); err == nil {
			if err := stat(name, fi); err != nil {
				return "", err
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	for _, dir := range sitefs.InputDirs() {
		// A temporary being written, or left by a killed write, is read by
		// no build (static/ copies hidden files, but sahifa never writes
		// temporaries there).
		temp := func(p string, d fs.DirEntry) bool { return dir != "static" && output.IsTemp(d.Name()) }
		err := sitefs.Walk(site, dir, temp, func(p string, d fs.DirEntry) error {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			return stat(p, fi)
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// racyWindow is how recently changed an input may be for the shortcut.
const racyWindow = 2 * time.Second

// stableUntil is the earliest build time after now at which a build of
// pages gives other output: an article's publish date or expiry date
// arrives, or it enters or leaves the news sitemap's window. Zero when
// there is none.
func stableUntil(pages []content.Page, now time.Time) time.Time {
	var until time.Time
	consider := func(t time.Time) {
		if !t.IsZero() && t.After(now) && (until.IsZero() || t.Before(until)) {
			until = t
		}
	}
	for i := range pages {
		p := &pages[i]
		consider(p.PublishDate)
		consider(p.ExpiryDate)
		consider(p.Date)
		consider(p.Date.Add(sitemap.NewsWindow))
	}
	return until
}

func statePath(cacheDir, manifest string) string {
	return filepath.Join(cacheDir, "state-"+strings.TrimSuffix(filepath.Base(manifest), ".bin")+".json")
}

func loadState(path string) (state, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return state{}, false
	}
	var s state
	return s, json.Unmarshal(data, &s) == nil && s.Inputs != ""
}

func saveState(path, manifest string, s state) error {
	s.Manifest = statOf(manifest)
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return output.Replace(path, data)
}

// unchangedBuild is the result of a build that found its inputs and
// output as the last build left them, or false.
func unchangedBuild(site *sitefs.FS, dest, manifest, cacheDir string, opts Options, now time.Time) (Result, string, bool) {
	fp, err := inputsFingerprint(site, opts)
	if err != nil {
		return Result{}, "", false
	}
	st, ok := loadState(statePath(cacheDir, manifest))
	if !ok || st.Inputs != fp || !st.covers(now) || st.Manifest == "" || st.Manifest != statOf(manifest) {
		return Result{}, fp, false
	}
	files, ok := output.Intact(dest, manifest)
	if !ok {
		return Result{}, fp, false
	}
	return Result{
		Articles: st.Articles, Pages: st.Pages, Held: st.Held,
		Files: output.Stats{Unchanged: files, Foreign: st.Foreign}, Destination: dest,
	}, fp, true
}
