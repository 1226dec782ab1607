package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/watch"
)

// NowEnv fixes the build time, like --now, for reproducible builds in CI.
const NowEnv = "SAHIFA_NOW"

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "", stderr)
	var (
		opts           build.Options
		minify         bool
		quiet, verbose bool
		now            string
		watching       bool
		debounce       time.Duration
		cpuProfile     string
		memProfile     string
	)
	fs.StringVarP(&opts.Source, "source", "s", ".", "site root `DIR`")
	fs.StringVarP(&opts.Destination, "destination", "d", "", "output `DIR` (default public under the source)")
	fs.StringVarP(&opts.BaseURL, "baseURL", "b", "", "site `URL`, e.g. https://example.github.io/news/ (overrides sahifa.toml)")
	fs.BoolVarP(&opts.Drafts, "buildDrafts", "D", false, "include drafts")
	fs.BoolVarP(&opts.Future, "buildFuture", "F", false, "include articles dated in the future")
	fs.BoolVarP(&opts.Expired, "buildExpired", "E", false, "include expired articles")
	fs.BoolVar(&minify, "minify", true, "minify HTML, CSS, JS, JSON, XML and SVG (--minify=false to turn off)")
	fs.BoolVar(&opts.Precompress, "precompress", false, "also write .gz and .br twins of text files, for hosts that serve them (nginx gzip_static)")
	fs.StringVar(&now, "now", "", "build `TIME` (RFC 3339) deciding future and expired articles; also "+NowEnv)
	fs.BoolVar(&quiet, "quiet", false, "print nothing but errors")
	fs.BoolVar(&verbose, "verbose", false, "say more about the build: how long each stage took, and each seed imported")
	fs.BoolVar(&watching, "watch", false, "stay running and rebuild on every change to the site's files")
	fs.DurationVar(&debounce, "debounce", watch.DefaultQuiet, "with --watch, quiet `TIME` after the last file event before rebuilding")
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to `FILE` (go tool pprof reads it)")
	fs.StringVar(&memProfile, "memprofile", "", "write a heap profile to `FILE` when the render stage ends, near the build's peak (go tool pprof reads it)")
	langFlag := addLangFlag(fs)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sahifa build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if notSite("build", opts.Source, stderr) {
		return exitUsage
	}
	lang, ok := messageLang("build", *langFlag, opts.Source, stderr)
	if !ok {
		return exitUsage
	}
	opts.Lang = &lang
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "sahifa build: --cpuprofile: %v\n", err)
			return exitUsage
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if fs.Changed("minify") {
		opts.Minify = &minify
	}
	t, ok := parseNow(now, "build", stderr)
	if !ok {
		return exitUsage
	}
	opts.Now = t
	if watching {
		return watchBuild(opts, debounce, quiet, stdout, stderr)
	}

	var progress *progressLine
	if !quiet {
		progress = newProgressLine(stderr, verbose, lang)
		opts.Progress = progress.update
	}
	if memProfile != "" {
		opts.Progress = heapProfileAfterRender(memProfile, opts.Progress, stderr)
	}
	res, err := build.Run(opts)
	if progress != nil {
		progress.clear()
	}
	// The import's warnings are part of res.Warnings, printed below.
	reportImport(stdout, stderr, res.Imported, importReport{quiet: quiet, verbose: verbose})
	for _, w := range res.Warnings {
		if !quiet {
			fmt.Fprintln(stderr, w)
		}
	}
	if err != nil {
		errs := diag.Flatten(err)
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintln(stderr, msgFailed(lang, len(errs), res.Destination))
		return exitFail
	}
	if !quiet {
		fmt.Fprintln(stdout, msgBuilt(lang, res))
		for _, l := range msgHeld(lang, res.Held) {
			fmt.Fprintln(stdout, l)
		}
		if verbose {
			fmt.Fprintf(stdout, "output in %s\n", res.Destination)
		}
		if res.Files.Foreign > 0 {
			fmt.Fprintln(stderr, msgForeign(lang, res.Files.Foreign, res.Destination))
		}
	}
	return exitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// heapProfileAfterRender wraps a build's progress function so that, when
// the render stage ends (what the build holds is largest then: the site,
// the memos and the output manifest), the heap is written to path.
func heapProfileAfterRender(path string, next func(build.Progress), stderr io.Writer) func(build.Progress) {
	return func(p build.Progress) {
		if p.Stage == "render" && p.Ended {
			runtime.GC() // the profile shows the heap as of the last collection
			f, err := os.Create(path)
			if err == nil {
				err = errors.Join(pprof.Lookup("heap").WriteTo(f, 0), f.Close())
			}
			if err != nil {
				fmt.Fprintf(stderr, "sahifa build: --memprofile: %v\n", err)
			}
		}
		if next != nil {
			next(p)
		}
	}
}
