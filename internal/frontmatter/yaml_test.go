package frontmatter

import (
	"strings"
	"testing"
)

func TestDecodeYAML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Field
	}{
		{
			name: "article",
			src: "---\n" +
				"title: \"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق\"\n" +
				"tags: [\"العراق\", \"جو بايدن\"]\n" +
				"date: 2021-02-24T09:00:00+03:00\n" +
				"draft: false\n" +
				"weight: 3\n" +
				"ratio: 0.5\n" +
				"summary: ~\n" +
				"---\nنص\n",
			want: []Field{
				{"title", "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق", 2, 8},
				{"tags", []any{"العراق", "جو بايدن"}, 3, 7},
				{"date", "2021-02-24T09:00:00+03:00", 4, 7},
				{"draft", false, 5, 8},
				{"weight", int64(3), 6, 9},
				{"ratio", 0.5, 7, 8},
				{"summary", nil, 8, 10},
			},
		},
		{
			name: "columns count bytes after Arabic keys",
			src:  "---\nالعنوان: قمة G20 في الرياض\nوسوم:\n  - السعودية\n---\n",
			want: []Field{
				{"العنوان", "قمة G20 في الرياض", 2, 17},
				{"وسوم", []any{"السعودية"}, 4, 3},
			},
		},
		{
			name: "dates stay strings",
			src: "---\npublishDate: 2021-02-24\nlastmod: 2021-02-24 09:00:00\n" +
				"quoted: \"2021-02-24\"\nlist: [2021-02-24, 2021-03-01T10:00:00Z]\n---\n",
			want: []Field{
				{"publishDate", "2021-02-24", 2, 14},
				{"lastmod", "2021-02-24 09:00:00", 3, 10},
				{"quoted", "2021-02-24", 4, 9},
				{"list", []any{"2021-02-24", "2021-03-01T10:00:00Z"}, 5, 7},
			},
		},
		{
			name: "keys keep their case",
			src:  "---\nTitle: a\nLinkTitle: b\n---\n",
			want: []Field{{"Title", "a", 2, 8}, {"LinkTitle", "b", 3, 12}},
		},
		{
			name: "nested mapping",
			src:  "---\nparams:\n  author: \"مراسل\"\n  sources: [{name: \"رويترز\", page: 2}]\n  when: 2021-02-24\n---\n",
			want: []Field{{"params", map[string]any{
				"author":  "مراسل",
				"sources": []any{map[string]any{"name": "رويترز", "page": int64(2)}},
				"when":    "2021-02-24",
			}, 3, 3}},
		},
		{
			name: "crlf and bom",
			src:  "\uFEFF---\r\ntitle: \"العراق\"\r\nweight: 1\r\n---\r\nb\r\n",
			want: []Field{{"title", "العراق", 2, 8}, {"weight", int64(1), 3, 9}},
		},
		{
			name: "block scalar",
			src:  "---\ndescription: |\n  سطر أول\n  سطر ثان\n---\n",
			want: []Field{{"description", "سطر أول\nسطر ثان\n", 2, 14}},
		},
		{
			name: "merge keys and aliases",
			src:  "---\nbase: &b {author: \"أ\", lang: ar}\nparams:\n  <<: *b\n  lang: en\nsame: *b\n---\n",
			want: []Field{
				{"base", map[string]any{"author": "أ", "lang": "ar"}, 2, 7},
				{"params", map[string]any{"author": "أ", "lang": "en"}, 4, 3},
				{"same", map[string]any{"author": "أ", "lang": "ar"}, 6, 7},
			},
		},
		{
			name: "numbers",
			src:  "---\nhex: 0x1F\nneg: -7\nbig: 9223372036854775807\nexp: 1e3\ninf: .inf\n---\n",
			want: []Field{
				{"hex", int64(31), 2, 6}, {"neg", int64(-7), 3, 6},
				{"big", int64(9223372036854775807), 4, 6}, {"exp", 1000.0, 5, 6},
				{"inf", mustInf(), 6, 6},
			},
		},
		{
			name: "yaml line breaks that are not newlines",
			src:  "---\nsummary: \"أ\u2028ب\u0085ج\"\nold: 1\rtitle: x\n---\n",
			want: []Field{{"summary", "أ\u2028ب ج", 2, 10}, {"old", int64(1), 3, 6}, {"title", "x", 3, 15}},
		},
		{"empty explicit key stays inside the front matter", "---\n?\n---\n", []Field{{"", nil, 2, 2}}},
		{"empty", "---\n---\n", nil},
		{"blank lines", "---\n\n  \n---\n", nil},
		{"only comments", "---\n# تعليق\n---\n", nil},
		{"no front matter", "# عنوان\n", nil},
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

func TestDecodeYAMLErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"list", "---\n- العراق\n---\n", "content/x.md:2:1: front matter: must be keys with values, one per line (title: …), not a list"},
		{"string", "---\n\"العراق\"\n---\n", "content/x.md:2:1: front matter: must be keys with values, one per line (title: …), not a string"},
		{"null", "---\n~\n---\n", "content/x.md:2:1: front matter: must be keys with values, one per line (title: …), not null"},
		{"duplicate key", "---\ntitle: أ\ndate: 2021-02-24\ntitle: ب\n---\n", `content/x.md:4:1: front matter: "title" is set twice (first on line 2); keep one of them`},
		{"duplicate nested key", "---\nparams:\n  a: 1\n  a: 2\n---\n", `content/x.md:4:3: front matter: "a" is set twice (first on line 3)`},
		{"duplicate in flow mapping", "---\nالوسم: {أ: 1, أ: 2}\n---\n", `content/x.md:2:21: front matter: "أ" is set twice (first on line 2)`},
		{"mapping value in plain scalar", "---\ntitle: ok\nsummary: a: b\n---\n", `content/x.md:3:11: front matter: summary: the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: summary: "a: b"`},
		{"unclosed flow list", "---\ntitle: ok\ntags: [\"العراق\", \"جو بايدن\"\ndate: 2021-02-24\n---\n", `content/x.md:3:7: front matter: tags: the "[" that opens this value is not closed on its line; close it with "]"`},
		{"list item in mapping", "---\ntitle: ok\n- x\n---\n", "content/x.md:3: front matter: did not find expected key (YAML); check the quotes, colons and indentation of this line"},
		{"tab indentation", "---\nparams:\n\tx: 1\n---\n", "content/x.md:3:1: front matter: a tab indents this line, and YAML allows only spaces there"},
		{"unterminated quote", "---\ntitle: \"العراق\n---\n", `content/x.md:2:8: front matter: title: the quote (") that opens this value is not closed on its line; end the value with ", or remove the opening one`},
		{"bad token after bom and crlf", "\uFEFF---\r\na: 1\r\n@b: 2\r\n---\r\n", "content/x.md:3: front matter: found character that cannot start any token"},
		{"unknown anchor", "---\nالعنوان: *nope\n---\n", `content/x.md:2:17: front matter: unknown anchor "nope": a value starting with * names an anchor (&name); put the value in double quotes if the * belongs to the text`},
		{"control character", "---\nt: \"أ\x01\"\n---\n", "content/x.md:2:7: front matter: the front matter holds the control character U+0001, which YAML does not allow; delete it"},
		{"invalid utf-8", "---\nt: a\xff\n---\n", "content/x.md:2:5: front matter: the front matter holds bytes that are not UTF-8 (was the file saved as Windows-1256 or Latin-1?); save the file as UTF-8"},
		{"self-containing alias", "---\na: &x [1, *x]\n---\n", "content/x.md:2:11: front matter: alias *x refers to a value that contains it"},
		{"bad merge", "---\na:\n  <<: 1\n---\n", "content/x.md:3:7: front matter: a merge key (<<) needs a mapping"},
		{"non-scalar key", "---\n? [a]\n: 1\n---\n", "content/x.md:2:3: front matter: a key must be a scalar, not a list"},
		{"int too large", "---\nn: 18446744073709551615\n---\n", "content/x.md:2:4: front matter: integer 18446744073709551615 is too large"},
		{"bad explicit tag", "---\nn: !!int أ\n---\n", "content/x.md:2:4: front matter: cannot decode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeString(t, tt.src)
			checkError(t, err, tt.want)
		})
	}
}

func TestDecodeYAMLAliasExpansion(t *testing.T) {
	// doubling builds a "billion laughs" document of the given depth.
	doubling := func(depth int) string {
		var b strings.Builder
		b.WriteString("---\na0: &a0 [\"ها\", \"ها\"]\n")
		for i := 1; i < depth; i++ {
			prev := "*a" + itoa(i-1)
			b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [" + prev + ", " + prev + "]\n")
		}
		return b.String() + "---\n"
	}
	fields, err := decodeString(t, doubling(10))
	if err != nil || len(fields) != 10 {
		t.Fatalf("depth 10: %d fields, error %v", len(fields), err)
	}
	_, err = decodeString(t, doubling(40))
	checkError(t, err, "content/x.md:2:1: front matter: aliases expand to more than 100000 values")
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
