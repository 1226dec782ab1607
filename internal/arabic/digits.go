package arabic

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// DigitStyle chooses the digits numbers are written with.
type DigitStyle int

const (
	// LatinDigits are 0123456789, used by most Arabic news sites (the
	// default).
	LatinDigits DigitStyle = iota
	// ArabicDigits are the Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩ of the Mashriq.
	ArabicDigits
)

// ParseDigitStyle reads the config spelling of a DigitStyle: "latin" or
// "arabic".
func ParseDigitStyle(s string) (DigitStyle, bool) {
	switch s {
	case "latin":
		return LatinDigits, true
	case "arabic":
		return ArabicDigits, true
	}
	return LatinDigits, false
}

// Separators and signs written with Arabic-Indic digits (CLDR "ar" with
// the "arab" numbering system).
const (
	arabicDecimal   = '٫' // U+066B ARABIC DECIMAL SEPARATOR
	arabicThousands = '٬' // U+066C ARABIC THOUSANDS SEPARATOR
	arabicPercent   = '٪' // U+066A ARABIC PERCENT SIGN
)

// Digits writes the numbers of s in the given style; see ToArabicDigits
// and ToLatinDigits.
func Digits(s string, style DigitStyle) string {
	if style == ArabicDigits {
		return ToArabicDigits(s)
	}
	return ToLatinDigits(s)
}

// Number writes n in the given style: 2021 or ٢٠٢١.
func Number(n int, style DigitStyle) string {
	return Digits(strconv.Itoa(n), style)
}

// ToArabicDigits writes the numbers of s in Arabic-Indic digits: "2021"
// → "٢٠٢١", "3.5" → "٣٫٥", "1,000" → "١٬٠٠٠", "50%" → "٥٠٪", "2020-2021"
// → "٢٠٢٠-٢٠٢١". Digits that belong to a Latin word, code or address are
// part of a name and are left alone: "G20", "COVID-19", "iOS17",
// "https://example.com/2021/" keep theirs. A word here is a run of
// ASCII characters other than spaces; Arabic letters end it, so "2021م"
// becomes "٢٠٢١م".
func ToArabicDigits(s string) string {
	if !hasASCIIDigit(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(s); {
		if !isASCIIWordByte(s[i]) {
			r, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += size
			continue
		}
		j := i
		latin := false
		for j < len(s) && isASCIIWordByte(s[j]) {
			c := s[j] | 0x20
			latin = latin || c >= 'a' && c <= 'z'
			j++
		}
		if latin {
			b.WriteString(s[i:j])
		} else {
			writeArabicDigits(&b, s[i:j])
		}
		i = j
	}
	return b.String()
}

// writeArabicDigits converts one word without Latin letters.
func writeArabicDigits(b *strings.Builder, w string) {
	for k := 0; k < len(w); k++ {
		c := w[k]
		digitBefore := k > 0 && isDigit(w[k-1])
		digitAfter := k+1 < len(w) && isDigit(w[k+1])
		switch {
		case isDigit(c):
			b.WriteRune(rune('٠' + int(c-'0')))
		case c == '.' && digitBefore && digitAfter:
			b.WriteRune(arabicDecimal)
		case c == ',' && digitBefore && digitAfter:
			b.WriteRune(arabicThousands)
		case c == '%' && digitBefore:
			b.WriteRune(arabicPercent)
		default:
			b.WriteByte(c)
		}
	}
}

// ToLatinDigits writes Arabic-Indic (٠-٩) and Persian (۰-۹) digits as
// 0-9, with their separators and percent sign: "٣٫٥٪" → "3.5%".
func ToLatinDigits(s string) string {
	if !strings.ContainsFunc(s, isNonASCIIDigitish) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteByte(byte('0' + r - '٠'))
		case r >= '۰' && r <= '۹':
			b.WriteByte(byte('0' + r - '۰'))
		case r == arabicDecimal:
			b.WriteByte('.')
		case r == arabicThousands:
			b.WriteByte(',')
		case r == arabicPercent:
			b.WriteByte('%')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isNonASCIIDigitish(r rune) bool {
	return r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' || r == arabicDecimal || r == arabicThousands || r == arabicPercent
}

func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isASCIIWordByte is any printable ASCII byte but the space: letters,
// digits and the punctuation of codes and addresses.
func isASCIIWordByte(c byte) bool { return c > ' ' && c < 0x7f }
