package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Limits caps what one input may make the build do ([limits] in the file):
// the size of one input file, in bytes, by the folder it is in
// (docs/inputs.md), and the tags an article keeps. A file over its cap fails the
// build: an input that large is a mistake, or something that is not a file
// at all (/dev/zero behind a link), and reading it would exhaust memory.
type Limits struct {
	ContentFile int64 // an article under content/; default 8 MiB
	SeedFile    int64 // a seed text under seeds/; default 8 MiB
	ImageFile   int64 // a picture beside an article or a seed; default 40 MiB
	LayoutFile  int64 // a template under layouts/; default 4 MiB
	DataFile    int64 // a file under data/; default 4 MiB
	AssetFile   int64 // a file under assets/; default 64 MiB
	StaticFile  int64 // a file under static/; default 512 MiB

	// TagsPerArticle is how many terms of each taxonomy an article keeps,
	// the first in the order written; default 50. Every tag makes a page
	// and a feed, and every feed item lists the article's tags, so the
	// output grows with tags × tags without it.
	TagsPerArticle int
}

// MiB is a mebibyte, the unit limits are written in.
const MiB = 1 << 20

// DefaultLimits are the caps of a site that sets none.
func DefaultLimits() Limits {
	return Limits{
		ContentFile: 8 * MiB, SeedFile: 8 * MiB, ImageFile: 40 * MiB,
		LayoutFile: 4 * MiB, DataFile: 4 * MiB, AssetFile: 64 * MiB, StaticFile: 512 * MiB,
		TagsPerArticle: 50,
	}
}

// sizeRE is a size as written in sahifa.toml: "8 MiB", "512MB", "900 KiB".
var sizeRE = regexp.MustCompile(`^\s*([0-9]+)\s*([KMG]I?B|B)?\s*$`)

var sizeUnits = map[string]int64{
	"": 1, "B": 1,
	"KB": 1000, "MB": 1000 * 1000, "GB": 1000 * 1000 * 1000,
	"KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30,
}

// size stores a file size: a whole number of bytes, or a string with a
// unit ("8 MiB", "500 MB"). It must be at least 1 byte.
func (p *parser) size(a assignment, dst *int64) {
	var n int64
	switch v := a.value.(type) {
	case int64:
		n = v
	case string:
		m := sizeRE.FindStringSubmatch(strings.ToUpper(v))
		if m == nil {
			p.fail(a, "must be a size such as \"16 MiB\" or a number of bytes, got %q", v)
			return
		}
		count, err := strconv.ParseInt(m[1], 10, 64)
		unit := sizeUnits[m[2]]
		if err != nil || count > (1<<62)/unit {
			p.fail(a, "%q is too large", v)
			return
		}
		n = count * unit
	default:
		p.fail(a, "must be a size such as \"16 MiB\" or a number of bytes, got %s", describe(a.value))
		return
	}
	if n < 1 {
		p.fail(a, "must be at least 1 byte, got %d", n)
		return
	}
	*dst = n
}

// FormatSize writes a size for a message: "8 MiB", "9.1 MiB", "512 KiB".
func FormatSize(n int64) string {
	switch {
	case n >= MiB:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/MiB)) + " MiB"
	case n >= 1<<10:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }
