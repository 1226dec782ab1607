package seed

import (
	"testing"
	"time"
)

func TestReadDateLine(t *testing.T) {
	good := []struct {
		line    string
		date    Date
		weekday string
	}{
		{"الأربعاء 2021/02/24", Date{2021, 2, 24}, "الأربعاء"},
		{"2021-02-24", Date{2021, 2, 24}, ""},
		{"24/02/2021", Date{2021, 2, 24}, ""},
		{"24-02-2021", Date{2021, 2, 24}, ""},
		{"24.2.2021", Date{2021, 2, 24}, ""},
		{"2021 / 02 / 24", Date{2021, 2, 24}, ""},
		{"٢٠٢١/٠٢/٢٤", Date{2021, 2, 24}, ""},
		{"۲۰۲۱/۰۲/۲۴", Date{2021, 2, 24}, ""},
		{"الأربعاء ٢٤ فبراير ٢٠٢١", Date{2021, 2, 24}, "الأربعاء"},
		{"24 فبراير 2021", Date{2021, 2, 24}, ""},
		{"24 شباط 2021", Date{2021, 2, 24}, ""},
		{"24 شباط/فبراير 2021", Date{2021, 2, 24}, ""},
		{"24 شباط / فبراير 2021", Date{2021, 2, 24}, ""},
		{"24 فبراير (شباط) 2021", Date{2021, 2, 24}, ""},
		{"1 إبريل 2021", Date{2021, 4, 1}, ""},
		{"1 ابريل 2021", Date{2021, 4, 1}, ""},
		{"1 نيسان 2021", Date{2021, 4, 1}, ""},
		{"10 يونيه 2021", Date{2021, 6, 10}, ""},
		{"10 يوليه 2021", Date{2021, 7, 10}, ""},
		{"12 كانون الثاني 2021", Date{2021, 1, 12}, ""},
		{"12 كانون  الثاني، 2021", Date{2021, 1, 12}, ""},
		{"5 تشرين الأول 2021", Date{2021, 10, 5}, ""},
		{"5 تشرين الاول 2021", Date{2021, 10, 5}, ""},
		{"30 تشرين الثاني 2021", Date{2021, 11, 30}, ""},
		{"25 كانون الأول 2021", Date{2021, 12, 25}, ""},
		{"1 آذار 2021", Date{2021, 3, 1}, ""},
		{"1 اذار 2021", Date{2021, 3, 1}, ""},
		{"9 آب 2021", Date{2021, 8, 9}, ""},
		{"الاثنين 2021/03/01", Date{2021, 3, 1}, "الاثنين"},
		{"الإثنين، 1 مارس 2021م", Date{2021, 3, 1}, "الإثنين"},
		{"\u200fالجمعة 2021/03/05\u200f", Date{2021, 3, 5}, "الجمعة"},
		{"السبت 29 شباط 2020", Date{2020, 2, 29}, "السبت"},
	}
	for _, c := range good {
		dl := readDateLine(c.line)
		if dl.kind != goodDate || dl.date != c.date || dl.weekday != c.weekday {
			t.Errorf("readDateLine(%q) = kind %d %v %q, want %v %q", c.line, dl.kind, dl.date, dl.weekday, c.date, c.weekday)
		}
	}
	bad := []string{
		"2021/13/45", "2021/02/30", "2021/02/29", "30 شباط 2021", "0/1/2021",
		"2021/02-24",                // separators differ
		"24 شباط/مارس 2021",         // the pair names two months
		"الأربعاء 24 فبرير 2021",    // a weekday, then a misspelt month
		"الأربعاء 2021/2",           // a weekday and half a date
		"الخميس 31 حزيران 2021",     // June has 30 days
		"الأحد ٢٠٢١/١٣/٠١",          // Eastern digits, month 13
		"الأحد، 2021/02/24 2021/02", // a weekday and too many numbers
	}
	for _, s := range bad {
		if dl := readDateLine(s); dl.kind != badDate {
			t.Errorf("readDateLine(%q) = kind %d %v, want badDate", s, dl.kind, dl.date)
		}
	}
	not := []string{
		"3 قتلى في 2021", "24 فبرير 2021", "الأربعاء", "2021", "اتفق الرئيس الأميركي جو بايدن",
		"الأربعاء الماضي أعلن الرئيس أنه سيزور بغداد في 2021 بعد أن تهدأ الأوضاع", "صواريخ الكاتيوشا تقلق بايدن",
	}
	for _, s := range not {
		if dl := readDateLine(s); dl.kind != notDate {
			t.Errorf("readDateLine(%q) = kind %d %v, want notDate", s, dl.kind, dl.date)
		}
	}
}

func TestWeekdayNames(t *testing.T) {
	// Each name must read back as its own day, in every spelling.
	for i, n := range weekdayNames {
		if wd, ok := weekdayOf(n); !ok || wd != time.Weekday(i) {
			t.Errorf("weekdayOf(%q) = %v %v", n, wd, ok)
		}
	}
	for _, n := range []string{"الإثنين", "الاثنين", "الأثنين", "الاربعاء", "الأحـد"} {
		if _, ok := weekdayOf(n); !ok {
			t.Errorf("weekdayOf(%q) not recognised", n)
		}
	}
	if (Date{2021, 2, 24}).Weekday() != time.Wednesday {
		t.Error("2021-02-24 is a Wednesday")
	}
}
