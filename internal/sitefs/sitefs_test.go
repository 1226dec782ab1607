//go:build unix

package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/sahifa/sahifa/internal/config"
)

// hostile is one thing put into a site, by the path it is put at.
type hostile struct {
	name string
	make func(t *testing.T, root, p string) // p is where, inside root
	// want is the error of reading the folder holding it, with ROOT for
	// the site folder; "" when it is read as the file "ok.txt" holds.
	want string
}

func link(target string) func(t *testing.T, root, p string) {
	return func(t *testing.T, root, p string) {
		t.Helper()
		target := strings.ReplaceAll(target, "ROOT", root)
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
}

var hostiles = []hostile{
	{"link inside, relative", link("../ok.txt"), ""},
	{"link inside, absolute", link("ROOT/ok.txt"), ""},
	{"link outside", link("/etc/passwd"), "symlink to a file outside the site (/etc/passwd); copy the file into the site instead"},
	{"link to /dev/zero", link("/dev/zero"), "symlink to a file outside the site (/dev/zero); copy the file into the site instead"},
	{"link to /dev/null", link("/dev/null"), "symlink to a file outside the site (/dev/null); copy the file into the site instead"},
	{"link to a folder outside", link("/etc"), "symlink to a folder outside the site (/etc); copy the folder into the site instead"},
	{"dangling link", link("ROOT/gone.txt"), "symlink to ROOT/gone.txt, which does not exist; fix the link or remove it"},
	{"link to itself", func(t *testing.T, root, p string) { link(p)(t, root, p) }, "symlink loop (a link leads back to itself); remove the link"},
	{"link to its own folder", link("."), "symlink loop: it leads back to DIR, which holds it; remove the link"},
	{"link to the site folder", link("ROOT"), "symlink loop: it leads back to the site folder, which holds it; remove the link"},
	{"named pipe", func(t *testing.T, root, p string) {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}, "not a regular file (a named pipe); sahifa reads only regular files"},
	{"too big", func(t *testing.T, root, p string) {
		if err := os.WriteFile(p, make([]byte, 2*config.MiB+1), 0o644); err != nil {
			t.Fatal(err)
		}
	}, "2 MiB is over the 2 MiB limit for FILES (raise [limits] KEY in sahifa.toml)"},
}

// limits are small caps, so "too big" needs no large file.
var limits = config.Limits{ContentFile: 2 * config.MiB, SeedFile: 2 * config.MiB, ImageFile: 2 * config.MiB,
	LayoutFile: 2 * config.MiB, DataFile: 2 * config.MiB, AssetFile: 2 * config.MiB, StaticFile: 2 * config.MiB}

var capNames = map[string][2]string{
	Content: {"content files", "contentFileSize"}, Seeds: {"seed files", "seedFileSize"},
	Layouts: {"layout files", "layoutFileSize"}, Data: {"data files", "dataFileSize"},
	Assets: {"asset files", "assetFileSize"}, Static: {"static files", "staticFileSize"},
}

// readAll reads every file Walk finds under dir, as a loader does.
func readAll(fsys fs.FS, dir string) (map[string]string, error) {
	files := map[string]string{}
	err := Walk(fsys, dir, nil, func(p string, d fs.DirEntry) error {
		data, err := fs.ReadFile(fsys, p)
		files[p] = string(data)
		return err
	})
	return files, err
}

// Each hostile thing, in each input folder and one folder down, through the
// site folder itself reached by a link: followed or refused by name.
func TestHostileTrees(t *testing.T) {
	for _, dir := range InputDirs() {
		for _, sub := range []string{dir, dir + "/deep"} {
			for _, h := range hostiles {
				t.Run(sub+"/"+h.name, func(t *testing.T) {
					top := t.TempDir()
					root := filepath.Join(top, "site")
					os.MkdirAll(filepath.Join(root, filepath.FromSlash(sub)), 0o755)
					for _, d := range []string{"", dir, sub} { // what ../ok.txt may name
						os.WriteFile(filepath.Join(root, filepath.FromSlash(d), "ok.txt"), []byte("سليم"), 0o644)
					}
					p := filepath.Join(root, filepath.FromSlash(sub), "x.txt")
					h.make(t, root, p)
					// The site reached through a link: inside is decided
					// against where it really is.
					via := filepath.Join(top, "via")
					if err := os.Symlink(root, via); err != nil {
						t.Skip(err)
					}
					site, err := New(via, limits)
					if err != nil {
						t.Fatal(err)
					}
					files, err := readAll(site, dir)
					want := ""
					if h.want != "" {
						r := strings.NewReplacer("ROOT", root, "DIR", sub, "FILES", capNames[dir][0], "KEY", capNames[dir][1])
						want = sub + "/x.txt: " + r.Replace(h.want)
					}
					if got := errString(err); got != want {
						t.Fatalf("error:\n got %s\nwant %s", got, want)
					}
					if want == "" && files[sub+"/x.txt"] != "سليم" {
						t.Errorf("the link was not followed: %q", files)
					}
				})
			}
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// A folder linked from inside the site is walked as its own; a loop
// through two links is found, not walked forever.
func TestLinkedFolders(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "articles", "2021"), 0o755)
	os.WriteFile(filepath.Join(root, "articles", "2021", "a.md"), []byte("أ"), 0o644)
	os.MkdirAll(filepath.Join(root, "content"), 0o755)
	if err := os.Symlink("../articles", filepath.Join(root, "content", "archive")); err != nil {
		t.Skip(err)
	}
	site, _ := New(root, config.Limits{})
	files, err := readAll(site, Content)
	if err != nil || files["content/archive/2021/a.md"] != "أ" {
		t.Fatalf("linked folder: %v %q", err, files)
	}
	// articles/2021/back → content: content/archive/2021/back/archive/… .
	os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "articles", "2021", "back"))
	// An FS keeps what it listed (one build's view): a new one sees the link.
	if _, err := readAll(site, Content); err != nil {
		t.Errorf("the same FS listed the folder again: %v", err)
	}
	site, _ = New(root, config.Limits{})
	_, err = readAll(site, Content)
	want := "content/archive/2021/back: symlink loop: it leads back to content, which holds it; remove the link"
	if errString(err) != want {
		t.Errorf("loop:\n got %v\nwant %s", err, want)
	}
}

