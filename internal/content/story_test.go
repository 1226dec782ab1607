package content

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseAuthorsBreakingCorrection(t *testing.T) {
	src := "---\ntitle: خبر\nauthor: زينب حسن\nauthors: [\"علي كريم\", \"زينب حسن\"]\nbreaking: true\ncorrection:\n  text: \"صُحّح عدد الضحايا.\"\n  date: 2024-05-23 10:15\n---\nنص\n"
	p, err := Parse("content/x.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"زينب حسن", "علي كريم"}; !reflect.DeepEqual(p.Authors, want) {
		t.Errorf("Authors = %q, want %q (author then authors, each once)", p.Authors, want)
	}
	if !p.Breaking {
		t.Error("Breaking = false")
	}
	want := Correction{Text: "صُحّح عدد الضحايا.", Date: time.Date(2024, 5, 23, 10, 15, 0, 0, opts().location())}
	if p.Correction.Text != want.Text || !p.Correction.Date.Equal(want.Date) {
		t.Errorf("Correction = %+v, want %+v", p.Correction, want)
	}

	toml := "+++\ntitle = \"خبر\"\nauthors = [\"رويترز\"]\n[correction]\ntext = \"تصحيح\"\ndate = 2024-05-23\n+++\n"
	if p, err = Parse("content/x.md", []byte(toml), opts()); err != nil {
		t.Fatal(err)
	}
	if p.Correction.Text != "تصحيح" || p.Correction.Date.IsZero() || !reflect.DeepEqual(p.Authors, []string{"رويترز"}) {
		t.Errorf("TOML: Authors %q, Correction %+v", p.Authors, p.Correction)
	}
}

// A correction must say what and when, in the form the message shows.
func TestCorrectionErrors(t *testing.T) {
	cases := []struct{ name, fm, want string }{
		{"text only", `correction: "صُحّح الاسم"`, `content/x.md:3:13: correction: must be a table with the corrected text and its date, not "صُحّح الاسم"; write correction: {text: "…", date: 2024-05-22}`},
		{"no date", `correction: {text: "صُحّح الاسم"}`, `content/x.md:3:13: correction: the correction has no date; say when it was corrected: correction: {text: "…", date: 2024-05-22}`},
		{"no text", `correction: {date: 2024-05-22}`, `content/x.md:3:13: correction: the correction has no text; say what was corrected`},
		{"bad date", `correction: {text: "x", date: أمس}`, `content/x.md:3:13: correction: "أمس" is not a date sahifa can read`},
		{"other key", `correction: {text: "x", date: 2024-05-22, by: "علي"}`, `content/x.md:3:13: correction: unknown key "by"; a correction has only text and date`},
		{"breaking not a flag", `breaking: نعم`, `content/x.md:3:11: breaking: must be true or false, not "نعم"`},
		{"author a table", `author: {name: "علي"}`, `content/x.md:3:9: author: must be a list of text, not a table`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte("---\ntitle: خبر\n"+c.fm+"\n---\n"), opts())
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v\nwant it to contain %q", err, c.want)
			}
		})
	}
}

// The new keys are known: one slip away from them gets the usual hint.
func TestMisspelledNewsKeys(t *testing.T) {
	p, err := Parse("content/x.md", []byte("---\ntitle: خبر\nauthr: علي\nbreakin: true\ncorection: {}\n---\n"), opts())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.Msg)
	}
	for _, want := range []string{`"authr", so its value is not used (did you mean "author"?)`, `(did you mean "breaking"?)`, `(did you mean "correction"?)`} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("warnings %q lack %q", got, want)
		}
	}
}
