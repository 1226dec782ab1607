// Package corpus generates a deterministic benchmark site: N Arabic news
// articles as Markdown with Hugo-readable front matter, the same articles
// as seed texts if asked, and a site config, all returned as values (no
// disk access), so tests and benchmarks can use it in memory and
// bench/corpus can write it out.
//
// Every sentence of every body is a sentence of the project's sample seed
// (embedded from testdata/), recombined, so benchmarks measure real Arabic
// text of the length and shape sahifa is built for without shipping any
// other text. Titles, captions and subheadings are runs of the sample's
// words; tags are the default gazetteer's names followed by phrases of the
// sample, drawn with a Zipf-like long tail as in a real archive. The same
// (N, seed) always gives the same bytes: the generator is seeded PCG and
// nothing depends on the clock or map order.
package corpus

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/arabic"
)

// sample is the project's reference seed (seeds/000_17373629d0573b0f.txt),
// copied here because go:embed cannot reach outside the package folder.
//
//go:embed testdata/000_17373629d0573b0f.txt
var sample string

const (
	// TagCount is the size of the tag vocabulary: about what a ten-year
	// archive of a mid-sized newsroom carries.
	TagCount = 2000
	// FirstYear and Years bound the articles' dates: 2016 to 2025.
	FirstYear = 2016
	Years     = 10
	// ConfigPath is where Generate puts the site config.
	ConfigPath = "sahifa.toml"

	// slugWords matches site.SlugWords and the importer's: the slug of an
	// imported seed must be the slug written in the Markdown, so that
	// both give the same URL. (corpus cannot import site: site's own tests
	// import corpus.)
	slugWords = 8
	// zipfS and zipfV shape the tag distribution, rank k drawn with weight
	// (zipfV+k)^-zipfS: a few tags on a large share of the articles and a
	// long tail seen a handful of times, with nearly all 2,000 used at
	// 10,000 articles.
	zipfS = 1.07
	zipfV = 2
)

// Options say what to generate.
type Options struct {
	N     int    // number of articles
	Seed  uint64 // seed of the random generator; the same seed, the same bytes
	Seeds bool   // also write every article as a seed text under seeds/
}

// File is one generated file; Path is slash-separated and relative to the
// site root.
type File struct {
	Path string
	Data []byte
}

// Block is one element of an article's body.
type Block struct {
	Heading bool // a subheading ("## …"); otherwise a paragraph
	Text    string
}

// Article is one generated article, before it is written as Markdown or
// as a seed.
type Article struct {
	Title       string
	Slug        string // arabic.Slugify(Title, 8): unique in the corpus
	Description string // the lede
	Date        time.Time
	Tags        []string
	Dateline    string // "" for none
	Agency      string // "" for none; only with a dateline
	Caption     string // "" for none
	Body        []Block
}

// ContentPath is where the article's Markdown goes: one folder per year,
// as archives are often kept, so no folder holds all N files.
func (a *Article) ContentPath() string {
	return fmt.Sprintf("content/%04d/%s.md", a.Date.Year(), a.Slug)
}

// SeedPath mirrors ContentPath under seeds/: importing the seed targets
// the article's own Markdown file, so an import never adds a second copy
// of an article (which would clash on its URL).
func (a *Article) SeedPath() string {
	return fmt.Sprintf("seeds/%04d/%s.txt", a.Date.Year(), a.Slug)
}

// Paragraphs counts the body's paragraphs (subheadings left out).
func (a *Article) Paragraphs() int {
	n := 0
	for _, b := range a.Body {
		if !b.Heading {
			n++
		}
	}
	return n
}

