package render

import (
	"bytes"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/search"
	"github.com/sahifa/sahifa/internal/site"
)

// searchBuild is one render into memory after prev (nil: a clean build).
type searchBuild struct {
	out     *output.Memory
	memos   Memos
	written []string // search files emitted, not kept
}

func renderSearchBuild(t *testing.T, cfg config.Config, pages []content.Page, prev *searchBuild) *searchBuild {
	t.Helper()
	s, err := site.Assemble(cfg, slices.Clone(pages), site.Options{Now: benchNow})
	if err != nil {
		t.Fatal(err)
	}
	b := &searchBuild{memos: Memos{Bodies: &Memo{}, Search: &Memo{}}, out: output.NewMemory()}
	if prev != nil {
		b.memos, b.out = prev.memos.Next(), output.NewMemoryAfter(prev.out)
	}
	opts := themeOptions(t, false)
	opts.Reuse, opts.Memos, opts.Now = b.out, b.memos, benchNow
	var mu sync.Mutex
	err = Render(s, opts, func(f output.File) error {
		if strings.HasPrefix(f.Path, "search/data/") {
			mu.Lock()
			b.written = append(b.written, strings.TrimPrefix(f.Path, "search/data/"))
			mu.Unlock()
		}
		return b.out.Write(f)
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(b.written)
	return b
}

// files are a build's outputs by path.
func (b *searchBuild) files() map[string][]byte {
	out := map[string][]byte{}
	for _, p := range b.out.Paths() {
		f, _ := b.out.Get(p)
		out[p] = f.Data
	}
	return out
}

var baseShard = regexp.MustCompile(`^[tn]/[0-9]+\.json$`)

// Publishing an article, or editing one of the delta, keeps the search
// index's base: none of its shards is made again, and the base's articles
// are not analysed (their analyses stay in the memo for when the base
// moves). Editing an article of the base, or the K-th publish, builds the
// base again. Each build gives the bytes of a clean one.
func TestSearchBaseKeptOnPublish(t *testing.T) {
	cfg, pages := corpusPages(t, 41) // 32 in the base, 9 in the delta
	newest := slices.MaxFunc(pages, func(a, b content.Page) int { return a.Date.Compare(b.Date) })
	oldest := slices.IndexFunc(pages, func(p content.Page) bool {
		return p.Date.Equal(slices.MinFunc(pages, func(a, b content.Page) int { return a.Date.Compare(b.Date) }).Date)
	})
	build := renderSearchBuild(t, cfg, pages, nil)
	shards := 0
	for _, p := range build.written {
		if baseShard.MatchString(p) {
			shards++
		}
	}
	if shards < 2 {
		t.Fatalf("the first build wrote %d base files: %v", shards, build.written)
	}

	publish := func(n int) content.Page {
		p := newest
		p.Path = strings.Replace(p.Path, ".md", "-"+string(rune('a'+n))+".md", 1)
		p.Title += " " + string(rune('a'+n))
		p.Slug = "publish-" + string(rune('a'+n))
		p.Date = newest.Date.Add(time.Duration(n+1) * time.Hour)
		p.PublishDate, p.Lastmod = p.Date, p.Date
		p.Hash = p.Path
		return p
	}
	steps := []struct {
		name     string
		change   func()
		keepBase bool
	}{
		{"publish", func() { pages = append(pages, publish(0)) }, true},
		{"edit the newest", func() {
			i := len(pages) - 1
			pages[i].Body = append(slices.Clip(pages[i].Body), "\nوأضاف المراسل أن الوفد زار البصرة.\n"...)
			pages[i].Hash += "+"
		}, true},
		{"edit the oldest", func() {
			pages[oldest].Body = append(slices.Clip(pages[oldest].Body), "\nوأضاف المراسل أن الوفد زار البصرة.\n"...)
			pages[oldest].Hash += "+"
		}, false},
		{"publish past K", func() {
			// The delta holds 1 to K: the base moves when it would hold K+1.
			for n := 1; len(pages)%32 != 1; n++ {
				pages = append(pages, publish(n))
			}
		}, false},
	}
	for i, step := range steps {
		step.change()
		if i == 0 {
			damageAnalyses(build.memos.Search)
		}
		build = renderSearchBuild(t, cfg, pages, build)
		if i == 0 {
			// The base's analyses were not read: damaged, they are still
			// in the memo as they were.
			if n := damagedAnalyses(build.memos.Search); n != 32 {
				t.Errorf("%s: %d damaged analyses left in the memo, want the base's 32", step.name, n)
			}
		}
		rebuilt := slices.ContainsFunc(build.written, baseShard.MatchString)
		if rebuilt == step.keepBase {
			t.Errorf("%s: base shards written %v, want %v: %v", step.name, rebuilt, !step.keepBase, build.written)
		}
		if step.keepBase && len(build.written) > 4 {
			t.Errorf("%s: %d search files written, want meta.json, the delta and the last block: %v", step.name, len(build.written), build.written)
		}
		clean := renderSearchBuild(t, cfg, pages, nil)
		if got, want := build.files(), clean.files(); !maps.EqualFunc(got, want, bytes.Equal) {
			for p := range want {
				if !bytes.Equal(got[p], want[p]) {
					t.Errorf("%s: %s differs from a clean build's", step.name, p)
				}
			}
			t.FailNow()
		}
		// Every article's analysis is still in the memo for the next.
		if got, want := len(build.memos.Search.Next().old), len(clean.memos.Search.Next().old); got != want {
			t.Errorf("%s: the memo holds %d search entries, a clean build's %d", step.name, got, want)
		}
	}
}

var damaged = []byte("damaged")

// damageAnalyses replaces every analysis in m, but not the base's facts.
func damageAnalyses(m *Memo) {
	for k, v := range m.used {
		if _, err := search.DecodeBaseFacts(v); err != nil {
			m.used[k] = damaged
		}
	}
}

func damagedAnalyses(m *Memo) int {
	n := 0
	for _, v := range m.used {
		if bytes.Equal(v, damaged) {
			n++
		}
	}
	return n
}

// An article's analysis key changes with every field the analysis is
// made from, so a memo never gives an analysis of other text.
func TestAnalysisKey(t *testing.T) {
	doc := search.Document{
		Path: "/2021/02/24/قمة/", Title: "قمة بغداد", Date: time.Date(2021, 2, 24, 10, 0, 0, 0, time.UTC),
		DateText: "24 فبراير 2021", DateISO: "2021-02-24T13:00:00+03:00", Summary: "ملخص", Tags: []string{"العراق", "قمة"},
	}
	program, body := []byte("program"), "body"
	keyOf := func(program []byte, d search.Document, body string) string {
		key, _ := analysisKey(nil, program, d, body)
		return key
	}
	want := keyOf(program, doc, body)
	if keyOf(program, doc, body) != want {
		t.Fatal("the same article has two keys")
	}
	// The buffer a key was written in is reused for the next: what was
	// in it is not part of the key.
	if reused, _ := analysisKey(append(make([]byte, 0, 512), "left over"...)[:0], program, doc, body); reused != want {
		t.Fatal("a reused buffer gives another key")
	}
	changes := map[string]func(d *search.Document, program *[]byte, body *string){
		"path":            func(d *search.Document, _ *[]byte, _ *string) { d.Path += "x" },
		"title":           func(d *search.Document, _ *[]byte, _ *string) { d.Title += "x" },
		"date":            func(d *search.Document, _ *[]byte, _ *string) { d.Date = d.Date.Add(time.Second) },
		"date text":       func(d *search.Document, _ *[]byte, _ *string) { d.DateText += "x" },
		"ISO date":        func(d *search.Document, _ *[]byte, _ *string) { d.DateISO += "x" },
		"summary":         func(d *search.Document, _ *[]byte, _ *string) { d.Summary += "x" },
		"a tag":           func(d *search.Document, _ *[]byte, _ *string) { d.Tags = []string{"العراق", "قمم"} },
		"tags joined":     func(d *search.Document, _ *[]byte, _ *string) { d.Tags = []string{"العراققمة"} },
		"title → summary": func(d *search.Document, _ *[]byte, _ *string) { d.Title, d.Summary = "قمة", " بغدادملخص" },
		"body":            func(_ *search.Document, _ *[]byte, b *string) { *b += "x" },
		"program":         func(_ *search.Document, p *[]byte, _ *string) { *p = []byte("program 2") },
	}
	// Every text field of a document but Text (whose key is the body's),
	// found by reflection, so that a field added to search.Document is
	// keyed or this test fails.
	fields := reflect.TypeOf(doc)
	for i := range fields.NumField() {
		f := fields.Field(i)
		if f.Type.Kind() != reflect.String || f.Name == "Text" {
			continue
		}
		changes["field "+f.Name] = func(d *search.Document, _ *[]byte, _ *string) {
			v := reflect.ValueOf(d).Elem().Field(i)
			v.SetString(v.String() + "x")
		}
	}
	for name, change := range changes {
		d, p, b := doc, program, body
		d.Tags = slices.Clone(doc.Tags)
		change(&d, &p, &b)
		if keyOf(p, d, b) == want {
			t.Errorf("a change of the %s keeps the key", name)
		}
	}
}
