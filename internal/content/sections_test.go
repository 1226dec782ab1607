package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadSections(t *testing.T) {
	fsys := fstest.MapFS{
		"content/economy/_index.md": {Data: []byte("---\ntitle: \"اقتصاد\"\ndescription: الأسواق\nweight: 2\n---\n")},
		"content/economy/oil.md":    {Data: []byte("---\ntitle: x\n---\n")},
		"content/sport/league.md":   {Data: []byte("---\ntitle: x\n---\n")}, // no _index.md
		"content/.git/_index.md":    {Data: []byte("not read")},
		"content/_index.md":         {Data: []byte("---\ntitle: home\n---\n")}, // the home page's, not a section's
	}
	metas, warns, err := LoadSections(fsys, "content")
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	want := []SectionMeta{{Folder: "economy", Path: "content/economy/_index.md", Title: "اقتصاد", Description: "الأسواق", Weight: 2}}
	if !reflect.DeepEqual(metas, want) {
		t.Errorf("got %+v\nwant %+v", metas, want)
	}
	if IsSource("content/economy/_index.md") {
		t.Error("_index.md is read as an article")
	}
}

func TestParseSectionProblems(t *testing.T) {
	_, _, err := ParseSection("content/a/_index.md", []byte("---\ntitle: أ\nweight: \"2\"\n---\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "content/a/_index.md:3:9: weight:") {
		t.Errorf("a quoted weight gave %v", err)
	}
	_, warns, err := ParseSection("content/a/_index.md", []byte("---\ntitel: أ\n---\n"))
	if err != nil || len(warns) != 2 || !strings.Contains(warns[0].Msg, `did you mean "title"?`) || !strings.Contains(warns[1].Msg, "no title") {
		t.Errorf("a misspelt title gave %v %v", err, warns)
	}
}

func TestParseSectionAliases(t *testing.T) {
	m, _, err := ParseSection("content/posts/_index.md", []byte("---\ntitle: مقالات\naliases: [articles, /blog/]\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(m.Aliases, " ") != "/articles /blog/" || m.AliasesLine != 3 {
		t.Errorf("aliases %q at %d", m.Aliases, m.AliasesLine)
	}
	if _, _, err := ParseSection("content/posts/_index.md", []byte("---\naliases: [\"https://x.example/\"]\n---\n")); err == nil {
		t.Error("a full URL was accepted")
	}
}

// A section's _index.md names its picture; a folder below a section
// (a term's content/tags/<term>/_index.md) is read too, without the
// warning a section without a title gets.
func TestLoadSectionsImageAndTerms(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/_index.md":     {Data: []byte("---\ntitle: Posts\nimage: cover.jpg\n---\n")},
		"content/tags/hugo/_index.md": {Data: []byte("---\ndescription: About Hugo.\naliases: [/topics/hugo/]\nimage: logo.jpg\n---\n")},
		"content/tags/go/x.md":        {Data: []byte("---\ntitle: x\n---\n")},
	}
	metas, warns, err := LoadSections(fsys, "content")
	if err != nil || len(warns) != 0 {
		t.Fatalf("%v %v", err, warns)
	}
	got := map[string]SectionMeta{}
	for _, m := range metas {
		got[m.Folder] = m
	}
	if m := got["posts"]; m.Image != "cover.jpg" || m.ImageLine != 3 {
		t.Errorf("posts: %+v", m)
	}
	if m := got["tags/hugo"]; m.Description != "About Hugo." || m.Image != "logo.jpg" || len(m.Aliases) != 1 || m.Path != "content/tags/hugo/_index.md" {
		t.Errorf("tags/hugo: %+v", m)
	}
	if len(got) != 2 {
		t.Errorf("metas %v", got)
	}
}
