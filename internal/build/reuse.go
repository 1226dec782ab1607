package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/render"
)

// memoFiles are the render memos (render.Memos) in the cache folder.
const (
	bodiesMemo = "memo-bodies.bin"
	searchMemo = "memo-search.bin"
)

func loadMemos(cacheDir string) render.Memos {
	load := func(name string) *render.Memo {
		data, err := os.ReadFile(filepath.Join(cacheDir, name))
		if err != nil {
			return &render.Memo{} // missing or unreadable: only slower
		}
		return render.LoadMemo(data)
	}
	return render.Memos{Bodies: load(bodiesMemo), Search: load(searchMemo)}
}

func saveMemos(cacheDir string, ms render.Memos) error {
	for name, m := range map[string]*render.Memo{bodiesMemo: ms.Bodies, searchMemo: ms.Search} {
		data, changed := m.Encode()
		if !changed {
			continue
		}
		if err := os.MkdirAll(cacheDir, 0o755); err != nil {
			return err
		}
		if err := output.Replace(filepath.Join(cacheDir, name), data); err != nil {
			return err
		}
	}
	return nil
}

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
