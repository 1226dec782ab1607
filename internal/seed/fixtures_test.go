package seed

import (
	"bytes"
	"os"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestFixtures keeps the binary fixtures honest: the BOM, UTF-16 and
// Windows-1256 seeds are encodings of testdata/encoded.utf8, and -update
// regenerates them (run it before the golden update: go test -update
// twice, or -run 'Fixtures|Golden').
func TestFixtures(t *testing.T) {
	src, err := os.ReadFile("testdata/encoded.utf8")
	if err != nil {
		t.Fatal(err)
	}
	enc := func(e encoding.Encoding) []byte {
		b, err := e.NewEncoder().Bytes(src)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		return b
	}
	fixtures := map[string][]byte{
		"testdata/bom_utf8.txt": append([]byte{0xEF, 0xBB, 0xBF}, src...),
		"testdata/utf16le.txt":  enc(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)),
		"testdata/utf16be.txt":  enc(unicode.UTF16(unicode.BigEndian, unicode.UseBOM)),
		"testdata/cp1256.txt":   enc(charmap.Windows1256),
		// The start of a PNG file: what a misnamed image looks like.
		"testdata/binary.txt": {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0},
	}
	for name, want := range fixtures {
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the encoding of testdata/encoded.utf8 (run go test -update)", name)
		}
	}
}
