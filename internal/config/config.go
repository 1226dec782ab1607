// Package config reads a site's settings from sahifa.toml.
//
// Parse works on bytes and never touches the disk, so the build, the dev
// server and tests all read configs the same way. Keys are matched without
// regard to case and accept Hugo's spellings (baseURL, languageCode,
// pagination.pagerSize, markup.goldmark.renderer.unsafe) so a Hugo config
// can be carried over; unknown keys are warnings, not errors, for the same
// reason.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // so LoadLocation works where the OS has no zoneinfo (Windows, scratch containers)

	"github.com/pelletier/go-toml/v2"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/diag"
)

// Config is a site's settings after defaults were applied and values checked.
type Config struct {
	// Title is the site name; default "صحيفة".
	Title string
	// BaseURL is an absolute http(s) URL or a path starting with "/", always
	// with a trailing "/"; default "/". See BasePath, AbsURL and RelURL.
	BaseURL string
	// Language is a BCP 47 tag such as "ar" or "ar-IQ"; default "ar".
	Language string
	// LanguageSet says the file sets Language (language or languageCode):
	// only then are sahifa's messages told in it (docs/content.md#messages-in-arabic).
	LanguageSet bool
	// Dir is "rtl" or "ltr": derived from Language unless the file sets dir.
	Dir string
	// Timezone is an IANA zone name; default "UTC".
	Timezone string
	// Location is Timezone loaded, used to read dates that carry no offset.
	Location *time.Location
	// Paginate is the number of articles per list page, ≥ 1; default 20.
	Paginate int
	// Permalinks holds URL patterns.
	Permalinks Permalinks
	// Minify shrinks the HTML output; default true.
	Minify bool
	// Markup holds Markdown rendering settings.
	Markup Markup
	// Copyright, Author and Description are optional site metadata.
	Copyright   string
	Author      string
	Description string
	// DefaultTime is the "HH:MM" time of day given to dates written without
	// one; default "09:00".
	DefaultTime string
	// Params is the free-form [params] table for themes, keys as written.
	// Never nil.
	Params map[string]any
	// Import configures importing articles from another source.
	Import Import
	// Taxonomies are the plural names of the ways articles are grouped,
	// each with an index page and a page per term; default ["tags"]. In
	// the file, Hugo's form: [taxonomies] tag = "tags", author = "authors".
	Taxonomies []string
	// Menus are the site's menus by name, each in its order (menu.go):
	// [[menu.main]] is the masthead's. A site without one gets its
	// sections there.
	Menus map[string][]MenuEntry
	// Related is how many related articles an article page lists; default 5.
	Related int
	// Feeds caps the items of the site's feeds (default 50) and of each
	// term's feed (default 20).
	Feeds Feeds
	// Dates says how templates write dates and numbers.
	Dates Dates
	// Images says how featured images are resized ([images] in the file).
	Images Images
	// Limits caps what hostile or runaway input may cost ([limits]).
	Limits Limits
	// Deployment is where and how `sahifa deploy` publishes ([deployment]).
	Deployment Deployment
}

// Images holds the settings of featured images (docs/images.md).
type Images struct {
	// Default is the picture for social previews of articles without an
	// image, and of the other pages: a path in assets/ or static/, or a full
	// URL; "" for none.
	Default string
	// Widths are the widths each image is resized to for srcset; default
	// 480, 960 and 1600. Images are never upscaled.
	Widths []int
	// Quality is the JPEG quality, 1–100; default 80.
	Quality int
}

// Dates says how templates write dates and numbers ([dates] in the file).
type Dates struct {
	// Months is "egyptian" (يناير، فبراير …, the default), "levantine"
	// (كانون الثاني، شباط …) or "both" (شباط/فبراير).
	Months string
	// Digits is "latin" (0-9, the default) or "arabic" (٠-٩), for every
	// number a template prints.
	Digits string
	// Hijri puts the Umm al-Qura date beside the Gregorian one in date
	// lines; default true.
	Hijri bool
}

// Format is the date format of these settings for package arabic.
func (d Dates) Format() arabic.DateFormat {
	months, _ := arabic.ParseMonthStyle(d.Months)
	digits, _ := arabic.ParseDigitStyle(d.Digits)
	return arabic.DateFormat{Months: months, Digits: digits, Hijri: d.Hijri}
}

// Feeds holds feed sizes.
type Feeds struct {
	Limit     int
	TermLimit int
}

// Permalinks holds the URL pattern of each kind of page.
type Permalinks struct {
	// Article is made of literal text and the tokens :year :month :day
	// :slug :title :filename :section :contentbasename; it starts and ends
	// with "/". Default "/:year/:month/:day/:slug/".
	Article string
}

