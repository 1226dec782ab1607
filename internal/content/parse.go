package content

import (
	"errors"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/i18n"
	"github.com/sahifa/sahifa/internal/markdown"
)

// Options say how to interpret values whose meaning depends on the site.
type Options struct {
	// Location is the site's time zone, given to dates written without an
	// offset (Hugo does the same with its timeZone setting).
	Location *time.Location
	// DefaultHour and DefaultMinute are given to dates written without a
	// time of day: newsrooms publish date-only articles in the morning, not
	// at midnight.
	DefaultHour, DefaultMinute int
	// Lang is the language of errors and warnings (package i18n).
	Lang i18n.Lang
	// RawHTML is set when the site renders raw HTML in Markdown as HTML
	// (markup.unsafe); else raw HTML is shown to readers as text, and
	// each file holding some gets a warning.
	RawHTML bool
	// Shortcodes are the names of the site's own shortcodes
	// (layouts/shortcodes/NAME.html); any other that is not built in is
	// shown to readers as text, with a warning.
	Shortcodes []string
}

func (o Options) location() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

// Parse decodes one Markdown source file. path is the site-relative path
// used in error messages. All problems in the front matter are reported
// together, each with its position, in the language of opts.Lang.
func Parse(path string, src []byte, opts Options) (Page, error) {
	p, err := parse(path, src, opts)
	return p, tell(err, opts.Lang)
}

// tell returns err with each message of the catalogue it holds (package
// frontmatter's and this package's, made language-free) told in l.
func tell(err error, l i18n.Lang) error {
	if err == nil || l == i18n.English {
		return err
	}
	leaves := diag.Flatten(err)
	for i, e := range leaves {
		if se, ok := e.(*diag.SourceError); ok {
			if m, ok := se.Err.(*i18n.Msg); ok {
				leaves[i] = diag.At(se.Path, se.Line, se.Col, m.In(l))
			}
		}
	}
	if len(leaves) == 1 {
		return leaves[0]
	}
	return errors.Join(leaves...)
}

// warning is a warning at a place telling m in l.
func warning(path string, line, col int, m *i18n.Msg, l i18n.Lang) diag.Warning {
	return diag.Warning{Path: path, Line: line, Col: col, Msg: m.In(l).Error()}
}

