package search

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated tables in assets/js/search-analysis.js and the fixture index in testdata/index")

// scriptPath is the browser script's part with the tables, in the
// theme's assets.
var scriptPath = filepath.Join("..", "..", "assets", "js", "search-analysis.js")

const (
	tablesBegin = "  // BEGIN TABLES"
	tablesEnd   = "  // END TABLES"
)

// TestJSTables wants the tables in assets/js/search-analysis.js to be what
// JSTables generates from package arabic; -update rewrites them.
func TestJSTables(t *testing.T) {
	data, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	i := strings.Index(src, tablesBegin)
	j := strings.Index(src, tablesEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: no %q … %q section", scriptPath, tablesBegin, tablesEnd)
	}
	i += strings.IndexByte(src[i:], '\n') + 1
	want := JSTables()
	if src[i:j] == want {
		return
	}
	if !*update {
		t.Fatalf("%s: the generated tables are out of date with internal/arabic; run go test ./internal/search -run JSTables -update", scriptPath)
	}
	if err := os.WriteFile(scriptPath, []byte(src[:i]+want+src[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMarkRanges(t *testing.T) {
	// The ranges Fold's documentation names, merged where adjacent.
	got := markRanges()
	if len(got) == 0 || got[0] != [2]rune{0x0610, 0x061A} {
		t.Fatalf("markRanges() = %x", got)
	}
	for _, r := range []rune{0x064B, 0x0640, 0x0670, 0x200F, 0xFEFF} {
		found := false
		for _, g := range got {
			found = found || (g[0] <= r && r <= g[1])
		}
		if !found {
			t.Errorf("%U is not in the mark ranges", r)
		}
	}
}

func TestFoldTable(t *testing.T) {
	want := map[string]string{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "٣": "3", "۳": "3"}
	got := map[string]string{}
	for _, f := range foldTable() {
		got[f[0]] = f[1]
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("fold table: %q → %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got["A"]; ok {
		t.Error("the fold table lists plain lower-casing")
	}
}

// TestScriptConstants wants the constants that assets/js/search-index.js
// copies by hand from this package to be this package's.
func TestScriptConstants(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "js", "search-index.js")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"FORMAT": Format, "VERSION_CHARS": versionChars, "TIER_GROWTH": tierGrowth} {
		if decl := fmt.Sprintf("const %s = %d;", name, want); !strings.Contains(string(data), decl) {
			t.Errorf("%s does not declare %q", path, decl)
		}
	}
}
