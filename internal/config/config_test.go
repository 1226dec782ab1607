package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/diag"
)

// mustParse parses src as sahifa.toml and fails the test on any error or
// warning.
func mustParse(t *testing.T, src string) Config {
	t.Helper()
	c, warns, err := Parse("sahifa.toml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%s\nerror: %v", src, err)
	}
	for _, w := range warns {
		t.Errorf("unexpected %s", w)
	}
	return c
}

func TestDefaults(t *testing.T) {
	for _, src := range []string{"", "# فارغ\n", "\xef\xbb\xbf"} {
		c := mustParse(t, src)
		want := Config{
			Title:       "صحيفة",
			BaseURL:     "/",
			Language:    "ar",
			Dir:         "rtl",
			Timezone:    "UTC",
			Paginate:    20,
			Permalinks:  Permalinks{Article: "/:year/:month/:day/:slug/"},
			Minify:      true,
			Markup:      Markup{Unsafe: false},
			DefaultTime: "09:00",
			Params:      map[string]any{},
			Import:      Import{Dir: "content", OnBuild: true, MaxTags: 8},
			Taxonomies:  []string{"tags"},
			Related:     5,
			Feeds:       Feeds{Limit: 50, TermLimit: 20},
			Dates:       Dates{Months: "egyptian", Digits: "latin", Hijri: true},
			Images:      Images{Widths: []int{480, 960, 1600}, Quality: 80},
			Limits: Limits{ContentFile: 8 * MiB, SeedFile: 8 * MiB, ImageFile: 40 * MiB,
				LayoutFile: 4 * MiB, DataFile: 4 * MiB, AssetFile: 64 * MiB, StaticFile: 512 * MiB,
				TagsPerArticle: 50},
			Deployment: Deployment{MaxDeletes: 256, MaxAge: 300},
		}
		if c.Location == nil || c.Location.String() != "UTC" {
			t.Errorf("Location = %v, want UTC", c.Location)
		}
		c.Location = nil
		if !reflect.DeepEqual(c, want) {
			t.Errorf("Parse(%q) =\n%+v\nwant\n%+v", src, c, want)
		}
	}
	if d := Default(); d.Params == nil || d.Location == nil {
		t.Error("Default() leaves Params or Location nil")
	}
}

func TestParseFull(t *testing.T) {
	src := `title = "صحيفة الرافدين"
baseURL = "https://alrafidain.example/أخبار"
language = "ar-IQ"
timezone = "Asia/Baghdad"
paginate = 15
minify = false
copyright = "© ٢٠٢٤ صحيفة الرافدين"
author = "هيئة التحرير"
description = "أخبار العراق والعالم"
defaultTime = "07:30"

[permalinks]
article = "/:section/:year/:month/:slug/"

[markup]
unsafe = true

[params]
logo = "شعار.png"
Social = { twitter = "rafidain" }
sections = ["سياسة", "اقتصاد"]

[import]
dir = "content/أرشيف/"
onBuild = false
`
	c := mustParse(t, src)
	got := map[string]any{
		"Title": c.Title, "BaseURL": c.BaseURL, "Language": c.Language,
		"Dir": c.Dir, "Timezone": c.Timezone, "Location": c.Location.String(),
		"Paginate": c.Paginate, "Minify": c.Minify, "Copyright": c.Copyright,
		"Author": c.Author, "Description": c.Description,
		"DefaultTime": c.DefaultTime, "Article": c.Permalinks.Article,
		"Unsafe": c.Markup.Unsafe, "ImportDir": c.Import.Dir,
		"OnBuild": c.Import.OnBuild,
	}
	want := map[string]any{
		"Title": "صحيفة الرافدين", "BaseURL": "https://alrafidain.example/أخبار/",
		"Language": "ar-IQ", "Dir": "rtl", "Timezone": "Asia/Baghdad",
		"Location": "Asia/Baghdad", "Paginate": 15, "Minify": false,
		"Copyright": "© ٢٠٢٤ صحيفة الرافدين", "Author": "هيئة التحرير",
		"Description": "أخبار العراق والعالم", "DefaultTime": "07:30",
		"Article": "/:section/:year/:month/:slug/", "Unsafe": true,
		"ImportDir": "content/أرشيف", "OnBuild": false,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %#v, want %#v", k, got[k], w)
		}
	}
	wantParams := map[string]any{
		"logo":     "شعار.png",
		"Social":   map[string]any{"twitter": "rafidain"},
		"sections": []any{"سياسة", "اقتصاد"},
	}
	if !reflect.DeepEqual(c.Params, wantParams) {
		t.Errorf("Params = %#v, want %#v", c.Params, wantParams)
	}
}

