package arabic

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestLTRRuns(t *testing.T) {
	cases := []struct {
		in   string
		runs []string // the LTR segments, in order
	}{
		{"توافق بين بايدن والكاظمي", nil},
		{"", nil},
		{"قمة G20 في الرياض تناقش تعافي الاقتصاد بعد COVID-19", []string{"G20", "COVID-19"}},
		{"مطورون عرب يطلقون تطبيقات على iPhone وأندرويد", []string{"iPhone"}},
		{"هاتف iPhone 15 Pro الجديد", []string{"iPhone 15 Pro"}},
		{"غرّد على Twitter، ثم حذف التغريدة", []string{"Twitter"}},
		{"Twitter و Facebook", []string{"Twitter", "Facebook"}},
		{"منصات Twitter، Facebook وTikTok", []string{"Twitter", "Facebook", "TikTok"}},
		{"هل يعود Twitter؟ نعم؛ X باق", []string{"Twitter", "X"}},
		{"رقم Model ٣ الجديد", []string{"Model"}},
		{"الموقع https://g20.org/ ينشر البيان.", []string{"https://g20.org/"}},
		{"وكالة (Reuters) للأنباء", []string{"Reuters"}},
		{"شركة Microsoft (MSFT) تعلن", []string{"Microsoft (MSFT)"}},
		{"قال Joe Biden إن", []string{"Joe Biden"}},
		{"شبكات 5G في العراق", []string{"5G"}},
		{"وسم #COVID19 يتصدر", []string{"#COVID19"}},
		{"حساب @sahifa على X", []string{"@sahifa", "X"}},
		{"عام 2021 في 35 مركزا", nil},
		{"Breaking News", []string{"Breaking News"}},
		{"منصة Disney+ وC++.", []string{"Disney+", "C++"}},
		{"ليلة \"Oscars\" الكبرى", []string{"Oscars"}},
	}
	for _, c := range cases {
		segs := LTRRuns(c.in)
		var runs []string
		var whole strings.Builder
		for _, s := range segs {
			whole.WriteString(s.Text)
			if s.LTR {
				runs = append(runs, s.Text)
			}
		}
		if whole.String() != c.in {
			t.Errorf("LTRRuns(%q) joins to %q", c.in, whole.String())
		}
		if strings.Join(runs, "|") != strings.Join(c.runs, "|") {
			t.Errorf("LTRRuns(%q) runs = %q, want %q", c.in, runs, c.runs)
		}
	}
}

func TestIsolateLTR(t *testing.T) {
	cases := []struct{ in, want string }{
		{"توافق بين بايدن والكاظمي", "توافق بين بايدن والكاظمي"},
		{"قمة G20 في الرياض", "قمة \u2068G20\u2069 في الرياض"},
		{"حملة تلقيح ضد COVID-19 والإنفلونزا", "حملة تلقيح ضد \u2068COVID-19\u2069 والإنفلونزا"},
		{"iPhone", "\u2068iPhone\u2069"},
		{"", ""},
	}
	for _, c := range cases {
		if got := IsolateLTR(c.in); got != c.want {
			t.Errorf("IsolateLTR(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The shortcut for text without left-to-right letters gives what the
// whole algorithm gives.
func TestLTRRunsShortcut(t *testing.T) {
	pieces := []string{"العراق", "٢٠٢١", "2021", "،", "؟", " ", "-", "(", ")", "#", "@", "/", "+", ".", "ـ", "\u064e", "x", "G20", "é", "\u200e", "ﻻ", "«", "»", "–", "\u00a0", "…", "ª", "µ", "\u2066", "\u202a"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := LTRRuns(s), ltrRuns(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("LTRRuns(%q) = %v, want %v", s, got, want)
		}
	}
}
