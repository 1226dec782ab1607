package server

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/sahifa/sahifa/internal/output"
)

func memory(t testing.TB, files ...output.File) *output.Memory {
	t.Helper()
	m := output.NewMemory()
	for _, f := range files {
		if err := m.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func htmlFile(path, body string) output.File {
	return output.File{Path: path, MediaType: "text/html", Data: []byte(body)}
}

func css(path, body string) output.File {
	return output.File{Path: path, MediaType: "text/css", Data: []byte(body)}
}

// page links a stylesheet as sahifa's templates do: fingerprinted name
// and Subresource Integrity.
func page(path, text string, sheet output.File) output.File {
	return htmlFile(path, fmt.Sprintf(`<link rel="stylesheet" href="/%s" integrity="%s"><p>%s`, sheet.Path, sri(sheet.Data), text))
}

func TestDiff(t *testing.T) {
	oldCSS := css("css/main.0123456789ab.css", "p{color:red}")
	newCSS := css("css/main.ba9876543210.css", "p{color:blue}")
	article := "2021/02/24/توافق/index.html"
	base := []output.File{
		oldCSS,
		page("index.html", "الرئيسية", oldCSS),
		page(article, "نص الخبر", oldCSS),
		htmlFile("404.html", "404"),
		{Path: "index.xml", MediaType: "application/rss+xml", Data: []byte("<rss/>")},
		{Path: "img/logo.png", MediaType: "image/png", Data: []byte{1}},
		css("extra.css", "a{}"),
	}
	with := func(replace ...output.File) []output.File {
		out := append([]output.File(nil), base...)
		for _, r := range replace {
			found := false
			for i, f := range out {
				if f.Path == r.Path {
					out[i], found = r, true
				}
			}
			if !found {
				out = append(out, r)
			}
		}
		return out
	}
	without := func(files []output.File, paths ...string) []output.File {
		var out []output.File
	next:
		for _, f := range files {
			for _, p := range paths {
				if f.Path == p {
					continue next
				}
			}
			out = append(out, f)
		}
		return out
	}
	restyled := without(with(newCSS, page("index.html", "الرئيسية", newCSS), page(article, "نص الخبر", newCSS)), oldCSS.Path)

	cases := []struct {
		name string
		next []output.File
		want Change
	}{
		{"nothing", base, Change{}},
		{"article text", with(page(article, "نص جديد", oldCSS), output.File{Path: "index.xml", MediaType: "application/rss+xml", Data: []byte("<rss>2</rss>")}),
			Change{Pages: []string{article}, Files: []string{"index.xml"}}},
		{"page added", with(htmlFile("new/index.html", "جديد")), Change{Pages: []string{"new/index.html"}}},
		{"page removed", without(base, article), Change{Pages: []string{article}}},
		{"stylesheet fingerprint changed", restyled,
			Change{Styles: []StyleSwap{{Old: oldCSS.Path, New: newCSS.Path}}}},
		{"stylesheet and one article", without(with(newCSS, page("index.html", "الرئيسية", newCSS), page(article, "نص آخر", newCSS)), oldCSS.Path),
			Change{Pages: []string{article}, Styles: []StyleSwap{{Old: oldCSS.Path, New: newCSS.Path}}}},
		{"static stylesheet in place", with(css("extra.css", "a{color:red}")),
			Change{Styles: []StyleSwap{{Old: "extra.css", New: "extra.css"}}}},
		{"image", with(output.File{Path: "img/logo.png", MediaType: "image/png", Data: []byte{2}}),
			Change{Files: []string{"img/logo.png"}, All: true}},
		{"svg image", with(output.File{Path: "img/x.svg", MediaType: "image/svg+xml", Data: []byte("<svg/>")}),
			Change{Files: []string{"img/x.svg"}, All: true}},
		{"stylesheet removed", without(with(htmlFile("index.html", "بلا تنسيق")), oldCSS.Path),
			Change{Pages: []string{"index.html"}}},
	}
	old := memory(t, base...)
	for _, c := range cases {
		got := Diff(old, memory(t, c.next...))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
		if got.Empty() != (c.name == "nothing") {
			t.Errorf("%s: Empty() = %v", c.name, got.Empty())
		}
	}
	if got := Diff(nil, old); !got.All {
		t.Errorf("first build: %+v, want All", got)
	}
}

// DiffAt, told the paths where two builds may differ, says what Diff
// says.
func TestDiffAt(t *testing.T) {
	sheet := css("css/main.css", "p{}")
	article := "2021/02/24/توافق/index.html"
	feed := output.File{Path: "index.xml", MediaType: "application/rss+xml", Data: []byte("<rss/>")}
	base := []output.File{sheet, page("index.html", "الرئيسية", sheet), page(article, "نص", sheet), htmlFile("404.html", "404"), feed}
	old := memory(t, base...)
	// next is base with the files of change put in and those of gone left
	// out, made as a rebuild of part of a site is: the others taken over.
	next := func(gone []string, change ...output.File) *output.Memory {
		m := output.NewMemoryAfter(old)
		for _, f := range change {
			if err := m.Write(f); err != nil {
				t.Fatal(err)
			}
		}
		if err := m.KeepOthers(); err != nil {
			t.Fatal(err)
		}
		if len(gone) == 0 {
			return m
		}
		var kept []output.File
		for _, p := range m.Paths() {
			if !slices.Contains(gone, p) {
				f, _ := m.Get(p)
				kept = append(kept, f)
			}
		}
		return memory(t, kept...)
	}
	for _, c := range []struct {
		name  string
		next  *output.Memory
		paths []string
	}{
		{"nothing", next(nil, page(article, "نص", sheet)), []string{article}},
		{"article and feed", next(nil, page(article, "نص جديد", sheet), output.File{Path: feed.Path, MediaType: feed.MediaType, Data: []byte("<rss>2</rss>")}),
			[]string{feed.Path, article, "index.html", article}},
		{"page added", next(nil, htmlFile("new/index.html", "جديد")), []string{"new/index.html", "404.html"}},
		{"page removed", next([]string{article}), []string{article}},
		{"image", next(nil, output.File{Path: "img/x.png", MediaType: "image/png", Data: []byte{1}}), []string{"img/x.png"}},
		{"stylesheet in place", next(nil, css(sheet.Path, "p{color:red}")), []string{sheet.Path}},
	} {
		want := Diff(old, c.next)
		if got := DiffAt(old, c.next, c.paths); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, want)
		}
	}
	if got := DiffAt(nil, old, nil); !got.All {
		t.Errorf("first build: %+v, want All", got)
	}
}

func TestUnfingerprinted(t *testing.T) {
	for in, want := range map[string]string{
		"css/main.0123456789ab.css": "css/main.css",
		"css/main.css":              "css/main.css",
		"js/a.b.0123456789ab.js":    "js/a.b.js",
		"css/main.notahexhash.css":  "css/main.notahexhash.css",
	} {
		if got := unfingerprinted(in); got != want {
			t.Errorf("unfingerprinted(%q) = %q, want %q", in, got, want)
		}
	}
}
