package arabic

import (
	"time"

	"github.com/hablullah/go-hijri"
)

// HijriDate is a day of the Hijri calendar.
type HijriDate struct {
	Year, Month, Day int
	// Tabular is true when the day lies outside the Umm al-Qura table
	// (1 Muharram 1356 – 29 Dhu al-Hijja 1500 AH, 14 March 1937 – 16
	// November 2077) and was computed with the tabular (arithmetic) civil
	// calendar instead, which can differ from the observed or Umm al-Qura
	// date by a day or two.
	Tabular bool
}

// IsZero reports whether h holds no date (a day before the Hijri era).
func (h HijriDate) IsZero() bool { return h.Year == 0 }

// The Umm al-Qura table of github.com/hablullah/go-hijri (Van Gent's
// transcription of the official Saudi calendar) covers these days.
var (
	ummAlQuraFirst = time.Date(1937, 3, 14, 0, 0, 0, 0, time.UTC)
	ummAlQuraLast  = time.Date(2077, 11, 16, 0, 0, 0, 0, time.UTC)
)

// Hijri converts the calendar day of t (in t's own time zone: a story
// dated 00:30 in Baghdad is dated by Baghdad's day) to the Umm al-Qura
// calendar, the official calendar of Saudi Arabia that most Arab papers
// print. Outside the table's range it falls back to the tabular civil
// calendar (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each
// 30, epoch 16 July 622) and sets Tabular. Days before the Hijri era give
// the zero HijriDate.
//
// The Hijri day changes at sunset; like every printed paper, sahifa dates
// by the civil day.
func Hijri(t time.Time) HijriDate {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if !day.Before(ummAlQuraFirst) && !day.After(ummAlQuraLast) {
		// The library converts in UTC at noon, so the UTC midnight above
		// keeps the calendar day.
		if d, err := hijri.CreateUmmAlQuraDate(day); err == nil {
			return HijriDate{Year: int(d.Year), Month: int(d.Month), Day: int(d.Day)}
		}
	}
	d, err := hijri.CreateHijriDate(day, hijri.Default)
	if err != nil {
		return HijriDate{}
	}
	return HijriDate{Year: int(d.Year), Month: int(d.Month), Day: int(d.Day), Tabular: true}
}
