package watch

import "testing"

func TestClassify(t *testing.T) {
	cases := []struct {
		path string
		want Kind
	}{
		// The settings file, only at the root.
		{"sahifa.toml", Config},
		{"config.toml", Config},
		{"hugo.toml", Config},
		{"hugo.yaml", Config},
		{"config/_default/params.toml", Config},
		{"config/_default/menus.en.toml", Config},
		{"config/_default/.params.toml.swp", Ignore},
		{"config/_default/notes.txt", Ignore},
		{"config/production/params.toml", Ignore},
		{"config", Config},
		{"config/_default", Config},
		{"config/production", Ignore},
		{"content/config.toml", Content},
		{"content/sahifa.toml", Content},
		{"sahifa.toml~", Ignore},
		{".sahifa.toml.swp", Ignore},
		{"sahifa.toml/x", Ignore},

		// Input folders, the folders themselves and anything under them.
		{"seeds", Seed},
		{"seeds/2024/خبر.txt", Seed},
		{"content", Content},
		{"content/x.md", Content},
		{"content/2021/02/توافق-بين.md", Content},
		{"content/economy", Content},
		{"./content/x.md", Content},
		{"layouts/_default/single.html", Template},
		{"layouts/partials/head.html", Template},
		{"assets/css/main.css", Style},
		{"assets/css/MAIN.CSS", Style},
		{"assets/js/menu.js", Asset},
		{"assets/img/logo.svg", Asset},
		{"static/favicon.ico", Static},
		{"static/css/extra.css", Style},
		{"static/.nojekyll", Static},
		{"static/.well-known/security.txt", Static},
		{"data/authors.yaml", Data},

		// Not inputs.
		{"", Ignore},
		{".", Ignore},
		{"/content/x.md", Ignore},
		{"../content/x.md", Ignore},
		{"content/../../x.md", Ignore},
		{`content\x.md`, Ignore},
		{"public/index.html", Ignore},
		{"public", Ignore},
		{".sahifa-cache/manifest-1.json", Ignore},
		{".git/index", Ignore},
		{"README.md", Ignore},
		{"sahifa.yaml", Ignore},
		{"static/.git/HEAD", Ignore},
		{"content/.git/HEAD", Ignore},
		{"content/.hidden.md", Ignore},
		{"content/.drafts/x.md", Ignore},
		{"layouts/.x.html", Ignore},

		// Editors' temporary, swap, backup and lock files.
		{"content/.x.md.swp", Ignore},
		{"content/x.md.swp", Ignore},
		{"content/x.md.swo", Ignore},
		{"content/x.md.swx", Ignore},
		{"static/x.swp", Ignore},
		{"content/x.md~", Ignore},
		{"static/x.css~", Ignore},
		{"content/4913", Ignore},
		{"content/5036", Ignore},
		{"static/4914", Static},
		{"static/04913", Static},
		{"content/.#x.md", Ignore},
		{"static/.#x.css", Ignore},
		{"content/#x.md#", Ignore},
		{"content/x.md.tmp", Ignore},
		{"static/x.TMP", Ignore},
		{"assets/css/main.css.tmp", Ignore},
		{"content/.sahifa-new-123", Ignore},
		{"static/.sahifa-new-123", Ignore},
		{"static/.sahifa-staging-1/x", Ignore},
		{"content/x.md~/y.md", Ignore},
		{"content/x.md___jb_tmp___", Ignore},
		{"content/x.md___jb_old___", Ignore},
		{"content/x.md.crswap", Ignore},
		{"content/x.md.kate-swp", Ignore},
		{"content/sedAb12Cd", Ignore},
		{"content/sed.md", Content},
		{"static/.DS_Store", Ignore},
		{"static/Thumbs.db", Ignore},
	}
	for _, c := range cases {
		if got := Classify(c.path); got != c.want {
			t.Errorf("Classify(%q) = %v, want %v", c.path, got, c.want)
		}
	}
}

func TestKindString(t *testing.T) {
	if Style.String() != "style" || Ignore.String() != "ignore" || Kind(99).String() != "kind(99)" {
		t.Errorf("Kind names: %v %v %v", Style, Ignore, Kind(99))
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"content/x.md", "sahifa.toml", "static/.x", "../a", "a/../../b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		k := Classify(p)
		if k < Ignore || k > Data {
			t.Fatalf("Classify(%q) = %d", p, k)
		}
	})
}
