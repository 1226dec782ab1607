package output

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestCheckPath(t *testing.T) {
	good := []string{
		"index.html",
		"2021/02/24/توافق-بين-بايدن/index.html",
		"أخبار/page/2/index.html",
		"feed.xml",
		".well-known/security.txt",
		"a:b/c.html", // awkward on Windows, harmless here
		"a..b/c",
		"...",
	}
	for _, p := range good {
		if err := CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q) = %v, want nil", p, err)
		}
	}
	bad := []string{
		"",
		"../x",
		"/abs",
		"a/../b",
		"a//b",
		`a\b`,
		"a\x00b",
		"a\nb",
		"a\x7fb",
		"a\u0085b", // C1 control
		"./a",
		"a/.",
		"a/",
		"..",
		"\xff/index.html",
		".sahifa-staging-1/x",
	}
	for _, p := range bad {
		err := CheckPath(p)
		if err == nil {
			t.Errorf("CheckPath(%q) = nil, want error", p)
			continue
		}
		var pe *PathError
		if !errors.As(err, &pe) || pe.Path != p || !errors.Is(err, ErrBadPath) {
			t.Errorf("CheckPath(%q) = %#v, want *PathError wrapping ErrBadPath", p, err)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("%q", p)) {
			t.Errorf("error %q does not name the path", err)
		}
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	buf := []byte("<p>مرحبا</p>")
	for _, p := range []string{"z.xml", "2021/02/24/توافق-بين-بايدن/index.html", "a/index.html"} {
		if err := m.Write(File{Path: p, MediaType: "text/html", Data: buf}); err != nil {
			t.Fatal(err)
		}
	}
	buf[0] = 'X' // the caller may reuse its buffer
	f, ok := m.Get("a/index.html")
	if !ok || string(f.Data) != "<p>مرحبا</p>" || f.MediaType != "text/html" {
		t.Fatalf("Get = %+v, %v", f, ok)
	}
	if _, ok := m.Get("missing"); ok {
		t.Error("Get(missing) found something")
	}
	want := []string{"2021/02/24/توافق-بين-بايدن/index.html", "a/index.html", "z.xml"}
	if got := m.Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths = %q, want %q", got, want)
	}
	if m.Len() != 3 {
		t.Errorf("Len = %d", m.Len())
	}

	err := m.Write(File{Path: "a/index.html"})
	if !errors.Is(err, ErrDuplicatePath) || !strings.Contains(err.Error(), "a/index.html") {
		t.Errorf("duplicate Write = %v", err)
	}
	if err := m.Write(File{Path: "../x"}); !errors.Is(err, ErrBadPath) {
		t.Errorf("bad path Write = %v", err)
	}
	if m.Len() != 3 {
		t.Errorf("failed Writes changed Len to %d", m.Len())
	}
	if err := m.Write(File{Path: "empty"}); err != nil {
		t.Fatal(err)
	}
	if f, _ := m.Get("empty"); f.Data == nil {
		t.Error("empty file has nil Data")
	}
}

// KeepOthers takes over the files of the build before that a build did
// not write, keyed or not, and keeps those it wrote; a file that does not
// fit beside them changes nothing.
func TestMemoryKeepOthers(t *testing.T) {
	prev := NewMemory()
	for _, f := range []File{
		{Path: "a/index.html", Data: []byte("a1"), Key: "k1"},
		{Path: "b/index.html", Data: []byte("b1"), Key: "k2"},
		{Path: "sitemap.xml", Data: []byte("s1")},
	} {
		if err := prev.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	next := NewMemoryAfter(prev)
	if err := next.Write(File{Path: "a/index.html", Data: []byte("a2"), Key: "k3"}); err != nil {
		t.Fatal(err)
	}
	if err := next.KeepOthers(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a/index.html": "a2", "b/index.html": "b1", "sitemap.xml": "s1"}
	if got := next.Paths(); len(got) != len(want) {
		t.Fatalf("Paths = %q, want those of %v", got, want)
	}
	for p, data := range want {
		if f, ok := next.Get(p); !ok || string(f.Data) != data {
			t.Errorf("Get(%s) = %q, %v; want %q", p, f.Data, ok, data)
		}
	}
	if f, _ := next.Get("b/index.html"); f.Key != "k2" {
		t.Errorf("a kept file lost its key: %q", f.Key)
	}
	// The kept files are claimed: a second write of one is a duplicate.
	if err := next.Write(File{Path: "sitemap.xml"}); !errors.Is(err, ErrDuplicatePath) {
		t.Errorf("writing a kept path again = %v", err)
	}

	clash := NewMemoryAfter(prev)
	if err := clash.Write(File{Path: "b/index.html/x"}); err != nil {
		t.Fatal(err)
	}
	if err := clash.KeepOthers(); !errors.Is(err, ErrDuplicatePath) {
		t.Errorf("KeepOthers with a file under a kept file = %v", err)
	}
	if clash.Len() != 1 {
		t.Errorf("a failed KeepOthers changed the files: %q", clash.Paths())
	}
}

func TestMemoryConcurrent(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			p := fmt.Sprintf("%d/مقال/index.html", i)
			if err := m.Write(File{Path: p, Data: []byte(p)}); err != nil {
				t.Error(err)
			}
			m.Get(p)
			m.Paths()
		})
	}
	wg.Wait()
	if m.Len() != 64 {
		t.Errorf("Len = %d", m.Len())
	}
}

