package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/seed"
	"github.com/sahifa/sahifa/internal/tagger"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.md")

// seedCorpus is the seed package's test seeds: one per variation of the
// seed format, plus the sample. Shared rather than copied, so a new variant
// there is imported here too.
const seedCorpus = "../seed/testdata"

var baghdad = time.FixedZone("+03", 3*3600)

// TestGoldenMarkdown imports every valid test seed (tags drawn from the
// default gazetteer over all of them) and compares the Markdown with
// testdata/NAME.golden.md. Run with -update and review the diff.
func TestGoldenMarkdown(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(seedCorpus, "*.txt"))
	if err != nil || len(names) < 20 {
		t.Fatalf("want the seed corpus, got %d files, %v", len(names), err)
	}
	gaz, err := tagger.ParseGazetteer("data/tags.toml", sahifa.DefaultTags)
	if err != nil {
		t.Fatal(err)
	}
	type parsedSeed struct {
		name string
		data []byte
		a    seed.Article
	}
	var seeds []parsedSeed
	var corpus []tagger.Doc
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		a, err := seed.Parse("seeds/"+filepath.Base(n), data)
		if err != nil {
			continue // broken seeds are the seed package's golden cases
		}
		seeds = append(seeds, parsedSeed{strings.TrimSuffix(filepath.Base(n), ".txt"), data, a})
		corpus = append(corpus, doc(a))
	}
	if len(seeds) < 20 {
		t.Fatalf("only %d valid seeds", len(seeds))
	}
	tg := tagger.New(gaz, corpus)
	for i, s := range seeds {
		sum := sha256.Sum256(s.data)
		a := Article{Seed: s.a, SourcePath: "seeds/" + s.name + ".txt", SourceHash: hex.EncodeToString(sum[:]), Tags: tg.Tags(corpus[i], 8)}
		if s.a.HasDate {
			a.Date = time.Date(s.a.Date.Year, s.a.Date.Month, s.a.Date.Day, 9, 0, 0, 0, baghdad)
		} else {
			a.Date = time.Date(2024, 1, 1, 9, 0, 0, 0, baghdad) // what the file's time would give
		}
		md, err := Markdown(a)
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		if !Untouched(md) {
			t.Errorf("%s: freshly imported Markdown does not count as untouched", s.name)
		}
		golden := filepath.Join("testdata", s.name+".golden.md")
		if *update {
			if err := os.WriteFile(golden, md, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (run with -update)", s.name, err)
			continue
		}
		if string(md) != string(want) {
			t.Errorf("%s: Markdown differs from %s:\n%s", s.name, golden, md)
		}
	}
}
