package config

import (
	"errors"
	"reflect"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

func TestWarnings(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"typo suggests", "title = \"الرافدين\"\n\n\n\n\n\npaginat = 3\n",
			`sahifa.toml:7:1: warning: unknown key "paginat" (did you mean "paginate"?)`},
		{"typo keeps canonical spelling", `base_url = "/"`,
			`sahifa.toml:1:1: warning: unknown key "base_url" (did you mean "baseURL"?)`},
		{"no suggestion when far", `theme = "ananke"`,
			`sahifa.toml:1:1: warning: unknown key "theme"`},
		{"unknown table once", "[outputs]\nhome = 1\npage = 2\n",
			`sahifa.toml:1:2: warning: unknown key "outputs"`},
		{"nested typo", "[markup]\nunsafee = true\n",
			`sahifa.toml:2:1: warning: unknown key "markup.unsafee" (did you mean "markup.unsafe"?)`},
		{"dotted unknown points at its part", "markup.highlight.style = \"x\"\n",
			`sahifa.toml:1:8: warning: unknown key "markup.highlight"`},
		{"inline table", "import = { dir = \"content/في\", watch = true }\n",
			`sahifa.toml:1:34: warning: unknown key "import.watch"`},
		{"hugo section permalink", "[permalinks]\nposts = \"/:slug/\"\n",
			`sahifa.toml:2:1: warning: unknown key "permalinks.posts" (the article URL pattern is "permalinks.article")`},
		{"goldmark siblings", "[markup.goldmark.renderer]\nunsafe = true\nhardWraps = true\n",
			`sahifa.toml:3:1: warning: unknown key "markup.goldmark.renderer.hardWraps"`},
		{"sorted by position", "zz = 1\naa = 2\n[[services]]\nx = 1\n",
			"sahifa.toml:1:1: warning: unknown key \"zz\"\n" +
				"sahifa.toml:2:1: warning: unknown key \"aa\"\n" +
				"sahifa.toml:3:3: warning: unknown key \"services\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, warns, err := Parse("sahifa.toml", []byte(tt.src))
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got := messages(warns, nil); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"timezone", "title = \"س\"\n\ntimezone = \"Mars/Olympus\"",
			`sahifa.toml:3:12: timezone: unknown time zone "Mars/Olympus"`},
		{"timezone Local", `timezone = "Local"`,
			`sahifa.toml:1:12: timezone: "Local" depends on the machine; name a zone such as "Asia/Baghdad"`},
		{"timezone empty", `timezone = ""`,
			`sahifa.toml:1:12: timezone: must name a time zone such as "Asia/Baghdad" or "UTC"`},
		{"paginate negative", "\n\n\npaginate = -3",
			`sahifa.toml:4:12: paginate: must be a whole number ≥ 1, got -3`},
		{"paginate zero", `paginate = 0`,
			`sahifa.toml:1:12: paginate: must be a whole number ≥ 1, got 0`},
		{"paginate string", `paginate = "x"`,
			`sahifa.toml:1:12: paginate: must be a whole number ≥ 1, got "x"`},
		{"paginate quoted number", `paginate = "20"`,
			`sahifa.toml:1:12: paginate: must be a whole number ≥ 1, got "20" (remove the quotes)`},
		{"paginate float", `paginate = 2.5`,
			`sahifa.toml:1:12: paginate: must be a whole number ≥ 1, got 2.5`},
		{"pagerSize", "[pagination]\npagerSize = 0",
			`sahifa.toml:2:13: pagination.pagerSize: must be a whole number ≥ 1, got 0`},
		{"alias conflict", "paginate = 10\n[pagination]\npagerSize = 12",
			`sahifa.toml:3:13: pagination.pagerSize: conflicts with paginate at line 1; keep one`},
		{"case conflict", "title = \"أ\"\nTitle = \"ب\"",
			`sahifa.toml:2:9: Title: conflicts with title at line 1; keep one`},
		{"title type", `title = 5`,
			`sahifa.toml:1:9: title: must be a string, got 5`},
		{"title table", "[title]\nx = 1",
			`sahifa.toml:1:2: title: must be a string, got a table`},
		{"author array", `author = ["أ", "ب"]`,
			`sahifa.toml:1:10: author: must be a string, got an array`},
		{"minify quoted", `minify = "true"`,
			`sahifa.toml:1:10: minify: must be true or false, got "true" (remove the quotes)`},
		{"unsafe type", "[markup.goldmark.renderer]\nunsafe = 1",
			`sahifa.toml:2:10: markup.goldmark.renderer.unsafe: must be true or false, got 1`},
		{"markup not a table", `markup = "goldmark"`,
			`sahifa.toml:1:10: markup: must be a table, got "goldmark"`},
		{"params not a table", `params = 3`,
			`sahifa.toml:1:10: params: must be a table, got 3`},
		{"language underscore", `language = "ar_IQ"`,
			`sahifa.toml:1:12: language: "ar_IQ" is not a language tag such as "ar" or "ar-IQ" (did you mean "ar-IQ"?)`},
		{"languageCode bad", `languageCode = "arabic"`,
			`sahifa.toml:1:16: languageCode: "arabic" is not a language tag such as "ar" or "ar-IQ"`},
		{"dir", `dir = "right"`,
			`sahifa.toml:1:7: dir: must be "rtl" or "ltr", got "right"`},
		{"baseURL no scheme", `baseURL = "example.github.io/news"`,
			`sahifa.toml:1:11: baseURL: must be an absolute http(s) URL or a path starting with "/", got "example.github.io/news" (did you mean "https://example.github.io/news/"?)`},
		{"baseURL ftp", `baseurl = "ftp://example.com"`,
			`sahifa.toml:1:11: baseurl: must be an absolute http(s) URL or a path starting with "/", got "ftp://example.com"`},
		{"permalink token", "[permalinks]\narticle = \"/:year/:bogus/:slug/\"",
			`sahifa.toml:2:19: permalinks.article: unknown token ":bogus" (known: :year :month :day :slug :title :filename :section :contentbasename)`},
		{"permalink slashes", "[permalinks]\narticle = \":year/:slug\"",
			`sahifa.toml:2:11: permalinks.article: must start and end with "/", got ":year/:slug"`},
		{"permalink not per article", "[permalinks]\narticle = \"/:year/:month/\"",
			`sahifa.toml:2:11: permalinks.article: "/:year/:month/" needs :slug, :title, :filename or :contentbasename, or articles would share one URL`},
		{"defaultTime", `defaultTime = "9:00"`,
			`sahifa.toml:1:15: defaultTime: must be a 24-hour time of day as "HH:MM", got "9:00"`},
		{"defaultTime hour", `defaultTime = "24:00"`,
			`sahifa.toml:1:15: defaultTime: must be a 24-hour time of day as "HH:MM", got "24:00"`},
		{"defaultTime seconds", `defaultTime = 09:00:30`,
			`sahifa.toml:1:15: defaultTime: must be a 24-hour time of day as "HH:MM", got 09:00:30`},
		{"import dir", "[import]\ndir = \"  \"",
			`sahifa.toml:2:7: import.dir: must name a folder, such as "content"`},
		{"import dir outside the site", "[import]\ndir = \"../x\"",
			`sahifa.toml:2:7: import.dir: "../x" is outside content/; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"import dir absolute", "[import]\ndir = \"/srv/news\"",
			`sahifa.toml:2:7: import.dir: "/srv/news" is an absolute path; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"import dir public", "[import]\ndir = \"public\"",
			`sahifa.toml:2:7: import.dir: "public" is outside content/; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"import dir site root", "[import]\ndir = \".\"",
			`sahifa.toml:2:7: import.dir: "." is outside content/; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"import dir climbs out of content", "[import]\ndir = \"content/../layouts\"",
			`sahifa.toml:2:7: import.dir: "content/../layouts" is outside content/; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"import dir backslash", "[import]\ndir = 'content\\x'",
			`sahifa.toml:2:7: import.dir: "content\\x": write the folder with "/", relative to the site; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"import dir hidden", "[import]\ndir = \"content/.drafts\"",
			`sahifa.toml:2:7: import.dir: "content/.drafts": the build skips the hidden folder ".drafts"; imported articles go in "content" or a folder in it, such as "content/imported"`},
		{"tags per article", "[limits]\ntagsPerArticle = 0",
			`sahifa.toml:2:18: limits.tagsPerArticle: must be a whole number ≥ 1, got 0`},
		{"import onBuild", "[import]\nonBuild = \"no\"",
			`sahifa.toml:2:11: import.onBuild: must be true or false, got "no"`},
		{"syntax", "title = \"الرافدين\"\npaginate = \n",
			`sahifa.toml:2:12: toml: unexpected character U+000A at start of value`},
		{"duplicate key", "title = \"أ\"\ntitle = \"ب\"",
			`sahifa.toml:2:1: toml: key title is already defined`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("sahifa.toml", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			if got := messages(nil, err); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			for _, e := range diag.Flatten(err) {
				var se *diag.SourceError
				if !errors.As(e, &se) || se.Path != "sahifa.toml" || se.Line == 0 {
					t.Errorf("%v: not a positioned *diag.SourceError", e)
				}
			}
			if !reflect.DeepEqual(c, Config{}) {
				t.Errorf("Config on error = %+v, want zero", c)
			}
		})
	}
}

