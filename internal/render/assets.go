package render

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/minifier"
	"github.com/sahifa/sahifa/internal/output"
)

// Asset is a file of the theme's assets/ as published.
type Asset struct {
	// RelPermalink is its URL with the base path; CSS and JS carry a
	// content hash in the name so browsers may cache them forever.
	RelPermalink string
	// Integrity is a Subresource Integrity value ("sha384-…") for CSS and
	// JS, "" for other files.
	Integrity string
}

// publishAssets minifies assets/ files and, with fingerprint, puts their
// content hash in CSS and JS names, returning the files to write and the
// lookup table templates use through "asset". relURL makes an asset's
// path a percent-encoded link.
func publishAssets(fsys fs.FS, mf *minifier.Minifier, relURL func(string) string, fingerprint bool) ([]output.File, map[string]Asset, error) {
	names, err := Layers{fsys}.Files()
	if err != nil {
		return nil, nil, err
	}
	files := make([]output.File, 0, len(names))
	table := make(map[string]Asset, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		mt := mediaType(name)
		out := name
		var integrity string
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			if data, err = mf.Bytes(mt, data); err != nil {
				return nil, nil, &fs.PathError{Op: "minify", Path: "assets/" + name, Err: err}
			}
			if !fingerprint {
				files = append(files, output.File{Path: out, MediaType: mt, Data: data})
				table[name] = Asset{RelPermalink: relURL(out)}
				continue
			}
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:12] + ext
			sri := sha512.Sum384(data)
			integrity = "sha384-" + base64.StdEncoding.EncodeToString(sri[:])
		}
		files = append(files, output.File{Path: out, MediaType: mt, Data: data})
		table[name] = Asset{RelPermalink: relURL(out), Integrity: integrity}
	}
	return files, table, nil
}

// mediaType is the media type for a file name, by extension, without
// parameters; unknown types are application/octet-stream.
func mediaType(name string) string {
	t := mime.TypeByExtension(path.Ext(name))
	if t == "" {
		return "application/octet-stream"
	}
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = t[:i]
	}
	return t
}
