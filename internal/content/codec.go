package content

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/wire"
)

// A page's metadata (everything but its Markdown body) is kept between
// builds in a compact binary form, so a build parses only the files that
// changed (Parsed). gob and JSON were not used: both lose a time's
// location, and a date must come back in the site's time zone, as
// written, for pages to render the same bytes.

// codecVersion changes with the layout below or with anything that makes
// Parse give another Page for the same file: records of another version
// are parsed again.
const codecVersion = 4

// EncodePage is the record of p without its body.
func encodePage(p *Page, opts Options) []byte {
	e := encoder{loc: opts.location()}
	e.uint(codecVersion)
	for _, s := range []string{p.Path, p.Title, p.Description, p.Summary, p.Slug, p.URL, p.Image, p.Hash} {
		e.string(s)
	}
	for _, t := range []time.Time{p.Date, p.PublishDate, p.Lastmod, p.ExpiryDate} {
		e.time(t)
	}
	e.bool(p.Draft)
	e.strings(p.Tags)
	e.strings(p.Aliases)
	e.int(int64(p.Weight))
	e.int(int64(p.ImageLine))
	e.int(int64(p.BodyLine))
	e.strings(p.Authors)
	e.bool(p.Breaking)
	e.string(p.Correction.Text)
	e.time(p.Correction.Date)
	e.bool(p.NoRender)
	e.bool(p.Unlisted)
	e.uint(uint64(len(p.Lines)))
	for k, v := range p.Lines {
		e.string(k)
		e.int(int64(v))
	}
	e.value(anyMap(p.Params))
	e.uint(uint64(len(p.Warnings)))
	for _, w := range p.Warnings {
		e.string(w.Path)
		e.int(int64(w.Line))
		e.int(int64(w.Col))
		e.string(w.Msg)
	}
	e.bool(p.KeepResources)
	e.uint(uint64(len(p.BundleLinks)))
	for _, l := range p.BundleLinks {
		e.string(l.Name)
		e.int(int64(l.Line))
		e.bool(l.Image)
	}
	return e.buf
}

// anyMap keeps a nil Params nil through the record.
func anyMap(m map[string]any) any {
	if m == nil {
		return nil
	}
	return m
}

// decodePage is the page of a record encodePage made with the same
// options; its Body is nil.
func decodePage(rec []byte, opts Options) (Page, error) {
	d := decoder{Reader: wire.NewReader(rec), loc: opts.location()}
	var p Page
	err := wire.Decode(d.Reader, func() error {
		if d.Uvarint() != codecVersion {
			return errors.New("page record of another version")
		}
		for _, s := range []*string{&p.Path, &p.Title, &p.Description, &p.Summary, &p.Slug, &p.URL, &p.Image, &p.Hash} {
			*s = d.String()
		}
		for _, t := range []*time.Time{&p.Date, &p.PublishDate, &p.Lastmod, &p.ExpiryDate} {
			*t = d.time()
		}
		p.Draft = d.Uvarint() != 0
		p.Tags = d.strings()
		p.Aliases = d.strings()
		p.Weight = int(d.Varint())
		p.ImageLine = int(d.Varint())
		p.BodyLine = int(d.Varint())
		p.Authors = d.strings()
		p.Breaking = d.Uvarint() != 0
		p.Correction = Correction{Text: d.String(), Date: d.time()}
		p.NoRender = d.Uvarint() != 0
		p.Unlisted = d.Uvarint() != 0
		n := d.Uvarint()
		p.Lines = make(map[string]int, min(n, uint64(d.Len())))
		for range n {
			k := d.String()
			p.Lines[k] = int(d.Varint())
		}
		if m, ok := d.value().(map[string]any); ok {
			p.Params = m
		}
		for range d.Uvarint() {
			p.Warnings = append(p.Warnings, diag.Warning{Path: d.String(), Line: int(d.Varint()), Col: int(d.Varint()), Msg: d.String()})
		}
		p.KeepResources = d.Uvarint() != 0
		for range d.Uvarint() {
			p.BundleLinks = append(p.BundleLinks, markdown.LocalLink{Name: d.String(), Line: int(d.Varint()), Image: d.Uvarint() != 0})
		}
		return nil
	})
	if err != nil {
		return Page{}, err
	}
	return p, nil
}

