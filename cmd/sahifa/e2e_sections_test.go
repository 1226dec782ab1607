package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A folder of content/ is a section: its page is named by its _index.md
// and linked from the masthead's menu, or, named in [[menu.main]], from
// there.
func TestE2ESections(t *testing.T) {
	root := e2eNewSite(t)
	pub := filepath.Join(root, "public")
	e2eWant(t, e2eRun(t, root, nil, "build", "--now", e2eNow), 0)
	section := e2eRead(t, filepath.Join(pub, "economy", "index.html"))
	if !strings.Contains(section, `<h1 class="page-title">اقتصاد</h1>`) {
		t.Errorf("economy/index.html is not the section اقتصاد:\n%s", section)
	}
	growth := e2eRead(t, filepath.Join(pub, filepath.FromSlash(e2eGrowthPage)))
	if !strings.Contains(growth, `<p class="kicker"><a href="/economy/">اقتصاد</a>`) || !strings.Contains(growth, `"articleSection":"اقتصاد"`) {
		t.Errorf("the article in content/economy/ does not show its section")
	}
	if home := e2eRead(t, filepath.Join(pub, "index.html")); !strings.Contains(home, `<a href="/economy/">اقتصاد</a>`) {
		t.Error("the masthead's menu does not link the section")
	}

	// Without its _index.md, the section is named after its folder, and
	// the build says how to name it.
	e2eWrite(t, root, map[string]string{"content/economy/_index.md": "---\ndescription: بلا عنوان\n---\n"})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, 0)
	if !strings.Contains(r.stderr, "content/economy/_index.md:2: warning: no title; the section is called by its folder's name") {
		t.Errorf("a section file without a title: stderr %q", r.stderr)
	}

	// A broken section file or menu stops the build at its place, and
	// public/ stays as it was.
	before := e2eSnapshot(t, pub)
	for _, tt := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"content/economy/_index.md": "---\ntitle: اقتصاد\nweight: أولا\n---\n"},
			`content/economy/_index.md:3:9: weight:`},
		{map[string]string{"content/economy/_index.md": "---\ntitle: اقتصاد\n---\n",
			"sahifa.toml": e2eConfig + "[[menu.main]]\nname = \"اقتصاد\"\npageRef = \"econmy\"\n"},
			`sahifa.toml:4:8: menu entry "اقتصاد": pageRef "econmy" names no section and no published article (did you mean "economy"?)`},
		{map[string]string{"sahifa.toml": e2eConfig + "[[menu.main]]\nname = \"اقتصاد\"\nurl = \"/economy/\"\n[[menu.main]]\nname = \"نفط\"\nurl = \"/oil/\"\nparent = \"اقتصد\"\n"},
			`sahifa.toml:7:8: menu: main entry "نفط": parent "اقتصد" names no entry of the menu (did you mean "اقتصاد"?)`},
	} {
		e2eWrite(t, root, tt.files)
		r := e2eRun(t, root, nil, "build", "--now", e2eNow)
		e2eWant(t, r, 1)
		if !strings.Contains(r.stderr, tt.want) {
			t.Errorf("stderr %q\nwant %q", r.stderr, tt.want)
		}
		e2eSame(t, "public/ after a failed build", before, e2eSnapshot(t, pub))
	}
}
