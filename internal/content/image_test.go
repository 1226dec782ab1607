package content

import (
	"strings"
	"testing"
)

func TestImageKey(t *testing.T) {
	src := "---\ntitle: صواريخ\ncaption: صواريخ الكاتيوشا تقلق بايدن\nimage: \" katyusha.jpg \"\n---\nنص\n"
	p, err := Parse("content/a.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	if p.Image != "katyusha.jpg" || p.ImageLine != 4 || p.String("caption") != "صواريخ الكاتيوشا تقلق بايدن" {
		t.Errorf("Image %q line %d caption %q", p.Image, p.ImageLine, p.String("caption"))
	}
	toml := "+++\ntitle = \"x\"\nimage = \"/images/x.png\"\n+++\n"
	if p, err := Parse("content/b.md", []byte(toml), opts()); err != nil || p.Image != "/images/x.png" || p.ImageLine != 3 {
		t.Errorf("TOML: %q line %d, %v", p.Image, p.ImageLine, err)
	}
	if p, err := Parse("content/c.md", []byte("---\ntitle: x\n---\n"), opts()); err != nil || p.Image != "" {
		t.Errorf("no image: %q %v", p.Image, err)
	}
	_, err = Parse("content/d.md", []byte("---\ntitle: x\nimage: [a.jpg, b.jpg]\n---\n"), opts())
	if err == nil || !strings.Contains(err.Error(), "content/d.md:3:8: image: must be text, not a list") {
		t.Errorf("list: %v", err)
	}
}
