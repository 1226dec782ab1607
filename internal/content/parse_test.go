package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var baghdad = time.FixedZone("+03", 3*3600)

func opts() Options { return Options{Location: baghdad, DefaultHour: 9} }

func TestParseYAMLArticle(t *testing.T) {
	src := `---
title: "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق"
description: "الرئيس الأميركي يتفق مع رئيس الوزراء العراقي."
date: 2021-02-24T09:00:00+03:00
lastmod: 2021-02-25
draft: false
tags: ["العراق", "جو بايدن", "G20"]
slug: "بايدن-الكاظمي"
aliases: ["/old/biden/"]
weight: 3
dateline: "واشنطن"
---

واشنطن – اتفق الرئيس الأميركي جو بايدن.
`
	p, err := Parse("content/a.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق" {
		t.Errorf("title %q", p.Title)
	}
	want := time.Date(2021, 2, 24, 9, 0, 0, 0, baghdad)
	if !p.Date.Equal(want) || !p.PublishDate.Equal(want) {
		t.Errorf("date %v publishDate %v, want %v", p.Date, p.PublishDate, want)
	}
	if lm := time.Date(2021, 2, 25, 9, 0, 0, 0, baghdad); !p.Lastmod.Equal(lm) {
		t.Errorf("date-only lastmod %v, want the default time %v", p.Lastmod, lm)
	}
	if !reflect.DeepEqual(p.Tags, []string{"العراق", "جو بايدن", "G20"}) {
		t.Errorf("tags %q", p.Tags)
	}
	if p.Slug != "بايدن-الكاظمي" || p.Weight != 3 || p.Draft {
		t.Errorf("slug %q weight %d draft %v", p.Slug, p.Weight, p.Draft)
	}
	if !reflect.DeepEqual(p.Aliases, []string{"/old/biden/"}) {
		t.Errorf("aliases %q", p.Aliases)
	}
	if p.String("dateline") != "واشنطن" {
		t.Errorf("dateline param %q", p.String("dateline"))
	}
	if !strings.HasPrefix(string(p.Body), "\nواشنطن") || p.BodyLine != 13 {
		t.Errorf("body %q at line %d", p.Body, p.BodyLine)
	}
	if len(p.Hash) != 64 {
		t.Errorf("hash %q", p.Hash)
	}
}

func TestParseTOMLArticle(t *testing.T) {
	src := "+++\ntitle = \"قمة G20 في الرياض\"\ndate = 2024-02-01T10:00:00+03:00\ntags = [\"السعودية\"]\nexpiryDate = 2030-01-01\n+++\nنص الخبر.\n"
	p, err := Parse("content/b.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "قمة G20 في الرياض" || !p.Date.Equal(time.Date(2024, 2, 1, 10, 0, 0, 0, baghdad)) {
		t.Errorf("got %q %v", p.Title, p.Date)
	}
	if !p.ExpiryDate.Equal(time.Date(2030, 1, 1, 9, 0, 0, 0, baghdad)) {
		t.Errorf("expiry %v", p.ExpiryDate)
	}
}

func TestParseErrorsArePositioned(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"bad date", "---\ntitle: خبر\n\n\ndate: 2021/13/45\n---\n", []string{`content/x.md:5:7: date: "2021/13/45" is not a day of the calendar (month out of range); check the month and the day`}},
		{"several at once", "---\ntitle: خبر\ndraft: ربما\nweight: ثلاثة\ntags: {a: 1}\n---\n", []string{
			`content/x.md:3:8: draft: must be true or false, not "ربما"; write draft: true (or false)`,
			`content/x.md:4:9: weight: must be a whole number, not "ثلاثة"; write weight: 1`,
			`content/x.md:5:7: tags: must be a list of text, not a table (key: value pairs); write tags: ["…", "…"]`,
		}},
		{"bad _build", "---\ntitle: خبر\n_build: {render: sometimes}\n---\n", []string{`content/x.md:3:9: _build: render: must be one of always, never, link, not "sometimes"`}},
		{"_build not a table", "---\ntitle: خبر\n_build: never\n---\n", []string{`content/x.md:3:9: _build: must be one of {render: never`}},
		{"slug escapes", "---\ntitle: خبر\nslug: ../../etc\n---\n", []string{`content/x.md:3:7: slug: "../../etc": a slug is one path segment`}},
		{"url escapes", "---\ntitle: خبر\nurl: /a/../../b/\n---\n", []string{`content/x.md:3:6: url: "/a/../../b/": a path may not contain . or .. segments`}},
		{"full url", "---\ntitle: خبر\naliases: [\"https://evil.example/\"]\n---\n", []string{"content/x.md:3:10: aliases:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(c.src), opts())
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestCleanURL(t *testing.T) {
	good := map[string]string{
		"/ملفات/الطاقة-الشمسية/": "/ملفات/الطاقة-الشمسية/",
		"about":  "/about",
		"/a//b/": "/a/b/",
		"/":      "/",
	}
	for in, want := range good {
		got, err := cleanURL(in)
		if err != nil || got != want {
			t.Errorf("cleanURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"../x", "/a/./b", "//evil.example/x", "http://x/", `\a`, "/a?b", "/a\x00b"} {
		if _, err := cleanURL(bad); err == nil {
			t.Errorf("cleanURL(%q) accepted", bad)
		}
	}
}

func TestLoadReportsEveryBrokenFile(t *testing.T) {
	fsys := fstest.MapFS{
		"content/good.md":        {Data: []byte("---\ntitle: خبر جيد\ndate: 2024-01-01\n---\nنص\n")},
		"content/economy/bad.md": {Data: []byte("---\ntitle: خبر\ndate: غدا\n---\n")},
		"content/worse.md":       {Data: []byte("---\ntitle: [\n---\n")},
		"content/_index.md":      {Data: []byte("not an article")},
		"content/.draft.md.swp":  {Data: []byte("x")},
		"content/notes.txt":      {Data: []byte("x")},
		"content/.hidden/x.md":   {Data: []byte("x")},
		"content/sport/ok.md":    {Data: []byte("---\ntitle: رياضة\n---\nنص\n")},
	}
	_, err := Load(fsys, "content", opts())
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, w := range []string{"content/economy/bad.md:3:7: date:", "content/worse.md:2"} {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q lacks %q", msg, w)
		}
	}
	delete(fsys, "content/economy/bad.md")
	delete(fsys, "content/worse.md")
	pages, err := Load(fsys, "content", opts())
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range pages {
		paths = append(paths, p.Path)
	}
	if want := []string{"content/good.md", "content/sport/ok.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("loaded %q, want %q", paths, want)
	}
}

func TestLoadWithoutContentFolder(t *testing.T) {
	pages, err := Load(fstest.MapFS{}, "content", opts())
	if err != nil || len(pages) != 0 {
		t.Fatalf("got %d pages, %v", len(pages), err)
	}
}

// TestParseCleansForbiddenText: bytes that are not UTF-8 in the body and
// control characters or noncharacters in front matter (written as YAML
// escapes) become U+FFFD, each place with a warning at its position; a
// line break in a title becomes a space.
func TestParseCleansForbiddenText(t *testing.T) {
	src := "---\n" +
		`title: "قمة\u0001 العشرين\uFFFE"` + "\n" +
		"description: \"الرياض\\n\\tاليوم\"\n" +
		`dateline: "بغداد\u0085"` + "\n" +
		`tags: ["العراق\u0007"]` + "\n" +
		"---\nمقدمة.\n\nافتتحت \xff\xfeالقمة أعمالها\x01.\n"
	p, err := Parse("content/g20.md", []byte(src), opts())
	if err != nil {
		t.Fatal(err)
	}
	if want := "قمة� العشرين�"; p.Title != want {
		t.Errorf("title %q, want %q", p.Title, want)
	}
	if want := "الرياض\n\tاليوم"; p.Description != want {
		t.Errorf("description %q, want %q (only titles are one line)", p.Description, want)
	}
	if p.String("dateline") != "بغداد�" || !reflect.DeepEqual(p.Tags, []string{"العراق�"}) {
		t.Errorf("dateline %q, tags %q", p.String("dateline"), p.Tags)
	}
	if want := "مقدمة.\n\nافتتحت ��القمة أعمالها�.\n"; string(p.Body) != want {
		t.Errorf("body %q, want %q", p.Body, want)
	}
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		"content/g20.md:9:8: warning: 3 characters that are not valid UTF-8 or not allowed in HTML (control characters or noncharacters) replaced with U+FFFD (�); check the file's encoding or remove them",
		"content/g20.md:2:8: warning: title: 2 characters",
		"content/g20.md:4:11: warning: dateline: character",
		"content/g20.md:5:7: warning: tags: character",
	}
	if len(got) != len(want) {
		t.Fatalf("warnings:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

func TestParseTitleOnOneLine(t *testing.T) {
	p, err := Parse("content/a.md", []byte("---\ntitle: |\n  قمة\n  العشرين\n---\nنص\n"), opts())
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "قمة العشرين" || len(p.Warnings) != 0 {
		t.Errorf("title %q, warnings %v", p.Title, p.Warnings)
	}
}
