package arabic

import (
	"testing"
	"time"
)

func TestMonthNameIn(t *testing.T) {
	want := [12][3]string{
		{"يناير", "كانون الثاني", "كانون الثاني/يناير"},
		{"فبراير", "شباط", "شباط/فبراير"},
		{"مارس", "آذار", "آذار/مارس"},
		{"أبريل", "نيسان", "نيسان/أبريل"},
		{"مايو", "أيار", "أيار/مايو"},
		{"يونيو", "حزيران", "حزيران/يونيو"},
		{"يوليو", "تموز", "تموز/يوليو"},
		{"أغسطس", "آب", "آب/أغسطس"},
		{"سبتمبر", "أيلول", "أيلول/سبتمبر"},
		{"أكتوبر", "تشرين الأول", "تشرين الأول/أكتوبر"},
		{"نوفمبر", "تشرين الثاني", "تشرين الثاني/نوفمبر"},
		{"ديسمبر", "كانون الأول", "كانون الأول/ديسمبر"},
	}
	for i, w := range want {
		m := time.Month(i + 1)
		for j, style := range []MonthStyle{Egyptian, Levantine, BothMonths} {
			if got := MonthNameIn(m, style); got != w[j] {
				t.Errorf("MonthNameIn(%v, %d) = %q, want %q", m, style, got, w[j])
			}
		}
		if got := MonthName(m); got != w[0] {
			t.Errorf("MonthName(%v) = %q", m, got)
		}
	}
}

func TestParseStyles(t *testing.T) {
	for s, want := range map[string]MonthStyle{"egyptian": Egyptian, "levantine": Levantine, "both": BothMonths} {
		if got, ok := ParseMonthStyle(s); !ok || got != want {
			t.Errorf("ParseMonthStyle(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := ParseMonthStyle("gulf"); ok {
		t.Error("ParseMonthStyle(gulf) ok")
	}
	for s, want := range map[string]DigitStyle{"latin": LatinDigits, "arabic": ArabicDigits} {
		if got, ok := ParseDigitStyle(s); !ok || got != want {
			t.Errorf("ParseDigitStyle(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := ParseDigitStyle("persian"); ok {
		t.Error("ParseDigitStyle(persian) ok")
	}
}

func TestWeekdayName(t *testing.T) {
	// 2024-03-10 was a Sunday.
	want := []string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
	for i, w := range want {
		d := time.Date(2024, 3, 10+i, 12, 0, 0, 0, time.UTC)
		if got := WeekdayName(d.Weekday()); got != w {
			t.Errorf("%v: %q, want %q", d, got, w)
		}
	}
}

func TestHijriMonthName(t *testing.T) {
	cases := map[int]string{0: "", 1: "محرم", 3: "ربيع الأول", 4: "ربيع الآخر", 6: "جمادى الآخرة", 7: "رجب", 9: "رمضان", 12: "ذو الحجة", 13: ""}
	for m, want := range cases {
		if got := HijriMonthName(m); got != want {
			t.Errorf("HijriMonthName(%d) = %q, want %q", m, got, want)
		}
	}
}
