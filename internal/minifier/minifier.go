// Package minifier shrinks output by media type with tdewolff/minify.
package minifier

import (
	"bytes"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies bytes by media type. The zero value and a disabled one
// return their input unchanged. It is safe for concurrent use.
type Minifier struct {
	m *minify.M
}

// New returns a minifier; enabled false gives one that changes nothing, so
// callers need no branches.
func New(enabled bool) *Minifier {
	if !enabled {
		return &Minifier{}
	}
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		// Keep what browsers and validators need to read the page right:
		// the doctype, <html lang dir>, <head> and quotes stay, so
		// the output remains valid HTML5 that the Nu checker accepts.
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepSpecialComments: true,
	})
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return &Minifier{m: m}
}

// Bytes minifies data of the given media type. Media types it does not know
// pass through unchanged.
func (mf *Minifier) Bytes(mediaType string, data []byte) ([]byte, error) {
	if mf == nil || mf.m == nil {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	// Without spare capacity, the parser works on a copy made once, at
	// its size, and data stays as it was (see minify).
	known, err := mf.minify(&out, mediaType, data[:len(data):len(data)])
	switch {
	case err != nil:
		return nil, err
	case !known:
		return data, nil
	}
	return out.Bytes(), nil
}

// Into minifies src, of the given media type, into dst, which it resets:
// for pages rendered by the thousand into buffers kept for reuse. src is
// scratch: the parser works on its bytes in place (it collapses white
// space where it stands, and ends its input with a NUL in the spare
// capacity), so the page is neither copied in nor grown out, and src's
// contents are undefined afterwards. Unknown media types and a disabled
// minifier copy src as it is.
func (mf *Minifier) Into(dst *bytes.Buffer, mediaType string, src *bytes.Buffer) error {
	dst.Reset()
	if mf == nil || mf.m == nil {
		dst.Write(src.Bytes())
		return nil
	}
	dst.Grow(src.Len())
	src.Grow(1)
	known, err := mf.minify(dst, mediaType, src.Bytes())
	if !known {
		dst.Write(src.Bytes())
	}
	return err
}

// minify minifies data into dst; known is false, with nothing written,
// for a media type it has no minifier for. The parser wants its input
// whole, ending in a NUL, and rewrites it in place: from a reader with
// Bytes it takes the slice itself (writing the NUL into its spare
// capacity, or copying it once when it has none) rather than a copy
// io.ReadAll grows from 512 bytes (900 MB allocated for 20,000 pages).
func (mf *Minifier) minify(dst *bytes.Buffer, mediaType string, data []byte) (known bool, err error) {
	err = mf.m.Minify(mediaType, dst, wholeInput{bytes.NewReader(data), data})
	if err == minify.ErrNotExist {
		return false, nil
	}
	return true, err
}

// wholeInput is a reader that also gives its bytes at once, as the
// parser of package minify asks readers to (parse.NewInput).
type wholeInput struct {
	*bytes.Reader
	data []byte
}

func (w wholeInput) Bytes() []byte { return w.data }
