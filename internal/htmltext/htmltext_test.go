package htmltext

import (
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	cases := []struct {
		in, want        string
		replaced, first int
	}{
		{"خبر عاجل\tو\r\nنص", "خبر عاجل\tو\r\nنص", 0, -1},
		{"خبر\xff\xfeعاجل", "خبر��عاجل", 2, 6},
		{"a\x00b\x01c\x0cd\x1fe\x7ff", "a�b�c�d�e�f", 5, 1},
		{"c1\u0085\u009f", "c1��", 2, 2},
		{"\ufdd0\ufdef\ufffe\uffff\U0001FFFE\U0010FFFF", "������", 6, 0},
		{"\xed\xa0\x80", "���", 3, 0}, // a lone surrogate, as UTF-8 would spell it
		{"\ufffd\ufdcf\ufdf0\ufffd", "\ufffd\ufdcf\ufdf0\ufffd", 0, -1},
		{"قطع\xd8", "قطع�", 1, 6}, // a letter cut in half at the end
	}
	for _, c := range cases {
		got, n, first := Clean([]byte(c.in))
		if string(got) != c.want || n != c.replaced || first != c.first {
			t.Errorf("Clean(%q) = %q, %d, %d; want %q, %d, %d", c.in, got, n, first, c.want, c.replaced, c.first)
		}
		if s, n2, f2 := CleanString(c.in); s != c.want || n2 != n || f2 != first {
			t.Errorf("CleanString(%q) = %q, %d, %d", c.in, s, n2, f2)
		}
	}
}

// FuzzClean: whatever goes in, what comes out is UTF-8 without a
// forbidden character, and clean text is kept as it was.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"خبر\xff\xfeعاجل", "a\x01\u0085\ufdd0\uffff", "\xed\xa0\x80", "نص"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slow := utf8.ValidString(s) // then a U+FFFD in s is one written as such
		for _, r := range s {
			slow = slow && !Forbidden(r)
		}
		if allowed([]byte(s)) != slow {
			t.Fatalf("allowed(%q) = %v, decoding rune by rune says %v", s, !slow, slow)
		}
		got, n, first := Clean([]byte(s))
		if !utf8.Valid(got) {
			t.Fatalf("Clean(%q) = %q, not UTF-8", s, got)
		}
		for _, r := range string(got) {
			if Forbidden(r) {
				t.Fatalf("Clean(%q) = %q keeps %U", s, got, r)
			}
		}
		if (n == 0) != (string(got) == s) || (n == 0) != (first < 0) {
			t.Fatalf("Clean(%q) = %q, %d, %d", s, got, n, first)
		}
	})
}

// The bytewise check agrees with Forbidden on every character near the
// forbidden ranges, alone and inside Arabic text.
func TestAllowedBytewise(t *testing.T) {
	var probes []rune
	for r := rune(0); r < 0x800; r++ {
		probes = append(probes, r)
	}
	for _, base := range []rune{0xFDC0, 0xFFF0, 0x1FFF0, 0x2FFF0, 0xEFFF0, 0x10FFF0} {
		for r := base; r < base+0x40 && r <= 0x10FFFF; r++ {
			probes = append(probes, r)
		}
	}
	for _, r := range probes {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := "نص " + string(r) + " عربي"
		if got := allowed([]byte(s)); got == Forbidden(r) {
			t.Errorf("allowed(%q) = %v, Forbidden(%U) = %v", s, got, r, Forbidden(r))
		}
	}
	if allowed([]byte("خبر\xff")) || allowed([]byte("\xed\xa0\x80")) {
		t.Error("invalid UTF-8 allowed")
	}
}
