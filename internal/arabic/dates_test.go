package arabic

import (
	"testing"
	"time"
)

var baghdad = time.FixedZone("AST", 3*3600)

func TestDateFormat(t *testing.T) {
	feb24 := time.Date(2021, 2, 24, 9, 0, 0, 0, baghdad)
	cases := []struct {
		name string
		f    DateFormat
		fn   func(DateFormat, time.Time) string
		t    time.Time
		want string
	}{
		{"long", DateFormat{}, DateFormat.Long, feb24, "الأربعاء 24 فبراير 2021"},
		{"long levantine", DateFormat{Months: Levantine}, DateFormat.Long, feb24, "الأربعاء 24 شباط 2021"},
		{"long both", DateFormat{Months: BothMonths}, DateFormat.Long, feb24, "الأربعاء 24 شباط/فبراير 2021"},
		{"long arabic digits", DateFormat{Digits: ArabicDigits}, DateFormat.Long, feb24, "الأربعاء ٢٤ فبراير ٢٠٢١"},
		{"full", DateFormat{Hijri: true}, DateFormat.Full, feb24, "الأربعاء 24 فبراير 2021 م – 12 رجب 1442 هـ"},
		{"full without hijri", DateFormat{}, DateFormat.Full, feb24, "الأربعاء 24 فبراير 2021"},
		{"full levantine arabic", DateFormat{Months: Levantine, Digits: ArabicDigits, Hijri: true}, DateFormat.Full, feb24,
			"الأربعاء ٢٤ شباط ٢٠٢١ م – ١٢ رجب ١٤٤٢ هـ"},
		{"full ramadan", DateFormat{Hijri: true}, DateFormat.Full, time.Date(2024, 3, 11, 20, 0, 0, 0, baghdad),
			"الاثنين 11 مارس 2024 م – 1 رمضان 1445 هـ"},
		{"short", DateFormat{}, DateFormat.Short, feb24, "24 فبراير 2021"},
		{"short december", DateFormat{Months: Levantine}, DateFormat.Short, time.Date(2023, 12, 31, 23, 0, 0, 0, baghdad), "31 كانون الأول 2023"},
		{"month year", DateFormat{}, DateFormat.MonthYear, feb24, "فبراير 2021"},
		{"month year both", DateFormat{Months: BothMonths}, DateFormat.MonthYear, time.Date(2024, 11, 1, 0, 0, 0, 0, baghdad), "تشرين الثاني/نوفمبر 2024"},
		{"month year arabic", DateFormat{Digits: ArabicDigits, Months: Levantine}, DateFormat.MonthYear, time.Date(2024, 8, 1, 0, 0, 0, 0, baghdad), "آب ٢٠٢٤"},
		{"hijri", DateFormat{}, DateFormat.HijriDate, feb24, "12 رجب 1442 هـ"},
		{"hijri dhu al-hijja", DateFormat{}, DateFormat.HijriDate, time.Date(2024, 6, 16, 0, 0, 0, 0, baghdad), "10 ذو الحجة 1445 هـ"},
		{"hijri arabic", DateFormat{Digits: ArabicDigits}, DateFormat.HijriDate, time.Date(2025, 6, 26, 0, 0, 0, 0, baghdad), "١ محرم ١٤٤٧ هـ"},
	}
	for _, c := range cases {
		if got := c.fn(c.f, c.t); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestDateFormatZeroIsLongDate: the zero DateFormat writes what LongDate
// always wrote.
func TestDateFormatZeroIsLongDate(t *testing.T) {
	for d := time.Date(2020, 1, 1, 12, 0, 0, 0, baghdad); d.Year() == 2020; d = d.AddDate(0, 0, 1) {
		if a, b := (DateFormat{}).Long(d), LongDate(d); a != b {
			t.Fatalf("%v: Long %q, LongDate %q", d, a, b)
		}
	}
}

func TestDateFormatNumber(t *testing.T) {
	if got := (DateFormat{Digits: ArabicDigits}).Number(1445); got != "١٤٤٥" {
		t.Errorf("Number = %q", got)
	}
	if got := (DateFormat{}).Number(-3); got != "-3" {
		t.Errorf("Number = %q", got)
	}
}
