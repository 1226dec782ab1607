package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// NotSiteError is the refusal to work in a folder that is not a site: a
// build there would write public/ and .sahifa-cache/ into whatever folder
// a typo named and succeed with an empty site, which CI would deploy.
type NotSiteError struct {
	Dir     string
	Missing bool // the folder does not exist at all
}

func (e *NotSiteError) Error() string {
	what := fmt.Sprintf("is not a site folder: it has neither %s nor content/", ConfigFile)
	if e.Missing {
		what = "does not exist"
	}
	return fmt.Sprintf("%s %s; start a site with \"sahifa new site NAME\", or pass -s DIR with the site's folder", shownDir(e.Dir), what)
}

// CheckSite returns a *NotSiteError unless dir is a site folder: one that
// holds sahifa.toml or content/. It is the one rule that build, serve,
// import and new apply before reading or writing anything.
func CheckSite(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return &NotSiteError{Dir: dir, Missing: true}
	}
	for _, p := range []string{ConfigFile, "content"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			return nil
		}
	}
	return &NotSiteError{Dir: dir}
}

// shownDir names dir for a message: "." alone would not say which folder.
func shownDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil && filepath.Clean(dir) == "." {
		return fmt.Sprintf("this folder (%s)", abs)
	}
	return dir
}
