package arabic

import (
	"testing"
	"time"
)

func TestLongDate(t *testing.T) {
	baghdad := time.FixedZone("AST", 3*3600)
	cases := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2021, 2, 24, 9, 0, 0, 0, baghdad), "الأربعاء 24 فبراير 2021"},
		{time.Date(2024, 1, 15, 9, 0, 0, 0, baghdad), "الاثنين 15 يناير 2024"},
		{time.Date(2023, 12, 31, 23, 0, 0, 0, baghdad), "الأحد 31 ديسمبر 2023"},
		{time.Date(2025, 8, 1, 0, 0, 0, 0, baghdad), "الجمعة 1 أغسطس 2025"},
	}
	for _, c := range cases {
		if got := LongDate(c.t); got != c.want {
			t.Errorf("LongDate(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}

func TestMinutes(t *testing.T) {
	cases := map[int]string{
		0: "دقيقة واحدة", 1: "دقيقة واحدة", 2: "دقيقتان", 3: "3 دقائق", 10: "10 دقائق",
		11: "11 دقيقة", 25: "25 دقيقة", 100: "100 دقيقة", 103: "103 دقائق",
	}
	for n, want := range cases {
		if got := Minutes(n); got != want {
			t.Errorf("Minutes(%d) = %q, want %q", n, got, want)
		}
	}
}
