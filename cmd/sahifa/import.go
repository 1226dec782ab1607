package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/importer"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", "[FILES…]", stderr)
	source := fs.StringP("source", "s", ".", "site root `DIR`")
	force := fs.Bool("force", false, "overwrite Markdown files an editor changed since they were imported")
	dryRun := fs.Bool("dry-run", false, "say what would be written, write nothing")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if notSite("import", *source, stderr) {
		return exitUsage
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
	reportImport(stdout, stderr, res, *dryRun, *quiet, true)
	if err != nil {
		printErrors(stderr, err)
		fmt.Fprintf(stderr, "sahifa import: %d %s could not be imported; nothing was written for %s\n",
			len(diag.Flatten(err)), plural(len(diag.Flatten(err)), "seed", "seeds"), plural(len(diag.Flatten(err)), "it", "them"))
		return exitFail
	}
	return exitOK
}

// reportImport prints what an import did: one line per seed that changed
// or was left alone because an editor changed its Markdown or no import
// made it (always: that one needs attention), then, with summary, the
// counts.
func reportImport(stdout, stderr io.Writer, res importer.Result, dryRun, quiet, summary bool) {
	verb := map[importer.Action]string{importer.Create: "created", importer.Update: "updated", importer.Force: "overwritten (--force)"}
	if dryRun {
		verb = map[importer.Action]string{importer.Create: "would create", importer.Update: "would update", importer.Force: "would overwrite (--force)"}
	}
	for _, d := range res.Done {
		switch d.Action {
		case importer.Edited, importer.Foreign:
			fmt.Fprintln(stderr, d.LeftAlone("use sahifa import --force"))
		case importer.Unchanged:
		default:
			if !quiet {
				fmt.Fprintf(stdout, "%s → %s: %s\n", d.Seed, d.Markdown, verb[d.Action])
			}
		}
	}
	if summary && !quiet {
		would := ""
		if dryRun {
			would = "would be "
		}
		fmt.Fprintf(stdout, "import: %d %screated, %d %supdated, %d unchanged, %d left alone (edited, or not imported)\n",
			res.Count(importer.Create), would, res.Count(importer.Update)+res.Count(importer.Force), would, res.Count(importer.Unchanged), res.Count(importer.Edited)+res.Count(importer.Foreign))
	}
}

func printErrors(w io.Writer, err error) {
	for _, e := range diag.Flatten(err) {
		fmt.Fprintln(w, e)
	}
}