// TestSeveralErrors checks that one pass reports every bad value, in file
// order, alongside the warnings.
func TestSeveralErrors(t *testing.T) {
	src := `title = "صحيفة الرافدين"
timezone = "Mars/Olympus"
paginate = -3
language = "ar_IQ"
paginat = 4
minify = "yes"

[permalinks]
article = "/:year/:bogus/:slug/:nope/"

[import]
onBuild = 1
`
	_, warns, err := Parse("sahifa.toml", []byte(src))
	want := `sahifa.toml:5:1: warning: unknown key "paginat" (did you mean "paginate"?)
sahifa.toml:2:12: timezone: unknown time zone "Mars/Olympus"
sahifa.toml:3:12: paginate: must be a whole number ≥ 1, got -3
sahifa.toml:4:12: language: "ar_IQ" is not a language tag such as "ar" or "ar-IQ" (did you mean "ar-IQ"?)
sahifa.toml:6:10: minify: must be true or false, got "yes"
sahifa.toml:9:19: permalinks.article: unknown token ":bogus" (known: :year :month :day :slug :title :filename :section :contentbasename)
sahifa.toml:9:32: permalinks.article: unknown token ":nope" (known: :year :month :day :slug :title :filename :section :contentbasename)
sahifa.toml:12:11: import.onBuild: must be true or false, got 1`
	if got := messages(warns, err); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
