package arabic

import "time"

// MonthStyle chooses which names the Gregorian months get. Arab countries
// use two sets: the Egyptian/Gulf names taken from the Latin ones (يناير،
// فبراير …) and the Levantine/Iraqi Syriac names (كانون الثاني، شباط …).
type MonthStyle int

const (
	// Egyptian names (CLDR "ar"): يناير، فبراير، مارس … The default.
	Egyptian MonthStyle = iota
	// Levantine names (CLDR "ar_IQ", "ar_SY", "ar_LB", "ar_JO"): كانون
	// الثاني، شباط، آذار …
	Levantine
	// BothMonths gives both names, Levantine first, as pan-Arab papers
	// print them: شباط/فبراير.
	BothMonths
)

// ParseMonthStyle reads the config spelling of a MonthStyle: "egyptian",
// "levantine" or "both".
func ParseMonthStyle(s string) (MonthStyle, bool) {
	switch s {
	case "egyptian":
		return Egyptian, true
	case "levantine":
		return Levantine, true
	case "both":
		return BothMonths, true
	}
	return Egyptian, false
}

// Month names of the Levant and Iraq (CLDR "ar_IQ", "ar_SY" …), January first.
var levantineMonths = [12]string{"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"}

// Months of the Hijri year (CLDR "ar", islamic calendar), Muharram first.
var hijriMonths = [12]string{"محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"}

// MonthNameIn is the name of m in the given style: "فبراير", "شباط" or
// "شباط/فبراير".
func MonthNameIn(m time.Month, s MonthStyle) string {
	i := (int(m) + 11) % 12
	if i < 0 {
		i += 12
	}
	switch s {
	case Levantine:
		return levantineMonths[i]
	case BothMonths:
		return levantineMonths[i] + "/" + egyptianMonths[i]
	}
	return egyptianMonths[i]
}

// HijriMonthName is the name of Hijri month m (1 = محرم … 12 = ذو الحجة);
// "" outside 1–12.
func HijriMonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return hijriMonths[m-1]
}
