package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/importer/wordpress"
)

// wpImport is sahifa import --from wordpress's flags.
type wpImport struct {
	source, from, uploads, categories string
	args                              []string
	force, dryRun, quiet, verbose     bool
}

// skipWhy says why items of a kind are not imported, and what to do.
var skipWhy = map[string]string{
	"private":            "private (not public on WordPress either)",
	"trash":              "in the trash",
	"password-protected": "password-protected (a static site cannot ask for a password)",
	"auto-draft":         "auto-drafts (WordPress's empty placeholders)",
	"inherit":            "revisions",
	"nav_menu_item":      "menu items (write [[menu.main]] in sahifa.toml)",
}

func runImportWordPress(o wpImport, stdout, stderr io.Writer) int {
	if o.from != "wordpress" {
		fmt.Fprintf(stderr, "sahifa import: --from %q: sahifa imports from wordpress only (or, without --from, the seeds in seeds/)\n", o.from)
		return exitUsage
	}
	if len(o.args) != 1 {
		fmt.Fprintf(stderr, "sahifa import: --from wordpress takes one export file (Tools → Export in WordPress), got %d\n", len(o.args))
		return exitUsage
	}
	st, err := build.LoadConfig(o.source)
	for _, w := range st.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		printErrors(stderr, err)
		return exitFail
	}
	res, err := wordpress.Run(wordpress.Options{
		Root: o.source, Config: st.Config, Export: o.args[0], Uploads: o.uploads,
		Categories: o.categories, Force: o.force, DryRun: o.dryRun,
	})
	if !o.quiet {
		for _, w := range res.Warnings {
			fmt.Fprintln(stderr, w)
		}
	}
	report := importer.Result{Done: res.Done}
	reportImport(stdout, stderr, report, importReport{dryRun: o.dryRun, quiet: o.quiet, verbose: o.verbose, always: true})
	if !o.quiet {
		for _, line := range wordpressSummary(res, o) {
			fmt.Fprintln(stdout, line)
		}
	}
	if err != nil {
		printErrors(stderr, err)
		return exitFail
	}
	return exitOK
}

// wordpressSummary is what the import found, beyond the files' counts:
// posts, drafts, pages, pictures, old URLs and what was skipped.
func wordpressSummary(res wordpress.Result, o wpImport) []string {
	lines := []string{fmt.Sprintf("wordpress: %d %s, %d %s, %d %s",
		res.Posts, plural(res.Posts, "post", "posts"), res.Drafts, plural(res.Drafts, "draft", "drafts"), res.Pages, plural(res.Pages, "page", "pages"))}
	imgs := fmt.Sprintf("wordpress: pictures: %d copied, %d missing from --uploads", res.ImagesCopied, res.ImagesMissing)
	if res.ImagesRemote > 0 {
		imgs += fmt.Sprintf(", %d left at the old site's address (give --uploads wp-content/uploads to copy them)", res.ImagesRemote)
	}
	lines = append(lines, imgs)
	links := fmt.Sprintf("wordpress: %d old %s kept as aliases", res.Aliases, plural(res.Aliases, "permalink", "permalinks"))
	if res.Redirects > 0 {
		links += fmt.Sprintf("; %d ?p= links cannot be served by static files: redirects written to %s (Netlify) and %s (nginx: include it, see docs/import.md)",
			res.Redirects, wordpress.RedirectsFile, wordpress.NginxFile)
	}
	lines = append(lines, links)
	if res.Unconverted > 0 {
		lines = append(lines, fmt.Sprintf("wordpress: %d %s with HTML kept as written (see the warnings)", res.Unconverted, plural(res.Unconverted, "post", "posts")))
	}
	if len(res.Skipped) > 0 {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(res.Skipped)) {
			why := skipWhy[k]
			if why == "" {
				why = k + " items (not posts or pages)"
			}
			parts = append(parts, fmt.Sprintf("%d %s", res.Skipped[k], why))
		}
		lines = append(lines, "wordpress: skipped: "+strings.Join(parts, ", "))
	}
	if o.categories == wordpress.Taxonomy {
		lines = append(lines, `wordpress: categories are listed under categories:; add [taxonomies] category = "categories" to sahifa.toml to give each a page`)
	}
	return lines
}
