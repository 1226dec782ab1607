package seed

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names Decode reports.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncWin1256 = "windows-1256"
)

// ErrBinary is Decode's error for input that is not text at all (an
// image, an archive, a Word file saved under .txt).
var ErrBinary = errors.New("not a text file")

// Decode detects the encoding of a seed and returns its text as UTF-8 with
// every line ending (\r\n, \r, and the Unicode line and paragraph
// separators) turned into \n, plus the encoding's name: "utf-8",
// "utf-8-bom", "utf-16le", "utf-16be" or "windows-1256".
//
// Detection follows the spec: a byte-order mark first; then UTF-8 when
// the whole file is valid UTF-8; otherwise Windows-1256, the legacy
// Arabic code page, which maps every byte, so it is the only fallback
// that can never fail. Input with a NUL character (outside the NUL bytes
// UTF-16 is made of) or more than a tenth control characters is binary
// and gives ErrBinary. Stray control characters in real text (a DOS ^Z)
// carry no words and are dropped; a form feed or vertical tab becomes a
// space.
func Decode(data []byte) (string, string, error) {
	var text, enc string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		// A BOM is a promise of UTF-8; bytes that break it are damage,
		// not a sign of another encoding.
		text, enc = strings.ToValidUTF8(string(data[3:]), "\uFFFD"), EncUTF8BOM
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		text, enc = utf16(data[2:], unicode.LittleEndian), EncUTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, enc = utf16(data[2:], unicode.BigEndian), EncUTF16BE
	case utf8.Valid(data):
		text, enc = string(data), EncUTF8
	default:
		b, err := charmap.Windows1256.NewDecoder().Bytes(data)
		if err != nil { // cannot happen: every byte has a mapping
			return "", "", err
		}
		text, enc = string(b), EncWin1256
	}
	if binary(text) {
		return "", enc, ErrBinary
	}
	return normalize(text), enc, nil
}

// utf16 decodes BOM-less UTF-16; broken surrogates and an odd last byte
// become U+FFFD rather than an error, as one bad character should not
// lose a whole article.
func utf16(b []byte, order unicode.Endianness) string {
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(out), "\uFFFD")
	}
	return string(out)
}

// isControl reports control characters that never occur in text: C0
// except tab, line feed, carriage return, form feed and vertical tab;
// DEL; and the C1 range.
func isControl(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == '\f', r == '\v':
		return false
	case r < 0x20, r == 0x7F:
		return true
	case r >= 0x80 && r <= 0x9F && r != 0x85: // U+0085 (NEL) is a line break
		return true
	}
	return false
}

// binary reports whether decoded text is really binary data: a NUL
// (text editors never write one) or many control characters. Windows-1256
// maps every byte to a character, so random bytes "decode"; the control
// share is what still tells them apart.
func binary(s string) bool {
	var n, ctrl int
	for _, r := range s {
		if r == 0 {
			return true
		}
		n++
		if isControl(r) {
			ctrl++
		}
	}
	return ctrl*10 > n
}

// normalize turns every line ending into \n, form feed and vertical tab
// into spaces, and drops the remaining control characters.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r', r == 0x85, r == 0x2028, r == 0x2029:
			return '\n'
		case r == '\f', r == '\v':
			return ' '
		case isControl(r):
			return -1
		}
		return r
	}, s)
}
