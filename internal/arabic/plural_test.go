package arabic

import "testing"

func TestPluralCategory(t *testing.T) {
	cases := map[int]string{
		0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 26: "many", 99: "many",
		100: "other", 101: "other", 102: "other", 103: "few", 110: "few", 111: "many", 200: "other",
		1000: "other", 1003: "few", 1011: "many", -3: "few",
	}
	for n, want := range cases {
		if got := PluralCategory(n); got != want {
			t.Errorf("PluralCategory(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNounCount(t *testing.T) {
	cases := []struct {
		noun string
		n    int
		want string
	}{
		{"خبر", 0, "لا أخبار"},
		{"خبر", 1, "خبر واحد"},
		{"خبر", 2, "خبران"},
		{"خبر", 3, "3 أخبار"},
		{"خبر", 10, "10 أخبار"},
		{"خبر", 11, "11 خبرا"},
		{"خبر", 99, "99 خبرا"},
		{"خبر", 100, "100 خبر"},
		{"خبر", 102, "102 خبر"},
		{"خبر", 103, "103 أخبار"},
		{"خبر", 1000, "1000 خبر"},
		{"مقال", 2, "مقالان"},
		{"مقال", 5, "5 مقالات"},
		{"مقال", 20, "20 مقالا"},
		{"دقيقة", 0, "أقل من دقيقة"},
		{"دقيقة", 1, "دقيقة واحدة"},
		{"دقيقة", 7, "7 دقائق"},
		{"دقيقة", 11, "11 دقيقة"},
		{"كلمة", 2, "كلمتان"},
		{"كلمة", 250, "250 كلمة"},
		{"كلمة", 4, "4 كلمات"},
		{"صفحة", 3, "3 صفحات"},
		{"وسم", 12, "12 وسما"},
		{"يوم", 2, "يومان"},
		{"يوم", 15, "15 يوما"},
		{"شهر", 6, "6 أشهر"},
		{"سنة", 1, "سنة واحدة"},
		{"سنة", 30, "30 سنة"},
		{"ساعة", 2, "ساعتان"},
		{"ساعة", 24, "24 ساعة"},
	}
	for _, c := range cases {
		w, ok := Nouns[c.noun]
		if !ok {
			t.Fatalf("no noun %q", c.noun)
		}
		if got := w.Count(c.n); got != c.want {
			t.Errorf("%s.Count(%d) = %q, want %q", c.noun, c.n, got, c.want)
		}
	}
}

// TestMinutesAgreesWithNouns: Minutes and Nouns["دقيقة"] say the same from
// one minute on.
func TestMinutesAgreesWithNouns(t *testing.T) {
	for n := 1; n < 250; n++ {
		if a, b := Minutes(n), Nouns["دقيقة"].Count(n); a != b {
			t.Errorf("%d: Minutes %q, Count %q", n, a, b)
		}
	}
}
