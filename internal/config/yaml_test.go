package config

import (
	"strings"
	"testing"
)

// FuzzHugoYAML: any hugo.yaml gives settings, warnings or errors, never a
// panic (the YAML tree is walked by hand, aliases included).
func FuzzHugoYAML(f *testing.F) {
	for _, s := range []string{
		"title: أخبار\nmenus:\n  main:\n    - name: x\n      url: /x/\n",
		"a: &x {b: 1}\nparams: *x\n",
		`{"title": "x", "pagination": {"pagerSize": 5}}`,
		"- 1\n- 2\n",
		"",
		"a: &a [*a]\n",
		"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cfg, _, err := parseFiles([]File{{Name: "hugo.yaml", Data: []byte(s), Format: "yaml"}}, true)
		if err == nil && cfg.Paginate < 1 {
			t.Fatalf("accepted pagination %d", cfg.Paginate)
		}
	})
}

// Nested aliases that would stand for millions of values, and an alias
// inside its own anchor, are errors at a line, quickly.
func TestHugoYAMLAliases(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	for _, s := range []string{bomb, "a: &a [*a]\n", "title: x\nparams: &p {self: *p}\n"} {
		_, _, err := parseFiles([]File{{Name: "hugo.yaml", Data: []byte(s), Format: "yaml"}}, true)
		if err == nil || !strings.Contains(err.Error(), "hugo.yaml") {
			t.Errorf("%.40q: %v, want an error naming hugo.yaml", s, err)
		}
	}
	// An alias used a few times, as settings use them, is read.
	cfg, _, err := parseFiles([]File{{Name: "hugo.yaml", Data: []byte("x: &desk {desk: بغداد}\nparams: *desk\n"), Format: "yaml"}}, true)
	if err != nil || cfg.Params["desk"] != "بغداد" {
		t.Errorf("params through an alias: %v, %v", cfg.Params, err)
	}
}
