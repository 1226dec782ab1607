package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
)

// TestScale builds synthetic sites through the real build and measures the
// search index against the site's HTML, and what a query downloads. It
// takes minutes and gigabytes, so it runs only when asked:
//
//	SAHIFA_SEARCH_SCALE=1000,10000,100000 go test ./internal/search -run Scale -v -timeout 2h
//
// The figures are recorded in docs/performance.md. Nothing it generates is
// kept (the sites live in a temporary folder) unless SAHIFA_SEARCH_SCALE_DIR
// names a folder to build them in.
func TestScale(t *testing.T) {
	sizes := os.Getenv("SAHIFA_SEARCH_SCALE")
	if sizes == "" {
		t.Skip("set SAHIFA_SEARCH_SCALE=1000,10000,100000 to measure the search index at scale")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is needed to run the queries: ", err)
	}
	sentences := seedSentences(t)
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(strconv.Itoa(n), func(t *testing.T) { measure(t, node, sentences, n) })
	}
}

// seedSentences are the sentences of the example site's sample seed.
func seedSentences(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", "000_17373629d0573b0f.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range regexp.MustCompile(`[.!؟\n]+`).Split(string(data), -1) {
		if len(strings.Fields(s)) >= 5 {
			out = append(out, strings.TrimSpace(s)+".")
		}
	}
	return out
}

// corpus writes n synthetic articles into dir/content. Their sentences come
// from the seed; one word in five is replaced by a word drawn from a Zipf
// distribution over 200,000 made-up words (some with و or ال before
// them), so the vocabulary keeps growing with the archive as a real one
// does. Bodies have 6–25 sentences (about 150–700 words), titles 6–12
// words, 2–4 tags from 3,000, dates spread over ten years.
func corpus(t *testing.T, dir string, sentences []string, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	words := rand.NewZipf(rand.New(rand.NewPCG(1, uint64(n))), 1.1, 2, 199_999)
	tags := rand.NewZipf(rand.New(rand.NewPCG(2, uint64(n))), 1.2, 2, 2_999)
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	made := func(k uint64) string {
		r := rand.New(rand.NewPCG(k, 99))
		w := make([]rune, 3+r.IntN(6))
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		switch r.IntN(10) {
		case 0, 1:
			return "ال" + string(w)
		case 2:
			return "و" + string(w)
		}
		return string(w)
	}
	mix := func(s string) string {
		f := strings.Fields(s)
		for i := range f {
			if rng.IntN(5) == 0 {
				f[i] = made(words.Uint64())
			}
		}
		return strings.Join(f, " ")
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2015, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		title := strings.Fields(mix(sentences[rng.IntN(len(sentences))]))
		title = title[:min(len(title), 6+rng.IntN(7))]
		var body strings.Builder
		for k := 6 + rng.IntN(20); k > 0; k-- {
			body.WriteString(mix(sentences[rng.IntN(len(sentences))]))
			if rng.IntN(3) == 0 {
				body.WriteString("\n\n")
			} else {
				body.WriteString(" ")
			}
		}
		var tagList []string
		for k := 2 + rng.IntN(3); k > 0; k-- {
			tagList = append(tagList, strconv.Quote(made(1_000_000+tags.Uint64())))
		}
		date := start.Add(time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour))))
		md := fmt.Sprintf("---\ntitle: %q\ndate: %s\nslug: a%d\ntags: [%s]\n---\n\n%s\n",
			strings.TrimSuffix(strings.Join(title, " "), "."), date.Format(time.RFC3339), i, strings.Join(tagList, ", "), body.String())
		if err := os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("%06d.md", i)), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sizes sums the bytes of the files under dir that keep returns true for,
// as stored and gzipped one by one, as a host serves them.
func sizes(t *testing.T, dir string, keep func(string) bool) (files int, raw, gz int64) {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(p) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		buf.Reset()
		zw.Reset(&buf)
		zw.Write(data)
		zw.Close()
		files++
		raw += int64(len(data))
		gz += int64(buf.Len())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, raw, gz
}

func measure(t *testing.T, node string, sentences []string, n int) {
	tmp := t.TempDir()
	if keep := os.Getenv("SAHIFA_SEARCH_SCALE_DIR"); keep != "" {
		tmp = filepath.Join(keep, strconv.Itoa(n)) // kept, to look at
		os.RemoveAll(tmp)
	}
	src, dest := filepath.Join(tmp, "site"), filepath.Join(tmp, "public")
	corpus(t, src, sentences, n)
	os.WriteFile(filepath.Join(src, "sahifa.toml"), []byte("title = \"صحيفة\"\nbaseURL = \"https://example.org/\"\n"), 0o644)
	began := time.Now()
	res, err := build.Run(build.Options{Source: src, Destination: dest, CacheDir: filepath.Join(tmp, "cache"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NoImport: true})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(began)
	data := filepath.Join(dest, "search", "data")
	htmlFiles, htmlRaw, htmlGz := sizes(t, dest, func(p string) bool { return strings.HasSuffix(p, ".html") })
	articleFiles, articleRaw, articleGz := sizes(t, dest, func(p string) bool {
		return strings.HasSuffix(p, ".html") && regexp.MustCompile(`/a\d+/index\.html$`).MatchString(p)
	})
	idxFiles, idxRaw, idxGz := sizes(t, data, func(string) bool { return true })
	kind := func(k string) func(string) bool {
		return func(p string) bool {
			return strings.Contains(p, string(filepath.Separator)+k+string(filepath.Separator))
		}
	}
	_, tRaw, tGz := sizes(t, data, kind("t"))
	_, nRaw, nGz := sizes(t, data, kind("n"))
	_, dRaw, dGz := sizes(t, data, kind("d"))
	meta, _ := os.ReadFile(filepath.Join(data, "meta.json"))
	var m struct {
		Shards []string `json:"shards"`
		Block  int      `json:"block"`
	}
	json.Unmarshal(meta, &m)

	mb := func(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/1e6) }
	t.Logf("%d articles: build %s (%d articles, %d pages)", n, took.Round(time.Second), res.Articles, res.Pages)
	t.Logf("  HTML: %d files, %s, gzip %s; article pages %d, %s, gzip %s (%.1f KB gzip each)",
		htmlFiles, mb(htmlRaw), mb(htmlGz), articleFiles, mb(articleRaw), mb(articleGz), float64(articleGz)/float64(max(1, articleFiles))/1e3)
	t.Logf("  index: %d files, %s, gzip %s (%.0f%% / %.0f%% of the HTML); %d shards, %d documents a block, meta.json %d B",
		idxFiles, mb(idxRaw), mb(idxGz), 100*float64(idxRaw)/float64(htmlRaw), 100*float64(idxGz)/float64(htmlGz), len(m.Shards), m.Block, len(meta))
	t.Logf("  terms %s (gzip %s), next words %s (gzip %s), documents %s (gzip %s)", mb(tRaw), mb(tGz), mb(nRaw), mb(nGz), mb(dRaw), mb(dGz))

	queries := []string{"العراق", "الكاظمي", "الولايات المتحدة", `"الولايات المتحدة"`, "رئيس الوزراء العراقي", "صواريخ بغداد", "الميليشيات الموالية لإيران"}
	out, err := exec.Command(node, filepath.Join("testdata", "measure.mjs"), dest, strings.Join(queries, "\n")).CombinedOutput()
	if err != nil {
		t.Fatalf("measure.mjs: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		t.Log("  " + line)
	}
}
