package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/sitefs"
)

// imageExts are the picture formats looked for beside a seed, in any
// case: cameras and Windows write them upper-case too (NAME.JPG).
var imageExts = []string{".jpg", ".jpeg", ".png", ".webp"}

// seedImage is the picture beside a seed: seeds/NAME.txt and
// seeds/NAME.jpg are one article.
type seedImage struct {
	rel  string      // under seeds/, slash, e.g. "2021/x.jpg"
	info fs.FileInfo // from the walk that found it
	data []byte      // read by fold
}

// pictures are the pictures under seeds/, found by the walk that finds
// the seeds (listing each folder once costs less than probing eight
// names beside every seed), by the seed path they belong to: "2021/x" for
// seeds/2021/x.jpg and seeds/2021/x.PNG.
type pictures map[string][]picture

// picture is one picture file under seeds/.
type picture struct {
	rel  string      // under seeds/, slash
	info fs.FileInfo // of its target for a link
}

// pictureStem returns the seed path (without ".txt") that the file at rel
// under seeds/ is the picture of, and whether it is a picture at all: its
// extension, in any case, is one of imageExts.
func pictureStem(rel string) (string, bool) {
	ext := path.Ext(rel)
	if !slices.Contains(imageExts, strings.ToLower(ext)) {
		return "", false
	}
	return strings.TrimSuffix(rel, ext), true
}

// findImage returns the picture beside seeds/rel with the same base name,
// or nil. Two pictures for one seed are an error: which one is the
// article's is not sahifa's guess to make.
func (pics pictures) findImage(rel string) (*seedImage, error) {
	var found []picture
	for _, p := range pics[strings.TrimSuffix(rel, path.Ext(rel))] {
		same := false
		for _, other := range found {
			same = same || os.SameFile(p.info, other.info) // two names of one file
		}
		if !same {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return &seedImage{rel: found[0].rel, info: found[0].info}, nil
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = path.Join(SeedsDir, f.rel)
	}
	return nil, fmt.Errorf("%s: %d pictures beside it (%s); keep one", path.Join(SeedsDir, rel), len(found), strings.Join(names, ", "))
}

// copyName is the picture's name beside the Markdown: the seed's own name,
// extension in lower case.
func (img *seedImage) copyName() string {
	base := path.Base(img.rel)
	ext := path.Ext(base)
	return strings.TrimSuffix(base, ext) + strings.ToLower(ext)
}

// fold reads the picture and returns the source hash of the seed with it:
// the seed text's hash when alone, so articles imported before they had a
// picture do not change until one is added.
func (img *seedImage) fold(site *sitefs.FS, textHash string) (string, error) {
	var err error
	if img.data, err = site.ReadFile(path.Join(SeedsDir, img.rel)); err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", textHash, img.copyName())
	h.Write(img.data)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// copyImage puts the seed's picture beside its Markdown (d.Image), by the
// same no-clobber rule as the Markdown: it is written with a new or
// refreshed article, never over a different picture (an editor may have
// put a better crop there) and not brought back once an editor deleted it,
// unless forced.
func copyImage(opts Options, d Done, img *seedImage) (*diag.Warning, error) {
	if opts.DryRun || !opts.Force && d.Action != Create && d.Action != Update {
		return nil, nil
	}
	if path.Dir(d.Image) != path.Dir(d.Markdown) {
		return nil, fmt.Errorf("%s: refusing to write the picture outside the article's folder", d.Image)
	}
	kept, err := PlaceCopy(filepath.Join(opts.Root, filepath.FromSlash(d.Image)), img.data, opts.Force)
	if !kept || err != nil {
		return nil, err
	}
	return &diag.Warning{Path: path.Join(SeedsDir, img.rel),
		Msg: d.Image + " is a different picture; kept it (sahifa import --force replaces it)"}, nil
}

// PlaceCopy writes data to target, a copy of a picture beside an imported
// article, unless a different file is there (an editor's better crop),
// which is kept (kept true) unless forced. The same bytes write nothing.
func PlaceCopy(target string, data []byte, force bool) (kept bool, err error) {
	existing, err := os.ReadFile(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, output.CreateNew(target, data)
	case err != nil:
		return false, err
	case bytes.Equal(existing, data):
		return false, nil
	case force:
		return false, output.Replace(target, data)
	}
	return true, nil
}
