package linkcheck_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/linkcheck"
)

// TestExampleSite builds the example site at the repository root, as CI
// publishes it on a GitHub Pages project site (a sub-path) and at its own
// base URL, minified and not, and expects no broken reference: the
// templates must put the base path in front of every link they write.
func TestExampleSite(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	st, err := build.LoadConfig(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, base string
		minify     bool
	}{
		{"sub-path", "https://example.github.io/news/", true},
		{"own base URL", st.Config.BaseURL, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			minify := tc.minify
			// NoImport: the test must not write into the example site's
			// content/. The fixed time makes the news sitemap deterministic.
			_, err := build.Run(build.Options{
				Source: root, Destination: dest, BaseURL: tc.base, Minify: &minify,
				Now: time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir(), NoImport: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := linkcheck.CheckReport(os.DirFS(dest), tc.base)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.Problems {
				t.Error(p)
			}
			// The example site has dozens of pages and feeds with hundreds
			// of links between them: far fewer means the checker went blind.
			if rep.Files < 40 || rep.Internal < 500 {
				t.Errorf("checked %d files and %d internal references: too few", rep.Files, rep.Internal)
			}
			t.Logf("%s: %d files, %d internal references", tc.base, rep.Files, rep.Internal)
		})
	}
}
