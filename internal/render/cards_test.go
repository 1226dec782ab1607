package render

import (
	"strings"
	"testing"
	"unsafe"
)

// An article's cards for kinds of page that draw it alike are one
// string: every card is held to the end of the render, and at 100,000
// articles four copies of each took 400 MB. A kind that draws it
// otherwise (the section page shows the first tag) keeps its own.
func TestStoryCardsShared(t *testing.T) {
	cfg := testConfig()
	cfg.Paginate = 1
	s := assemble(t, cfg, newsPages()...)
	out := newMemOut()
	rd, err := RenderKept(s, themeOptions(t, false), out.emit)
	if err != nil {
		t.Fatal(err)
	}
	a := s.Articles[len(s.Articles)-1] // filed in a section, tagged
	cs := rd.r.entries[a].card
	made := map[string]string{}
	for _, c := range cs.byKind {
		made[c.kind] = string(c.html)
	}
	home, term := made[homeLayout], made[termLayout]
	if home == "" || !strings.Contains(home, a.Title) {
		t.Fatalf("no home card for %s; cards %v", a.Path, made)
	}
	if home != term {
		t.Fatalf("the home and tag cards differ:\n%s\n%s", home, term)
	}
	if unsafe.StringData(home) != unsafe.StringData(term) {
		t.Error("equal cards of two kinds are two copies")
	}
}
