// Package watch turns file-system events under a site folder into batches
// of changes: it watches the site's input folders recursively (folders
// created later too), drops editors' temporary and swap files, and waits
// for a quiet window so that one save, or a checkout of 500 files, is one
// batch and so one rebuild.
//
// Classify, which says what a changed path is to the site, is a pure
// function; the batching logic is driven by explicit times so it is tested
// without sleeping.
package watch

import (
	"path"
	"strconv"
	"strings"

	"github.com/sahifa/sahifa/internal/config"
)

// Kind is what a changed path is to the site; it decides the work a change
// needs.
type Kind int

const (
	// Ignore is a path that is not an input of the build: outside the
	// watched folders, hidden, or an editor's temporary file.
	Ignore Kind = iota
	// Config is sahifa.toml, or one of Hugo's settings files read when
	// there is none (hugo.toml, config.toml, config/_default/*):
	// everything is rebuilt.
	Config
	// Seed is a raw text under seeds/: re-imported, then built.
	Seed
	// Content is an article under content/.
	Content
	// Template is a file under layouts/: the pages using it.
	Template
	// Style is a stylesheet (assets/ or static/): swapped in the browser
	// without a reload.
	Style
	// Asset is any other file under assets/ (scripts, images).
	Asset
	// Static is a file under static/, copied as is.
	Static
	// Data is a file under data/.
	Data
)

var kindNames = [...]string{"ignore", "config", "seed", "content", "template", "style", "asset", "static", "data"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ConfigFile is the site's settings file, at the site root.
const ConfigFile = "sahifa.toml"

// Folders are the site's input folders, watched recursively; config/
// holds Hugo's settings split by table (config/_default/).
var Folders = []string{"seeds", "content", "layouts", "assets", "static", "data", "config"}

// Classify says what the site-relative, slash-separated path p is. It reads
// nothing: a folder is classified like the files in it.
func Classify(p string) Kind {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return Ignore
	}
	p = path.Clean(p)
	if p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return Ignore
	}
	top, rest, _ := strings.Cut(p, "/")
	// The folders of Hugo's split settings are classified as the files
	// in them, so that they are watched when made.
	if top == ConfigFile && rest == "" || config.IsHugoFile(p) || p == "config" || p == config.HugoDir {
		return Config
	}
	base := path.Base(p)
	for _, seg := range strings.Split(rest, "/") {
		if Temporary(seg) {
			return Ignore
		}
		// content/, layouts/ and assets/ skip hidden files and folders
		// (editor and OS litter); static/ copies them (.nojekyll) but
		// never a .git folder.
		if seg == ".git" || (top != "static" && strings.HasPrefix(seg, ".")) {
			return Ignore
		}
	}
	switch top {
	case "seeds":
		return Seed
	case "content":
		return Content
	case "layouts":
		return Template
	case "assets":
		if isStyle(base) {
			return Style
		}
		return Asset
	case "static":
		if isStyle(base) {
			return Style
		}
		return Static
	case "data":
		return Data
	}
	return Ignore
}

func isStyle(name string) bool {
	return strings.EqualFold(path.Ext(name), ".css")
}

// Temporary reports whether a file name is one that editors, tools or
// sahifa itself create for a moment while saving: swap files, backups,
// lock files and the temporary file of a write-then-rename save.
func Temporary(name string) bool {
	switch {
	case name == ".DS_Store", name == "Thumbs.db":
		return true
	case strings.HasSuffix(name, "~"): // vim and emacs backups
		return true
	case strings.HasPrefix(name, ".#"): // emacs lock files
		return true
	case len(name) > 2 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs auto-save
		return true
	case strings.HasPrefix(name, ".sahifa-"): // sahifa's own temporary and staging files
		return true
	case vimWriteTest(name):
		return true
	case sedTemp(name):
		return true
	}
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".tmp", ".temp", ".swp", ".swo", ".swn", ".swx", ".kate-swp", ".crswap":
		return true
	}
	for _, suffix := range []string{"___jb_tmp___", "___jb_old___"} { // JetBrains safe write
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// vimWriteTest matches the file vim creates to test that a folder is
// writable: "4913", or 4913 plus a multiple of 123 when that exists.
func vimWriteTest(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && name[0] != '0' && n >= 4913 && (n-4913)%123 == 0
}

// sedTemp matches the file `sed -i` writes before renaming it over the
// original: "sed" and six letters or digits.
func sedTemp(name string) bool {
	if len(name) != 9 || !strings.HasPrefix(name, "sed") {
		return false
	}
	for _, r := range name[3:] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}
