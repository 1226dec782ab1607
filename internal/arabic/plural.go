package arabic

import "strconv"

// Noun holds the forms Arabic gives a counted noun. Arabic agrees the noun
// with the number by the number's last two digits (CLDR's plural
// categories for "ar"):
//
//	0          Zero            لا أخبار
//	1          One             خبر واحد
//	2          Two             خبران
//	3–10       n + Few         3 أخبار، 10 أخبار، 103 أخبار
//	11–99      n + Many        11 خبرا، 99 خبرا، 111 خبرا
//	100, 101 … n + Other       100 خبر، 1000 خبر، 102 خبر
type Noun struct {
	Zero  string // the whole phrase for none: "لا أخبار"
	One   string // the whole phrase for one: "خبر واحد"
	Two   string // the dual: "خبران"
	Few   string // the plural, after 3–10: "أخبار"
	Many  string // the accusative singular, after 11–99: "خبرا"
	Other string // the genitive singular, after 100, 1000 …: "خبر"
}

// Nouns are the counted nouns a news theme needs, by their singular.
var Nouns = map[string]Noun{
	"خبر":   {"لا أخبار", "خبر واحد", "خبران", "أخبار", "خبرا", "خبر"},
	"مقال":  {"لا مقالات", "مقال واحد", "مقالان", "مقالات", "مقالا", "مقال"},
	"دقيقة": {"أقل من دقيقة", "دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة", "دقيقة"},
	"كلمة":  {"لا كلمات", "كلمة واحدة", "كلمتان", "كلمات", "كلمة", "كلمة"},
	"صفحة":  {"لا صفحات", "صفحة واحدة", "صفحتان", "صفحات", "صفحة", "صفحة"},
	"وسم":   {"لا وسوم", "وسم واحد", "وسمان", "وسوم", "وسما", "وسم"},
	"يوم":   {"لا أيام", "يوم واحد", "يومان", "أيام", "يوما", "يوم"},
	"شهر":   {"لا أشهر", "شهر واحد", "شهران", "أشهر", "شهرا", "شهر"},
	"سنة":   {"لا سنوات", "سنة واحدة", "سنتان", "سنوات", "سنة", "سنة"},
	"ساعة":  {"لا ساعات", "ساعة واحدة", "ساعتان", "ساعات", "ساعة", "ساعة"},
}

// PluralCategory is the CLDR plural category of n for Arabic: "zero",
// "one", "two", "few", "many" or "other". Negative numbers are counted by
// their size.
func PluralCategory(n int) string {
	if n < 0 {
		n = -n
	}
	switch n {
	case 0:
		return "zero"
	case 1:
		return "one"
	case 2:
		return "two"
	}
	switch r := n % 100; {
	case r >= 3 && r <= 10:
		return "few"
	case r >= 11:
		return "many"
	}
	return "other"
}

// Count says n of the noun with Arabic number agreement: "خبر واحد"،
// "خبران"، "3 أخبار"، "11 خبرا"، "100 خبر". Numbers are written with
// Latin digits; see Digits for Arabic-Indic ones.
func (w Noun) Count(n int) string {
	num := strconv.Itoa(n)
	switch PluralCategory(n) {
	case "zero":
		return w.Zero
	case "one":
		return w.One
	case "two":
		return w.Two
	case "few":
		return num + " " + w.Few
	case "many":
		return num + " " + w.Many
	}
	return num + " " + w.Other
}
