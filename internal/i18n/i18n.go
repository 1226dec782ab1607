// Package i18n is the one catalogue of the messages an editor reads most
// (the build summary, articles left out, the dev server's overlay, front
// matter mistakes), each in English and Arabic side by side, and the
// language they are told in.
//
// A message is data until it is told: Msg holds a catalogue ID and its
// arguments, so pure packages (frontmatter, content) return errors without
// knowing the reader's language, and the one place that knows it tells
// them in it. Told in Arabic, an error keeps the English text after it in
// parentheses: the reader gets Arabic, a developer helping them (or a
// search for the message) gets the English of docs/ and the issue tracker.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language messages are told in.
type Lang uint8

const (
	// English is the zero Lang: what pure code tells when nobody chose.
	English Lang = iota
	// Arabic tells messages in Arabic, with Latin digits (terminals and
	// logs show them everywhere; the theme's digits are the site's choice).
	Arabic
)

// String returns the language's tag ("en", "ar").
func (l Lang) String() string {
	if l == Arabic {
		return "ar"
	}
	return "en"
}

// Parse reads a language tag as given to --lang: "ar" or "en", or a
// longer tag of either ("ar-IQ", "en_GB"); case is ignored.
func Parse(tag string) (Lang, error) {
	switch base(tag) {
	case "ar":
		return Arabic, nil
	case "en":
		return English, nil
	}
	return English, fmt.Errorf("%q is not a language of sahifa's messages; want ar (Arabic) or en (English)", tag)
}

// ForTag is the language of messages for a site written in the language
// tag: Arabic for "ar" and its regional tags ("ar-IQ"), else English.
func ForTag(tag string) Lang {
	if base(tag) == "ar" {
		return Arabic
	}
	return English
}

// base is the primary subtag of a BCP 47 tag, lower-cased.
func base(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// Sprintf tells message id in l with args. An argument that is a *Msg is
// told in l too.
func (l Lang) Sprintf(id ID, args ...any) string {
	return fmt.Sprintf(id.format(l), tellArgs(args, l)...)
}

// Msg is a message of the catalogue with its arguments, to be told later
// in the language of Lang. It is an error so that pure code can return it,
// wrapped in a *diag.SourceError for its position.
type Msg struct {
	ID   ID
	Args []any
	Lang Lang
}

// New returns message id with args, in English until In chooses.
func New(id ID, args ...any) *Msg { return &Msg{ID: id, Args: args} }

// In returns a copy of m told in l.
func (m *Msg) In(l Lang) *Msg {
	c := *m
	c.Lang = l
	return &c
}

// Text is m told in l alone.
func (m *Msg) Text(l Lang) string { return l.Sprintf(m.ID, m.Args...) }

// Error tells m in its language; in Arabic, the English text follows in
// parentheses, unless it is the same (a message that only carries a
// problem the catalogue does not have).
func (m *Msg) Error() string {
	en := m.Text(English)
	if m.Lang == English {
		return en
	}
	if told := m.Text(m.Lang); told != en {
		return told + " (" + en + ")"
	}
	return en
}

// Unwrap returns the first argument that is an error (a problem of the
// YAML parser, a nested message), so errors.Is and errors.As see it.
func (m *Msg) Unwrap() error {
	for _, a := range m.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}

// tellArgs returns args with each *Msg told in l, each other error as its
// text (an English technical detail: a parser's words).
func tellArgs(args []any, l Lang) []any {
	out := args
	for i, a := range args {
		var told string
		switch a := a.(type) {
		case *Msg:
			told = a.Text(l)
		case error:
			told = a.Error()
		default:
			continue
		}
		if &out[0] == &args[0] {
			out = append([]any(nil), args...)
		}
		out[i] = told
	}
	return out
}
