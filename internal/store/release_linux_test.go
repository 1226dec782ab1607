package store

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// After Release, none of the store file's pages is resident in the
// process: reading every record had mapped them all.
func TestReleaseUnmapsPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var c Changes
	for i := range 2000 {
		c.Set("pages", fmt.Sprintf("k%05d", i), make([]byte, 1000))
	}
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	s.Values("pages", func(values [][]byte) {
		for _, v := range values {
			_ = v[len(v)-1]
		}
	})
	if kb := residentKB(t, path); kb < 1000 {
		t.Fatalf("%d kB of the store resident after reading it all: the test reads nothing", kb)
	}
	s.Release()
	if kb := residentKB(t, path); kb != 0 {
		t.Errorf("%d kB of the store resident after Release", kb)
	}
	if v, ok := s.Get("pages", "k01999"); !ok || len(v) != 1000 {
		t.Error("a record unreadable after Release")
	}
}

// residentKB is how much of the file at path the process has resident,
// from /proc/self/smaps.
func residentKB(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	kb, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && !strings.HasSuffix(fields[0], ":"): // a mapping's first line
			in = fields[len(fields)-1] == path
		case in && len(fields) == 3 && fields[0] == "Rss:":
			var n int
			fmt.Sscan(fields[1], &n)
			kb += n
		}
	}
	return kb
}
