package build

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sahifa/sahifa/internal/render"
)

// countingReuse counts the HTML pages kept, for Result.Pages.
type countingReuse struct {
	render.Reuse
	pages *atomic.Int64
}

func (c countingReuse) Keep(path, key string) bool {
	kept := c.Reuse.Keep(path, key)
	if kept && strings.HasSuffix(path, ".html") {
		c.pages.Add(1)
	}
	return kept
}

// programID identifies the running program, so pages are kept only from
// builds by the same sahifa: any change to its code may change what it
// renders. A version stamp would miss changes between releases, so it is
// the executable's own: the Go linker's build ID, a hash of the
// executable's content it writes into an ELF note, else (other formats, or
// a binary linked without one) the hash of the whole executable, which
// costs 70 ms of every build now that it is 86 MB. Computed once per
// process; the executable does not change under it.
var programID = sync.OnceValue(func() string {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(h, bi.String())
	}
	exe, err := os.Executable()
	if err != nil {
		return hex.EncodeToString(h.Sum(nil))
	}
	if id := goBuildID(exe); id != nil {
		io.WriteString(h, "go build ID\x00")
		h.Write(id)
		return hex.EncodeToString(h.Sum(nil))
	}
	if f, err := os.Open(exe); err == nil {
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			io.WriteString(h, err.Error())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})

// goBuildID is the contents of the Go build ID note of the ELF executable
// at path, whose last part is the hash of the executable's content; nil
// for another format or none.
func goBuildID(path string) []byte {
	f, err := elf.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return nil
	}
	data, err := sec.Data()
	// The note: name size, description size, type, "Go\x00\x00", then
	// the ID, "action/.../content"; an empty ID says nothing.
	if err != nil || len(data) <= 16 || !bytes.Contains(data, []byte("/")) {
		return nil
	}
	return data
}