// Markdown is the article as a content file: YAML front matter with
// Hugo's standard keys (so Hugo builds the same folder) and sahifa's
// dateline, agency and caption, then the body.
func (a *Article) Markdown() []byte {
	b := make([]byte, 0, a.size())
	b = append(b, "---\ntitle: "...)
	b = appendYAML(b, a.Title)
	b = append(b, "\nslug: "...)
	b = appendYAML(b, a.Slug)
	b = append(b, "\ndate: "...)
	b = a.Date.AppendFormat(b, "2006-01-02T15:04:05-07:00")
	b = append(b, "\ndescription: "...)
	b = appendYAML(b, a.Description)
	b = append(b, "\ntags: ["...)
	for i, t := range a.Tags {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendYAML(b, t)
	}
	b = append(b, "]\n"...)
	for _, kv := range [][2]string{{"dateline", a.Dateline}, {"agency", a.Agency}, {"caption", a.Caption}} {
		if kv[1] != "" {
			b = append(b, kv[0]+": "...)
			b = appendYAML(b, kv[1])
			b = append(b, '\n')
		}
	}
	b = append(b, "---\n"...)
	for _, bl := range a.Body {
		b = append(b, '\n')
		if bl.Heading {
			b = append(b, "## "...)
		}
		b = append(b, bl.Text...)
		b = append(b, '\n')
	}
	return b
}

// Seed is the article as a newsroom text in the layout of the sample
// (docs/seed-format.md): title, blank, lede, date line with its weekday,
// optional caption, then paragraphs and subheadings separated by blank
// lines, the first paragraph opening with the dateline when there is one.
func (a *Article) Seed() []byte {
	b := make([]byte, 0, a.size())
	b = append(b, a.Title+"\n\n"+a.Description+"\n"...)
	b = append(b, arabic.WeekdayName(a.Date.Weekday())+" "...)
	b = a.Date.AppendFormat(b, "2006/01/02")
	b = append(b, '\n')
	if a.Caption != "" {
		b = append(b, a.Caption+"\n"...)
	}
	for i, bl := range a.Body {
		b = append(b, '\n')
		if i == 0 && a.Dateline != "" {
			b = append(b, a.Dateline+" – "...)
			if a.Agency != "" {
				b = append(b, "("+a.Agency+") – "...)
			}
		}
		b = append(b, bl.Text...)
		b = append(b, '\n')
	}
	return b
}

// size is a little more than either of the article's files takes, so
// each is built in one allocation.
func (a *Article) size() int {
	n := 256 + 2*len(a.Title) + len(a.Description) + len(a.Dateline) + len(a.Agency) + len(a.Caption)
	for _, t := range a.Tags {
		n += len(t) + 4
	}
	for _, bl := range a.Body {
		n += len(bl.Text) + 4
	}
	return n
}

// appendYAML appends s as a YAML double-quoted scalar. The sample's text
// has quotes but no control characters, so escaping \ and " is enough.
func appendYAML(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// Config is the site config of the corpus: like the repository's own
// sahifa.toml, on a host of its own, and with importing on build off.
func Config() []byte {
	return []byte(`# A benchmark site generated by bench/corpus (internal/corpus).
title = "صحيفة المقياس"
description = "موقع تجريبي لقياس سرعة البناء: أخبار العراق والعالم العربي."
baseURL = "https://bench.example/"
language = "ar"
timezone = "Asia/Baghdad"
defaultTime = "09:00"
paginate = 10

[permalinks]
article = "/:year/:month/:day/:slug/"

[import]
# content/ is the corpus; seeds/ (written with -seeds) is for timing
# "sahifa import" on its own, and must not be imported by every build.
onBuild = false
`)
}

// Generate returns the whole site: the config, every article's Markdown
// and, with opts.Seeds, every article's seed.
func Generate(opts Options) []File {
	arts := Articles(opts.N, opts.Seed)
	files := make([]File, 0, 1+2*len(arts))
	files = append(files, File{Path: ConfigPath, Data: Config()})
	for i := range arts {
		files = append(files, File{Path: arts[i].ContentPath(), Data: arts[i].Markdown()})
	}
	if opts.Seeds {
		for i := range arts {
			files = append(files, File{Path: arts[i].SeedPath(), Data: arts[i].Seed()})
		}
	}
	return files
}

// MapFS puts files into an in-memory file system, for content.Load in
// tests and benchmarks.
func MapFS(files []File) fstest.MapFS {
	fsys := make(fstest.MapFS, len(files))
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Articles generates n articles with the random generator seeded by seed.
func Articles(n int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, 0x5a41f1a)) // the second word is fixed: -seed alone varies the corpus
	src := readSample()
	g := &generator{r: r, src: src, tags: tagNames(src, r), slugs: make(map[string]bool, n)}
	g.zipf = rand.NewZipf(r, zipfS, zipfV, uint64(len(g.tags)-1))
	zone := time.FixedZone("+03", 3*3600) // Asia/Baghdad has kept +03:00 all year since 2008
	first := time.Date(FirstYear, 1, 1, 0, 0, 0, 0, zone)
	days := int(first.AddDate(Years, 0, 0).Sub(first).Hours() / 24)
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = g.article(first, days)
	}
	return arts
}