func parse(path string, src []byte, opts Options) (Page, error) {
	if isUTF16(src) {
		return Page{}, diag.At(path, 1, 1, i18n.New(i18n.UTF16))
	}
	doc, err := frontmatter.Split(path, src)
	if err != nil {
		return Page{}, err
	}
	fields, err := frontmatter.Decode(path, doc)
	if err != nil {
		return Page{}, err
	}
	p := Page{
		Path:     path,
		Params:   make(map[string]any, len(fields)),
		Lines:    make(map[string]int, len(fields)),
		BodyLine: doc.BodyLine,
		Hash:     hashOf(src),
	}
	p.Body, p.Warnings = cleanBody(path, doc.Body, doc.BodyLine)
	if !opts.RawHTML {
		if raw, line := markdown.FirstRawHTML(p.Body); raw != "" {
			p.Warnings = append(p.Warnings, warning(path, doc.BodyLine+line-1, 0, i18n.New(i18n.RawHTML, raw), opts.Lang))
		}
	}
	if IsBundlePage(path) {
		for _, l := range markdown.LocalLinks(p.Body) {
			l.Line += doc.BodyLine - 1
			p.BundleLinks = append(p.BundleLinks, l)
		}
	}
	for _, sp := range markdown.ShortcodeProblems(p.Body, func(name string) bool { return slices.Contains(opts.Shortcodes, name) }) {
		p.Warnings = append(p.Warnings, warning(path, doc.BodyLine+sp.Line-1, 0, shortcodeMessage(sp), opts.Lang))
	}
	var errs []error
	for _, f := range fields {
		key := strings.ToLower(f.Key)
		var n int
		if f.Value, n = cleanValue(f.Value); n > 0 {
			p.Warnings = append(p.Warnings, diag.Warning{Path: path, Line: f.Line, Col: f.Col, Msg: f.Key + ": " + replacedMsg(n)})
		}
		if m := misspelledKey(f); m != nil {
			// At the start of the key's line, where top-level keys are.
			p.Warnings = append(p.Warnings, warning(path, f.Line, 1, m, opts.Lang))
		}
		if tags := tagsWithCommas(f.Value); key == "tags" && tags != nil {
			m := i18n.New(i18n.KeyValue, f.Key, i18n.New(i18n.TagsCommas, f.Value, f.Key, yamlList(tags)))
			p.Warnings = append(p.Warnings, warning(path, f.Line, f.Col, m, opts.Lang))
		}
		if b, ok := textBool(f.Value); ok && looseBools[key] {
			m := i18n.New(i18n.KeyValue, f.Key, i18n.New(i18n.TextBool, f.Value, strconv.FormatBool(b), f.Key, strconv.FormatBool(b)))
			p.Warnings = append(p.Warnings, warning(path, f.Line, f.Col, m, opts.Lang))
			f.Value = b
		}
		p.Params[key] = f.Value
		p.Lines[key] = f.Line
		if key == "image" {
			p.ImageLine = f.Line
		}
		if err := p.set(key, f.Key, f.Value, opts); err != nil {
			errs = append(errs, diag.At(path, f.Line, f.Col, i18n.New(i18n.KeyValue, f.Key, err)))
		}
	}
	if strings.TrimSpace(p.Title) == "" && len(errs) == 0 {
		line := doc.FMLine
		if line == 0 {
			if m := missingOpening(src); m != nil {
				return Page{}, diag.At(path, 1, 1, i18n.New(i18n.FrontMatter, m))
			}
			line = 1
		}
		var m *i18n.Msg
		p.Title, m = untitled(path, p.Body)
		if !p.NoRender { // a headless bundle's title is never shown
			p.Warnings = append(p.Warnings, warning(path, line, 0, m, opts.Lang))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Page{}, err
	}
	if p.PublishDate.IsZero() {
		p.PublishDate = p.Date
	}
	if p.Date.IsZero() {
		p.Date = p.PublishDate
	}
	if p.Lastmod.IsZero() {
		p.Lastmod = p.Date
	}
	return p, nil
}

// set interprets one Hugo front matter key (lower-cased; written is as the
// file spells it, for messages); keys sahifa does not know stay only in
// Params.
func (p *Page) set(key, written string, v any, opts Options) error {
	var err error
	switch key {
	case "title":
		p.Title, err = str(written, v)
		p.Title = oneLine(p.Title)
	case "description":
		p.Description, err = str(written, v)
	case "summary":
		p.Summary, err = str(written, v)
	case "slug":
		if p.Slug, err = str(written, v); err == nil {
			err = checkSlug(p.Slug)
		}
	case "url":
		if p.URL, err = str(written, v); err == nil {
			p.URL, err = cleanURL(p.URL)
		}
	case "date":
		p.Date, err = date(v, opts)
	case "publishdate", "pubdate", "published":
		p.PublishDate, err = date(v, opts)
	case "lastmod", "modified":
		p.Lastmod, err = date(v, opts)
	case "expirydate", "unpublishdate":
		p.ExpiryDate, err = date(v, opts)
	case "draft":
		p.Draft, err = boolean(written, v)
	case "tags":
		p.Tags, err = strList(written, v)
	case "aliases":
		if p.Aliases, err = strList(written, v); err == nil {
			for i, a := range p.Aliases {
				if p.Aliases[i], err = cleanURL(p.resolveAlias(a)); err != nil {
					break
				}
			}
		}
	case "weight":
		p.Weight, err = integer(written, v)
	case "author", "authors":
		err = p.addAuthors(written, v)
	case "breaking":
		p.Breaking, err = boolean(written, v)
	case "headless":
		// A headless bundle is content other pages use: no page, no list.
		var h bool
		if h, err = boolean(written, v); h {
			p.NoRender, p.Unlisted = true, true
		}
	case "_build":
		err = p.setBuild(written, v)
	case "correction":
		p.Correction, err = correction(written, v, opts)
	case "image":
		if p.Image, err = str(written, v); err == nil {
			p.Image = strings.TrimSpace(p.Image)
			err = checkRunes(p.Image)
		}
	}
	return err
}

func str(written string, v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case nil:
		return "", nil
	case int64, float64, bool:
		// YAML reads `title: 2024` as a number; the writer meant text.
		return fmt.Sprint(v), nil
	}
	return "", i18n.New(i18n.WantText, describe(v), written)
}

func boolean(written string, v any) (bool, error) {
	switch v := v.(type) {
	case bool:
		return v, nil
	case nil:
		return false, nil
	}
	return false, i18n.New(i18n.WantBool, describe(v), written)
}