// Markup holds Markdown rendering settings.
type Markup struct {
	// Unsafe lets raw HTML in Markdown through to the page; default false.
	Unsafe bool
}

// Import configures importing articles.
type Import struct {
	// Dir is the folder seeds are imported into, a clean slash path:
	// "content" (the default) or a folder below it, where the build
	// loads articles from.
	Dir string
	// OnBuild imports on every build and serve; default true.
	OnBuild bool
	// MaxTags caps the automatic tags of an imported article; default 8.
	MaxTags int
}

// Default returns the settings of a site whose sahifa.toml is empty.
func Default() Config {
	return Config{
		Title:       "صحيفة",
		BaseURL:     "/",
		Language:    "ar",
		Dir:         "rtl",
		Timezone:    "UTC",
		Location:    time.UTC,
		Paginate:    20,
		Permalinks:  Permalinks{Article: "/:year/:month/:day/:slug/"},
		Minify:      true,
		DefaultTime: "09:00",
		Params:      map[string]any{},
		Import:      Import{Dir: "content", OnBuild: true, MaxTags: 8},
		Taxonomies:  []string{"tags"},
		Related:     5,
		Feeds:       Feeds{Limit: 50, TermLimit: 20},
		Dates:       Dates{Months: "egyptian", Digits: "latin", Hijri: true},
		Images:      Images{Widths: []int{480, 960, 1600}, Quality: 80},
		Limits:      DefaultLimits(),
		Deployment:  defaultDeployment(),
	}
}

// Parse reads the TOML text of the file called name (e.g. "sahifa.toml",
// used in messages) over Default().
//
// Unknown keys give warnings at the key. Bad values give *diag.SourceError
// at the value, all of them joined with errors.Join; the returned Config is
// then the zero value and must not be used. A TOML syntax error is a single
// *diag.SourceError at go-toml's position.
func Parse(name string, data []byte) (Config, []diag.Warning, error) {
	return parseFiles([]File{{Name: name, Data: data}}, false)
}

// File is one file of a site's settings.
type File struct {
	Name string // as messages show it: "config/_default/params.toml"
	Data []byte
	// Format is "toml" (or "") or "yaml"; JSON is read as YAML, which
	// reads it too.
	Format string
	// Under is the key the file's contents sit under, "" for the top:
	// Hugo's config/_default/params.toml holds the [params] table.
	Under string
}

func parseFiles(files []File, hugo bool) (Config, []diag.Warning, error) {
	p := &parser{cfg: Default(), sets: map[string][]assignment{}, hugo: hugo}
	var errs []error
	for i, f := range files {
		// Windows editors may save a byte order mark, which TOML rejects.
		data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
		var doc map[string]any
		var places map[string]place
		if f.Format == "yaml" {
			var err error
			if doc, places, err = decodeYAML(f.Name, data); err != nil {
				errs = append(errs, err)
				continue
			}
		} else {
			if err := toml.Unmarshal(data, &doc); err != nil {
				errs = append(errs, syntaxError(f.Name, err))
				continue
			}
			var err error
			if places, err = locate(data); err != nil {
				errs = append(errs, syntaxError(f.Name, err))
				continue
			}
		}
		src := &source{name: f.Name, data: data, places: places, order: i}
		if f.Under == "" {
			p.walk(src, nil, doc)
		} else {
			src.under = []string{f.Under}
			p.walk(src, nil, map[string]any{f.Under: doc})
		}
	}
	if len(errs) > 0 {
		return Config{}, nil, errors.Join(errs...)
	}
	p.apply()

	sort.SliceStable(p.warns, func(i, j int) bool { return warnBefore(p.warns[i], p.warns[j]) })
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool {
			a, b := p.errs[i], p.errs[j]
			return placeBefore(a.Path, a.Line, a.Col, b.Path, b.Line, b.Col)
		})
		errs := make([]error, len(p.errs))
		for i, e := range p.errs {
			errs[i] = e
		}
		return Config{}, p.warns, errors.Join(errs...)
	}
	return p.cfg, p.warns, nil
}

func warnBefore(a, b diag.Warning) bool {
	return placeBefore(a.Path, a.Line, a.Col, b.Path, b.Line, b.Col)
}

// placeBefore orders messages by file, then by place in the file.
func placeBefore(path1 string, l1, c1 int, path2 string, l2, c2 int) bool {
	return path1 < path2 || path1 == path2 && before(l1, c1, l2, c2)
}

func before(l1, c1, l2, c2 int) bool {
	return l1 < l2 || l1 == l2 && c1 < c2
}

func syntaxError(name string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return diag.At(name, line, col, err)
	}
	return diag.At(name, 0, 0, err)
}

