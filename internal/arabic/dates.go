package arabic

import (
	"strconv"
	"time"
)

// DateFormat is how a site writes dates: which month names, which digits,
// and whether the Hijri date goes beside the Gregorian one. The zero value
// is Egyptian month names, Latin digits and no Hijri date.
//
// Its methods write the calendar day of t in t's own time zone; convert
// with t.In first.
type DateFormat struct {
	Months MonthStyle
	Digits DigitStyle
	Hijri  bool
}

// Long is the Gregorian date with its weekday, as a story's date line
// starts: "الأربعاء 24 فبراير 2021", "الأربعاء 24 شباط 2021".
func (f DateFormat) Long(t time.Time) string {
	return WeekdayName(t.Weekday()) + " " + f.Short(t)
}

// Short is the Gregorian date without the weekday, for lists:
// "24 فبراير 2021".
func (f DateFormat) Short(t time.Time) string {
	return f.num(t.Day()) + " " + MonthNameIn(t.Month(), f.Months) + " " + f.num(t.Year())
}

// MonthYear names a month of the archive: "فبراير 2021", "شباط/فبراير 2021".
func (f DateFormat) MonthYear(t time.Time) string {
	return MonthNameIn(t.Month(), f.Months) + " " + f.num(t.Year())
}

// HijriDate is the Umm al-Qura date of t's day with its era: "12 رجب 1442
// هـ" (see Hijri); "" before the Hijri era.
func (f DateFormat) HijriDate(t time.Time) string {
	h := Hijri(t)
	if h.IsZero() {
		return ""
	}
	return f.num(h.Day) + " " + HijriMonthName(h.Month) + " " + f.num(h.Year) + " هـ"
}

// Full is the date line of an article: Long, and when f.Hijri is set the
// Hijri date after it, each with its era as Arab papers print both:
// "الأربعاء 24 فبراير 2021 م – 12 رجب 1442 هـ".
func (f DateFormat) Full(t time.Time) string {
	long := f.Long(t)
	if !f.Hijri {
		return long
	}
	h := f.HijriDate(t)
	if h == "" {
		return long
	}
	return long + " م – " + h
}

// Number writes n in f's digits.
func (f DateFormat) Number(n int) string { return f.num(n) }

func (f DateFormat) num(n int) string {
	s := strconv.Itoa(n)
	if f.Digits == ArabicDigits {
		return ToArabicDigits(s)
	}
	return s
}
