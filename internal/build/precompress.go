package build

// --precompress: a .gz and a .br twin beside every text output, for hosts
// that serve a file's precompressed twin instead of compressing it on each
// request (nginx gzip_static and brotli_static, Caddy's precompressed).
// Twins are ordinary output files: the output transaction writes them only
// when their bytes change and removes them when their original goes away
// or stops getting them, so a stale twin is never left beside a new page.

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/sahifa/sahifa/internal/output"
)

const (
	// precompressMin is the smallest file given twins: below it a twin
	// saves a few dozen bytes, less than a packet, and costs a file.
	precompressMin = 256
	// Levels, measured on the pages of a 1,000-article site (compressed
	// size / CPU speed on one core): gzip 6 and 9 both 21.5%, 9 ~15%
	// slower, ~35 MB/s: the best level costs little. Brotli 6: 19.1% at
	// ~28 MB/s; 9 saves 2% more at less than half the speed; 11 saves 12%
	// more at 0.7 MB/s, minutes for a large archive. Go's gzip writes
	// the same bytes for the same input, as reproducible builds need.
	gzipLevel   = gzip.BestCompression
	brotliLevel = 6
)

// Media types of the twins themselves. Brotli has no registered type;
// these are what the output layer sees, not what hosts send (they send
// the original's type with Content-Encoding).
const (
	gzipMediaType   = "application/gzip"
	brotliMediaType = "application/x-brotli"
)

// textExt reports whether ext names text, whatever the file's media type
// says: the media type of a static file comes from the machine's MIME
// table, which may not know .webmanifest or .map.
func textExt(ext string) bool {
	switch ext {
	case ".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg",
		".webmanifest", ".map", ".rss", ".atom", ".csv", ".md", ".ics", ".xsl":
		return true
	}
	return false
}

// compressible reports whether f is text worth twins: a text media type
// or extension, at least precompressMin bytes, and not itself compressed.
func compressible(f output.File) bool {
	if len(f.Data) < precompressMin {
		return false
	}
	ext := strings.ToLower(path.Ext(f.Path))
	if ext == ".gz" || ext == ".br" || ext == ".svgz" {
		return false
	}
	if textExt(ext) {
		return true
	}
	mt := f.MediaType
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = mt[:i]
	}
	mt = strings.TrimSpace(strings.ToLower(mt))
	switch {
	case strings.HasPrefix(mt, "text/"),
		strings.HasSuffix(mt, "+xml"), strings.HasSuffix(mt, "+json"):
		return true
	}
	switch mt {
	case "application/json", "application/xml", "application/javascript":
		return true
	}
	return false
}

// precompressor makes twins. It keeps its compressors for reuse: a new
// brotli writer allocates and clears its hash tables, which on the example
// site made compressing five times slower than reusing one. The pools
// belong to one build, so nothing is shared between builds.
type precompressor struct {
	gz sync.Pool // *gzip.Writer
	br sync.Pool // *brotli.Writer
}

// precompressed returns f's twins: f.Path+".gz" and f.Path+".br", each
// only when it is smaller than f. It returns none for files that are not
// text or are too small. The same input always gives the same bytes: the
// gzip header carries no name and no modification time, so builds stay
// reproducible and unchanged twins are not rewritten. Safe for
// concurrent use.
func (p *precompressor) precompressed(f output.File) ([]output.File, error) {
	if !compressible(f) {
		return nil, nil
	}
	var twins []output.File
	gz, err := p.gzip(f.Data)
	if err != nil {
		return nil, err
	}
	if len(gz) < len(f.Data) {
		twins = append(twins, output.File{Path: f.Path + ".gz", MediaType: gzipMediaType, Data: gz, Key: f.Key})
	}
	br, err := p.brotli(f.Data)
	if err != nil {
		return nil, err
	}
	if len(br) < len(f.Data) {
		twins = append(twins, output.File{Path: f.Path + ".br", MediaType: brotliMediaType, Data: br, Key: f.Key})
	}
	return twins, nil
}

func (p *precompressor) gzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w, _ := p.gz.Get().(*gzip.Writer)
	if w == nil {
		var err error
		if w, err = gzip.NewWriterLevel(&buf, gzipLevel); err != nil {
			return nil, err
		}
	} else {
		w.Reset(&buf) // Reset keeps the level and clears the header
	}
	defer p.gz.Put(w)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (p *precompressor) brotli(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w, _ := p.br.Get().(*brotli.Writer)
	if w == nil {
		w = brotli.NewWriterLevel(&buf, brotliLevel)
	} else {
		w.Reset(&buf)
	}
	defer p.br.Put(w)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// precompressing wraps a build's write func so each file is followed by
// its twins (build.Run, with Options.Precompress).
func precompressing(write func(output.File) error) func(output.File) error {
	p := &precompressor{}
	return func(f output.File) error {
		twins, err := p.precompressed(f)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			return err
		}
		for _, t := range twins {
			if err := write(t); err != nil {
				return err
			}
		}
		return nil
	}
}
