package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/sitefs"
)

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
