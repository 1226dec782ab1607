package sitefs

import (
	"cmp"
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
)

// RootFileCap caps a file at the site root (sahifa.toml). It is fixed:
// sahifa.toml is read before the [limits] it sets are known.
const RootFileCap = 1 * config.MiB

// sizeCap is the most a file may weigh, with what names it in messages.
type sizeCap struct {
	bytes int64
	what  string // "content files"
	key   string // its [limits] key; "" when fixed
}

func (c sizeCap) over(rel, size string) error {
	msg := size + " is over the " + config.FormatSize(c.bytes) + " limit for " + c.what
	if c.key != "" {
		msg += " (raise [limits] " + c.key + " in sahifa.toml)"
	}
	return diag.Errorf(rel, 0, 0, "%s", msg)
}

// pictureExts are the picture formats kept beside articles and seeds,
// which have their own cap: a photograph outweighs any text.
var pictureExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".webp": true, ".gif": true}

// withDefaults gives a cap left zero its default.
func withDefaults(l config.Limits) config.Limits {
	d := config.DefaultLimits()
	return config.Limits{
		ContentFile: cmp.Or(l.ContentFile, d.ContentFile), SeedFile: cmp.Or(l.SeedFile, d.SeedFile),
		ImageFile: cmp.Or(l.ImageFile, d.ImageFile), LayoutFile: cmp.Or(l.LayoutFile, d.LayoutFile),
		DataFile: cmp.Or(l.DataFile, d.DataFile), AssetFile: cmp.Or(l.AssetFile, d.AssetFile),
		StaticFile: cmp.Or(l.StaticFile, d.StaticFile),
	}
}

// capOf is the cap of the site-relative file rel, by its folder.
func (f *FS) capOf(rel string) sizeCap {
	l := f.limits
	top, rest, _ := strings.Cut(rel, "/")
	if rest != "" && (top == Content || top == Seeds) && pictureExts[strings.ToLower(path.Ext(rel))] {
		return sizeCap{l.ImageFile, "pictures", "imageFileSize"}
	}
	if rest == "" {
		return sizeCap{RootFileCap, "files at the site root", ""}
	}
	for _, c := range []sizeCap{
		{l.ContentFile, Content, "contentFileSize"}, {l.SeedFile, Seeds, "seedFileSize"},
		{l.LayoutFile, Layouts, "layoutFileSize"}, {l.DataFile, Data, "dataFileSize"},
		{l.AssetFile, Assets, "assetFileSize"}, {l.StaticFile, Static, "staticFileSize"},
	} {
		if c.what == top {
			c.what = strings.TrimSuffix(top, "s") + " files" // "content files", "seed files"
			return c
		}
	}
	return sizeCap{RootFileCap, "files outside the input folders", ""}
}
