package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func warnLines(t *testing.T, fsys fstest.MapFS) (Config, []string) {
	t.Helper()
	cfg, warns, found, err := LoadHugo(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatal("no Hugo settings found")
	}
	var lines []string
	for _, w := range warns {
		lines = append(lines, w.String())
	}
	return cfg, lines
}

// A Hugo site's config.toml, with Hugo's key names, is read as
// sahifa.toml would be; each key sahifa has no use for is one warning at
// its place.
func TestLoadHugoConfigToml(t *testing.T) {
	cfg, warns := warnLines(t, fstest.MapFS{"config.toml": {Data: []byte(`baseURL = "https://example.org/blog/"
languageCode = "en-us"
defaultContentLanguage = "en"
title = "Hugo Example"
theme = "ananke"
paginate = 5

[taxonomies]
tag = "tags"
category = "categories"

[permalinks]
posts = "/:year/:month/:title/"

[params]
desk = "The news desk"

[[menu.main]]
name = "Posts"
url = "/posts/"
weight = 1

[markup.goldmark.renderer]
unsafe = true

[markup.highlight]
style = "monokai"
`)}})
	if cfg.BaseURL != "https://example.org/blog/" || cfg.Title != "Hugo Example" || cfg.Language != "en-us" || cfg.Dir != "ltr" ||
		cfg.Paginate != 5 || !cfg.Markup.Unsafe || cfg.Params["desk"] != "The news desk" ||
		strings.Join(cfg.Taxonomies, " ") != "categories tags" || len(cfg.Menus["main"]) != 1 || cfg.Menus["main"][0].File != "config.toml" {
		t.Errorf("config.toml read as %+v", cfg)
	}
	want := []string{
		`config.toml:5:1: warning: Hugo's "theme" is not read: sahifa has no such setting`,
		`config.toml:13:1: warning: Hugo's "permalinks.posts" is not read: sahifa has no such setting (the article URL pattern is "permalinks.article")`,
		`config.toml:26:9: warning: Hugo's "markup.highlight" is not read: sahifa has no such setting`,
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
}

// config/_default/ splits the settings by table, each file named after
// its table; hugo.toml is preferred to config.toml at the top, as Hugo
// prefers it; what sahifa cannot read is named, not passed over.
func TestLoadHugoConfigDir(t *testing.T) {
	cfg, warns := warnLines(t, fstest.MapFS{
		"hugo.toml":                       {Data: []byte("title = \"From hugo.toml\"\n")},
		"config.toml":                     {Data: []byte("title = \"Not read\"\n")},
		"config/_default/params.toml":     {Data: []byte("desk = \"Desk\"\n")},
		"config/_default/menus.toml":      {Data: []byte("[[main]]\nname = \"About\"\nurl = \"/about/\"\n")},
		"config/_default/menus.en.toml":   {Data: []byte("[[main]]\nname = \"x\"\n")},
		"config/_default/languages.toml":  {Data: []byte("[en]\nweight = 1\n")},
		"config/_default/markup.yaml":     {Data: []byte("goldmark:\n  renderer:\n    unsafe: true\n")},
		"config/_default/pagination.toml": {Data: []byte("pagerSize = 7\n")},
	})
	if cfg.Title != "From hugo.toml" || cfg.Params["desk"] != "Desk" || cfg.Paginate != 7 || !cfg.Markup.Unsafe ||
		len(cfg.Menus["main"]) != 1 || cfg.Menus["main"][0].Name != "About" || cfg.Menus["main"][0].File != "config/_default/menus.toml" || cfg.Menus["main"][0].Line != 1 {
		t.Errorf("read as %+v", cfg)
	}
	want := []string{
		`config/_default/languages.toml: warning: Hugo's "languages" is not read: sahifa has no such setting`,
		`config/_default/menus.en.toml: warning: not read: the settings of one language (en); sahifa builds one language, set by languageCode`,
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
}

// hugo.yaml and config.json (many Hugo sites and themes use them) are
// read as config.toml is: the same keys, warnings at their lines, menus
// as lists of entries.
func TestLoadHugoYAMLAndJSON(t *testing.T) {
	cfg, warns := warnLines(t, fstest.MapFS{"hugo.yaml": {Data: []byte(`baseURL: https://example.org/akhbar/
languageCode: ar
title: أخبار اليوم
theme: ananke
pagination:
  pagerSize: 6
params:
  desk: مكتب بغداد
menus:
  main:
    - name: سياسة
      url: /politics/
      weight: 1
    - name: About
      url: /about/
markup:
  goldmark:
    renderer:
      unsafe: true
`)}})
	if cfg.BaseURL != "https://example.org/akhbar/" || cfg.Title != "أخبار اليوم" || cfg.Language != "ar" || cfg.Dir != "rtl" ||
		cfg.Paginate != 6 || !cfg.Markup.Unsafe || cfg.Params["desk"] != "مكتب بغداد" ||
		len(cfg.Menus["main"]) != 2 || cfg.Menus["main"][0].Name != "سياسة" || cfg.Menus["main"][1].File != "hugo.yaml" || cfg.Menus["main"][1].Line != 14 {
		t.Errorf("hugo.yaml read as %+v", cfg)
	}
	if want := `hugo.yaml:4:1: warning: Hugo's "theme" is not read`; len(warns) != 1 || !strings.HasPrefix(warns[0], want) {
		t.Errorf("warnings %q, want one beginning %q", warns, want)
	}

	cfg, warns = warnLines(t, fstest.MapFS{"config.json": {Data: []byte(`{
  "baseURL": "https://example.org/",
  "title": "JSON site",
  "pagination": {"pagerSize": 8},
  "menu": {"main": [{"name": "Posts", "url": "/posts/"}]}
}
`)}})
	if cfg.Title != "JSON site" || cfg.Paginate != 8 || len(cfg.Menus["main"]) != 1 || cfg.Menus["main"][0].Line != 5 {
		t.Errorf("config.json read as %+v (warnings %q)", cfg, warns)
	}

	// A bad value and a syntax error name the YAML file and line.
	_, _, _, err := LoadHugo(fstest.MapFS{"hugo.yaml": {Data: []byte("title: x\npagination:\n  pagerSize: many\n")}})
	if err == nil || !strings.Contains(err.Error(), "hugo.yaml:3:") {
		t.Errorf("bad pagerSize: %v, want an error at hugo.yaml:3", err)
	}
	_, _, _, err = LoadHugo(fstest.MapFS{"hugo.yaml": {Data: []byte("title: x\n  bad: indent\n")}})
	if err == nil || !strings.Contains(err.Error(), "hugo.yaml:2") {
		t.Errorf("syntax error: %v, want an error at hugo.yaml:2", err)
	}
}

// A bad value is an error at its file and line, whichever file holds it;
// a setting two files give differently names both.
func TestLoadHugoErrors(t *testing.T) {
	_, _, _, err := LoadHugo(fstest.MapFS{
		"config.toml":                 {Data: []byte("title = \"T\"\n\n[params]\nx = 1\n")},
		"config/_default/hugo.toml":   {Data: []byte("paginate = \"ten\"\n")},
		"config/_default/params.toml": {Data: []byte("x = 2\n")},
	})
	for _, want := range []string{
		`config/_default/hugo.toml:1:12: paginate: must be a whole number`,
		`config/_default/params.toml: params: conflicts with params at config.toml:3; keep one`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want %s", err, want)
		}
	}
	if _, _, found, err := LoadHugo(fstest.MapFS{"content/a.md": {}}); found || err != nil {
		t.Errorf("a site without Hugo settings: found %t, %v", found, err)
	}
	// defaultContentLanguage is the language unless languageCode says it.
	cfg, _, _, _ := LoadHugo(fstest.MapFS{"hugo.toml": {Data: []byte("defaultContentLanguage = \"fr\"\n")}})
	if cfg.Language != "fr" || !cfg.LanguageSet {
		t.Errorf("defaultContentLanguage: language %q", cfg.Language)
	}
}