func TestAliasesAndCase(t *testing.T) {
	tests := []struct {
		name, src string
		get       func(Config) any
		want      any
	}{
		{"baseURL", `baseURL = "https://a.example"`, func(c Config) any { return c.BaseURL }, "https://a.example/"},
		{"baseurl", `baseurl = "https://a.example"`, func(c Config) any { return c.BaseURL }, "https://a.example/"},
		{"BaseUrl", `BaseUrl = "/x"`, func(c Config) any { return c.BaseURL }, "/x/"},
		{"languageCode", `languageCode = "fa"`, func(c Config) any { return c.Language + " " + c.Dir }, "fa rtl"},
		{"LANGUAGE", `LANGUAGE = "en-US"`, func(c Config) any { return c.Language + " " + c.Dir }, "en-US ltr"},
		{"Title", `Title = "الزمان"`, func(c Config) any { return c.Title }, "الزمان"},
		{"pagerSize", "[pagination]\npagerSize = 7", func(c Config) any { return c.Paginate }, 7},
		{"pagersize dotted", "Pagination.PagerSize = 8", func(c Config) any { return c.Paginate }, 8},
		{"paginate and pagerSize agree", "paginate = 9\n[pagination]\npagerSize = 9", func(c Config) any { return c.Paginate }, 9},
		{"markup.unsafe", "[markup]\nunsafe = true", func(c Config) any { return c.Markup.Unsafe }, true},
		{"goldmark renderer", "[markup.goldmark.renderer]\nunsafe = true", func(c Config) any { return c.Markup.Unsafe }, true},
		{"goldmark inline", "markup = { goldmark = { renderer = { unsafe = true } } }", func(c Config) any { return c.Markup.Unsafe }, true},
		{"permalinks", "[Permalinks]\nArticle = \"/:year/:filename/\"", func(c Config) any { return c.Permalinks.Article }, "/:year/:filename/"},
		{"defaultTime string", `defaulttime = "23:59"`, func(c Config) any { return c.DefaultTime }, "23:59"},
		{"defaultTime TOML time", `defaultTime = 06:05:00`, func(c Config) any { return c.DefaultTime }, "06:05"},
		{"import", "[IMPORT]\nDir = \"content/old\"\nONBUILD = false\nmaxtags = 3", func(c Config) any { return c.Import }, Import{Dir: "content/old", OnBuild: false, MaxTags: 3}},
		{"tags per article", "[limits]\ntagsPerArticle = 12", func(c Config) any { return c.Limits.TagsPerArticle }, 12},
		{"timezone", `TimeZone = "Asia/Baghdad"`, func(c Config) any { return c.Location.String() }, "Asia/Baghdad"},
		{"dir upper", `dir = "LTR"`, func(c Config) any { return c.Dir }, "ltr"},
		{"empty baseURL is default", `baseURL = ""`, func(c Config) any { return c.BaseURL }, "/"},
		{"CRLF", "title = \"أ\"\r\npaginate = 3\r\n", func(c Config) any { return c.Paginate }, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustParse(t, tt.src)
			if got := tt.get(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestDefaultClock(t *testing.T) {
	for _, tt := range []struct {
		time         string
		hour, minute int
	}{{"07:30", 7, 30}, {"23:05", 23, 5}, {"", 9, 0}, {"bad", 9, 0}} {
		c := Config{DefaultTime: tt.time}
		if h, m := c.DefaultHour(), c.DefaultMinute(); h != tt.hour || m != tt.minute {
			t.Errorf("%q: got %d:%d, want %d:%d", tt.time, h, m, tt.hour, tt.minute)
		}
	}
}

func TestDir(t *testing.T) {
	tests := []struct{ src, want string }{
		{`language = "ar"`, "rtl"},
		{`language = "ar-IQ"`, "rtl"},
		{`language = "fa"`, "rtl"},
		{`language = "ur"`, "rtl"},
		{`language = "he"`, "rtl"},
		{`language = "ckb"`, "rtl"},
		{`language = "en"`, "ltr"},
		{`language = "fr"`, "ltr"},
		{`language = "fr-CA"`, "ltr"},
		{"language = \"en\"\ndir = \"rtl\"", "rtl"},
		{"language = \"ar\"\ndir = \"ltr\"", "ltr"},
		{"dir = \"ltr\"\nlanguage = \"ar\"", "ltr"}, // order in the file does not matter
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.src).Dir; got != tt.want {
			t.Errorf("%q: Dir = %q, want %q", tt.src, got, tt.want)
		}
	}
	for lang, want := range map[string]string{"AR": "rtl", "ps-AF": "rtl", "de": "ltr", "": "ltr"} {
		if got := DirFor(lang); got != want {
			t.Errorf("DirFor(%q) = %q, want %q", lang, got, want)
		}
	}
}

// messages renders warnings and errors the way a command prints them.
func messages(warns []diag.Warning, err error) string {
	var lines []string
	for _, w := range warns {
		lines = append(lines, w.String())
	}
	for _, e := range diag.Flatten(err) {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

func TestTaxonomiesRelatedFeeds(t *testing.T) {
	c := mustParse(t, "[taxonomies]\ntag = \"tags\"\nauthor = \"authors\"\nsection = \"sections\"\n[related]\ncount = 3\n[feeds]\nlimit = 10\ntermLimit = 5\n")
	if want := []string{"authors", "sections", "tags"}; !reflect.DeepEqual(c.Taxonomies, want) {
		t.Errorf("Taxonomies = %q, want %q", c.Taxonomies, want)
	}
	if c.Related != 3 || c.Feeds != (Feeds{Limit: 10, TermLimit: 5}) {
		t.Errorf("Related %d Feeds %+v", c.Related, c.Feeds)
	}
	for src, want := range map[string]string{
		"[taxonomies]\ntag = \"الوسوم\"\n": "sahifa.toml:1:2: taxonomies: tag:",
		"[feeds]\nlimit = 0\n":             "sahifa.toml:2:9: feeds.limit: must be a whole number ≥ 1",
	} {
		_, _, err := Parse("sahifa.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error %v, want %q", src, err, want)
		}
	}
}

func TestDates(t *testing.T) {
	c := mustParse(t, "[dates]\nmonths = \"both\"\ndigits = \"arabic\"\nhijri = false\n")
	if want := (Dates{Months: "both", Digits: "arabic", Hijri: false}); c.Dates != want {
		t.Errorf("Dates = %+v, want %+v", c.Dates, want)
	}
	if f := c.Dates.Format(); f != (arabic.DateFormat{Months: arabic.BothMonths, Digits: arabic.ArabicDigits}) {
		t.Errorf("Format() = %+v", f)
	}
	if c := mustParse(t, "[DATES]\nMonths = \"Levantine\"\n"); c.Dates != (Dates{Months: "levantine", Digits: "latin", Hijri: true}) {
		t.Errorf("Dates = %+v", c.Dates)
	}
	if f := Default().Dates.Format(); f != (arabic.DateFormat{Hijri: true}) {
		t.Errorf("default Format() = %+v", f)
	}
	for src, want := range map[string]string{
		"[dates]\nmonths = \"gulf\"\n":  `sahifa.toml:2:10: dates.months: must be "egyptian", "levantine" or "both", got "gulf"`,
		"[dates]\ndigits = \"hindi\"\n": `sahifa.toml:2:10: dates.digits: must be "latin" or "arabic", got "hindi"`,
		"[dates]\ndigits = 1\n":         `sahifa.toml:2:10: dates.digits: must be a string, got 1`,
		"[dates]\nhijri = \"yes\"\n":    `sahifa.toml:2:9: dates.hijri: must be true or false, got "yes"`,
		"dates = 3\n":                   `sahifa.toml:1:9: dates: must be a table, got 3`,
	} {
		_, _, err := Parse("sahifa.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error %v, want %q", src, err, want)
		}
	}
	_, warns, err := Parse("sahifa.toml", []byte("[dates]\nhijiri = false\n"))
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].Msg, `did you mean "dates.hijri"?`) {
		t.Errorf("typo: warns %v, err %v", warns, err)
	}
}
