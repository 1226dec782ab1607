package arabic

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"إيران", "ايران"},
		{"ايران", "ايران"},
		{"الكاظمى", "الكاظمي"},
		{"الكاظمي", "الكاظمي"},
		{"مُصطفى", "مصطفي"},
		{"العـــراق", "العراق"},
		{"٢٠٢١", "2021"},
		{"۱۴۰۰", "1400"},
		{"أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"},
		{"مؤتمر رئيس شيء", "مءتمر رءيس شيء"}, // ؤ and ئ are the hamza alone
		{"ي\u0654", "ء"}, // yeh with a combining hamza composes, then folds
		{"ی ک", "ي ك"},   // Persian yeh and kaf
		{"قمة G20 في NATO", "قمه g20 في nato"},
		{"ﻻ ﺑﻐﺪاد", "لا بغداد"},        // presentation forms (NFKC)
		{"ا\u0654حمد", "احمد"},         // decomposed hamza composes, then folds
		{"\u200fالقدس\u200e", "القدس"}, // bidi marks
		{"«العراق»، ؟", "«العراق»، ؟"}, // punctuation left in place
		{"Café", "café"},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldVariantsAgree(t *testing.T) {
	groups := [][]string{
		{"إيران", "ايران", "إيـــران", "إِيرَان"},
		{"الكاظمي", "الكاظمى", "الكَاظِمِي"},
		{"مصطفى", "مُصطفى", "مصطفي"},
		{"العراق", "العـــراق", "العِرَاق"},
		{"2021", "٢٠٢١", "۲۰۲۱"},
		{"الأمريكية", "الامريكيه", "الأمريكيّة"},
		{"مسؤول", "مسئول", "مسءول"},
		{"شؤون", "شئون"},
		{"شيء", "شيئ"},
	}
	for _, g := range groups {
		for _, s := range g[1:] {
			if Fold(s) != Fold(g[0]) {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q", s, Fold(s), g[0], Fold(g[0]))
			}
		}
	}
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"الولايات المتحدة، وإيران", []string{"الولايات", "المتحده", "وايران"}},
		{"«عاجل»؛ ارتفاع ٥٪ في G20؟", []string{"عاجل", "ارتفاع", "5", "في", "g20"}},
		{`كتائب "حزب الله"`, []string{"كتاءب", "حزب", "الله"}},
		{"كوفيد-19 (كورونا)", []string{"كوفيد", "19", "كورونا"}},
		{"العـــراق  وبغدادُ", []string{"العراق", "وبغداد"}},
		{" ؟،!«» ", nil},
	}
	for _, c := range cases {
		if got := Tokens(c.in); (len(got) > 0 || len(c.want) > 0) && !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStripClitics(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"والكاظمي", []string{"والكاظمي", "الكاظمي", "كاظمي"}},
		{"الكاظمي", []string{"الكاظمي", "كاظمي"}},
		{"للعراق", []string{"للعراق", "العراق", "لعراق", "عراق"}},
		{"بالعراق", []string{"بالعراق", "العراق", "عراق"}},
		{"وبالعراق", []string{"وبالعراق", "بالعراق", "العراق", "عراق"}},
		{"فالعراق", []string{"فالعراق", "العراق", "عراق"}},
		{"كالعادة", []string{"كالعادة", "العادة", "عادة"}},
		{"وللعراق", []string{"وللعراق", "للعراق", "العراق", "لعراق", "عراق"}},
		{"وايران", []string{"وايران", "ايران"}},
		{"لايران", []string{"لايران", "ايران"}},
		{"وبغداد", []string{"وبغداد", "بغداد", "غداد"}},
		{"للبنان", []string{"للبنان", "البنان", "لبنان", "بنان"}},
		{"لبنان", []string{"لبنان", "بنان"}},
		{"وكبغداد", []string{"وكبغداد", "كبغداد", "بغداد"}},
		{"فبحماس", []string{"فبحماس", "بحماس", "حماس"}},
		{"بغداد", []string{"بغداد", "غداد"}},
		{"ولي", []string{"ولي", "لي"}},
		{"والي", []string{"والي", "الي"}}, // ال + ي: one-letter stem, no article reading
		{"لله", []string{"لله", "له"}},
		{"وب", []string{"وب"}},
		{"و", []string{"و"}},
		{"iran", []string{"iran"}},
	}
	for _, c := range cases {
		if got := StripClitics(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("StripClitics(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStripCliticsInvariants(t *testing.T) {
	for _, w := range strings.Fields(Fold("وبالعراق للعراق وللولايات فالكاظمي كالأسد وب ولل لل بال ال و")) {
		got := StripClitics(w)
		if got[0] != w {
			t.Errorf("StripClitics(%q)[0] = %q", w, got[0])
		}
		for i, c := range got[1:] {
			if utf8.RuneCountInString(c) < minStem {
				t.Errorf("StripClitics(%q): %q too short", w, c)
			}
			if utf8.RuneCountInString(c) > utf8.RuneCountInString(got[i]) {
				t.Errorf("StripClitics(%q) = %q: not longest first", w, got)
			}
		}
	}
}

func TestIsStopword(t *testing.T) {
	for _, w := range []string{"في", "من", "على", "إلى", "الذي", "التي", "هذه", "كان", "قال",
		"بعد", "خلال", "منذ", "حيث", "أو", "ثم", "بين", "الأربعاء", "أكتوبر", "شباط"} {
		if !IsStopword(Fold(w)) {
			t.Errorf("IsStopword(%q) = false", w)
		}
	}
	for _, w := range []string{"العراق", "بايدن", "الهجمات", "سفارة", "الولايات", ""} {
		if IsStopword(Fold(w)) {
			t.Errorf("IsStopword(%q) = true", w)
		}
	}
	if n := len(stopwords); n < 150 {
		t.Errorf("only %d stopwords", n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"إيران", "مُصطفى", "العـــراق", "٢٠٢١", "e\u0640\u0301", "ﻻ", "İSTANBUL", "ا\u0640\u0654"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if full := foldFull(s); full != once {
			t.Fatalf("Fold(%q) = %q, but the full normalisation gives %q", s, once, full)
		}
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		for _, tok := range Tokens(s) {
			for _, c := range StripClitics(tok)[1:] {
				if !strings.HasSuffix(tok, c) && !(strings.HasPrefix(c, article) && strings.HasSuffix(tok, c[len(article):])) {
					t.Fatalf("StripClitics(%q) gave %q, not a suffix reading", tok, c)
				}
			}
		}
	})
}

// The shortcuts give what the full normalisation gives, on real news
// text and on every character they admit next to every other character
// class that could compose with it.
func TestFoldShortcuts(t *testing.T) {
	texts := map[string]int{
		"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق، وإيران؟": plain,
		"قمة G20 في الرياض ٢٠٢١؛ COVID-19":       plain,
		"مسؤول سئل عن المؤتمر: ما الأمر؟":        plain,
		"مُحمَّد رئيس\u00a0الوزراء في العـــراق": marked,
		"شدّة وتنوينٌ وسكونْ":                    marked,
	}
	var admitted []rune
	for r := rune(0); r < 0x700; r++ {
		if shortcut(string(r)) != full {
			admitted = append(admitted, r)
		}
	}
	for _, a := range admitted {
		// Beside a letter, a mark that composes (hamza above, madda),
		// a combining Latin accent, and each other admitted character.
		for _, b := range append([]rune{'ا', 'A', 'e', '\u0654', '\u0653', '\u0301'}, admitted...) {
			for _, s := range []string{string(a) + string(b), string(b) + string(a), "ا" + string(a) + string(b)} {
				texts[s] = shortcut(s)
			}
		}
	}
	for s, want := range texts {
		if form := shortcut(s); form != want {
			t.Fatalf("shortcut(%q) = %d, want %d", s, form, want)
		}
		if got, want := Fold(s), foldFull(s); got != want {
			t.Errorf("Fold(%q) = %q, full normalisation %q", s, got, want)
		}
	}
	for _, s := range []string{"ﻻ", "\u200f", "ا\u0640\u0654", "e\u0640\u0301", "ا\u0653"} {
		if shortcut(s) != full {
			t.Errorf("%q takes a shortcut: presentation forms, bidi controls and marks that compose do not", s)
		}
	}
	if shortcut("مُصطفى") != marked || shortcut("العـــراق") != marked || shortcut("a\u00a0b") != marked {
		t.Error("harakat, tatweel and the no-break space are the marked form")
	}
}

// BenchmarkFold folds a paragraph of plain news text (the shortcut) and
// the same with harakat (the full normalisation).
func BenchmarkFold(b *testing.B) {
	plain := strings.Repeat("توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق، قال المتحدث. ", 20)
	for _, c := range []struct{ name, text string }{{"plain", plain}, {"marked", plain + "مُصطفى"}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				Fold(c.text)
			}
		})
	}
}

// The table gives every rune it covers the unicode package's answer, and
// runes past it are still asked of the package.
func TestIsWordRuneTable(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := IsWordRune(r), isWordRune(r); got != want {
			t.Fatalf("IsWordRune(%U) = %t, the unicode package says %t", r, got, want)
		}
	}
}
