package importer

import (
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/seed"
)

// TestEscapeRendersLiterally renders escaped seed text as Markdown and
// wants back exactly the text: nothing becomes markup, nothing is lost.
func TestEscapeRendersLiterally(t *testing.T) {
	md := markdown.New()
	for _, text := range []string{
		`أقر النواب الموازنة بنسبة 50% _تقريبا_ و*2* بنود \ معلقة`,
		`<script>alert('x')</script> و<b>عريض</b>`,
		"`كود` و~~شطب~~ و[رابط](http://example.com) و![صورة](x.png)",
		"# ليس عنوانا",
		"1. ليس قائمة",
		"2) ولا هذه",
		"- ولا هذه",
		"+ ولا هذه",
		"> ولا اقتباس",
		"---",
		"===",
		"| أ | ب |",
		"&amp; و&#1575; ليست كيانات",
		"قمة G20 في الرياض 2020. وانتهت",
		"www.example.com رابط يبقى رابطا بالنص نفسه",
	} {
		res, err := md.Render([]byte(EscapeMarkdown(text)))
		if err != nil {
			t.Fatal(err)
		}
		if res.PlainText != text {
			t.Errorf("%q\nescaped %q\nrenders as %q", text, EscapeMarkdown(text), res.PlainText)
		}
		if strings.Contains(string(res.HTML), "<script") || strings.Contains(string(res.HTML), "<b>") || strings.Contains(string(res.HTML), "<li>") || strings.Contains(string(res.HTML), "<h1") {
			t.Errorf("%q became markup: %s", text, res.HTML)
		}
	}
}

func TestDecide(t *testing.T) {
	a := Article{Seed: seed.Article{Title: "خبر", Body: []seed.Block{{Kind: seed.Paragraph, Text: "نص الخبر."}}}, SourcePath: "seeds/x.txt", SourceHash: "aaa"}
	old, err := Markdown(a)
	if err != nil {
		t.Fatal(err)
	}
	changed := a
	changed.SourceHash = "bbb"
	changed.Seed.Body = []seed.Block{{Kind: seed.Paragraph, Text: "نص جديد."}}
	fresh, _ := Markdown(changed)
	edited := []byte(strings.Replace(string(old), "نص الخبر.", "نص حرره المحرر.", 1))
	retagged := a
	retagged.Tags = []string{"العراق"}
	retaggedMD, _ := Markdown(retagged)

	cases := []struct {
		name      string
		existing  []byte
		exists    bool
		generated []byte
		hash      string
		force     bool
		want      Action
	}{
		{"no file yet", nil, false, old, "aaa", false, Create},
		{"same bytes", old, true, old, "aaa", false, Unchanged},
		{"seed unchanged, importer would now say it differently", old, true, retaggedMD, "aaa", false, Unchanged},
		{"seed unchanged, file edited", edited, true, old, "aaa", false, Unchanged},
		{"seed changed, file untouched", old, true, fresh, "bbb", false, Update},
		{"seed changed, file edited", edited, true, fresh, "bbb", false, Edited},
		{"seed changed, file edited, forced", edited, true, fresh, "bbb", true, Force},
		{"a file not made by the importer", []byte("---\ntitle: خبر\n---\nنص\n"), true, fresh, "bbb", false, Foreign},
		{"a file not made by the importer, forced", []byte("---\ntitle: خبر\n---\nنص\n"), true, fresh, "bbb", true, Force},
		{"a file imported from another seed", []byte(strings.Replace(string(old), "seeds/x.txt", "seeds/y.txt", 1)), true, fresh, "bbb", false, Foreign},
		{"seed changed, file edited, its source line taken out", []byte(strings.Replace(string(edited), "source: \"seeds/x.txt\"\n", "", 1)), true, fresh, "bbb", false, Edited},
	}
	for _, c := range cases {
		if got := Decide(c.existing, c.exists, c.generated, "seeds/x.txt", c.hash, c.force); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if !Untouched(old) || Untouched(edited) {
		t.Error("Untouched does not tell edited from untouched")
	}
	if SourceHashOf(old) != "aaa" {
		t.Errorf("SourceHashOf = %q", SourceHashOf(old))
	}
}

func TestEditorTags(t *testing.T) {
	tags, ok := EditorTags([]byte("---\ntitle: خبر\ntags: [\"العراق\", \"ملف خاص\"]\n---\nنص\n"))
	if !ok || len(tags) != 2 || tags[1] != "ملف خاص" {
		t.Errorf("got %q, %v", tags, ok)
	}
	if _, ok := EditorTags([]byte("---\ntitle: خبر\n---\n")); ok {
		t.Error("no tags reported as tags")
	}
}

func TestEditorTagsMarkSurvivesRewrites(t *testing.T) {
	a := Article{Seed: seed.Article{Title: "خبر", Body: []seed.Block{{Kind: seed.Paragraph, Text: "نص."}}}, SourcePath: "seeds/x.txt", SourceHash: "aaa",
		Tags: []string{"ملف خاص"}, EditorTags: true}
	md, err := Markdown(a)
	if err != nil {
		t.Fatal(err)
	}
	if !HasEditorTags(md) || !strings.Contains(string(md), "editor_tags: true") {
		t.Errorf("mark missing:\n%s", md)
	}
	a.EditorTags = false
	md, _ = Markdown(a)
	if HasEditorTags(md) {
		t.Error("mark written for tagger tags")
	}
}
