package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<a href="/news/خبر/">x</a>`)
	write("خبر/index.html", `<a href="/news/">home</a>`)
	var out, errb bytes.Buffer
	if code := run([]string{"-base", "https://example.github.io/news/", dir}, &out, &errb); code != 0 {
		t.Fatalf("clean site: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "2 files, 2 internal links, no problems") {
		t.Errorf("stdout %q", out.String())
	}

	write("index.html", "<p>\n<a href=\"/خبر/\">x</a>")
	out.Reset()
	errb.Reset()
	if code := run([]string{"-base", "https://example.github.io/news/", dir}, &out, &errb); code != 1 {
		t.Fatalf("broken link: exit %d, want 1", code)
	}
	want := filepath.ToSlash(dir) + "/index.html:2: broken link /خبر/ (not under the base path /news/)\n"
	if out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}

	// An empty folder, usually a wrong path, must not pass.
	if code := run([]string{"-base", "https://example.github.io/", t.TempDir()}, &out, &errb); code != 1 {
		t.Errorf("empty site: exit %d, want 1", code)
	}
	for _, args := range [][]string{{dir}, {"-base", "https://x.example/"}, {"-base", "/news/", dir}, {"-base", "https://x.example/", filepath.Join(dir, "nope")}} {
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("run(%q): exit %d, want 2", args, code)
		}
	}
}
