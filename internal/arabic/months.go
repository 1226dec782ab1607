package arabic

import (
	"strconv"
	"time"
)

// Month names of the Egyptian/Gulf tradition (CLDR "ar"), January first.
var egyptianMonths = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

// Weekday names, Sunday first as time.Weekday counts.
var weekdays = [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}

// MonthName is the Egyptian/Gulf Arabic name of m.
func MonthName(m time.Month) string { return egyptianMonths[(m-1)%12] }

// WeekdayName is the Arabic name of d.
func WeekdayName(d time.Weekday) string { return weekdays[d%7] }

// LongDate writes t as newspapers date an article: "الأربعاء 24 فبراير 2021".
func LongDate(t time.Time) string {
	return WeekdayName(t.Weekday()) + " " + strconv.Itoa(t.Day()) + " " + MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// Minutes says n minutes in Arabic with the number agreement readers
// expect: دقيقة واحدة، دقيقتان، 3–10 دقائق، 11 دقيقة فأكثر. Numbers whose
// last two digits are 3–10 take the plural (103 دقائق), as Arabic grammar
// counts by the final part of the number.
func Minutes(n int) string {
	switch {
	case n <= 1:
		return "دقيقة واحدة"
	case n == 2:
		return "دقيقتان"
	}
	if r := n % 100; r >= 3 && r <= 10 {
		return strconv.Itoa(n) + " دقائق"
	}
	return strconv.Itoa(n) + " دقيقة"
}
