package wordpress

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/importer"
)

// pictures places one post's pictures: each upload found under --uploads
// is copied beside the post's index.md, under its own name; any other is
// left at its old address.
type pictures struct {
	w     *writer
	e     *entry
	out   *postResult
	names map[string]string // upload path → file name beside index.md
	files []pictureFile     // to copy once the Markdown is written
	taken map[string]bool   // file names in use beside index.md
}

type pictureFile struct{ name, from string }

// resized is WordPress's suffix for the sizes it makes of an upload:
// photo-300x200.jpg is photo.jpg made smaller.
var resized = regexp.MustCompile(`-\d+x\d+(\.[A-Za-z0-9]+)$`)

// place returns the address the Markdown gives the picture at src.
func (pics *pictures) place(src string) string {
	rel := UploadPath(src)
	if rel == "" {
		return src // not one of the blog's uploads: left as it is
	}
	if name, ok := pics.names[rel]; ok {
		return name
	}
	if pics.w.opts.Uploads == "" {
		pics.out.remote++
		pics.names[rel] = src
		return src
	}
	from := ""
	for _, cand := range []string{rel, resized.ReplaceAllString(rel, "$1")} {
		p := filepath.Join(pics.w.opts.Uploads, filepath.FromSlash(cand))
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			from = p
			break
		}
	}
	if from == "" {
		pics.out.missing++
		pics.out.warnings = append(pics.out.warnings, diag.Warning{Path: pics.w.opts.Export, Line: pics.e.line,
			Msg: fmt.Sprintf("%s: picture %s is not in %s; kept at its old address", pics.e.describe(), rel, pics.w.opts.Uploads)})
		pics.names[rel] = src
		return src
	}
	name := bundleFile(from)
	if pics.taken == nil {
		pics.taken = map[string]bool{"index.md": true}
	}
	for i := 2; pics.taken[name]; i++ {
		// Two uploads of one name (2020/01/x.jpg, 2021/03/x.jpg) in one post.
		ext := path.Ext(bundleFile(from))
		name = strings.TrimSuffix(bundleFile(from), ext) + "-" + strconv.Itoa(i) + ext
	}
	pics.taken[name] = true
	pics.names[rel] = name
	pics.files = append(pics.files, pictureFile{name: name, from: from})
	return name
}

// write copies the pictures beside the Markdown when it was written now
// (created, refreshed or forced), by the seed import's rule: a different
// picture already there is kept unless forced.
func (pics *pictures) write(action importer.Action) {
	if pics.w.opts.DryRun || action != importer.Create && action != importer.Update && action != importer.Force {
		return
	}
	dir := filepath.Join(pics.w.opts.Root, filepath.FromSlash(path.Dir(pics.e.markdown)))
	for _, f := range pics.files {
		data, err := os.ReadFile(f.from)
		if err == nil {
			var kept bool
			kept, err = importer.PlaceCopy(filepath.Join(dir, f.name), data, pics.w.opts.Force)
			if kept {
				pics.out.warnings = append(pics.out.warnings, diag.Warning{Path: path.Join(path.Dir(pics.e.markdown), f.name),
					Msg: "a different picture; kept it (sahifa import --force replaces it)"})
				continue
			}
		}
		if err != nil {
			pics.out.warnings = append(pics.out.warnings, diag.Warning{Path: pics.w.opts.Export, Line: pics.e.line,
				Msg: fmt.Sprintf("%s: copying picture %s: %v", pics.e.describe(), f.from, err)})
			continue
		}
		pics.out.copied++
	}
}
