package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/config"
)

const pictureSeed = `توافق بين بايدن والكاظمي

الرئيس الأميركي يتفق مع رئيس الوزراء العراقي
الأربعاء 2021/02/24
صواريخ الكاتيوشا تقلق بايدن

واشنطن – اتفق الرئيس الأميركي جو بايدن مع رئيس الوزراء العراقي.

وقال البيت الأبيض إن الاتصال تناول الهجمات الأخيرة.
`

// site writes files (slash paths → text) into a new site folder.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		write(t, root, name, data)
	}
	return root
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, root, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func run(t *testing.T, root string, force bool) Result {
	t.Helper()
	res, err := Run(Options{Root: root, Config: config.Default(), Force: force})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return res
}

// The pictures' bytes do not matter to the importer (the build checks
// them), so short stand-ins do.
const (
	photoA = "\xff\xd8\xff photo A"
	photoB = "\xff\xd8\xff photo B"
)

func TestImportPicture(t *testing.T) {
	root := site(t, map[string]string{"seeds/2021/x.txt": pictureSeed, "seeds/2021/x.JPG": photoA})
	res := run(t, root, false)
	if len(res.Done) != 1 || res.Done[0].Action != Create || res.Done[0].Image != "content/2021/x.jpg" {
		t.Fatalf("done %+v", res.Done)
	}
	md := read(t, root, "content/2021/x.md")
	if !strings.Contains(md, "caption: \"صواريخ الكاتيوشا تقلق بايدن\"\nimage: \"x.jpg\"\n") {
		t.Errorf("front matter:\n%s", md)
	}
	if read(t, root, "content/2021/x.jpg") != photoA {
		t.Error("picture not copied as it is")
	}
	info, _ := os.Stat(filepath.Join(root, "content/2021/x.jpg"))

	// Nothing changed: nothing written.
	time.Sleep(10 * time.Millisecond)
	if res := run(t, root, false); res.Done[0].Action != Unchanged {
		t.Errorf("re-import: %v", res.Done[0].Action)
	}
	if again, _ := os.Stat(filepath.Join(root, "content/2021/x.jpg")); !again.ModTime().Equal(info.ModTime()) {
		t.Error("unchanged picture rewritten")
	}

	// An editor puts a better crop in content/: kept.
	write(t, root, "content/2021/x.jpg", photoB)
	run(t, root, false)
	if read(t, root, "content/2021/x.jpg") != photoB {
		t.Error("editor's picture overwritten")
	}

	// The desk sends a new picture: the article is refreshed, the editor's
	// picture kept with a warning, until --force.
	write(t, root, "seeds/2021/x.JPG", "\xff\xd8\xff photo C")
	res = run(t, root, false)
	if res.Done[0].Action != Update || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].String(), "seeds/2021/x.JPG: warning: content/2021/x.jpg is a different picture; kept it (sahifa import --force replaces it)") {
		t.Errorf("new picture: %v %v", res.Done[0].Action, res.Warnings)
	}
	if read(t, root, "content/2021/x.jpg") != photoB {
		t.Error("editor's picture overwritten without --force")
	}
	run(t, root, true)
	if read(t, root, "content/2021/x.jpg") != "\xff\xd8\xff photo C" {
		t.Error("--force did not replace the picture")
	}
}

// TestPictureAddedLater: a seed imported without a picture keeps its
// source hash (no churn); adding a picture refreshes the article.
func TestPictureAddedLater(t *testing.T) {
	root := site(t, map[string]string{"seeds/x.txt": pictureSeed})
	run(t, root, false)
	sum := sha256.Sum256([]byte(pictureSeed))
	md := read(t, root, "content/x.md")
	if !strings.Contains(md, hex.EncodeToString(sum[:])) || strings.Contains(md, "image:") {
		t.Fatalf("without a picture:\n%s", md)
	}
	write(t, root, "seeds/x.webp", "RIFF....WEBP")
	res := run(t, root, false)
	if res.Done[0].Action != Update || !strings.Contains(read(t, root, "content/x.md"), "image: \"x.webp\"") || read(t, root, "content/x.webp") != "RIFF....WEBP" {
		t.Errorf("picture added: %+v", res.Done)
	}
}

// A picture's extension counts in any case (docs/import.md), as the
// folder listing that finds it has every name: x.Jpg as well as x.JPG.
func TestPictureExtensionInAnyCase(t *testing.T) {
	root := site(t, map[string]string{"seeds/2021/x.txt": pictureSeed, "seeds/2021/x.Jpg": photoA, "seeds/2021/y.txt": pictureSeed, "seeds/2021/y.WebP": photoB})
	res := run(t, root, false)
	if len(res.Done) != 2 || res.Done[0].Image != "content/2021/x.jpg" || res.Done[1].Image != "content/2021/y.webp" {
		t.Fatalf("pictures: %+v", res.Done)
	}
	if read(t, root, "content/2021/x.jpg") != photoA || !strings.Contains(read(t, root, "content/2021/x.md"), "image: \"x.jpg\"") {
		t.Error("x.Jpg not copied as x.jpg")
	}
}

func TestPictureProblems(t *testing.T) {
	root := site(t, map[string]string{"seeds/x.txt": pictureSeed, "seeds/x.jpg": photoA, "seeds/x.png": photoB, "seeds/y.txt": pictureSeed})
	res, err := Run(Options{Root: root, Config: config.Default()})
	if err == nil || err.Error() != "seeds/x.txt: 2 pictures beside it (seeds/x.jpg, seeds/x.png); keep one" {
		t.Errorf("two pictures: %v", err)
	}
	if len(res.Done) != 1 || res.Done[0].Seed != "seeds/y.txt" {
		t.Errorf("the other seed: %+v", res.Done)
	}

	// A symbolic link is followed inside the site, refused out of it
	// (docs/inputs.md).
	root = site(t, map[string]string{"seeds/x.txt": pictureSeed, "photos/x.jpg": photoA})
	if err := os.Symlink(filepath.Join(root, "photos", "x.jpg"), filepath.Join(root, "seeds", "x.jpg")); err != nil {
		t.Skip(err)
	}
	if res := run(t, root, false); res.Done[0].Image != "content/x.jpg" {
		t.Errorf("symlink inside the site not followed: %+v", res.Done)
	}
	outside := site(t, map[string]string{"secret.jpg": photoA})
	root = site(t, map[string]string{"seeds/x.txt": pictureSeed})
	if err := os.Symlink(filepath.Join(outside, "secret.jpg"), filepath.Join(root, "seeds", "x.jpg")); err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Root: root, Config: config.Default()})
	if err == nil || !strings.HasPrefix(err.Error(), "seeds/x.jpg: symlink to a file outside the site (") {
		t.Errorf("symlink out of the site: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "x.jpg")); err == nil {
		t.Error("picture from outside the site copied")
	}

	// A dry run writes nothing.
	root = site(t, map[string]string{"seeds/x.txt": pictureSeed, "seeds/x.jpg": photoA})
	res, err = Run(Options{Root: root, Config: config.Default(), DryRun: true})
	if err != nil || res.Done[0].Image != "content/x.jpg" {
		t.Fatalf("dry run: %+v %v", res.Done, err)
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		t.Error("dry run wrote content/")
	}
}