// assignment is one key in the file that feeds a setting.
type assignment struct {
	file    *source
	setting string
	parts   []string // the key path as written
	value   any
	place   place
}

// source is a file being read, with where each of its keys is.
type source struct {
	name   string
	data   []byte
	places map[string]place
	under  []string // the key path its contents sit under (File.Under)
	order  int      // its place among the files read
}

// place is where the key path parts (from the top of the settings) is
// written in the file; zero for a path the file does not write.
func (s *source) place(parts []string) place {
	if len(parts) < len(s.under) {
		return place{}
	}
	return s.places[exactPath(parts[len(s.under):])]
}

type parser struct {
	// hugo is set when reading Hugo's files: keys sahifa does not use
	// are Hugo's own, not slips.
	hugo  bool
	cfg   Config
	sets  map[string][]assignment // by setting
	warns []diag.Warning
	errs  []*diag.SourceError
}

// walk sorts the keys of table m (at path prefix) into known settings,
// tables to descend into and unknown keys.
func (p *parser) walk(src *source, prefix []string, m map[string]any) {
	for k, v := range m {
		parts := append(append([]string(nil), prefix...), k)
		pl := src.place(parts)
		known, ok := keyIndex[lowerPath(parts)]
		switch {
		case !ok:
			// Not descending further: one warning per unknown table is
			// enough, not one per key inside it.
			p.unknown(src, parts, pl)
		case known.setting == "":
			sub, isTable := v.(map[string]any)
			if !isTable {
				line, col := pl.at()
				p.errs = append(p.errs, diag.Errorf(src.name, line, col, "%s: must be a table, got %s", dotted(parts), describe(v)))
				continue
			}
			p.walk(src, parts, sub)
		default:
			p.sets[known.setting] = append(p.sets[known.setting], assignment{src, known.setting, parts, v, pl})
		}
	}
}

func (p *parser) unknown(src *source, parts []string, pl place) {
	msg := "unknown key \"" + dotted(parts) + "\""
	if p.hugo {
		// Hugo has hundreds of settings sahifa has no use for (theme,
		// outputs, languages …): each is named once, as not read, and
		// none is taken for a slip ("languages" is not "language").
		msg = "Hugo's \"" + dotted(parts) + "\" is not read: sahifa has no such setting"
	}
	if s := suggest(parts); s != "" && !p.hugo {
		msg += " (did you mean \"" + s + "\"?)"
	} else if len(parts) == 2 && strings.EqualFold(parts[0], "permalinks") {
		// Hugo configs name patterns after sections ("posts"); sahifa
		// has one kind of page with a permalink.
		msg += " (the article URL pattern is \"permalinks.article\")"
	}
	p.warns = append(p.warns, diag.Warning{Path: src.name, Line: pl.keyLine, Col: pl.keyCol, Msg: msg})
}

// apply checks and stores each setting that the file sets. A setting set
// twice through aliases or differently cased keys is fine when both agree;
// otherwise it is an error, since either choice would surprise someone.
func (p *parser) apply() {
	explicitDir := false
	for _, s := range settings {
		as := p.sets[s.name]
		if len(as) == 0 {
			continue
		}
		sort.SliceStable(as, func(i, j int) bool {
			if as[i].file.order != as[j].file.order {
				return as[i].file.order < as[j].file.order // files in the order read
			}
			return before(as[i].place.keyLine, as[i].place.keyCol, as[j].place.keyLine, as[j].place.keyCol)
		})
		conflict := false
		for _, b := range as[1:] {
			if !reflect.DeepEqual(b.value, as[0].value) {
				where := fmt.Sprintf("line %d", as[0].place.keyLine)
				if b.file != as[0].file {
					where = fmt.Sprintf("%s:%d", as[0].file.name, as[0].place.keyLine)
				}
				p.fail(b, "conflicts with %s at %s; keep one", dotted(as[0].parts), where)
				conflict = true
			}
		}
		if conflict {
			continue
		}
		if s.name == "dir" {
			explicitDir = true
		}
		s.apply(p, as[0])
	}
	if !explicitDir {
		p.cfg.Dir = DirFor(p.cfg.Language)
	}
}

// fail records a bad value, positioned at the value and prefixed with the
// key as the user wrote it.
func (p *parser) fail(a assignment, format string, args ...any) {
	line, col := a.place.at()
	p.failAt(a, line, col, format, args...)
}

func (p *parser) failAt(a assignment, line, col int, format string, args ...any) {
	args = append([]any{dotted(a.parts)}, args...)
	p.errs = append(p.errs, diag.Errorf(a.file.name, line, col, "%s: "+format, args...))
}
