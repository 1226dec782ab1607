package arabic

import "testing"

func TestToArabicDigits(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"بلا أرقام", "بلا أرقام"},
		{"2021", "٢٠٢١"},
		{"الأربعاء 24 فبراير 2021", "الأربعاء ٢٤ فبراير ٢٠٢١"},
		{"نحو 400 دار نشر", "نحو ٤٠٠ دار نشر"},
		{"نمو 3.5 في المئة", "نمو ٣٫٥ في المئة"},
		{"1,000 دينار", "١٬٠٠٠ دينار"},
		{"ارتفاع 50%", "ارتفاع ٥٠٪"},
		{"موسم 2020-2021", "موسم ٢٠٢٠-٢٠٢١"},
		{"عام 2021م", "عام ٢٠٢١م"},
		{"(2021)", "(٢٠٢١)"},
		{"الساعة 9:30", "الساعة ٩:٣٠"},
		{"الصفحة 2", "الصفحة ٢"},
		{"في 24/2/2021", "في ٢٤/٢/٢٠٢١"},
		// Digits of Latin names, codes and addresses stay.
		{"قمة G20 في الرياض", "قمة G20 في الرياض"},
		{"لقاح COVID-19 في 35 مركزا", "لقاح COVID-19 في ٣٥ مركزا"},
		{"انظر https://example.com/2021/ للمزيد", "انظر https://example.com/2021/ للمزيد"},
		{"iOS17 و3 تحديثات", "iOS17 و٣ تحديثات"},
		{"iPhone 15", "iPhone ١٥"},
		// A sentence dot after a number is not a decimal separator.
		{"عام 2021.", "عام ٢٠٢١."},
		{"12 رجب 1442 هـ", "١٢ رجب ١٤٤٢ هـ"},
		{"٣ بالفعل", "٣ بالفعل"},
	}
	for _, c := range cases {
		if got := ToArabicDigits(c.in); got != c.want {
			t.Errorf("ToArabicDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestToLatinDigits(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"2021", "2021"},
		{"٢٠٢١", "2021"},
		{"نمو ٣٫٥٪", "نمو 3.5%"},
		{"١٬٠٠٠ دينار", "1,000 دينار"},
		{"۱۴۰۲ خورشیدی", "1402 خورشیدی"}, // Persian digits
		{"قمة G20", "قمة G20"},
	}
	for _, c := range cases {
		if got := ToLatinDigits(c.in); got != c.want {
			t.Errorf("ToLatinDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDigitsAndNumber(t *testing.T) {
	if got := Digits("الصفحة 3", ArabicDigits); got != "الصفحة ٣" {
		t.Errorf("Digits arabic = %q", got)
	}
	if got := Digits("الصفحة ٣", LatinDigits); got != "الصفحة 3" {
		t.Errorf("Digits latin = %q", got)
	}
	if got := Number(1442, ArabicDigits); got != "١٤٤٢" {
		t.Errorf("Number = %q", got)
	}
	if got := Number(1442, LatinDigits); got != "1442" {
		t.Errorf("Number = %q", got)
	}
	// Round trip.
	for _, s := range []string{"2021", "3.5", "1,000", "50%", "الساعة 9:30"} {
		if got := ToLatinDigits(ToArabicDigits(s)); got != s {
			t.Errorf("round trip %q → %q", s, got)
		}
	}
}
