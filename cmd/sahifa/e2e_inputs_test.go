//go:build unix

package main

// End-to-end tests of the input rules (docs/inputs.md): links out of the
// site, special files and oversized files fail the build by name and leave
// public/ as the last build left it. e2eRun's timeout keeps a build that
// hangs on a pipe from hanging the test.

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// e2eRefused builds root, which the last build left in public/, and wants
// the build to fail quickly with message on stderr and public/ untouched.
func e2eRefused(t *testing.T, root, message string) {
	t.Helper()
	before := e2eSnapshot(t, filepath.Join(root, "public"))
	start := time.Now()
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, 1)
	if !strings.Contains(r.stderr, message) {
		t.Errorf("stderr does not say %q:\n%s", message, r.stderr)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("the refusal took %v", d)
	}
	e2eSame(t, "public/", before, e2eSnapshot(t, filepath.Join(root, "public")))
}

func e2eBuiltSite(t *testing.T) string {
	t.Helper()
	root := e2eNewSite(t)
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), exitOK)
	return root
}

func e2eSymlink(t *testing.T, target, link string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

func TestE2ELinkOutOfTheSite(t *testing.T) {
	root := e2eBuiltSite(t)
	e2eSymlink(t, "/etc/passwd", filepath.Join(root, "static", "passwd.txt"))
	e2eRefused(t, root, "static/passwd.txt: symlink to a file outside the site (/etc/passwd); copy the file into the site instead")
	if e2eExists(filepath.Join(root, "public", "passwd.txt")) {
		t.Error("/etc/passwd published")
	}
}

func TestE2EDevZeroRefused(t *testing.T) {
	root := e2eBuiltSite(t)
	e2eSymlink(t, "/dev/zero", filepath.Join(root, "static", "zero.bin"))
	e2eRefused(t, root, "static/zero.bin: symlink to a file outside the site (/dev/zero)")
}

func TestE2ENamedPipes(t *testing.T) {
	for _, p := range []string{"static/pipe.txt", "seeds/pipe.txt", "content/pipe.md"} {
		t.Run(p, func(t *testing.T) {
			root := e2eBuiltSite(t)
			full := filepath.Join(root, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := syscall.Mkfifo(full, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			e2eRefused(t, root, p+": not a regular file (a named pipe); sahifa reads only regular files")
		})
	}
}

func TestE2EOversizedInput(t *testing.T) {
	root := e2eBuiltSite(t)
	e2eWrite(t, root, map[string]string{
		"sahifa.toml":    e2eConfig + "[limits]\nstaticFileSize = \"1 KiB\"\n",
		"static/big.txt": strings.Repeat("س", 1000),
	})
	e2eRefused(t, root, "static/big.txt: 2 KiB is over the 1 KiB limit for static files (raise [limits] staticFileSize in sahifa.toml)")
}

// A link inside the site is followed, a linked folder too, and the site
// folder may itself be reached through a link.
func TestE2ELinksInsideTheSite(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{"shared/logo.txt": "شعار"})
	e2eSymlink(t, filepath.Join(root, "shared", "logo.txt"), filepath.Join(root, "static", "logo.txt"))
	e2eSymlink(t, "../shared", filepath.Join(root, "static", "shared"))
	via := filepath.Join(t.TempDir(), "site")
	e2eSymlink(t, root, via)
	r := e2eRun(t, via, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	for _, p := range []string{"logo.txt", "shared/logo.txt"} {
		if got := e2eRead(t, filepath.Join(root, "public", p)); got != "شعار" {
			t.Errorf("public/%s = %q", p, got)
		}
	}
}
