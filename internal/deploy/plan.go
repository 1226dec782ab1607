package deploy

import (
	"maps"
	"slices"
	"strings"
)

// Local is one file of the built site.
type Local struct {
	Size   int64
	SHA256 string // hex
}

// Upload is one file to send, and why.
type Upload struct {
	Path   string
	Local  Local
	Header Header
	Reason string // "new", "changed", "headers" or "forced"
}

// Plan is what a deploy does, in order: Uploads[PhaseAssets], then
// [PhasePages], then [PhaseIndexes], then Deletes.
type Plan struct {
	Uploads   [phases][]Upload
	Deletes   []string
	Unchanged int
	// Twins are the --precompress .gz/.br files left out: an object store
	// cannot choose between index.html and index.html.gz for a browser.
	Twins int
	// Uncompressed are the files a gzip = true rule covers that go to a
	// folder as they are: a folder keeps no Content-Encoding, so nginx
	// would serve the compressed bytes as the page itself.
	Uncompressed int
}

// PlanOptions change what MakePlan compares.
type PlanOptions struct {
	Force bool // upload every file
	// Folder is set for a folder served by nginx (file://): the .gz/.br
	// twins go too (gzip_static), and no file is stored compressed.
	Folder bool
}

// MakePlan compares the built site with what the bucket holds. It is
// pure: the same inputs give the same plan, paths in order.
func MakePlan(local map[string]Local, remote State, rules *Rules, opts PlanOptions) Plan {
	var p Plan
	for _, path := range slices.Sorted(maps.Keys(local)) {
		l := local[path]
		if !opts.Folder && isTwin(path, local) {
			p.Twins++
			continue
		}
		h := rules.For(path)
		if opts.Folder && h.Gzip {
			h.Gzip, h.ContentEncoding = false, ""
			p.Uncompressed++
		}
		r, ok := remote[path]
		reason := ""
		switch {
		case !ok:
			reason = "new"
		case r.SHA256 != l.SHA256 || r.Size != l.Size:
			reason = "changed"
		case r.Header != h.Sum():
			reason = "headers"
		case opts.Force || h.Force:
			reason = "forced"
		}
		if reason == "" {
			p.Unchanged++
			continue
		}
		ph := PhaseOf(path)
		p.Uploads[ph] = append(p.Uploads[ph], Upload{Path: path, Local: l, Header: h, Reason: reason})
	}
	for _, path := range slices.Sorted(maps.Keys(remote)) {
		if _, ok := local[path]; !ok || (!opts.Folder && isTwin(path, local)) {
			p.Deletes = append(p.Deletes, path)
		}
	}
	return p
}

// isTwin reports whether path is the gzip or brotli twin of another file
// of the site (index.html.gz beside index.html).
func isTwin(path string, local map[string]Local) bool {
	for _, ext := range []string{".gz", ".br"} {
		if orig, ok := strings.CutSuffix(path, ext); ok {
			if _, found := local[orig]; found {
				return true
			}
		}
	}
	return false
}

// UploadCount is how many files the plan uploads, and their bytes.
func (p Plan) UploadCount() (files int, bytes int64) {
	for _, ph := range p.Uploads {
		for _, u := range ph {
			files++
			bytes += u.Local.Size
		}
	}
	return files, bytes
}
