package site

import (
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
)

// What Hugo content holds besides news articles, and where it goes:
// pages without a date (about, contact, archives) and pages Hugo's _build
// keeps off lists are pages, written but never listed; a headless bundle
// or a page with render: never is not written at all; a translation into
// another language than the site's is left out, with one warning for all.

// kind is what a loaded page becomes on the site.
type kind int

const (
	// news is an article: dated, listed, in feeds and sitemaps.
	news kind = iota
	// standalone is a page of its own that no list shows (Site.Pages).
	standalone
	// unwritten pages are not on the site: headless bundles,
	// render: never, and translations into another language.
	unwritten
)

// kindOf says what page p becomes on a site written in lang.
func kindOf(p *content.Page, lang string) kind {
	switch {
	case p.NoRender, isTranslation(p, lang):
		return unwritten
	case p.Unlisted, p.Date.IsZero():
		return standalone
	}
	return news
}

// isTranslation reports whether p's file name gives it a language other
// than lang, the site's (index.ja.md on an Arabic site).
func isTranslation(p *content.Page, lang string) bool {
	l := content.Language(p.Path)
	return l != "" && baseLang(l) != baseLang(lang)
}

// baseLang is a language tag's primary subtag, lower-cased ("ar-IQ" → "ar").
func baseLang(tag string) string {
	tag, _, _ = strings.Cut(strings.ToLower(tag), "-")
	tag, _, _ = strings.Cut(tag, "_")
	return tag
}

// undatedPattern is the URL of a page without a date: no date to put in
// the site's article URLs, so beside its section's pages, as Hugo's
// default URLs place it.
func undatedPattern(p *content.Page) string {
	if section(p) != "" {
		return "/:section/:slug/"
	}
	return "/:slug/"
}

// pageURL is the site-relative URL of a page of kind k.
func pageURL(cfg config.Config, p *content.Page, k kind) (string, error) {
	if k == standalone && p.Date.IsZero() && p.URL == "" {
		return expand(cfg, undatedPattern(p), p)
	}
	return permalink(cfg, p)
}

// leftOut counts the pages of a build that are not news, for the one
// warning each kind gets however many pages it holds.
type leftOut struct {
	translations []string // their paths
	languages    []string // distinct, sorted
	undated      []string
}

func (l *leftOut) add(p *content.Page, k kind, lang string) {
	switch {
	case k == unwritten && isTranslation(p, lang):
		l.translations = append(l.translations, p.Path)
		code := content.Language(p.Path)
		if i := sort.SearchStrings(l.languages, code); i == len(l.languages) || l.languages[i] != code {
			l.languages = append(l.languages[:i], append([]string{code}, l.languages[i:]...)...)
		}
	case k == standalone && p.Date.IsZero():
		l.undated = append(l.undated, p.Path)
	}
}

// warnings are one warning per kind of page left out of lists, naming the
// first few pages.
func (l *leftOut) warnings(lang string, in i18n.Lang) []diag.Warning {
	var ws []diag.Warning
	if n := len(l.translations); n > 0 {
		m := i18n.New(i18n.Translations, n, strings.Join(l.languages, ", "), lang, some(l.translations))
		ws = append(ws, diag.Warning{Path: "content/", Msg: m.In(in).Error()})
	}
	if n := len(l.undated); n > 0 {
		m := i18n.New(i18n.Undated, n, some(l.undated))
		ws = append(ws, diag.Warning{Path: "content/", Msg: m.In(in).Error()})
	}
	return ws
}

// some names the first three of paths, and how many more there are.
func some(paths []string) string {
	const shown = 3
	s := strings.Join(paths[:min(len(paths), shown)], ", ")
	if len(paths) > shown {
		s += ", …"
	}
	return s
}
