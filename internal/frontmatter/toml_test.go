package frontmatter

import "testing"

func TestDecodeTOML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Field
	}{
		{
			name: "article",
			src: "+++\n" +
				"title = \"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق\"\n" +
				"tags = [\"العراق\", \"جو بايدن\"]\n" +
				"draft = false\n" +
				"weight = 3\n" +
				"ratio = 0.5\n" +
				"+++\nنص\n",
			want: []Field{
				{"title", "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق", 2, 9},
				{"tags", []any{"العراق", "جو بايدن"}, 3, 8},
				{"draft", false, 4, 9},
				{"weight", int64(3), 5, 10},
				{"ratio", 0.5, 6, 9},
			},
		},
		{
			name: "dates stay strings",
			src: "+++\ndate = 2021-02-24T09:00:00+03:00\nutc = 2021-02-24 06:00:00.5z\n" +
				"local = 2021-02-24T09:00:00\nday = 2021-02-24\nclock = 09:30:00\n" +
				"list = [2021-02-24, 1979-05-27T07:32:00Z]\n+++\n",
			want: []Field{
				{"date", "2021-02-24T09:00:00+03:00", 2, 8},
				{"utc", "2021-02-24T06:00:00.5Z", 3, 7},
				{"local", "2021-02-24T09:00:00", 4, 9},
				{"day", "2021-02-24", 5, 7},
				{"clock", "09:30:00", 6, 9},
				{"list", []any{"2021-02-24", "1979-05-27T07:32:00Z"}, 7, 8},
			},
		},
		{
			name: "tables own their keys",
			src: "+++\ntitle = \"قمة G20 في الرياض\"\nTitle = \"x\"\n[params]\nauthor = \"مراسل\"\ntitle = \"ليس حقلاً\"\n" +
				"[params.seo]\nday = 2021-02-24\n[[resources]]\nsrc = \"a.jpg\"\n[[resources]]\nsrc = \"b.jpg\"\n+++\n",
			want: []Field{
				{"title", "قمة G20 في الرياض", 2, 9},
				{"Title", "x", 3, 9},
				{"params", map[string]any{"author": "مراسل", "title": "ليس حقلاً", "seo": map[string]any{"day": "2021-02-24"}}, 4, 2},
				{"resources", []any{map[string]any{"src": "a.jpg"}, map[string]any{"src": "b.jpg"}}, 9, 3},
			},
		},
		{
			name: "dotted, quoted keys and inline tables",
			src:  "+++\nsite.lang = \"ar\"\n\"عنوان فرعي\" = \"x\"\nmeta = { a = 1, b = [1, 2.5] }\nmulti = [\n  \"أ\",\n]\n+++\n",
			want: []Field{
				{"site", map[string]any{"lang": "ar"}, 2, 1},
				{"عنوان فرعي", "x", 3, 25},
				{"meta", map[string]any{"a": int64(1), "b": []any{int64(1), 2.5}}, 4, 8},
				{"multi", []any{"أ"}, 5, 9},
			},
		},
		{
			name: "table header after a dotted key names the same field once",
			src:  "+++\n[a.b]\nx = 1\n[a.c]\ny = 2\n+++\n",
			want: []Field{{"a", map[string]any{"b": map[string]any{"x": int64(1)}, "c": map[string]any{"y": int64(2)}}, 2, 2}},
		},
		{
			name: "crlf and bom",
			src:  "\uFEFF+++\r\ntitle = \"العراق\"\r\n[params]\r\nx = 1\r\n+++\r\nb\r\n",
			want: []Field{{"title", "العراق", 2, 9}, {"params", map[string]any{"x": int64(1)}, 3, 2}},
		},
		{"empty", "+++\n+++\n", nil},
		{"only comments", "+++\n# تعليق\n+++\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeString(t, tt.src)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			checkFields(t, got, tt.want)
		})
	}
}

func TestDecodeTOMLErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"missing value", "+++\ntitle = \"العراق\"\ndate =\n+++\n", "content/x.md:3:7: front matter: date has no value; write one after the =, or remove the line"},
		{"junk after string", "+++\na = 1\ntitle = \"توافق\" x\n+++\n", `content/x.md:3:22: front matter: "\"توافق\" x" is not a TOML value; put text in double quotes (title = '"توافق" x')`},
		{"unclosed array", "+++\ntags = [\"العراق\", \"جو بايدن\"\nb = 1\n+++\n", "content/x.md:3:1: front matter: expected ',' or ']' after array value"},
		{"bad date", "+++\ndate = 2021-13-24\n+++\n", "content/x.md:2:"},
		{"duplicate key", "+++\ntitle = \"أ\"\ndraft = true\ntitle = \"ب\"\n+++\n", `content/x.md:4:1: front matter: "title" is set twice; keep one of them`},
		{"duplicate table", "+++\n[params]\na = 1\n[params]\nb = 2\n+++\n", "content/x.md:4:2: front matter: table params already exists"},
		{"duplicate key in table", "+++\n[params]\na = 1\na = 2\n+++\n", `content/x.md:4:1: front matter: "a" is set twice; keep one of them`},
		{"integer overflow", "+++\nn = 99999999999999999999\n+++\n", "content/x.md:2:5: front matter: decimal number is too large"},
		{"after bom and crlf", "\uFEFF+++\r\na = 1\r\nb = ?\r\n+++\r\n", "content/x.md:3:5: front matter:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeString(t, tt.src)
			checkError(t, err, tt.want)
		})
	}
}