type generator struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	src   source
	tags  []string
	slugs map[string]bool
}

func (g *generator) article(first time.Time, days int) Article {
	r := g.r
	// Newsrooms publish between morning and late evening.
	date := first.AddDate(0, 0, r.IntN(days)).Add(time.Duration(7*60+r.IntN(16*60)) * time.Minute)
	a := Article{Date: date}
	// Millions of titles are possible, so a clash is rare: draw again.
	for {
		a.Title = g.window(3, 6) + " " + g.window(2, 5)
		a.Slug = arabic.Slugify(a.Title, slugWords)
		if !g.slugs[a.Slug] {
			g.slugs[a.Slug] = true
			break
		}
	}
	a.Description = g.sentence()
	if r.IntN(10) < 4 {
		a.Caption = g.window(3, 7)
	}
	// Datelines: the sample's own places (واشنطن، بغداد، أربيل) and other
	// cities Iraqi and Arab papers file from, with the credits seen after
	// them ("بغداد – (أ ف ب) – …").
	places := [...]string{"بغداد", "واشنطن", "أربيل", "البصرة", "الموصل", "النجف", "بيروت", "القاهرة", "دمشق", "الرياض", "طهران", "أنقرة"}
	agencies := [...]string{"أ ف ب", "رويترز", "الأناضول", "د ب أ"}
	if r.IntN(10) < 6 {
		a.Dateline = places[r.IntN(len(places))]
		if r.IntN(10) < 3 {
			a.Agency = agencies[r.IntN(len(agencies))]
		}
	}
	paras := 8 + r.IntN(11)
	for i := range paras {
		// A subheading sits between paragraphs, never first or last,
		// as the seed format wants it.
		if i > 0 && r.IntN(10) == 0 {
			a.Body = append(a.Body, Block{Heading: true, Text: g.window(2, 4)})
		}
		text := g.sentence()
		if r.IntN(4) == 0 {
			text += " " + g.sentence()
		}
		a.Body = append(a.Body, Block{Text: text})
	}
	// Tags: 3–7 distinct ranks of the long-tailed distribution.
	k := 3 + r.IntN(5)
	picked := make([]uint64, 0, k)
	for len(picked) < k {
		t := g.zipf.Uint64()
		dup := false
		for _, p := range picked {
			dup = dup || p == t
		}
		if !dup {
			picked = append(picked, t)
		}
	}
	a.Tags = make([]string, k)
	for i, t := range picked {
		a.Tags[i] = g.tags[t]
	}
	return a
}

// sentence is one of the sample's sentences.
func (g *generator) sentence() string {
	return g.src.sentences[g.r.IntN(len(g.src.sentences))]
}

// window is a run of lo to hi consecutive words of one of the sample's
// sentences, punctuation dropped, not ending on a function word (a
// headline ending in "في" reads as cut off).
func (g *generator) window(lo, hi int) string {
	ws := g.src.words[g.r.IntN(len(g.src.words))]
	n := min(lo+g.r.IntN(hi-lo+1), len(ws))
	i := g.r.IntN(len(ws) - n + 1)
	for n > 1 && g.src.stop[ws[i+n-1]] {
		n--
	}
	return strings.Join(ws[i:i+n], " ")
}

// source is the sample seed taken apart into the material articles are
// made of.
type source struct {
	sentences []string   // the lede and body paragraphs, each one sentence ending in "."
	words     [][]string // each sentence's words without punctuation
	runs      [][]string // runs of words not broken by punctuation, in every line
	stop      map[string]bool
}

