package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/importer/wordpress"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", "[FILES…] | --from wordpress EXPORT.xml", stderr)
	source := fs.StringP("source", "s", ".", "site root `DIR`")
	force := fs.Bool("force", false, "overwrite Markdown files an editor changed since they were imported")
	dryRun := fs.Bool("dry-run", false, "say what would be written, write nothing")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	verbose := fs.Bool("verbose", false, "list every seed imported, not only the counts and what needs attention")
	from := fs.String("from", "", "import another system's export instead of seeds/: `wordpress` (a WXR file from Tools → Export)")
	uploads := fs.String("uploads", "", "with --from wordpress: WordPress's wp-content/uploads `DIR`, to copy pictures beside their articles")
	categories := fs.String("categories", wordpress.Sections, "with --from wordpress: categories become `sections` (folders) or a `taxonomy` (categories: in front matter)")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if notSite("import", *source, stderr) {
		return exitUsage
	}
	if *from != "" || *uploads != "" {
		return runImportWordPress(wpImport{
			source: *source, from: *from, uploads: *uploads, categories: *categories, args: fs.Args(),
			force: *force, dryRun: *dryRun, quiet: *quiet, verbose: *verbose,
		}, stdout, stderr)
	}
	// Named seeds must be files under seeds/: a usage error otherwise.
	var bad []string
	for _, f := range fs.Args() {
		if err := importer.CheckSeedArg(*source, f); err != nil {
			bad = append(bad, err.Error())
		}
	}
	if len(bad) > 0 {
		for _, b := range bad {
			fmt.Fprintf(stderr, "sahifa import: %s\n", b)
		}
		return exitUsage
	}
	st, err := build.LoadConfig(*source)
	for _, w := range st.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		printErrors(stderr, err)
		return exitFail
	}
	res, err := importer.Run(importer.Options{
		Root: *source, Config: st.Config, Files: fs.Args(),
		Force: *force, DryRun: *dryRun, DefaultTags: sahifa.DefaultTags,
		CacheDir: filepath.Join(*source, build.CacheDir),
	})
	for _, w := range res.Warnings {
		if !*quiet {
			fmt.Fprintln(stderr, w)
		}
	}
	reportImport(stdout, stderr, res, importReport{dryRun: *dryRun, quiet: *quiet, verbose: *verbose, always: true})
	if err != nil {
		printErrors(stderr, err)
		fmt.Fprintf(stderr, "sahifa import: %d %s could not be imported; nothing was written for %s\n",
			len(diag.Flatten(err)), plural(len(diag.Flatten(err)), "seed", "seeds"), plural(len(diag.Flatten(err)), "it", "them"))
		return exitFail
	}
	return exitOK
}

// importReport is how much reportImport says.
type importReport struct {
	dryRun, quiet bool
	// verbose lists every seed written; a dry run lists them too, since
	// that list is what it is for.
	verbose bool
	// always prints the counts even when nothing was written or left
	// alone (sahifa import; a build says nothing of an import that did
	// nothing).
	always bool
}

// reportImport prints what an import did: a line for each seed that needs
// attention (left alone because an editor changed its Markdown or no
// import made it), whatever the options; a line for each seed written
// when verbose; then the counts. A thousand seeds make one line, not a
// thousand.
func reportImport(stdout, stderr io.Writer, res importer.Result, o importReport) {
	verb := map[importer.Action]string{importer.Create: "created", importer.Update: "updated", importer.Force: "overwritten (--force)"}
	if o.dryRun {
		verb = map[importer.Action]string{importer.Create: "would create", importer.Update: "would update", importer.Force: "would overwrite (--force)"}
	}
	for _, d := range res.Done {
		switch d.Action {
		case importer.Edited, importer.Foreign:
			fmt.Fprintln(stderr, d.LeftAlone("use sahifa import --force"))
		case importer.Unchanged:
		default:
			if !o.quiet && (o.verbose || o.dryRun) {
				fmt.Fprintf(stdout, "%s → %s: %s\n", d.Seed, d.Markdown, verb[d.Action])
			}
		}
	}
	written := res.Count(importer.Create) + res.Count(importer.Update) + res.Count(importer.Force)
	leftAlone := res.Count(importer.Edited) + res.Count(importer.Foreign)
	if o.quiet || (!o.always && written+leftAlone == 0) {
		return
	}
	would := ""
	if o.dryRun {
		would = "would be "
	}
	fmt.Fprintf(stdout, "import: %d %screated, %d %supdated, %d unchanged, %d left alone (edited, or not imported)\n",
		res.Count(importer.Create), would, res.Count(importer.Update)+res.Count(importer.Force), would, res.Count(importer.Unchanged), leftAlone)
}

func printErrors(w io.Writer, err error) {
	for _, e := range diag.Flatten(err) {
		fmt.Fprintln(w, e)
	}
}