func TestClaimsConflicts(t *testing.T) {
	for _, tc := range [][2]string{
		{"a", "a/b"},
		{"a/b", "a"},
		{"x/y/z", "x/y"},
		{"x/y", "x/y/z/w"},
	} {
		c := newClaims()
		if err := c.add(tc[0]); err != nil {
			t.Fatal(err)
		}
		err := c.add(tc[1])
		if !errors.Is(err, ErrDuplicatePath) || !strings.Contains(err.Error(), tc[0]) || !strings.Contains(err.Error(), tc[1]) {
			t.Errorf("add(%q) after %q = %v, want a conflict naming both", tc[1], tc[0], err)
		}
	}
	c := newClaims()
	for _, p := range []string{"a/b", "a/c", "a/b2/c", "ab"} {
		if err := c.add(p); err != nil {
			t.Errorf("add(%q) = %v", p, err)
		}
	}
}

// Builds that each write a few files and take the rest over with
// KeepOthers share the files underneath instead of copying them: every
// build reads as the whole set of its files, the same as a copy would
// (folded in or not), and no later build changes what an earlier one
// reads, as a server still serving it would.
func TestMemoryKeepOthersChain(t *testing.T) {
	first := NewMemory()
	want := map[string]string{}
	for i := range 500 {
		p := fmt.Sprintf("%d/مقال/index.html", i)
		if err := first.Write(File{Path: p, Data: []byte(p), Key: "k"}); err != nil {
			t.Fatal(err)
		}
		want[p] = p
	}
	first.Finish()
	type seen struct {
		m    *Memory
		want map[string]string
	}
	builds := []seen{{first, maps.Clone(want)}}
	last := first
	for i := range 300 {
		next := NewMemoryOver(last)
		// One page made again, one new now and then, all under folders
		// the first build has.
		edited := fmt.Sprintf("%d/مقال/index.html", i*7%500)
		writes := map[string]string{edited: fmt.Sprintf("v%d", i)}
		if i%5 == 0 {
			writes[fmt.Sprintf("%d/مقال/%d.json", i%500, i)] = "new"
		}
		for p, data := range writes {
			if err := next.Write(File{Path: p, Data: []byte(data)}); err != nil {
				t.Fatal(err)
			}
			want[p] = data
		}
		// A page kept by its key (never one made again since the first
		// build, whose key it keeps) is claimed like one written.
		kept := "499/مقال/index.html"
		if !next.Keep(kept, "k") || next.Keep("498/مقال/index.html", "other") {
			t.Fatalf("build %d: Keep by key kept the wrong pages", i)
		}
		if err := next.Write(File{Path: kept}); !errors.Is(err, ErrDuplicatePath) {
			t.Fatalf("build %d: writing a kept page = %v", i, err)
		}
		if err := next.KeepOthers(); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		next.Finish()
		// A page under a file of the first build does not fit.
		if err := next.Write(File{Path: "3/مقال/index.html/x"}); !errors.Is(err, ErrDuplicatePath) {
			t.Fatalf("build %d: a file under a file taken over = %v", i, err)
		}
		builds = append(builds, seen{next, maps.Clone(want)})
		last = next
	}
	for i, b := range builds {
		if got := b.m.Paths(); len(got) != len(b.want) || b.m.Len() != len(b.want) {
			t.Fatalf("build %d: %d paths, Len %d, want %d", i, len(got), b.m.Len(), len(b.want))
		}
		for p, data := range b.want {
			if f, ok := b.m.Get(p); !ok || string(f.Data) != data {
				t.Fatalf("build %d: Get(%s) = %q, %v; want %q", i, p, f.Data, ok, data)
			}
		}
	}
}