type encoder struct {
	buf []byte
	loc *time.Location
}

func (e *encoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *encoder) int(v int64)   { e.buf = binary.AppendVarint(e.buf, v) }
func (e *encoder) bool(v bool) {
	if v {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

func (e *encoder) string(s string) { e.buf = wire.AppendString(e.buf, s) }

// strings keeps nil and empty apart: a template may tell them apart.
func (e *encoder) strings(ss []string) {
	if ss == nil {
		e.uint(0)
		return
	}
	e.uint(uint64(len(ss)) + 1)
	for _, s := range ss {
		e.string(s)
	}
}

// Locations a date can have: what time.Parse and time.ParseInLocation
// give (UTC, Local, the site's zone, or a fixed offset with its name).
const (
	zoneZero = iota // the zero time
	zoneUTC
	zoneLocal
	zoneSite
	zoneFixed
)

func (e *encoder) time(t time.Time) {
	switch loc := t.Location(); {
	case t.IsZero() && loc == time.UTC:
		e.uint(zoneZero)
		return
	case loc == time.UTC:
		e.uint(zoneUTC)
	case loc == time.Local:
		e.uint(zoneLocal)
	case loc == e.loc:
		e.uint(zoneSite)
	default:
		name, offset := t.Zone()
		e.uint(zoneFixed)
		e.string(name)
		e.int(int64(offset))
	}
	e.int(t.Unix())
	e.uint(uint64(t.Nanosecond()))
}

// Value tags: the types front matter decodes to (frontmatter.Field).
const (
	tagNil = iota
	tagString
	tagTrue
	tagFalse
	tagInt
	tagFloat
	tagList
	tagMap
)

func (e *encoder) value(v any) {
	switch v := v.(type) {
	case nil:
		e.uint(tagNil)
	case string:
		e.uint(tagString)
		e.string(v)
	case bool:
		if v {
			e.uint(tagTrue)
		} else {
			e.uint(tagFalse)
		}
	case int64:
		e.uint(tagInt)
		e.int(v)
	case float64:
		e.uint(tagFloat)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v))
	case []any:
		e.uint(tagList)
		e.uint(uint64(len(v)))
		for _, x := range v {
			e.value(x)
		}
	case map[string]any:
		e.uint(tagMap)
		e.uint(uint64(len(v)))
		for k, x := range v {
			e.string(k)
			e.value(x)
		}
	default:
		// Parse gives none other; a new type must be added here.
		panic(fmt.Sprintf("content: no record form for %T", v))
	}
}

// decoder reads what encoder wrote; it panics on damaged input, which
// wire.Decode turns into an error.
type decoder struct {
	*wire.Reader
	loc *time.Location
}

func (d *decoder) strings() []string {
	n := d.Uvarint()
	if n == 0 {
		return nil
	}
	ss := make([]string, 0, min(n-1, uint64(d.Len())))
	for range n - 1 {
		ss = append(ss, d.String())
	}
	return ss
}

func (d *decoder) time() time.Time {
	var loc *time.Location
	switch d.Uvarint() {
	case zoneZero:
		return time.Time{}
	case zoneUTC:
		loc = time.UTC
	case zoneLocal:
		loc = time.Local
	case zoneSite:
		loc = d.loc
	case zoneFixed:
		name := d.String()
		loc = time.FixedZone(name, int(d.Varint()))
	default:
		panic("bad zone")
	}
	sec := d.Varint()
	return time.Unix(sec, int64(d.Uvarint())).In(loc)
}

func (d *decoder) value() any {
	switch d.Uvarint() {
	case tagNil:
		return nil
	case tagString:
		return d.String()
	case tagTrue:
		return true
	case tagFalse:
		return false
	case tagInt:
		return d.Varint()
	case tagFloat:
		return math.Float64frombits(binary.LittleEndian.Uint64(d.Bytes(8)))
	case tagList:
		n := d.Uvarint()
		l := make([]any, 0, min(n, uint64(d.Len())))
		for range n {
			l = append(l, d.value())
		}
		return l
	case tagMap:
		n := d.Uvarint()
		m := make(map[string]any, min(n, uint64(d.Len())))
		for range n {
			k := d.String()
			m[k] = d.value()
		}
		return m
	}
	panic("bad value tag")
}
