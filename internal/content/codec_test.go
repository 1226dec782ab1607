package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// richSource sets every field of Page that front matter can set, with
// dates in every kind of location a date can have.
const richSource = `---
title: "الكاظمي يلتقي بايدن: Biden meets al-Kadhimi"
description: "وصف"
summary: "ملخص"
slug: "الكاظمي-بايدن"
url: "/خاص/الكاظمي/"
date: 2021-02-24T09:00:00+03:00
publishDate: 2021-02-24T06:00:00Z
lastmod: 2021-02-25
expiryDate: 2031-02-25T10:00:00
draft: true
tags: ["العراق", "G20"]
aliases: ["/old/biden/"]
weight: -3
image: "صورة.jpg"
dateline: "بغداد"
author: "زينب حسن"
authors: ["زينب حسن", "Reuters"]
breaking: true
correction: {text: "صُحّح اسم الوزير.", date: 2021-02-26T10:00:00+03:00}
headless: true
_build: {publishResources: false}
ratio: 0.5
count: 12
flags: [true, false, null, 1.5, "نص"]
nested: {a: {b: [1, "x"]}, empty: {}}
list: []
---
النص` + "\x01" + ` هنا.

![](صورة.jpg)
`

func richPage(t *testing.T) Page {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Baghdad")
	if err != nil {
		loc = time.FixedZone("+03", 3*3600)
	}
	p, err := Parse("content/2021/rich/index.md", []byte(richSource), Options{Location: loc, DefaultHour: 9, DefaultMinute: 30})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A page's record gives back the same page, field for field, dates in
// the same locations; a field added to Page without a place in the
// record fails here (the sample sets every field).
func TestPageRecordRoundTrip(t *testing.T) {
	p := richPage(t)
	opts := Options{Location: p.Lastmod.Location(), DefaultHour: 9, DefaultMinute: 30}
	v := reflect.ValueOf(p)
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Name == "source" || f.Name == "Bundle" {
			continue // Bundle is listed by every load, not kept
		}
		if v.Field(i).IsZero() {
			t.Errorf("the sample page leaves %s unset: set it in richSource so the record is checked for it", f.Name)
		}
	}
	back, err := decodePage(encodePage(&p, opts), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := p
	want.Body = nil // not in the record
	if !reflect.DeepEqual(back, want) {
		t.Errorf("round trip:\n got %#v\nwant %#v", back, want)
	}
	for _, d := range [][2]time.Time{{back.Date, p.Date}, {back.PublishDate, p.PublishDate}, {back.Lastmod, p.Lastmod}, {back.ExpiryDate, p.ExpiryDate}} {
		if d[0].Location() != d[1].Location() || d[0].String() != d[1].String() {
			t.Errorf("date %v (%p) came back as %v (%p)", d[1], d[1].Location(), d[0], d[0].Location())
		}
	}
}

// Damaged records are refused, never a panic or a half page.
func TestPageRecordDamaged(t *testing.T) {
	p := richPage(t)
	opts := Options{Location: p.Lastmod.Location()}
	rec := encodePage(&p, opts)
	for n := range len(rec) {
		if _, err := decodePage(rec[:n], opts); err == nil {
			t.Fatalf("a record cut at %d of %d bytes was accepted", n, len(rec))
		}
	}
	if _, err := decodePage(append(rec, 0), opts); err == nil {
		t.Error("trailing bytes accepted")
	}
}

// Pages kept as records between builds: a second Load parses only what
// changed, gives the same pages, and reads a kept page's body only when
// asked (from the file, which must not have changed).
func TestParsedRecords(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: أ\ndate: 2024-01-02\n---\nنص أ\n"), ModTime: old},
		"content/b.md": {Data: []byte(richSource), ModTime: old},
		"content/c.md": {Data: []byte("---\ntitle: ج\n---\nنص ج\n"), ModTime: old},
	}
	o := Options{Location: baghdad, DefaultHour: 9}
	first := NewParsed(o)
	want, err := LoadAgain(fsys, "content", o, first)
	if err != nil {
		t.Fatal(err)
	}
	records := map[string][]byte{}
	first.Changes(func(path string, rec []byte) { records[path] = rec })
	if len(records) != 3 {
		t.Fatalf("records after a first load: %d, want 3", len(records))
	}

	// The next build: c.md gone, a.md edited.
	delete(fsys, "content/c.md")
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: أأ\n---\nنص جديد\n"), ModTime: old.Add(time.Minute)}
	second := NewParsed(o)
	for _, rec := range records {
		second.Restore(rec)
	}
	got, err := LoadAgain(fsys, "content", o, second)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Title != "أأ" {
		t.Fatalf("edited page: %+v", got)
	}
	// No page kept as records holds its body from the load to its
	// render, parsed anew or not: a large archive's sources would all be
	// held through the render.
	for _, p := range append(want, got...) {
		if p.Body != nil {
			t.Errorf("%s came with its body", p.Path)
		}
	}
	if body, err := got[0].Markdown(); err != nil || string(body) != "نص جديد\n" {
		t.Errorf("edited page's Markdown = %q, %v", body, err)
	}
	kept := got[1]
	body, err := kept.Markdown()
	wantBody, _ := want[1].Markdown()
	if err != nil || string(body) != string(wantBody) || !strings.Contains(string(body), "هنا") {
		t.Errorf("kept page's Markdown = %q, %v; want %q", body, err, wantBody)
	}
	if !reflect.DeepEqual(kept, want[1]) {
		t.Errorf("kept page differs from the parsed one:\n got %#v\nwant %#v", kept, want[1])
	}
	changes := map[string]bool{}
	second.Changes(func(path string, rec []byte) { changes[path] = rec != nil })
	if !reflect.DeepEqual(changes, map[string]bool{"content/a.md": true, "content/c.md": false}) {
		t.Errorf("changes = %v, want a.md rewritten and c.md removed", changes)
	}

	// A kept page whose file changed under the build is not rendered
	// from the wrong body.
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte(strings.Replace(richSource, "هنا", "هناك", 1)), ModTime: old}
	if _, err := got[1].Markdown(); err == nil || !strings.Contains(err.Error(), "changed while the site was being built") {
		t.Errorf("body of a changed file: %v", err)
	}
}