// readSample takes the sample apart by its known layout rather than with
// package seed, so that seed's own tests and benchmarks can use corpus.
// Lines ending in "." are sentences (lede and paragraphs); the date line
// is skipped; the title, caption and subheading give words only.
func readSample() source {
	src := source{stop: map[string]bool{}}
	for _, line := range strings.Split(sample, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.Count(line, "/") == 2 && strings.ContainsFunc(line, unicode.IsDigit) {
			continue
		}
		src.runs = append(src.runs, runsOf(line)...)
		if !strings.HasSuffix(line, ".") {
			continue
		}
		// "واشنطن – اتفق …": the dateline belongs to the sample's first
		// paragraph only; generated articles get their own.
		if before, after, ok := strings.Cut(line, " – "); ok && len(strings.Fields(before)) <= 4 {
			line = after
		}
		src.sentences = append(src.sentences, line)
		var ws []string
		for _, run := range runsOf(line) {
			ws = append(ws, run...)
		}
		src.words = append(src.words, ws)
	}
	for _, run := range src.runs {
		for _, w := range run {
			src.stop[w] = arabic.IsStopword(arabic.Fold(w))
		}
	}
	return src
}

// runsOf splits a line into runs of words: punctuation at either end of a
// word ("العراق،" "(بايدن)") ends the run there, and tokens without a
// letter (numbers, dashes) are dropped and end it too.
func runsOf(line string) [][]string {
	var runs [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, cur)
			cur = nil
		}
	}
	for _, f := range strings.Fields(line) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
		if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
			flush()
			continue
		}
		if !strings.HasPrefix(f, w) {
			flush()
		}
		cur = append(cur, w)
		if !strings.HasSuffix(f, w) {
			flush()
		}
	}
	flush()
	return runs
}

// tagNames returns TagCount tag names, most frequent rank first: the
// default gazetteer's names in its own order (it lists the big countries
// first), then phrases of the sample (definite nouns, and runs of two or
// three words not starting or ending with a function word), then pairs of
// the sample's definite nouns until there are enough. The phrases are shuffled so
// the tail is not in text order. Names are distinct after the folding
// that merges tag spellings (see site.TermKey).
func tagNames(src source, r *rand.Rand) []string {
	var gz struct {
		Tag []struct {
			Name string `toml:"name"`
		} `toml:"tag"`
	}
	if err := toml.Unmarshal(sahifa.DefaultTags, &gz); err != nil {
		// The embedded gazetteer is parsed by every build and checked by
		// the tagger's tests; failing here is a broken checkout.
		panic("corpus: data/tags.toml: " + err.Error())
	}
	seen := map[string]bool{}
	var names []string
	add := func(s string) {
		if k := termKey(s); k != "" && !seen[k] {
			seen[k] = true
			names = append(names, s)
		}
	}
	for _, t := range gz.Tag {
		add(t.Name)
	}
	head := len(names)
	var content []string // the sample's definite nouns, for pairs
	for _, run := range src.runs {
		for i := range run {
			if definite(run[i]) {
				content = append(content, run[i])
			}
			for n := 1; n <= 3 && i+n <= len(run); n++ {
				ws := run[i : i+n]
				if src.stop[ws[0]] || src.stop[ws[n-1]] {
					continue
				}
				if n == 1 && !definite(ws[0]) {
					continue
				}
				add(strings.Join(ws, " "))
			}
		}
	}
	for len(names) < TagCount {
		add(content[r.IntN(len(content))] + " " + content[r.IntN(len(content))])
	}
	tail := names[head:]
	r.Shuffle(len(tail), func(i, j int) { tail[i], tail[j] = tail[j], tail[i] })
	return names[:TagCount]
}

// definite reports whether w is a definite noun (or adjective) of some
// length, as most one-word tags are: العراق، الميليشيات.
func definite(w string) bool {
	return strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 5
}

// termKey is site.TermKey: the key under which the site merges spellings
// of one tag.
func termKey(s string) string {
	return strings.Join(strings.Fields(arabic.Fold(s)), " ")
}
