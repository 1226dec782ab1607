package server

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"regexp"
	"slices"
	"strings"

	"github.com/sahifa/sahifa/internal/output"
)

// Change is what a successful build changed, as the browsers showing the
// site need to know it.
type Change struct {
	// Pages are the HTML files added, removed, or changed in more than
	// their stylesheet references; a browser showing one reloads it.
	Pages []string `json:"pages,omitempty"`
	// Styles are the stylesheets to swap in place, keeping the page and
	// its JavaScript state.
	Styles []StyleSwap `json:"styles,omitempty"`
	// Files are the other files added, removed or changed (feeds,
	// images, scripts).
	Files []string `json:"files,omitempty"`
	// All asks every page to reload: the first build, or a change to a
	// file that any page may show (an image, a script, a font).
	All bool `json:"all,omitempty"`
}

// StyleSwap replaces the stylesheet at site path Old by the one at New
// (the same path when the stylesheet is not fingerprinted).
type StyleSwap struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// Empty reports whether the build changed nothing.
func (c Change) Empty() bool {
	return len(c.Pages) == 0 && len(c.Styles) == 0 && len(c.Files) == 0 && !c.All
}

// fingerprint matches the content hash sahifa puts into asset names:
// "css/main.0123456789ab.css".
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{8,64}(\.[^./]+)$`)

func unfingerprinted(p string) string { return fingerprint.ReplaceAllString(p, "$1") }

// Diff compares two builds. A stylesheet whose content changed gets a new
// fingerprinted name, and so every page linking it changes too; Diff
// undoes that rename (the path and the Subresource Integrity value) in
// each old page before comparing, so such pages count as unchanged and
// the browser swaps the stylesheet instead of reloading. old may be nil
// (no build yet): then All is set.
func Diff(old, next *output.Memory) Change {
	var c Change
	if old == nil {
		c.All = true
		return c
	}
	oldPaths, nextPaths := old.Paths(), next.Paths()
	inNext := make(map[string]bool, len(nextPaths))
	for _, p := range nextPaths {
		inNext[p] = true
	}

	// Stylesheets first: their renames explain changes in the pages.
	var goneCSS []output.File
	addedCSS := map[string]output.File{} // by unfingerprinted path
	for _, p := range oldPaths {
		if f, _ := old.Get(p); f.MediaType == "text/css" && !inNext[p] {
			goneCSS = append(goneCSS, f)
		}
	}
	for _, p := range nextPaths {
		f, _ := next.Get(p)
		if f.MediaType != "text/css" {
			continue
		}
		if o, ok := old.Get(p); !ok {
			addedCSS[unfingerprinted(p)] = f
		} else if !bytes.Equal(o.Data, f.Data) {
			c.Styles = append(c.Styles, StyleSwap{Old: p, New: p})
		}
	}
	var renames []string
	for _, o := range goneCSS {
		n, ok := addedCSS[unfingerprinted(o.Path)]
		if !ok {
			continue // removed: the pages linking it changed and reload
		}
		c.Styles = append(c.Styles, StyleSwap{Old: o.Path, New: n.Path})
		renames = append(renames, o.Path, n.Path, sri(o.Data), sri(n.Data))
	}
	var undo *strings.Replacer
	if len(renames) > 0 {
		undo = strings.NewReplacer(renames...)
	}

	seen := make(map[string]bool, len(oldPaths))
	for _, p := range oldPaths {
		seen[p] = true
		o, _ := old.Get(p)
		n, ok := next.Get(p)
		switch {
		case o.MediaType == "text/css":
			// handled above
		case !ok:
			c.record(o)
		case bytes.Equal(o.Data, n.Data):
		case o.MediaType == "text/html" && n.MediaType == "text/html" && undo != nil && undo.Replace(string(o.Data)) == string(n.Data):
			// only its stylesheet references changed
		default:
			c.record(n)
		}
	}
	for _, p := range nextPaths {
		if n, _ := next.Get(p); !seen[p] && n.MediaType != "text/css" {
			c.record(n)
		}
	}
	return c
}

// DiffAt is Diff for a build known to differ from old at most at paths
// (a rebuild that made those files again and took every other file of
// old over): it compares those alone, so it costs what the change does,
// not what the site does. A stylesheet among them needs the whole
// comparison (renames), which it then makes.
func DiffAt(old, next *output.Memory, paths []string) Change {
	if old == nil {
		return Diff(old, next)
	}
	paths = slices.Clone(paths)
	slices.Sort(paths)
	paths = slices.Compact(paths)
	for _, p := range paths {
		o, _ := old.Get(p)
		n, _ := next.Get(p)
		if o.MediaType == "text/css" || n.MediaType == "text/css" {
			return Diff(old, next)
		}
	}
	// In Diff's order: the old build's paths, then those it lacked.
	var c Change
	var added []output.File
	for _, p := range paths {
		o, inOld := old.Get(p)
		n, inNext := next.Get(p)
		switch {
		case !inOld && inNext:
			added = append(added, n)
		case !inNext:
			c.record(o)
		case !bytes.Equal(o.Data, n.Data):
			c.record(n)
		}
	}
	for _, n := range added {
		c.record(n)
	}
	return c
}

func (c *Change) record(f output.File) {
	if f.MediaType == "text/html" {
		c.Pages = append(c.Pages, f.Path)
		return
	}
	c.Files = append(c.Files, f.Path)
	if shownInPages(f.MediaType) {
		c.All = true
	}
}

// shownInPages reports whether a file of this media type may be part of
// how any page looks or behaves (images, scripts, fonts), unlike feeds,
// sitemaps and search indexes, which no page displays.
func shownInPages(mediaType string) bool {
	switch {
	case strings.HasPrefix(mediaType, "image/"), strings.HasPrefix(mediaType, "font/"):
		return true
	case strings.Contains(mediaType, "xml"), strings.Contains(mediaType, "json"), mediaType == "text/plain":
		return false
	}
	return true
}

// sri is the Subresource Integrity value sahifa's templates put next to a
// stylesheet link.
func sri(data []byte) string {
	sum := sha512.Sum384(data)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}
