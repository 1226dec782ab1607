// Command corpus writes a deterministic benchmark site (internal/corpus)
// into a folder, for timing sahifa (and Hugo, on the same content/):
//
//	go run ./bench/corpus -n 10000 -out DIR [-seed 1] [-seeds] [-force]
//
// DIR gets sahifa.toml and content/YYYY/SLUG.md; with -seeds also
// seeds/YYYY/SLUG.txt, the same articles as seed texts, for timing
// "sahifa import" (the config turns importing on build off, so a build
// times content/ alone). The same -n and -seed always give the same
// bytes. DIR must be missing or empty; -force writes into a non-empty
// DIR after removing its content/ and seeds/, so no article of an older
// corpus stays behind.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/sahifa/sahifa/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "", "folder to write the site into (required)")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	seeds := flag.Bool("seeds", false, "also write the articles as seed texts under seeds/")
	force := flag.Bool("force", false, "write into a non-empty folder, replacing its content/ and seeds/")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -n N -out DIR [-seed S] [-seeds] [-force]")
		os.Exit(2)
	}
	if err := run(*out, corpus.Options{N: *n, Seed: *seed, Seeds: *seeds}, *force); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(dir string, opts corpus.Options, force bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(entries) > 0 {
		if !force {
			return fmt.Errorf("%s is not empty (use -force to replace its content/ and seeds/)", dir)
		}
		for _, sub := range []string{"content", "seeds"} {
			if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
				return err
			}
		}
	}

	start := time.Now()
	files := corpus.Generate(opts)
	generated := time.Since(start)

	start = time.Now()
	made := map[string]bool{}
	var size int64
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
		size += int64(len(f.Data))
	}
	fmt.Fprintf(os.Stderr, "corpus: %d articles, %d files, %.1f MB in %s: generated in %s, written in %s\n",
		opts.N, len(files), float64(size)/1e6, dir, generated.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	return nil
}
