//go:build unix

package build

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Every loader reads by the input rules (docs/inputs.md): each hostile
// thing, put where a loader reads it, fails the build with one line that
// opens with the file's site path, not a second path, not a hang.
func TestHostileInputs(t *testing.T) {
	where := []string{
		"sahifa.toml",
		"content/x.md",
		"content/sub/x.md",
		"layouts/_default/baseof.html",
		"layouts/partials/x.html",
		"assets/css/x.css",
		"static/x.txt",
		"seeds/x.txt",
		"data/tags.toml",
	}
	kinds := []struct {
		name string
		make func(t *testing.T, p string) error
		want string
	}{
		{"link out", func(t *testing.T, p string) error { return os.Symlink("/etc/passwd", p) },
			"symlink to a file outside the site (/etc/passwd); copy the file into the site instead"},
		{"/dev/zero", func(t *testing.T, p string) error { return os.Symlink("/dev/zero", p) },
			"symlink to a file outside the site (/dev/zero)"},
		{"dangling", func(t *testing.T, p string) error { return os.Symlink("nowhere", p) },
			"symlink to nowhere, which does not exist; fix the link or remove it"},
		{"loop", func(t *testing.T, p string) error { return os.Symlink(filepath.Base(p), p) },
			"symlink loop"},
		{"pipe", func(t *testing.T, p string) error { return syscall.Mkfifo(p, 0o644) },
			"not a regular file (a named pipe); sahifa reads only regular files"},
	}
	for _, w := range where {
		for _, k := range kinds {
			t.Run(w+"/"+k.name, func(t *testing.T) {
				root := t.TempDir()
				writeFile(t, root, "content/a.md", []byte("---\ntitle: أ\ndate: 2021-02-24\n---\nنص.\n"))
				p := filepath.Join(root, filepath.FromSlash(w))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := k.make(t, p); err != nil {
					t.Skip(err)
				}
				done := make(chan error, 1)
				go func() {
					_, err := Run(Options{Source: root, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
					done <- err
				}()
				var err error
				select {
				case err = <-done:
				case <-time.After(time.Minute):
					t.Fatal("the build hangs")
				}
				if err == nil {
					t.Fatal("built")
				}
				if got, want := err.Error(), w+": "+k.want; !strings.HasPrefix(got, want) {
					t.Errorf("got  %s\nwant %s…", got, want)
				}
			})
		}
	}
}
