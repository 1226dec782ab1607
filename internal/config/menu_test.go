package config

import (
	"reflect"
	"testing"
)

func TestMenu(t *testing.T) {
	c := mustParse(t, `
[[menu.main]]
name = "رياضة"
pageRef = "/sport"
[[menu.main]]
name = "اقتصاد"
url = "/economy/"
weight = 2
[[menu.main]]
name = "نفط"
pageRef = "economy/oil.md"
parent = "اقتصاد"
[[menu.main]]
name = "سياسة"
url = "/politics/"
weight = 1
[[menu.footer]]
name = "من نحن"
url = "/about/"
`)
	// Weighted entries first, lightest first; the rest as written.
	want := []MenuEntry{
		{Name: "سياسة", Identifier: "سياسة", URL: "/politics/", Weight: 1},
		{Name: "اقتصاد", Identifier: "اقتصاد", URL: "/economy/", Weight: 2},
		{Name: "رياضة", Identifier: "رياضة", PageRef: "/sport"},
		{Name: "نفط", Identifier: "نفط", PageRef: "economy/oil.md", Parent: "اقتصاد"},
	}
	got := c.Menus["main"]
	for i := range got {
		got[i].File, got[i].Line, got[i].Col = "", 0, 0
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("main menu:\n got %+v\nwant %+v", got, want)
	}
	if f := c.Menus["footer"]; len(f) != 1 || f[0].URL != "/about/" {
		t.Errorf("footer menu = %+v", f)
	}
	if m := mustParse(t, "[[menus.main]]\nname = \"أ\"\nurl = \"/a/\"\n").Menus["main"]; len(m) != 1 {
		t.Errorf("[[menus.main]], Hugo's other spelling, gave %+v", m)
	}
	if _, ok := mustParse(t, "").Menus["main"]; ok {
		t.Error("a config without a menu has a main menu; the sections must fill it")
	}
}

// Each message points at the entry it is about, not at the first entry
// of the menu.
func TestMenuErrors(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"no name", "[[menu.main]]\nname = \"أ\"\nurl = \"/a/\"\n[[menu.main]]\nurl = \"/b/\"\n",
			`sahifa.toml:4:8: menu: main entry 2: needs a name, the link's text: name = "اقتصاد"`},
		{"no target", "[[menu.main]]\nname = \"أ\"\n",
			`sahifa.toml:1:8: menu: main entry 1: "أ" needs url = "/economy/" or pageRef = "economy" (a section's folder or an article's file)`},
		{"both targets", "[[menu.main]]\nname = \"أ\"\nurl = \"/a/\"\npageRef = \"a\"\n",
			`sahifa.toml:4:11: menu: main entry 1: "أ" has both url and pageRef; keep one`},
		{"quoted weight", "[[menu.main]]\nname = \"أ\"\nurl = \"/a/\"\n[[menu.main]]\nname = \"ب\"\nurl = \"/b/\"\nweight = \"2\"\n",
			`sahifa.toml:7:10: menu: main entry 2: weight must be a whole number, got "2" (remove the quotes)`},
		{"unknown parent", "[[menu.main]]\nname = \"اقتصاد\"\nurl = \"/a/\"\n[[menu.main]]\nname = \"نفط\"\nurl = \"/b/\"\nparent = \"اقتصد\"\n",
			`sahifa.toml:4:8: menu: main entry "نفط": parent "اقتصد" names no entry of the menu (did you mean "اقتصاد"?)`},
		{"grandchild", "[[menu.main]]\nname = \"أ\"\nurl = \"/a/\"\n[[menu.main]]\nname = \"ب\"\nurl = \"/b/\"\nparent = \"أ\"\n[[menu.main]]\nname = \"ج\"\nurl = \"/c/\"\nparent = \"ب\"\n",
			`sahifa.toml:8:8: menu: main entry "ج": its parent "ب" is itself a child; menus have one level of children`},
		{"not tables", "[menu]\nmain = \"/a/\"\n",
			`sahifa.toml:1:2: menu: main must be tables such as [[menu.main]] with name and url, got "/a/"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, warns, err := Parse("sahifa.toml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if got := messages(warns, err); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestMenuUnknownKey(t *testing.T) {
	_, warns, err := Parse("sahifa.toml", []byte("[[menu.main]]\nname = \"أ\"\nurl = \"/a/\"\n[[menu.main]]\nname = \"ب\"\npageref = \"b\"\nwieght = 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := messages(warns, nil), `sahifa.toml:7:1: warning: unknown key "wieght" in main entry 2 (did you mean "weight"?)`; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
