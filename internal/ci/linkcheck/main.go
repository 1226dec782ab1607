// Command linkcheck checks a built site for broken internal links, images,
// stylesheets, scripts, feed and sitemap URLs and fragments (package
// internal/linkcheck). CI runs it on every site it builds:
//
//	go run ./internal/ci/linkcheck -base https://example.github.io/news/ public
//
// It prints each problem as DIR/page:line: broken link URL (reason) and
// exits 1 when there is any, 2 on a usage or read error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sahifa/sahifa/internal/linkcheck"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("linkcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "the `URL` the site was built for and is published at, e.g. https://example.github.io/news/")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: linkcheck -base URL DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *base == "" {
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "linkcheck: %s is not a folder\n", dir)
		return 2
	}
	rep, err := linkcheck.CheckReport(os.DirFS(dir), *base)
	if err != nil {
		fmt.Fprintln(stderr, "linkcheck:", err)
		return 2
	}
	for _, p := range rep.Problems {
		p.Page = filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p.Page)))
		fmt.Fprintln(stdout, p)
	}
	// A check that read nothing would pass anything: say what it read, and
	// fail on an empty site.
	if rep.Files == 0 || rep.Internal == 0 {
		fmt.Fprintf(stderr, "linkcheck: %s: found %d files and %d internal links: nothing to check\n", dir, rep.Files, rep.Internal)
		return 1
	}
	if len(rep.Problems) > 0 {
		fmt.Fprintf(stderr, "linkcheck: %s (%s): %d problems in %d files, %d internal links\n", dir, *base, len(rep.Problems), rep.Files, rep.Internal)
		return 1
	}
	fmt.Fprintf(stdout, "linkcheck: %s (%s): %d files, %d internal links, no problems\n", dir, *base, rep.Files, rep.Internal)
	return 0
}
