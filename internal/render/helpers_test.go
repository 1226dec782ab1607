package render

import (
	"fmt"
	"html"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/markdown"
	"github.com/sahifa/sahifa/internal/minifier"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
)

// Titles used across the tests: real Arabic headlines, one with Latin
// letters and digits in it.
const (
	titleBiden = "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق"
	titleG20   = "قمة G20 في الرياض"
)

var baghdad = time.FixedZone("+03", 3*3600)

// memOut collects emitted files in memory. Render calls emit from many
// goroutines, so it locks; writing one path twice is an error, as it is for
// package output.
type memOut struct {
	mu    sync.Mutex
	files map[string]output.File
}

func newMemOut() *memOut { return &memOut{files: map[string]output.File{}} }

func (m *memOut) emit(f output.File) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[f.Path]; dup {
		return fmt.Errorf("%s written twice", f.Path)
	}
	m.files[f.Path] = f
	return nil
}

func (m *memOut) paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.files))
	for p := range m.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// get returns the file's text, failing the test when it was not emitted.
func (m *memOut) get(t *testing.T, p string) string {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.files[p]
	if !ok {
		t.Fatalf("%s not emitted", p)
	}
	return string(f.Data)
}

// htmlPages returns every emitted text/html file by path.
func (m *memOut) htmlPages() map[string]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]string{}
	for p, f := range m.files {
		if f.MediaType == "text/html" {
			out[p] = string(f.Data)
		}
	}
	return out
}

func at(day, hour int) time.Time { return time.Date(2021, 2, day, hour, 0, 0, 0, baghdad) }

func article(path, title string, date time.Time, body string) content.Page {
	return content.Page{
		Path: path, Title: title, Date: date, PublishDate: date, Lastmod: date,
		Body: []byte(body), BodyLine: 5, Params: map[string]any{},
	}
}

func testConfig() config.Config {
	c := config.Default()
	c.Title = "صحيفة الاختبار"
	c.Location = baghdad
	c.Timezone = "Asia/Baghdad"
	return c
}

func assemble(t *testing.T, cfg config.Config, pages ...content.Page) *site.Site {
	t.Helper()
	s, err := site.Assemble(cfg, pages, site.Options{Now: at(28, 12)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sub(t *testing.T, fsys fs.FS, dir string) fs.FS {
	t.Helper()
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// themeOptions renders with the embedded default theme, as a site without
// its own layouts/ and assets/ does.
func themeOptions(t *testing.T, minify bool) Options {
	return Options{
		Layouts:  Layers{nil, sub(t, sahifa.Theme, "layouts")},
		Assets:   Layers{nil, sub(t, sahifa.Theme, "assets")},
		Markdown: markdown.New(),
		Minifier: minifier.New(minify),
	}
}

func render(t *testing.T, s *site.Site, opts Options) *memOut {
	t.Helper()
	out := newMemOut()
	if err := Render(s, opts, out.emit); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

// tag is a start tag found by scanTags, its attribute values unescaped.
type tag struct {
	name  string
	attrs map[string]string
	// text is the raw content of a raw-text element (script, style,
	// title, textarea) up to its end tag.
	text string
}

// scanTags is a small HTML tokenizer, enough for the pages the theme
// writes: it finds start tags and their attributes (double, single or not
// quoted), skips comments, doctypes and end tags, and does not look for
// tags inside script, style, title and textarea. Anything it cannot read
// fails the test, so a malformed page does not pass unnoticed.
func scanTags(t *testing.T, doc string) []tag {
	t.Helper()
	var tags []tag
	i := 0
	for {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			return tags
		}
		i += j
		switch {
		case strings.HasPrefix(doc[i:], "<!--"):
			k := strings.Index(doc[i:], "-->")
			if k < 0 {
				t.Fatalf("unterminated comment at %d", i)
			}
			i += k + 3
			continue
		case strings.HasPrefix(doc[i:], "<!"), strings.HasPrefix(doc[i:], "</"):
			k := strings.IndexByte(doc[i:], '>')
			if k < 0 {
				t.Fatalf("unterminated tag at %d", i)
			}
			i += k + 1
			continue
		}
		i++ // past '<'
		start := i
		for i < len(doc) && isNameByte(doc[i]) {
			i++
		}
		if i == start { // a lone '<' in text (not valid, but not a tag)
			continue
		}
		tg := tag{name: strings.ToLower(doc[start:i]), attrs: map[string]string{}}
		for {
			for i < len(doc) && isSpace(doc[i]) {
				i++
			}
			if i >= len(doc) {
				t.Fatalf("unterminated <%s>", tg.name)
			}
			if doc[i] == '>' {
				i++
				break
			}
			if strings.HasPrefix(doc[i:], "/>") {
				i += 2
				break
			}
			ns := i
			for i < len(doc) && !isSpace(doc[i]) && doc[i] != '=' && doc[i] != '>' && doc[i] != '/' {
				i++
			}
			name := strings.ToLower(doc[ns:i])
			if name == "" {
				t.Fatalf("bad attribute in <%s> at %d: %.40q", tg.name, i, doc[i:])
			}
			val := ""
			if i < len(doc) && doc[i] == '=' {
				i++
				if i < len(doc) && (doc[i] == '"' || doc[i] == '\'') {
					q := doc[i]
					k := strings.IndexByte(doc[i+1:], q)
					if k < 0 {
						t.Fatalf("unterminated attribute %s in <%s>", name, tg.name)
					}
					val = doc[i+1 : i+1+k]
					i += k + 2
				} else {
					vs := i
					for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' {
						i++
					}
					val = doc[vs:i]
				}
			}
			if _, dup := tg.attrs[name]; dup {
				t.Errorf("<%s> has attribute %s twice", tg.name, name)
			}
			tg.attrs[name] = html.UnescapeString(val)
		}
		switch tg.name {
		case "script", "style", "title", "textarea":
			end := strings.Index(strings.ToLower(doc[i:]), "</"+tg.name)
			if end < 0 {
				t.Fatalf("<%s> not closed", tg.name)
			}
			tg.text = doc[i : i+end]
			i += end
		}
		tags = append(tags, tg)
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// find returns the tags named name whose attribute key has value val (any
// value when val is "*").
func find(tags []tag, name, key, val string) []tag {
	var out []tag
	for _, tg := range tags {
		if tg.name != name {
			continue
		}
		if v, ok := tg.attrs[key]; key == "" || ok && (val == "*" || v == val) {
			out = append(out, tg)
		}
	}
	return out
}
