package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// themeCSS is the default theme's stylesheet with its comments removed.
func themeCSS(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "assets", "css", "main.css"))
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(data), "")
}

// TestThemeCSSRules holds the stylesheet to the theme's promises: logical
// properties only, Arabic never letter-spaced or slanted, a naskh body face
// of a readable size, and nothing fetched from another host.
func TestThemeCSSRules(t *testing.T) {
	css := themeCSS(t)
	banned := []struct {
		re, why string
	}{
		{`\b(margin|padding|border|inset)-(left|right|top|bottom)\b`, "a physical side; use -inline-start/-end or -block-start/-end"},
		{`(^|[;{\s])(left|right|top|bottom)\s*:`, "a physical offset; use inset-inline-* or inset-block-*"},
		{`(^|[;{\s])(min-|max-)?(width|height)\s*:`, "a physical size; use inline-size or block-size"},
		{`\b(text-align|float|clear)\s*:\s*(left|right)\b`, "a physical direction; use start or end"},
		{`\bborder-(top|bottom|left|right)-(left|right)-radius\b`, "a physical corner; use border-start-start-radius …"},
		{`letter-spacing\s*:\s*(-?[0-9.]*[1-9][0-9.]*[a-z%]*)`, "letter-spacing breaks the joins of Arabic letters"},
		{`font-style\s*:\s*(italic|oblique)`, "Arabic has no italics; emphasis is bold"},
		{`url\(\s*["']?(https?:)?//`, "a request to another host"},
		{`@import`, "an extra request; the theme is one file"},
	}
	for _, b := range banned {
		if m := regexp.MustCompile(b.re).FindString(css); m != "" {
			t.Errorf("main.css has %q: %s", strings.TrimSpace(m), b.why)
		}
	}
	for _, want := range []string{
		`"Noto Naskh Arabic"`, `"Amiri"`, `"Geeza Pro"`, `"Traditional Arabic"`,
		"@media (prefers-color-scheme: dark)", "@media print", ":focus-visible", ".skip-link",
		"line-height: 1.8;", "unicode-bidi: isolate",
		// The list pages' pieces.
		".term-cloud", ".breadcrumb", ".archive-years", ".archive-months", ".related-list", ".site-footer-links",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("main.css lacks %s", want)
		}
	}
	size := regexp.MustCompile(`--text-size:\s*([0-9.]+)rem`).FindStringSubmatch(css)
	if size == nil {
		t.Fatal("main.css sets no --text-size")
	}
	if rem, _ := strconv.ParseFloat(size[1], 64); rem < 1.15 || rem > 1.25 {
		t.Errorf("body text is %vrem; Arabic reads best at 1.15–1.25rem", rem)
	}
	if !regexp.MustCompile(`(?s)body\s*\{[^}]*font-size:\s*var\(--text-size\)`).MatchString(css) {
		t.Error("body does not use --text-size")
	}
	// Emphasis is bold, in the element rules themselves.
	if !regexp.MustCompile(`(?s)em, i, cite, dfn[^{]*\{[^}]*font-style:\s*normal`).MatchString(css) ||
		!regexp.MustCompile(`(?s)em, i, strong, b\s*\{[^}]*font-weight:\s*700`).MatchString(css) {
		t.Error("emphasis is not set upright and bold")
	}
}

// TestThemeTemplates checks the theme's templates for what the browser
// tests cannot see on the example site: every <time> is given a datetime.
func TestThemeTemplates(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, "layouts", "*", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	top, _ := filepath.Glob(filepath.Join(repoRoot, "layouts", "*.html"))
	files = append(files, top...)
	if len(files) < 10 {
		t.Fatalf("only %d templates", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range timeTag.FindAllStringSubmatch(string(data), -1) {
			if !strings.Contains(m[1], `datetime="{{isoDate`) {
				t.Errorf("%s: <time%s> without datetime=\"{{isoDate …}}\"", f, m[1])
			}
		}
	}
}