func integer(written string, v any) (int, error) {
	switch v := v.(type) {
	case int64:
		return int(v), nil
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<31 {
			return int(v), nil
		}
	case nil:
		return 0, nil
	}
	return 0, i18n.New(i18n.WantInt, describe(v), written, wholeNumberHint(v))
}

// strList accepts a list of text or a single text (Hugo accepts both for tags).
func strList(written string, v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		if strings.TrimSpace(v) == "" {
			return nil, nil
		}
		return []string{strings.TrimSpace(v)}, nil
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, err := str(written, e)
			if err != nil {
				return nil, i18n.New(i18n.WantTextIn, describe(e), written)
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	return nil, i18n.New(i18n.WantList, describe(v), written)
}

func kind(v any) *i18n.Msg {
	switch v.(type) {
	case string:
		return i18n.New(i18n.KindText)
	case bool:
		return i18n.New(i18n.KindBool)
	case int64, float64:
		return i18n.New(i18n.KindNumber)
	case []any:
		return i18n.New(i18n.KindList)
	case map[string]any:
		return i18n.New(i18n.KindTable)
	case nil:
		return i18n.New(i18n.KindNothing)
	}
	return i18n.New(i18n.Verbatim, fmt.Sprintf("%T", v)) // never: values are normalised
}

// Date layouts Hugo content uses, most specific first. Layouts without an
// offset are read in the site's time zone.
var (
	zonedLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00"}
	localLayouts = []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}
)

func date(v any, opts Options) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		if v == nil {
			return time.Time{}, nil
		}
		return time.Time{}, i18n.New(i18n.WantDate, describe(v), i18n.New(i18n.DateForms))
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := parseDate(s, opts)
	if err != nil {
		return time.Time{}, badDate(s, opts)
	}
	return t, nil
}

// parseDate reads s in one of the accepted layouts.
func parseDate(s string, opts Options) (time.Time, error) {
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	loc := opts.location()
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), opts.DefaultHour, opts.DefaultMinute, 0, 0, loc), nil
	}
	return time.Time{}, errors.New("no layout matches")
}

// checkSlug refuses slugs that would leave their folder; everything else is
// kept as the writer spelled it.
func checkSlug(s string) error {
	if s == "" {
		return nil
	}
	if strings.ContainsAny(s, `/\`) || s == "." || s == ".." {
		return fmt.Errorf("%q: a slug is one path segment (no / or \\, not . or ..)", s)
	}
	if err := checkRunes(s); err != nil {
		return err
	}
	return nil
}

// cleanURL makes a site-relative URL path from front matter (url, aliases):
// a leading slash is added, a trailing one kept, and anything that could
// escape the destination folder is an error rather than silently dropped.
func cleanURL(u string) (string, error) {
	u = strings.TrimSpace(u)
	if u == "" {
		return "", nil
	}
	if strings.Contains(u, "://") || strings.HasPrefix(u, "//") {
		return "", fmt.Errorf("%q: want a path on this site such as /about/, not a full URL", u)
	}
	if strings.ContainsAny(u, `\?#`) {
		return "", fmt.Errorf("%q: a path may not contain \\, ? or #", u)
	}
	if err := checkRunes(u); err != nil {
		return "", err
	}
	for _, seg := range strings.Split(u, "/") {
		if seg == ".." || seg == "." {
			return "", fmt.Errorf("%q: a path may not contain . or .. segments", u)
		}
	}
	trailing := strings.HasSuffix(u, "/")
	c := path.Clean("/" + u)
	if trailing && c != "/" {
		c += "/"
	}
	return c, nil
}

func checkRunes(s string) error {
	for _, r := range s {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return fmt.Errorf("%q: contains a control or invalid character", s)
		}
	}
	return nil
}

// shortcodeMessage tells why a shortcode is shown as text.
func shortcodeMessage(sp markdown.ShortcodeProblem) *i18n.Msg {
	switch sp.Kind {
	case markdown.ShortcodeUnclosed:
		return i18n.New(i18n.ShortcodeUnclosed, sp.Name)
	case markdown.ShortcodeStrayClosing:
		return i18n.New(i18n.ShortcodeStrayClosing, sp.Name)
	case markdown.ShortcodeMissingArg:
		return i18n.New(i18n.ShortcodeMissingArg, sp.Name, sp.Want)
	}
	return i18n.New(i18n.ShortcodeUnknown, sp.Name)
}
