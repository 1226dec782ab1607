package site

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
)

// sectionPages are articles in two sections (one with a subfolder), a
// year folder and the top of content/.
func sectionPages() []content.Page {
	return []content.Page{
		page("content/economy/oil.md", "النفط", day(1)),
		page("content/economy/banks/rates.md", "الفائدة", day(2)),
		page("content/economy/dinar.md", "الدينار", day(3)),
		page("content/sport/league.md", "الدوري", day(4)),
		page("content/2024/old.md", "خبر قديم", day(5)),
		page("content/about.md", "من نحن", day(6)),
	}
}

func TestSections(t *testing.T) {
	metas := []content.SectionMeta{
		{Folder: "sport", Path: "content/sport/_index.md", Title: "رياضة", Weight: 1},
		{Folder: "culture", Path: "content/culture/_index.md", Title: "ثقافة"}, // no article: no page
	}
	s, err := Assemble(cfg(), sectionPages(), Options{Now: day(20), Sections: metas})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sec := range s.Sections {
		var arts []string
		for _, a := range sec.Articles {
			arts = append(arts, a.Title)
		}
		got = append(got, sec.Folder+" "+sec.Name+" "+sec.RelPermalink+" "+strings.Join(arts, ","))
	}
	// Weighted first; economy, without _index.md, is named after its
	// folder; the year folder and the top level make no section.
	want := []string{"sport رياضة /sport/ الدوري", "economy economy /economy/ الدينار,الفائدة,النفط"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %q\nwant %q", got, want)
	}
	if len(s.Warnings) != 1 || s.Warnings[0].Path != "content/economy/" || !strings.Contains(s.Warnings[0].Msg, "add content/economy/_index.md with title:") {
		t.Errorf("warnings = %v, want one saying how to name content/economy/", s.Warnings)
	}
	for _, a := range s.Articles {
		want := ""
		switch {
		case strings.HasPrefix(a.Path, "content/economy/"):
			want = "economy"
		case strings.HasPrefix(a.Path, "content/sport/"):
			want = "sport"
		}
		if got := ""; a.Section != nil {
			got = a.Section.Folder
			if got != want {
				t.Errorf("%s is in section %q, want %q", a.Path, got, want)
			}
		} else if want != "" {
			t.Errorf("%s is in no section, want %q", a.Path, want)
		}
	}
	// Paginated as every list: from the oldest, the front page newest.
	eco := s.Sections[1]
	if len(eco.Pagers) != 3 || eco.Pagers[0].RelPermalink != "/economy/" || eco.Pagers[1].Articles[0].Title != "الفائدة" || eco.Pagers[2].Articles[0].Title != "الدينار" {
		t.Errorf("economy pages: %+v", eco.Pagers)
	}
	// The main menu, not configured, lists the sections in their order.
	var menu []string
	for _, it := range s.Menus[MainMenu] {
		menu = append(menu, it.Name+" "+it.URL)
	}
	if want := []string{"رياضة /sport/", "economy /economy/"}; !reflect.DeepEqual(menu, want) {
		t.Errorf("main menu = %q, want %q", menu, want)
	}
}

func TestSectionClashesWithAPage(t *testing.T) {
	pages := append(sectionPages(), page("content/tags/x.md", "وسم", day(7)))
	_, err := Assemble(cfg(), pages, Options{Now: day(20)})
	if err == nil || !strings.Contains(err.Error(), "URL /tags/ is also claimed by the tags index; rename the folder content/tags/") {
		t.Errorf("a folder content/tags/ gave %v", err)
	}
}

func TestMenuFromConfig(t *testing.T) {
	c := cfg()
	c.Menus = map[string][]config.MenuEntry{MainMenu: {
		{Name: "اقتصاد", Identifier: "اقتصاد", PageRef: "/economy"},
		{Name: "الدينار", Identifier: "الدينار", PageRef: "economy/dinar.md", Parent: "اقتصاد"},
		{Name: "من نحن", Identifier: "من نحن", PageRef: "about"},
		{Name: "الوكالة", Identifier: "الوكالة", URL: "https://example.org/ina"},
		{Name: "الأرشيف", Identifier: "الأرشيف", URL: "archive/"},
	}}
	s, err := Assemble(c, sectionPages(), Options{Now: day(20)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range s.Menus[MainMenu] {
		line := it.Name + " " + it.URL
		for _, ch := range it.Children {
			line += " > " + ch.Name + " " + ch.URL
		}
		got = append(got, line)
	}
	want := []string{"اقتصاد /economy/ > الدينار /2024/03/03/الدينار/", "من نحن /2024/03/06/من-نحن/", "الوكالة https://example.org/ina", "الأرشيف /archive/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("menu:\n got %q\nwant %q", got, want)
	}
	if !s.Menus[MainMenu][2].External || s.Menus[MainMenu][3].External {
		t.Error("External is not set for the link off the site alone")
	}

	c.Menus[MainMenu] = []config.MenuEntry{{Name: "اقتصاد", Identifier: "اقتصاد", PageRef: "economi", File: "sahifa.toml", Line: 4, Col: 8}}
	_, err = Assemble(c, sectionPages(), Options{Now: day(20)})
	if err == nil || !strings.Contains(err.Error(), `sahifa.toml:4:8: menu entry "اقتصاد": pageRef "economi" names no section and no published article (did you mean "economy"?)`) {
		t.Errorf("a misspelt pageRef gave %v", err)
	}
}

// A section's _index.md aliases redirect to its front page; one that
// names a page's URL is an error at the aliases line.
func TestSectionAliases(t *testing.T) {
	metas := []content.SectionMeta{{Folder: "sport", Path: "content/sport/_index.md", Title: "رياضة", Aliases: []string{"/articles/", "/blog/"}, AliasesLine: 3}}
	s, err := Assemble(cfg(), sectionPages(), Options{Now: day(20), Sections: metas})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, al := range s.Aliases {
		got = append(got, al.OutputPath+" → "+al.RelPermalink+" "+al.Title)
	}
	if want := []string{"articles/index.html → /sport/ رياضة", "blog/index.html → /sport/ رياضة"}; !reflect.DeepEqual(got, want) {
		t.Errorf("aliases %q, want %q", got, want)
	}
	metas[0].Aliases = []string{"/economy/"}
	_, err = Assemble(cfg(), sectionPages(), Options{Now: day(20), Sections: metas})
	if err == nil || !strings.Contains(err.Error(), `content/sport/_index.md:3: alias "/economy/" collides with the section content/economy/`) {
		t.Errorf("error %v", err)
	}
}