// sahifa.toml is read by the same rules, with its own fixed cap.
func TestRootFiles(t *testing.T) {
	root := t.TempDir()
	os.Symlink("/etc/passwd", filepath.Join(root, "sahifa.toml"))
	site, _ := New(root, config.Limits{})
	_, err := site.ReadFile("sahifa.toml")
	if want := "sahifa.toml: symlink to a file outside the site (/etc/passwd); copy the file into the site instead"; errString(err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
	os.Remove(filepath.Join(root, "sahifa.toml"))
	os.WriteFile(filepath.Join(root, "sahifa.toml"), make([]byte, RootFileCap+1), 0o644)
	_, err = site.ReadFile("sahifa.toml")
	if want := "sahifa.toml: 1 MiB is over the 1 MiB limit for files at the site root"; errString(err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if _, err := site.ReadFile("missing.toml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

// A file that grows past its cap while it is read is cut off.
func TestCapWhileReading(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "static", "log.txt")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte("short"), 0o644)
	site, _ := New(root, config.Limits{StaticFile: 10})
	f, err := site.Open("static/log.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.WriteFile(p, []byte("much longer now"), 0o644)
	buf := make([]byte, 64)
	_, err = f.Read(buf)
	if want := "static/log.txt: more than 10 bytes is over the 10 bytes limit for static files (raise [limits] staticFileSize in sahifa.toml)"; errString(err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// Pictures beside articles and seeds have their own cap.
func TestPictureCap(t *testing.T) {
	site := &FS{limits: withDefaults(config.Limits{ContentFile: 1})}
	if c := site.capOf("content/2021/x.JPG"); c.key != "imageFileSize" || c.bytes != 40*config.MiB {
		t.Errorf("picture cap: %+v", c)
	}
	if c := site.capOf("content/x.md"); c.key != "contentFileSize" || c.bytes != 1 {
		t.Errorf("content cap: %+v", c)
	}
}

// Walk works on any fs.FS: loaders keep their in-memory tests.
func TestWalkMapFS(t *testing.T) {
	m := fstest.MapFS{"content/a.md": {}, "content/.git/x": {}, "content/b/c.md": {}}
	var got []string
	hidden := func(p string, d fs.DirEntry) bool { return strings.HasPrefix(d.Name(), ".") }
	Walk(m, "content", hidden, func(p string, d fs.DirEntry) error { got = append(got, p); return nil })
	sort.Strings(got)
	if strings.Join(got, " ") != "content/a.md content/b/c.md" {
		t.Errorf("got %q", got)
	}
	if err := Walk(m, "missing", nil, nil); err != nil {
		t.Errorf("a missing folder: %v", err)
	}
}
