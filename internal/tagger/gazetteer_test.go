package tagger

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/diag"
)

func defaultGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	data, err := os.ReadFile("../../data/tags.toml")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseGazetteer("data/tags.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDefaultGazetteer(t *testing.T) {
	g := defaultGazetteer(t)
	if g.Len() < 300 {
		t.Errorf("%d entries, want at least 300", g.Len())
	}
	// Checked here independently of ParseGazetteer's own check: one
	// normalised alias must never point to two different tags.
	owner := map[string]string{}
	for _, e := range g.Entries() {
		if !validKind(e.Kind) {
			t.Errorf("%q: kind %q", e.Name, e.Kind)
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			k := Key(a)
			if o, ok := owner[k]; ok && o != e.Name {
				t.Errorf("alias %q of %q is also a name or alias of %q", a, e.Name, o)
			}
			owner[k] = e.Name
			// A one-word alias that is a function word would tag every
			// article.
			if !strings.Contains(k, " ") && arabic.IsStopword(k) {
				t.Errorf("alias %q of %q is a stopword", a, e.Name)
			}
		}
	}
	// Everyday words that must not be aliases on their own.
	for _, w := range []string{"الأسد", "القاعدة", "فتح", "الشباب", "كيف", "مالي", "رئيسي", "سعيد",
		"البرهان", "الصدر", "الحشد", "مبارك", "عون", "القمر", "الجزيرة", "حديثة", "سرت", "السوداني", "صور"} {
		if o, ok := owner[Key(w)]; ok {
			t.Errorf("ambiguous word %q is an alias of %q", w, o)
		}
	}
	// Variants that fold alike are dead weight in the file: matching
	// already treats them as one.
	var raw struct {
		Tag []fileTag `toml:"tag"`
	}
	data, _ := os.ReadFile("../../data/tags.toml")
	if err := toml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for _, e := range raw.Tag {
		seen := map[string]bool{Key(e.Name): true}
		for _, a := range e.Aliases {
			if seen[Key(a)] {
				t.Errorf("%q: alias %q repeats a spelling after folding", e.Name, a)
			}
			seen[Key(a)] = true
		}
	}
	arab := []string{"العراق", "السعودية", "الإمارات", "قطر", "الكويت", "البحرين", "سلطنة عمان",
		"اليمن", "سوريا", "لبنان", "الأردن", "فلسطين", "مصر", "السودان", "ليبيا", "تونس", "الجزائر",
		"المغرب", "موريتانيا", "الصومال", "جيبوتي", "جزر القمر"}
	for alias, want := range map[string]string{
		"العراقي": "العراق", "الامريكية": "الولايات المتحدة", "أميركا": "الولايات المتحدة",
		"عمان": "عمّان", "ترمب": "دونالد ترامب", "الناتو": "حلف شمال الأطلسي",
		"تنظيم الدولة الإسلامية": "داعش", "انصار الله": "الحوثيون", "الكاظمى": "مصطفى الكاظمي",
	} {
		if got := owner[Key(alias)]; got != want {
			t.Errorf("alias %q belongs to %q, want %q", alias, got, want)
		}
	}
	for _, name := range arab {
		if owner[Key(name)] != name {
			t.Errorf("Arab League state %q missing", name)
		}
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	cases := []struct {
		name, data string
		want       []string // one message each, in order
	}{
		{"empty name", "[[tag]]\nname = \"العراق\"\n\n[[tag]]\nname = \"  \"\nkind = \"country\"\n",
			[]string{"data/tags.toml:4: tag has no name"}},
		{"duplicate after folding", "[[tag]]\nname = \"إيران\"\n\n[[tag]]\nname = \"ايران\"\n",
			[]string{`data/tags.toml:4: duplicate tag "ايران" (first at line 1)`}},
		{"alias of another tag", "[[tag]]\nname = \"جو بايدن\"\naliases = [\"بايدن\"]\n[[tag]]\nname = \"هانتر بايدن\"\naliases = [\"بايدن\"]\n",
			[]string{`data/tags.toml:4: tag "هانتر بايدن": alias "بايدن" already belongs to "جو بايدن" (line 1)`}},
		{"name is another's alias", "[[tag]]\nname = \"جو بايدن\"\naliases = [\"بايدن\"]\n[[tag]]\nname = \"بايدن\"\n",
			[]string{`data/tags.toml:4: tag "بايدن": name is already an alias of "جو بايدن" (line 1)`}},
		{"bad kind and empty alias", "[[tag]]\nname = \"بغداد\"\nkind = \"town\"\naliases = [\"؟\"]\n",
			[]string{`data/tags.toml:1: tag "بغداد": unknown kind "town"`, `data/tags.toml:1: tag "بغداد": alias "؟" has no letters`}},
		{"unknown key", "[[tag]]\nname = \"بغداد\"\nalias = [\"x\"]\n",
			[]string{`data/tags.toml:3:1: unknown key "tag.alias"`}},
		{"syntax", "[[tag]]\nname = \"بغداد\n", []string{"data/tags.toml:2:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, err := ParseGazetteer("data/tags.toml", []byte(c.data))
			if err == nil {
				t.Fatalf("no error; %d entries", g.Len())
			}
			leaves := diag.Flatten(err)
			if len(leaves) != len(c.want) {
				t.Fatalf("errors %q, want %d", err, len(c.want))
			}
			for i, e := range leaves {
				var se *diag.SourceError
				if !errors.As(e, &se) || !strings.HasPrefix(e.Error(), c.want[i]) {
					t.Errorf("error %q, want prefix %q", e, c.want[i])
				}
			}
		})
	}
}

func TestParseGazetteerOK(t *testing.T) {
	g, err := ParseGazetteer("x.toml", []byte(`
[[tag]]
name = " العراق "
aliases = ["العراقي", "العراقى", "العراق"] # a folding duplicate and the name itself: kept once, dropped
kind = "country"
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{Name: "العراق", Aliases: []string{"العراقي"}, Kind: "country"}}
	if got := g.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("entries %+v, want %+v", got, want)
	}
	if g, err := ParseGazetteer("x.toml", nil); err != nil || g.Len() != 0 {
		t.Errorf("empty file: %v, %d entries", err, g.Len())
	}
}

func TestMerge(t *testing.T) {
	base, err := ParseGazetteer("base", []byte(`
[[tag]]
name = "الكاظمي"
aliases = ["مصطفى الكاظمي"]
kind = "person"
[[tag]]
name = "بغداد"
aliases = ["العاصمة العراقية"]
kind = "city"
`))
	if err != nil {
		t.Fatal(err)
	}
	site, err := ParseGazetteer("site", []byte(`
[[tag]]
name = "ريادة الأعمال"
kind = "topic"
[[tag]]
name = "الكاظمى"
aliases = ["أبو هيا"]
kind = "person"
[[tag]]
name = "الحكومة العراقية"
aliases = ["العاصمة العراقية"]
kind = "org"
`))
	if err != nil {
		t.Fatal(err)
	}
	m := base.Merge(site)
	var names []string
	for _, e := range m.Entries() {
		names = append(names, e.Name)
	}
	// The override takes the base entry's place; new entries follow.
	if want := []string{"الكاظمى", "بغداد", "ريادة الأعمال", "الحكومة العراقية"}; !reflect.DeepEqual(names, want) {
		t.Errorf("merged names %q, want %q", names, want)
	}
	if base.Len() != 2 || site.Len() != 3 {
		t.Error("Merge changed its inputs")
	}
	tg := New(m, nil)
	got := tg.Tags(Doc{Title: "أبو هيا يزور العاصمة العراقية", Body: []string{"مصطفى الكاظمي"}}, 5)
	// The site's alias wins the conflict (العاصمة العراقية is no longer
	// بغداد), and the replacing entry is found by its own aliases.
	if want := []string{"الكاظمى", "الحكومة العراقية"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tags %q, want %q", got, want)
	}
	if n := base.Merge(nil).Len(); n != 2 {
		t.Errorf("Merge(nil) has %d entries", n)
	}
	var nilG *Gazetteer
	if n := nilG.Merge(site).Len(); n != 3 {
		t.Errorf("nil.Merge(site) has %d entries", n)
	}
}
