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
	err := mf.m.Minify(mediaType, &out, bytes.NewReader(data))
	if err == minify.ErrNotExist {
		return data, nil
	}
	if err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
