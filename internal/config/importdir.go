package config

import (
	"fmt"
	"path"
	"strings"
)

// applyImportDir keeps imported articles where the build loads them:
// content/ or a folder in it. Anything else would write where the build
// never reads (public/, layouts/, the site root), or outside the site.
func applyImportDir(p *parser, a assignment) { p.normalized(a, importDir, &p.cfg.Import.Dir) }

// importDir cleans an [import] dir value into a slash path that is
// "content" or below it, or says why it cannot be one.
func importDir(s string) (string, error) {
	const hint = `; imported articles go in "content" or a folder in it, such as "content/imported"`
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", fmt.Errorf(`must name a folder, such as "content"`)
	case strings.Contains(s, "\\"):
		return "", fmt.Errorf("%q: write the folder with \"/\", relative to the site%s", s, hint)
	case path.IsAbs(s):
		return "", fmt.Errorf("%q is an absolute path%s", s, hint)
	}
	dir := path.Clean(s)
	if dir != "content" && !strings.HasPrefix(dir, "content/") {
		return "", fmt.Errorf("%q is outside content/%s", s, hint)
	}
	// The loader skips hidden folders (content.SkipsDir, which config
	// cannot import: content depends on config through sitefs);
	// TestImportDirAgreesWithLoader in internal/importer keeps the two in
	// step.
	for _, seg := range strings.Split(dir, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", fmt.Errorf("%q: the build skips the hidden folder %q%s", s, seg, hint)
		}
	}
	return dir, nil
}
