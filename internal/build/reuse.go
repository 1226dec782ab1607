package build

import (
	"crypto/sha256"
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
// the hash of the executable itself (computed once per process; the
// executable does not change under it).
var programID = sync.OnceValue(func() string {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(h, bi.String())
	}
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			_, err = io.Copy(h, f)
			f.Close()
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				io.WriteString(h, err.Error())
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})
