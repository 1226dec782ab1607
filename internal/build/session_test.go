package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/store"
)

// What a build holds outside memory until it saves (the memo entries it
// makes, store.Pending) reaches the store: every article's Markdown facts
// and search analysis and its page's record are there for the next
// build, and nothing is left beside the store.
func TestSessionSavesHeldMemos(t *testing.T) {
	root := t.TempDir()
	articles := 0
	for _, f := range corpus.Generate(corpus.Options{N: 40, Seed: 5}) {
		writeFile(t, root, f.Path, f.Data)
		// Settled: a file changed in the last two seconds gets no record.
		hour := time.Now().Add(-time.Hour)
		os.Chtimes(filepath.Join(root, f.Path), hour, hour)
		if strings.HasPrefix(f.Path, "content/") {
			articles++
		}
	}
	work := t.TempDir()
	cache := filepath.Join(work, "cache")
	opts := Options{Source: root, Destination: filepath.Join(work, "public"), CacheDir: cache, Now: time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)}
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(cache, sessionFile))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n := st.Len(pagesBucket); n != articles {
		t.Errorf("%d page records, want %d", n, articles)
	}
	// Each article's analysis, and the base's facts.
	if n := st.Len(searchBucket); n < articles {
		t.Errorf("%d search memo entries for %d articles", n, articles)
	}
	if n := st.Len(bodiesBucket); n != articles {
		t.Errorf("%d body memo entries, want %d", n, articles)
	}
	list, err := os.ReadDir(cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if strings.Contains(d.Name(), "pending") {
			t.Errorf("%s left in the cache folder", d.Name())
		}
	}
}
