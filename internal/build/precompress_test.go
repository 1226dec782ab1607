package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/sahifa/sahifa/internal/output"
)

// arabicText is compressible text of n bytes or more.
func arabicText(n int) []byte {
	var b bytes.Buffer
	for b.Len() < n {
		fmt.Fprintf(&b, "<p>توافق بين بايدن والكاظمي على كبح جماح الميليشيات %d</p>\n", b.Len())
	}
	return b.Bytes()
}

func gunzip(t *testing.T, data []byte) ([]byte, *gzip.Reader) {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out, r
}

func unbrotli(t *testing.T, data []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPrecompressedTwins(t *testing.T) {
	text := arabicText(4000)
	for _, f := range []output.File{
		{Path: "2021/02/24/توافق/index.html", MediaType: "text/html"},
		{Path: "css/main.0123456789ab.css", MediaType: "text/css"},
		{Path: "js/search.0123456789ab.js", MediaType: "text/javascript"},
		{Path: "feed.json", MediaType: "application/json"},
		{Path: "tags/العراق/index.xml", MediaType: "application/rss+xml"},
		{Path: "atom.xml", MediaType: "application/atom+xml"},
		{Path: "sitemap.xml", MediaType: "application/xml"},
		{Path: "robots.txt", MediaType: "text/plain"},
		{Path: "logo.svg", MediaType: "image/svg+xml"},
		// The MIME table may not know the extension: it still is text.
		{Path: "site.webmanifest", MediaType: "application/octet-stream"},
		// Nor the media type the extension.
		{Path: "data/export", MediaType: "application/ld+json"},
	} {
		f.Data = text
		twins, err := (&precompressor{}).precompressed(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(twins) != 2 || twins[0].Path != f.Path+".gz" || twins[1].Path != f.Path+".br" {
			t.Errorf("%s: twins %v", f.Path, paths(twins))
			continue
		}
		got, _ := gunzip(t, twins[0].Data)
		if !bytes.Equal(got, text) {
			t.Errorf("%s.gz does not decompress to the original", f.Path)
		}
		if !bytes.Equal(unbrotli(t, twins[1].Data), text) {
			t.Errorf("%s.br does not decompress to the original", f.Path)
		}
		for _, tw := range twins {
			if len(tw.Data) >= len(text)/2 {
				t.Errorf("%s: %d bytes from %d: barely compressed", tw.Path, len(tw.Data), len(text))
			}
		}
	}
}

func TestPrecompressedSkips(t *testing.T) {
	noise := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	for _, f := range []output.File{
		{Path: "index.html", MediaType: "text/html", Data: arabicText(precompressMin)[:precompressMin-1]},
		{Path: "images/a-480.jpg", MediaType: "image/jpeg", Data: arabicText(4000)},
		{Path: "font.woff2", MediaType: "font/woff2", Data: arabicText(4000)},
		{Path: "data.bin", MediaType: "application/octet-stream", Data: arabicText(4000)},
		{Path: "old.html.gz", MediaType: "application/gzip", Data: arabicText(4000)},
		{Path: "old.html.br", MediaType: "text/html", Data: arabicText(4000)},
		// Text that does not shrink gets no twin: it would cost bytes.
		{Path: "noise.txt", MediaType: "text/plain", Data: noise},
	} {
		twins, err := (&precompressor{}).precompressed(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(twins) != 0 {
			t.Errorf("%s (%s, %d bytes): twins %v, want none", f.Path, f.MediaType, len(f.Data), paths(twins))
		}
	}
	f := output.File{Path: "index.html", MediaType: "text/html", Data: arabicText(precompressMin)[:precompressMin]}
	if twins, _ := (&precompressor{}).precompressed(f); len(twins) != 2 {
		t.Errorf("a %d-byte page: twins %v, want .gz and .br", precompressMin, paths(twins))
	}
}

// TestPrecompressedDeterministic: reused compressors, fresh ones and many
// goroutines give the same bytes, and the gzip header names no file and
// no time, so two builds of one site are byte-identical.
func TestPrecompressedDeterministic(t *testing.T) {
	inputs := make([]output.File, 8)
	for i := range inputs {
		inputs[i] = output.File{Path: fmt.Sprintf("p%d/index.html", i), MediaType: "text/html", Data: arabicText(1000 * (i + 1))}
	}
	want := make([][]output.File, len(inputs))
	for i, f := range inputs {
		twins, err := (&precompressor{}).precompressed(f)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = twins
		_, r := gunzip(t, twins[0].Data)
		if r.Name != "" || !r.ModTime.IsZero() || r.Comment != "" || r.Extra != nil {
			t.Errorf("gzip header: name %q, mtime %v, comment %q, extra %q", r.Name, r.ModTime, r.Comment, r.Extra)
		}
	}
	shared := &precompressor{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for round := range 3 {
				for i := range inputs {
					i := (i + round) % len(inputs)
					got, err := shared.precompressed(inputs[i])
					if err != nil {
						t.Error(err)
						return
					}
					for j := range got {
						if !bytes.Equal(got[j].Data, want[i][j].Data) {
							t.Errorf("%s differs with a reused compressor", got[j].Path)
						}
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestPrecompressBuild: twins are ordinary outputs of a build: written
// beside every text file, not rewritten when unchanged, and removed by a
// build without --precompress.
func TestPrecompressBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	build := func(precompress bool) Result {
		t.Helper()
		res, err := Run(Options{Source: "testdata/site", Destination: dest, Now: buildNow, CacheDir: cache, NoImport: true, Precompress: precompress})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	first := build(true)
	files := tree(t, dest)
	twins := 0
	for p, data := range files {
		switch filepath.Ext(p) {
		case ".gz":
			twins++
			got, _ := gunzip(t, data)
			if orig := strings.TrimSuffix(p, ".gz"); !bytes.Equal(got, files[orig]) {
				t.Errorf("%s is not %s compressed", p, orig)
			}
		case ".br":
			twins++
			if orig := strings.TrimSuffix(p, ".br"); !bytes.Equal(unbrotli(t, data), files[orig]) {
				t.Errorf("%s is not %s compressed", p, orig)
			}
		case ".html", ".css", ".js", ".xml", ".json":
			if len(data) >= precompressMin && (files[p+".gz"] == nil || files[p+".br"] == nil) {
				t.Errorf("%s (%d bytes) has no twins", p, len(data))
			}
		case ".jpg", ".png", ".webp":
			if files[p+".gz"] != nil || files[p+".br"] != nil {
				t.Errorf("%s: an image got twins", p)
			}
		}
	}
	if files["index.html.gz"] == nil || twins < 20 {
		t.Fatalf("%d twins, index.html.gz %v", twins, files["index.html.gz"] != nil)
	}
	if p := build(false).Pages; p != first.Pages {
		t.Errorf("pages %d without twins, %d with: twins counted as pages", p, first.Pages)
	}
	// Back to twins: they come back...
	build(true)
	// ...and a build with nothing changed rewrites none of them.
	again := build(true)
	if again.Files.Written != 0 || again.Files.Removed != 0 {
		t.Errorf("unchanged build with twins: %+v, want nothing written or removed", again.Files)
	}
	if got := tree(t, dest); len(got) != len(files) {
		t.Errorf("%d files after rebuilding, %d at first", len(got), len(files))
	}

	plain := build(false)
	if plain.Files.Removed != twins || plain.Files.Written != 0 {
		t.Errorf("build without --precompress: %+v, want %d removed, none written", plain.Files, twins)
	}
	for p := range tree(t, dest) {
		if strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") {
			t.Errorf("%s left behind by a build without --precompress", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
}

func paths(files []output.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}
