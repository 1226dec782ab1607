package seed

import (
	"errors"
	"testing"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		text string
		enc  string
	}{
		{"utf-8", []byte("سطر\nآخر"), "سطر\nآخر", EncUTF8},
		{"ascii", []byte("a\r\nb\rc\n"), "a\nb\nc\n", EncUTF8},
		{"bom", []byte("\xEF\xBB\xBFسطر\r\n"), "سطر\n", EncUTF8BOM},
		{"bom, then damage", []byte("\xEF\xBB\xBFa\xFFb"), "a\uFFFDb", EncUTF8BOM},
		{"utf-16le", []byte{0xFF, 0xFE, 0x33, 0x06, '\r', 0, '\n', 0, 'a', 0}, "س\na", EncUTF16LE},
		{"utf-16be", []byte{0xFE, 0xFF, 0x06, 0x33, 0, '\r', 0, 'a'}, "س\na", EncUTF16BE},
		{"utf-16 odd byte", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a\uFFFD", EncUTF16LE},
		{"windows-1256", []byte{0xD3, 0xE1, 0xC7, 0xE3, '\r', '\n', 0x96}, "سلام\n–", EncWin1256},
		{"stray controls", []byte("سطر أول\x1a وسطر\f ثان\x7f\u2028وثالث"), "سطر أول وسطر  ثان\nوثالث", EncUTF8},
	}
	for _, c := range cases {
		text, enc, err := Decode(c.in)
		if err != nil || text != c.text || enc != c.enc {
			t.Errorf("%s: Decode = %q %q %v, want %q %q", c.name, text, enc, err, c.text, c.enc)
		}
	}
	for name, in := range map[string][]byte{
		"nul":             []byte("text\x00more"),
		"utf-16 nul char": {0xFF, 0xFE, 'a', 0, 0, 0},
		"controls":        []byte("\x01\x02\x03\x04abc"),
		"utf-16 no bom":   {'a', 0, 'b', 0},
	} {
		if _, _, err := Decode(in); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: Decode error = %v, want ErrBinary", name, err)
		}
	}
}
