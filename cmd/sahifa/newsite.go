package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/output"
)

// siteFiles are what `sahifa new site DIR` writes: settings to edit, a
// content/ folder (kept in git by an empty file, since git keeps no empty
// folder and content/ is what marks a site), and a .gitignore for what
// builds make.
func siteFiles(title string) map[string]string {
	return map[string]string{
		build.ConfigFile: `# This site's settings. Every key is optional and has a default;
# docs/configuration.md lists them all.
title = ` + fmt.Sprintf("%q", title) + `
# Where the site is published: feeds, sitemaps and canonical links use it.
baseURL = "https://example.com/"
language = "ar"
timezone = "Asia/Baghdad"
`,
		"content/.gitkeep": "",
		".gitignore":       "/public/\n/" + build.CacheDir + "/\n",
	}
}

// runNewSite writes a new site folder at the first argument after "site".
// It refuses a folder that exists and is not empty, so that no file of
// the user's is ever overwritten or mixed into a new site.
func runNewSite(fs *flagSet, stdout, stderr io.Writer) int {
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "sahifa new site: give the new site's folder, e.g. sahifa new site akhbar")
		return exitUsage
	}
	for _, f := range []string{"source", "section", "draft"} {
		if fs.Changed(f) {
			fmt.Fprintf(stderr, "sahifa new site: --%s is for new articles, not sites\n", f)
			return exitUsage
		}
	}
	dir := fs.Arg(1)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "sahifa new site: %s already exists and is not empty; choose a new folder name\n", dir)
		return exitFail
	}
	title := filepath.Base(filepath.Clean(dir))
	for name, data := range siteFiles(title) {
		if err := output.CreateNew(filepath.Join(dir, filepath.FromSlash(name)), []byte(data)); err != nil {
			fmt.Fprintf(stderr, "sahifa new site: %v\n", err)
			return exitFail
		}
	}
	fmt.Fprintf(stdout, "%s\n", filepath.ToSlash(dir))
	fmt.Fprintf(stderr, "made the site folder %s; next: cd %s, then sahifa new \"عنوان الخبر\" and sahifa serve -D\n", dir, shellWord(dir))
	return exitOK
}

// shellWord quotes s for a shell command line when it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
