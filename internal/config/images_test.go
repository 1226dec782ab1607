package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestImages(t *testing.T) {
	c := mustParse(t, "[images]\ndefault = \"images/default.jpg\"\nwidths = [1200, 320, 640]\nquality = 70\n")
	if want := (Images{Default: "images/default.jpg", Widths: []int{320, 640, 1200}, Quality: 70}); !reflect.DeepEqual(c.Images, want) {
		t.Errorf("Images = %+v, want %+v", c.Images, want)
	}
	for _, src := range []string{"https://cdn.example/og.jpg", "/images/og.png", "شعار.png"} {
		if c := mustParse(t, "[images]\ndefault = \""+src+"\"\n"); c.Images.Default != src {
			t.Errorf("default %q = %q", src, c.Images.Default)
		}
	}
	for src, want := range map[string]string{
		"[images]\nwidths = []\n":                 `sahifa.toml:2:10: images.widths: must be a list of widths in pixels such as [480, 960, 1600], got an array`,
		"[images]\nwidths = 480\n":                `images.widths: must be a list of widths`,
		"[images]\nwidths = [480, \"960\"]\n":     `images.widths: each width must be a whole number from 16 to 8000, got "960" (remove the quotes)`,
		"[images]\nwidths = [480, 100000]\n":      `got 100000`,
		"[images]\nquality = 0\n":                 `sahifa.toml:2:11: images.quality: must be a whole number from 1 to 100, got 0`,
		"[images]\ndefault = \"../secret.jpg\"\n": `images.default: want a path in assets/ or static/ such as "images/default.jpg", got "../secret.jpg"`,
		"images = \"x.jpg\"\n":                    `sahifa.toml:1:10: images: must be a table, got "x.jpg"`,
	} {
		_, _, err := Parse("sahifa.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error %v, want %q", src, err, want)
		}
	}
	_, warns, err := Parse("sahifa.toml", []byte("[images]\nwidth = [480]\n"))
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].Msg, `did you mean "images.widths"?`) {
		t.Errorf("typo: warns %v, err %v", warns, err)
	}
}
