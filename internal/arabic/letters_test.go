package arabic

import "testing"

func TestStripMarks(t *testing.T) {
	cases := map[string]string{
		"":          "",
		"بغداد":     "بغداد",
		"مُحَمَّدٌ": "محمد",
		"العـــراق": "العراق",
		"ذٰلِكَ":    "ذلك",
		"صَلَّى ٱللَّهُ عَلَيْهِ ۖ": "صلى ٱلله عليه ",
		"محمد\u0610":                              "محمد",
		"\u200fالقدس\u200e":                       "القدس",
		"\u202bA\u202c \u2066B\u2069\ufeff\u061c": "A B",
		"أ إ آ ؤ ئ ة ى":                           "أ إ آ ؤ ئ ة ى", // letters untouched
		"Hello, ٢٠٢١!":                            "Hello, ٢٠٢١!",  // digits untouched
	}
	for in, want := range cases {
		if got := StripMarks(in); got != want {
			t.Errorf("StripMarks(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLatinDigit(t *testing.T) {
	for i, s := range []string{"0٠۰", "1١۱", "5٥۵", "9٩۹"} {
		want := rune(s[0])
		for _, r := range s {
			if d, ok := latinDigit(r); !ok || d != want {
				t.Errorf("case %d: latinDigit(%q) = %q, %v", i, r, d, ok)
			}
		}
	}
	if _, ok := latinDigit('a'); ok {
		t.Error("latinDigit('a') ok")
	}
}
