package content

import (
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/i18n"
)

// Correction is a dated note an editor adds when a published story was
// wrong: readers see what was corrected and when (docs/content.md).
type Correction struct {
	Text string
	Date time.Time
}

// IsZero reports whether there is no correction.
func (c Correction) IsZero() bool { return c.Text == "" && c.Date.IsZero() }

// addAuthors appends the names of an author or authors key (a text or a
// list of text) that are not already there: Hugo sites write either key,
// and some both.
func (p *Page) addAuthors(written string, v any) error {
	names, err := strList(written, v)
	for _, n := range names {
		if !contains(p.Authors, n) {
			p.Authors = append(p.Authors, n)
		}
	}
	return err
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// correction reads the correction key: a table with the corrected text
// and the date of the correction, both needed, as a note without its date
// does not tell a reader which version they read.
func correction(written string, v any, opts Options) (Correction, error) {
	m, ok := v.(map[string]any)
	if !ok {
		if v == nil {
			return Correction{}, nil
		}
		return Correction{}, i18n.New(i18n.WantCorrection, describe(v), written)
	}
	var c Correction
	var err error
	for k, x := range m {
		switch strings.ToLower(k) {
		case "text":
			c.Text, err = str(written+".text", x)
			c.Text = strings.TrimSpace(c.Text)
		case "date":
			c.Date, err = date(x, opts)
		default:
			err = i18n.New(i18n.CorrectionKey, k, written)
		}
		if err != nil {
			return Correction{}, err
		}
	}
	switch {
	case c.Text == "":
		return Correction{}, i18n.New(i18n.CorrectionNoText, written)
	case c.Date.IsZero():
		return Correction{}, i18n.New(i18n.CorrectionNoDate, written)
	}
	return c, nil
}
