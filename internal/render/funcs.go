package render

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/config"
)

// funcMap is the set of functions templates may call (documented in
// docs/templates.md). They close over the site's config and assets; nothing
// is global. Every function that prints a number honours dates.digits, and
// every date function dates.months; fullDate adds the Hijri date when
// dates.hijri is on.
func funcMap(cfg config.Config, assets map[string]Asset) template.FuncMap {
	df := cfg.Dates.Format()
	local := func(t time.Time) time.Time { return t.In(location(cfg)) }
	// digits writes the numbers of template text in the site's digits;
	// with Latin digits it leaves the text as it is.
	digits := func(s string) string {
		if df.Digits == arabic.ArabicDigits {
			return arabic.ToArabicDigits(s)
		}
		return s
	}
	return template.FuncMap{
		"relURL": func(p string) string { return relLink(cfg, p) },
		"absURL": func(p string) string { return absLink(cfg, p) },
		"asset": func(name string) (Asset, error) {
			a, ok := assets[name]
			if !ok {
				return Asset{}, fmt.Errorf("asset %q not found in assets/", name)
			}
			return a, nil
		},
		"hasAsset":  func(name string) bool { _, ok := assets[name]; return ok },
		"pageTitle": func(p *Page) string { return pageTitle(df, p) },
		"cloudStep": cloudStep,

		// Dates, in the site's time zone.
		"arDate":    func(t time.Time) string { return df.Long(local(t)) },
		"fullDate":  func(t time.Time) string { return df.Full(local(t)) },
		"shortDate": func(t time.Time) string { return df.Short(local(t)) },
		"hijriDate": func(t time.Time) string { return df.HijriDate(local(t)) },
		"monthYear": func(t time.Time) string { return df.MonthYear(local(t)) },
		"monthName": func(t time.Time) string { return arabic.MonthNameIn(local(t).Month(), df.Months) },
		"isoDate":   func(t time.Time) string { return local(t).Format(time.RFC3339) },
		"clock":     func(t time.Time) string { return digits(local(t).Format("15:04")) },
		"year":      func(t time.Time) int { return local(t).Year() },

		// Numbers and counted nouns.
		"num":         df.Number,
		"digits":      digits,
		"readingTime": func(minutes int) string { return digits(arabic.Minutes(minutes)) },
		"count": func(n int, noun string) (string, error) {
			w, ok := arabic.Nouns[noun]
			if !ok {
				return "", fmt.Errorf("count: no forms for %q; use plural, or one of %s", noun, nounList())
			}
			return digits(w.Count(n)), nil
		},
		"plural": func(n int, zero, one, two, few, many, other string) string {
			return digits(arabic.Noun{Zero: zero, One: one, Two: two, Few: few, Many: many, Other: other}.Count(n))
		},

		// A value in a link's query (share links): escaped once, here.
		"queryEscape": queryEscape,

		// Bidirectional text.
		"bdi":     bdi,
		"isolate": arabic.IsolateLTR,
	}
}

// queryEscape escapes s for a URL's query as html/template escapes a
// string there, byte for byte (every byte but ASCII letters, digits and
// "-._~" as %xx, lower-case), and types it as a URL, which html/template
// then only checks. An Arabic headline in three share links escaped by
// html/template cost a call of fmt.Fprintf per byte: 4% of a full
// build's CPU.
func queryEscape(s string) template.URL {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, 3*len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return template.URL(b)
}

// bdi escapes plain text s for HTML and wraps each left-to-right run in
// it (G20, COVID-19, iPhone 15, a URL) in <bdi>, so the run cannot pull
// the Arabic punctuation and words around it out of order.
func bdi(s string) template.HTML {
	var b strings.Builder
	for _, seg := range arabic.LTRRuns(s) {
		if seg.LTR {
			b.WriteString("<bdi>")
			b.WriteString(template.HTMLEscapeString(seg.Text))
			b.WriteString("</bdi>")
		} else {
			b.WriteString(template.HTMLEscapeString(seg.Text))
		}
	}
	return template.HTML(b.String())
}

// pageTitle is the title a page shows in its heading and <title>:
// .Title, except where the renderer's wording is not the site's: page
// numbers in the site's digits ("الأخبار – الصفحة ٢"), archive months in
// the site's month names ("أرشيف شباط 2021"), a term's name as written.
func pageTitle(df arabic.DateFormat, p *Page) string {
	if p == nil {
		return ""
	}
	page := ""
	if p.Pager != nil && p.Pager.PageNumber > 0 {
		page = "الصفحة " + df.Number(p.Pager.PageNumber)
	}
	join := func(title string) string {
		switch {
		case page == "":
			return title
		case title == "":
			return page
		}
		return title + " – " + page
	}
	switch p.Kind {
	case "home":
		return join("")
	case "term":
		if p.Term != nil {
			return join(p.Term.Name)
		}
	case "period":
		if p.Period != nil {
			name := df.Number(p.Period.Year)
			if p.Period.Month != 0 {
				name = df.MonthYear(p.Period.Date)
			}
			return join("أرشيف " + name)
		}
	}
	return p.Title
}

// cloudStep places n on a scale of 1 … steps between 1 and highest, for
// setting busier terms of a cloud larger.
func cloudStep(n, highest, steps int) int {
	if steps < 1 {
		steps = 1
	}
	if highest <= 1 || n <= 1 {
		return 1
	}
	if n >= highest {
		return steps
	}
	return 1 + (n-1)*(steps-1)/(highest-1)
}

// nounList names the nouns count knows, for its error message.
func nounList() string {
	names := make([]string, 0, len(arabic.Nouns))
	for n := range arabic.Nouns {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, "، ")
}

func location(cfg config.Config) *time.Location {
	if cfg.Location == nil {
		return time.UTC
	}
	return cfg.Location
}
