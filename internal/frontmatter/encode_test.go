package frontmatter

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestEncodeYAML(t *testing.T) {
	riyadh := time.FixedZone("AST", 3*3600)
	fields := []Field{
		{Key: "title", Value: "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق"},
		{Key: "tags", Value: []any{"العراق", "جو بايدن"}},
		{Key: "date", Value: time.Date(2021, 2, 24, 9, 0, 0, 0, riyadh)},
		{Key: "looksLikeDate", Value: "2021-02-24"},
		{Key: "draft", Value: false},
		{Key: "weight", Value: int64(3)},
		{Key: "ratio", Value: 2.0},
		{Key: "summary", Value: nil},
		{Key: "Series", Value: []string{"قمة G20 في الرياض"}},
		{Key: "params", Value: map[string]any{"z": int64(1), "author": "مراسل", "empty": map[string]any{}, "list": []any{}}},
		{Key: "yes", Value: "كلمة محجوزة"},
		{Key: "عنوان", Value: "قال: \"نعم\"\n\tسطر\\"},
	}
	want := `title: "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق"
tags: ["العراق", "جو بايدن"]
date: 2021-02-24T09:00:00+03:00
looksLikeDate: "2021-02-24"
draft: false
weight: 3
ratio: 2.0
summary: null
Series: ["قمة G20 في الرياض"]
params:
  author: "مراسل"
  empty: {}
  list: []
  z: 1
"yes": "كلمة محجوزة"
"عنوان": "قال: \"نعم\"\n\tسطر\\"
`
	got, err := EncodeYAML(fields)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("EncodeYAML =\n%s\nwant\n%s", got, want)
	}
	// Deterministic despite map iteration order.
	for range 20 {
		again, _ := EncodeYAML(fields)
		if string(again) != want {
			t.Fatal("EncodeYAML is not deterministic")
		}
	}
}

func TestEncodeYAMLEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"العراق", `"العراق"`},
		{"", `""`},
		{"a\x00b\x1bc\x7f", `"a\0b\x1Bc\x7F"`},
		{"\u0085\u2028\u2029\uFEFF\r", `"\N\L\P\uFEFF\r"`},
		{"\u200fمرحبا\u00a0", "\"\u200fمرحبا\u00a0\""},
		{"\U0001F600\uFFFE", "\"\U0001F600\\uFFFE\""},
	}
	for _, tt := range tests {
		got, err := quote(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("quote(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestEncodeYAMLErrors(t *testing.T) {
	tests := []struct {
		name   string
		fields []Field
		want   string
	}{
		{"duplicate", []Field{{Key: "a", Value: 1}, {Key: "a", Value: 2}}, `duplicate key "a"`},
		{"invalid utf-8", []Field{{Key: "a", Value: "\xff"}}, "not valid UTF-8"},
		{"invalid utf-8 key", []Field{{Key: "\xff", Value: 1}}, "not valid UTF-8"},
		{"unsupported", []Field{{Key: "a", Value: struct{}{}}}, "unsupported value type"},
		{"pointer in list", []Field{{Key: "a", Value: []any{new(int)}}}, "unsupported value type"},
		{"huge uint", []Field{{Key: "a", Value: uint64(math.MaxUint64)}}, "too large"},
		{"non-string map key", []Field{{Key: "a", Value: map[int]any{1: 2}}}, "map keys must be strings"},
		{"nested", []Field{{Key: "p", Value: map[string]any{"x": "\xff"}}}, `key "p": key "x": string is not valid UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := EncodeYAML(tt.fields)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("EncodeYAML error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEncodeYAMLRoundTrip(t *testing.T) {
	longKey := strings.Repeat("ع", 1100)
	tests := []struct {
		name string
		in   []Field
		want []Field // nil means same as in
	}{
		{name: "article", in: []Field{
			{Key: "title", Value: "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق"},
			{Key: "tags", Value: []any{"العراق", "جو بايدن"}},
			{Key: "summary", Value: "قمة G20 في الرياض"},
			{Key: "date", Value: "2021-02-24T09:00:00+03:00"},
			{Key: "day", Value: "2021-02-24"},
		}},
		{name: "scalars that look like other types", in: []Field{
			{Key: "a", Value: "true"}, {Key: "b", Value: "null"}, {Key: "c", Value: "3"},
			{Key: "d", Value: "~"}, {Key: "e", Value: "- x"}, {Key: "f", Value: "#x"},
			{Key: "g", Value: "a: b"}, {Key: "h", Value: "*x"}, {Key: "i", Value: "&x"},
			{Key: "j", Value: "'x'"}, {Key: "k", Value: "---"}, {Key: "l", Value: " x "},
			{Key: "<<", Value: "not a merge"}, {Key: "true", Value: true}, {Key: "", Value: "empty key"},
			{Key: "1", Value: "digit key"}, {Key: "a b", Value: "space key"},
		}},
		{name: "numbers", in: []Field{
			{Key: "i", Value: int64(-42)}, {Key: "max", Value: int64(math.MaxInt64)},
			{Key: "min", Value: int64(math.MinInt64)}, {Key: "f", Value: 3.0},
			{Key: "big", Value: 1e21}, {Key: "small", Value: 1e-7}, {Key: "pi", Value: math.Pi},
			{Key: "inf", Value: math.Inf(-1)}, {Key: "nan", Value: math.NaN()},
		}},
		{name: "nested", in: []Field{
			{Key: "params", Value: map[string]any{
				"a": map[string]any{"b": []any{map[string]any{"c": []any{int64(1), "د", nil, true}}}},
				"e": []any{[]any{}, map[string]any{}},
			}},
			{Key: "multi line", Value: "سطر\nسطر\r\n\tمسافة"},
		}},
		{name: "long key", in: []Field{{Key: longKey, Value: map[string]any{longKey: []any{map[string]any{longKey: int64(1)}}}}}},
		{
			name: "time and Go types",
			in: []Field{
				{Key: "date", Value: time.Date(2021, 2, 24, 9, 0, 0, 5e8, time.UTC)},
				{Key: "n", Value: 7}, {Key: "s", Value: []string{"أ"}}, {Key: "m", Value: map[string]string{"k": "v"}},
				{Key: "f32", Value: float32(0.5)}, {Key: "u", Value: uint8(9)},
			},
			want: []Field{
				{Key: "date", Value: "2021-02-24T09:00:00.5Z"},
				{Key: "n", Value: int64(7)}, {Key: "s", Value: []any{"أ"}}, {Key: "m", Value: map[string]any{"k": "v"}},
				{Key: "f32", Value: 0.5}, {Key: "u", Value: int64(9)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == nil {
				want = tt.in
			}
			text, err := EncodeYAML(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeString(t, "---\n"+string(text)+"---\n")
			if err != nil {
				t.Fatalf("Decode: %v\n%s", err, text)
			}
			if !equalFields(got, want) {
				t.Errorf("round trip:\n%s\ngot  %#v\nwant %#v", text, got, want)
			}
		})
	}
}

func TestEncodeYAMLRoundTripTOML(t *testing.T) {
	src := "+++\ntitle = \"قمة G20 في الرياض\"\ndate = 2021-02-24T09:00:00+03:00\nday = 2021-02-24\n" +
		"tags = [\"العراق\", \"جو بايدن\"]\n[params]\nn = 1\nf = 1.0\n[[res]]\nsrc = \"أ.jpg\"\n+++\n"
	fields, err := decodeString(t, src)
	if err != nil {
		t.Fatal(err)
	}
	text, err := EncodeYAML(fields)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeString(t, "---\n"+string(text)+"---\n")
	if err != nil {
		t.Fatalf("Decode: %v\n%s", err, text)
	}
	if !equalFields(got, fields) {
		t.Errorf("round trip:\n%s\ngot  %#v\nwant %#v", text, got, fields)
	}
}
