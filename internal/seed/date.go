package seed

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar date as written in the seed: no time and no zone,
// which the importer adds from the site's configuration.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Weekday is the day of the week d falls on.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// weekdayNames are the seven days, Sunday first as time.Weekday counts,
// with the spelling used in warnings.
var weekdayNames = [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}

// monthKeys maps folded month names of both traditions to their month:
// Egyptian/Gulf (CLDR ar) and Levantine/Iraqi (ar_IQ, ar_SY, ar_LB,
// ar_JO), with the spellings seen in print (إبريل, يونيه, يوليه, and the
// older يونية/يولية). fold already merges أ/إ/آ with ا.
var monthKeys = map[string]time.Month{}

func init() {
	names := [12][]string{
		{"يناير", "كانون الثاني"},
		{"فبراير", "شباط"},
		{"مارس", "آذار"},
		{"أبريل", "إبريل", "نيسان"},
		{"مايو", "أيار"},
		{"يونيو", "يونيه", "يونية", "حزيران"},
		{"يوليو", "يوليه", "يولية", "تموز"},
		{"أغسطس", "آب"},
		{"سبتمبر", "أيلول"},
		{"أكتوبر", "تشرين الأول"},
		{"نوفمبر", "تشرين الثاني"},
		{"ديسمبر", "كانون الأول"},
	}
	for i, ns := range names {
		for _, n := range ns {
			monthKeys[fold(n)] = time.Month(i + 1)
		}
	}
}

// weekdayOf reads a weekday name (any spelling fold merges, so الإثنين
// and الاثنين alike).
func weekdayOf(s string) (time.Weekday, bool) {
	k := fold(s)
	for i, n := range weekdayNames {
		if fold(n) == k {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// dateKind says what readDateLine made of a line.
type dateKind int

const (
	notDate  dateKind = iota // ordinary text
	goodDate                 // a date line with a real calendar date
	badDate                  // shaped like a date line, but no such day (2021/13/45, 30 شباط)
)

// dateLine is a line read as a date line.
type dateLine struct {
	kind    dateKind
	date    Date
	weekday string // as written, "" when absent
	wd      time.Weekday
	why     string // for badDate: what is wrong
}

var (
	reYMD   = regexp.MustCompile(`^(\d{4})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})$`)
	reDMY   = regexp.MustCompile(`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4})$`)
	reNamed = regexp.MustCompile(`^(\d{1,2})\s+(\D+?)\s*[,،]?\s*(\d{4})$`)
	rePair  = regexp.MustCompile(`^(.+?)\s*\((.+)\)$`)
	// An era letter after the year ("2021م", "2021 م.") is common in print.
	reEra = regexp.MustCompile(`(\d)\s*م\.?$`)
)

// readDateLine reads s as "[weekday[،]] date". Digits may be ASCII,
// Eastern Arabic-Indic or Persian; the date is YYYY/MM/DD, DD/MM/YYYY
// (with /, - or . between the numbers), or "DD month YYYY" with a month
// name of either tradition, alone or as a pair (شباط/فبراير, فبراير
// (شباط)).
//
// A line with a date's shape but no such day is badDate rather than
// notDate: it sits where the date belongs, so the layout must not slide
// the next line into the date's place, and the editor must be told.
func readDateLine(s string) dateLine {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, asciiDigits(s)))
	var dl dateLine
	if f := strings.Fields(s); len(f) > 1 {
		first := strings.TrimRight(f[0], ",،")
		if wd, ok := weekdayOf(first); ok {
			dl.weekday, dl.wd = first, wd
			s = strings.TrimLeft(strings.TrimSpace(s[len(f[0]):]), ",،")
			s = strings.TrimSpace(s)
		}
	}
	s = reEra.ReplaceAllString(s, "$1")
	var y, d int
	var m time.Month
	switch {
	case reYMD.MatchString(s):
		g := reYMD.FindStringSubmatch(s)
		if g[2] != g[4] {
			return dl.bad("mixed separators")
		}
		y, m, d = atoi(g[1]), time.Month(atoi(g[3])), atoi(g[5])
	case reDMY.MatchString(s):
		g := reDMY.FindStringSubmatch(s)
		if g[2] != g[4] {
			return dl.bad("mixed separators")
		}
		d, m, y = atoi(g[1]), time.Month(atoi(g[3])), atoi(g[5])
	case reNamed.MatchString(s):
		g := reNamed.FindStringSubmatch(s)
		var known bool
		m, known = monthOf(g[2])
		if m == 0 {
			if known {
				return dl.bad("two different months")
			}
			if dl.weekday != "" {
				return dl.bad("unknown month name")
			}
			return dateLine{} // "3 قتلى في 2021" is a sentence, not a date
		}
		d, y = atoi(g[1]), atoi(g[3])
	default:
		// A weekday and a number or two: meant as a date, but unreadable.
		if dl.weekday != "" && strings.IndexFunc(s, unicode.IsDigit) >= 0 && words(s) <= 4 {
			return dl.bad("unreadable date")
		}
		return dateLine{}
	}
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || t.Month() != m {
		return dl.bad("no such day")
	}
	dl.kind, dl.date = goodDate, Date{y, m, d}
	return dl
}

func (dl dateLine) bad(why string) dateLine {
	dl.kind, dl.why = badDate, why
	return dl
}

// monthOf reads a month name or a pair naming one month in both
// traditions. known reports whether any month name was recognised, so
// a pair that disagrees (m == 0, known) is told apart from no month.
func monthOf(s string) (m time.Month, known bool) {
	s = strings.TrimSpace(s)
	if m, ok := monthKeys[fold(s)]; ok {
		return m, true
	}
	var a, b string
	if i := strings.Index(s, "/"); i >= 0 {
		a, b = s[:i], s[i+1:]
	} else if g := rePair.FindStringSubmatch(s); g != nil {
		a, b = g[1], g[2]
	} else {
		return 0, false
	}
	ma, oka := monthKeys[fold(a)]
	mb, okb := monthKeys[fold(b)]
	if oka && okb && ma == mb {
		return ma, true
	}
	return 0, oka || okb
}

// atoi reads the ASCII digits the date patterns matched; they are at
// most four long, so overflow cannot happen.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
