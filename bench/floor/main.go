// Command floor measures the least work a static site generator does per
// article, as issue 8 defines the floor: read each article, render its
// Markdown with goldmark, minify it and write it into its own file,
// nothing else (no templates beyond a fixed wrapper, no lists, feeds,
// sitemaps or search), on every core. bench/run times it beside sahifa
// and Hugo, so "sahifa within 2× of the floor" is measured on the same
// machine in the same run.
//
//	go run ./bench/floor -out DIR CONTENT_DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/yuin/goldmark"
)

func main() {
	out := flag.String("out", "", "output `DIR` (must not exist)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor -out DIR CONTENT_DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	var paths []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	jobs := make(chan string)
	errs := make(chan error, len(paths))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := goldmark.New()
			m := minify.New()
			m.AddFunc("text/html", html.Minify)
			var buf, min bytes.Buffer
			for p := range jobs {
				errs <- page(p, src, out, md, m, &buf, &min)
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	fmt.Printf("%d articles\n", len(paths))
	return nil
}

func page(p, src, out string, md goldmark.Markdown, m *minify.M, buf, min *bytes.Buffer) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	// Skip the front matter: the floor reads no metadata.
	if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			data = rest[i+5:]
		}
	}
	buf.Reset()
	buf.WriteString(`<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مقال</title></head><body><main>`)
	if err := md.Convert(data, buf); err != nil {
		return err
	}
	buf.WriteString("</main></body></html>")
	min.Reset()
	if err := m.Minify("text/html", min, buf); err != nil {
		return err
	}
	rel, _ := filepath.Rel(src, p)
	dst := filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, min.Bytes(), 0o644)
}
