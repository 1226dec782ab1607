package seed

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

// FuzzParse: Parse never panics; a rejection is always a positioned
// *diag.SourceError; an accepted seed has a title, no empty block, and
// keeps every word of its text.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("ع\n\nالأحد ٢٠٢١/٠٢/٣٠\nص\n\nب – (ر) – ن\n\nح\nح\n\nن."))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.txt", data)
		if err != nil {
			var se *diag.SourceError
			if !errors.As(err, &se) || se.Line < 1 {
				t.Fatalf("error %v is not a positioned *diag.SourceError", err)
			}
			return
		}
		if a.Title == "" || len(a.Body) == 0 {
			t.Fatalf("accepted without title or body: %+v", a)
		}
		text, _, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := lostWords(text, a); err != nil {
			t.Fatal(err)
		}
	})
}
