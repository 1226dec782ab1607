package config

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// hugoTop are the names Hugo reads its settings from at a site's root,
// in its order of preference: the first one found is the site's.
var hugoTop = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// HugoDir is the folder of Hugo's settings split by table, one file each
// (params.toml holds [params]).
const HugoDir = "config/_default"

// HugoFiles are the paths of Hugo's settings files in fsys (a site root),
// in the order LoadHugo reads them: the top file, then config/_default/
// by name. Files sahifa cannot read (YAML, JSON) are listed too: a build
// depends on them, if only for its warnings.
func HugoFiles(fsys fs.FS) ([]string, error) {
	var names []string
	for _, name := range hugoTop {
		if _, err := fs.Stat(fsys, name); err == nil {
			names = append(names, name)
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	// fs.ReadDir lists by name, the order the folder's files are read in.
	entries, err := fs.ReadDir(fsys, HugoDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && hugoFormat(e.Name()) != "" {
			names = append(names, path.Join(HugoDir, e.Name()))
		}
	}
	return names, nil
}

// IsHugoFile reports whether the site-relative, slash-separated path p is
// one of Hugo's settings files HugoFiles would list (if it existed), so
// the dev server rebuilds when one is saved.
func IsHugoFile(p string) bool {
	if dir, name := path.Split(p); dir == HugoDir+"/" {
		return !strings.HasPrefix(name, ".") && hugoFormat(name) != ""
	}
	return slices.Contains(hugoTop, p)
}

// hugoFormat is the format of a settings file by its extension, "" for
// none Hugo reads.
func hugoFormat(name string) string {
	switch path.Ext(name) {
	case ".toml":
		return "toml"
	case ".yaml", ".yml":
		return "yaml"
	case ".json":
		return "json"
	}
	return ""
}

// LoadHugo reads a Hugo site's settings (HugoFiles) over Default(), with
// Hugo's key names (docs/configuration.md, "Hugo's files"): a site moved
// from Hugo builds without a sahifa.toml. found is false when fsys holds
// none of them. TOML, YAML and JSON are read alike. Keys sahifa does not
// use are warnings, one per key at its place; so are files it does not
// read: the language-specific ones (menus.en.toml).
func LoadHugo(fsys fs.FS) (cfg Config, warns []diag.Warning, found bool, err error) {
	names, err := HugoFiles(fsys)
	if err != nil || len(names) == 0 {
		return Default(), nil, false, err
	}
	var files []File
	for _, name := range names {
		under := ""
		if path.Dir(name) == HugoDir {
			under = strings.TrimSuffix(path.Base(name), path.Ext(name))
		}
		switch {
		case strings.Contains(under, "."):
			warns = append(warns, diag.Warning{Path: name,
				Msg: "not read: the settings of one language (" + under[strings.IndexByte(under, '.')+1:] + "); sahifa builds one language, set by languageCode"})
			continue
		case under == "hugo" || under == "config":
			under = "" // the top file, kept in the folder
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return Default(), warns, true, err
		}
		format := hugoFormat(name)
		if format == "json" {
			format = "yaml" // YAML reads JSON, and tells lines
		}
		files = append(files, File{Name: name, Data: data, Under: under, Format: format})
	}
	cfg, ws, err := parseFiles(files, true)
	warns = append(warns, ws...)
	sort.SliceStable(warns, func(i, j int) bool { return warnBefore(warns[i], warns[j]) })
	return cfg, warns, true, err
}
