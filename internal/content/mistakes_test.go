package content

import (
	"regexp"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/i18n"
)

// The front matter mistakes editors make most, each with the whole message
// it gives: where, what is wrong in plain words, and the fix (issue 16).
// A mistake that still builds gives a warning instead of an error.
var mistakes = []struct {
	name, src string
	want      string // the error, or the warnings, one per line
}{
	{"unquoted colon in an Arabic title",
		"---\ntitle: عاجل: قمة الرياض\ndate: 2024-05-22\n---\n",
		`content/x.md:2:16: front matter: title: the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: title: "عاجل: قمة الرياض"`},
	{"unquoted colon in a later key",
		"---\ntitle: قمة\ndescription: نص: آخر\n---\n",
		`content/x.md:3:18: front matter: description: the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: description: "نص: آخر"`},
	{"unclosed double quote",
		"---\ntitle: \"عاجل قمة\ndate: 2024-05-22\ntags: [a]\n---\n",
		`content/x.md:2:8: front matter: title: the quote (") that opens this value is not closed on its line; end the value with ", or remove the opening one`},
	{"unclosed single quote",
		"---\ntitle: 'عاجل قمة\ndate: 2024-05-22\n---\n",
		`content/x.md:2:8: front matter: title: the quote (') that opens this value is not closed on its line; end the value with ', or remove the opening one`},
	{"text after the closing quote",
		"---\ntitle: \"قمة\" الرياض\n---\n",
		`content/x.md:2:16: front matter: title: the value has text after its closing quote ("); put the whole value in double quotes: title: '"قمة" الرياض'`},
	{"apostrophe inside single quotes",
		"---\ntitle: 'it's'\n---\n",
		`content/x.md:2:12: front matter: title: the value has text after its closing quote ('); put the whole value in double quotes: title: "it's"`},
	{"tab indentation",
		"---\ntitle: قمة\ntags:\n\t- a\n---\n",
		`content/x.md:4:1: front matter: a tab indents this line, and YAML allows only spaces there; replace the tab with spaces (or remove it for a top-level key)`},
	{"tab before a top-level key",
		"---\ntitle: قمة\n\tdate: 2024-05-22\n---\n",
		`content/x.md:3:1: front matter: a tab indents this line, and YAML allows only spaces there; replace the tab with spaces (or remove it for a top-level key)`},
	{"indented key",
		"---\ntitle: قمة\n  date: 2024-05-22\n---\n",
		`content/x.md:3:1: front matter: this line is indented, so YAML reads it as part of the value on line 2; start it at the beginning of the line, as the other keys`},
	{"no space after the colon",
		"---\ntitle:قمة\ndate: 2024-05-22\n---\n",
		`content/x.md:2:6: front matter: "title:" has no space after its colon, so YAML reads the whole line as text; write a space after the colon: title: قمة`},
	{"a title in brackets",
		"---\ntitle: [فيديو] قمة الرياض\n---\n",
		`content/x.md:2:8: front matter: title: a value that starts with "[" is read as a list; put the whole value in double quotes: title: "[فيديو] قمة الرياض"`},
	{"unclosed list",
		"---\ntitle: قمة\ntags: [اقتصاد, سياسة\ndate: 2024-05-22\n---\n",
		`content/x.md:3:7: front matter: tags: the "[" that opens this value is not closed on its line; close it with "]", or put the value in double quotes if the "[" belongs to the text: tags: "[اقتصاد, سياسة"`},
	{"a value starting with @",
		"---\ntitle: @الرياض تستضيف القمة\n---\n",
		`content/x.md:2:8: front matter: title: a value that starts with "@" must be in double quotes: title: "@الرياض تستضيف القمة"`},
	{"a value starting with a dash",
		"---\ntitle: - قمة\n---\n",
		`content/x.md:2:8: front matter: title: a value that starts with "-" must be in double quotes: title: "- قمة"`},
	{"backslash in double quotes",
		"---\ntitle: \"قمة\\الرياض\"\n---\n",
		`content/x.md:2:15: front matter: title: a \ inside double quotes starts an escape such as \n; write \\ for the backslash itself, or use single quotes: title: 'قمة\الرياض'`},
	{"missing opening ---",
		"title: قمة الرياض\ndate: 2024-05-22\n---\nنص\n",
		`content/x.md:1:1: front matter: the file starts with "title: قمة الرياض", but front matter must open with a line "---" above it, so the whole file was read as article text; add a line "---" as the very first line`},
	{"missing closing ---",
		"---\ntitle: قمة\ndate: 2024-05-22\n\nنص الخبر.\n",
		`content/x.md:1:1: front matter: the "---" on line 1 opens the front matter, but no line "---" closes it; add a line "---" after the last key (line 3)`},
	{"closing line with four dashes",
		"---\ntitle: قمة\n----\nنص\n",
		`content/x.md:3:1: front matter: line 3 is "----", but the front matter must be closed by a line that is exactly "---"; write "---" there`},
	{"duplicate key",
		"---\ntitle: قمة\ndate: 2024-05-22\ntitle: قمة الرياض\n---\n",
		`content/x.md:4:1: front matter: "title" is set twice (first on line 2); keep one of them`},
	{"no title",
		"---\ndate: 2024-05-22\n---\nنص\n",
		`content/x.md:2: warning: no title: the page is called "x", after its file name; to choose the name readers see, add a line title: "…" to the front matter`},
	{"draft as text",
		"---\ntitle: قمة\ndraft: \"true\"\n---\n",
		`content/x.md:3:8: warning: draft: "true" is text, read as true as Hugo reads it; write draft: true without quotes`},
	{"date with slashes, day first",
		"---\ntitle: قمة\ndate: 22/05/2024\n---\n",
		`content/x.md:3:7: date: "22/05/2024" is not a date sahifa can read; write it as 2024-05-22; dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00`},
	{"date with one-digit month and day",
		"---\ntitle: قمة\ndate: 2024-5-2\n---\n",
		`content/x.md:3:7: date: "2024-5-2" is not a date sahifa can read; write it as 2024-05-02; dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00`},
	{"date in Arabic-Indic digits",
		"---\ntitle: قمة\ndate: ٢٠٢٤-٠٥-٢٢\n---\n",
		`content/x.md:3:7: date: "٢٠٢٤-٠٥-٢٢" is not a date sahifa can read; write it with Latin digits, as 2024-05-22; dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00`},
	{"a day the calendar lacks",
		"---\ntitle: قمة\ndate: 2024-02-30\n---\n",
		`content/x.md:3:7: date: "2024-02-30" is not a day of the calendar (day out of range); check the month and the day`},
	{"date in words",
		"---\ntitle: قمة\ndate: 22 مايو 2024\n---\n",
		`content/x.md:3:7: date: "22 مايو 2024" is not a date sahifa can read; dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00`},
	{"a year alone",
		"---\ntitle: قمة\ndate: 2024\n---\n",
		`content/x.md:3:7: date: must be a date, not the number 2024; dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00`},
	{"a list where text is expected",
		"---\ntitle: [قمة, الرياض]\n---\n",
		`content/x.md:2:8: title: must be text, not a list; write one value, in double quotes: title: "…"`},
	{"draft: yes",
		"---\ntitle: قمة\ndraft: نعم\n---\n",
		`content/x.md:3:8: draft: must be true or false, not "نعم"; write draft: true (or false)`},
	{"weight: true",
		"---\ntitle: قمة\nweight: true\n---\n",
		`content/x.md:3:9: weight: must be a whole number, not true; write weight: 1`},
	{"weight in Arabic-Indic digits",
		"---\ntitle: قمة\nweight: ٣\n---\n",
		`content/x.md:3:9: weight: must be a whole number, not "٣"; write weight: 3`},
	{"TOML written with colons",
		"+++\ntitle: \"قمة\"\n+++\n",
		`content/x.md:2:6: front matter: this front matter is TOML (between "+++" lines), where a key takes "=": title = "قمة"; for YAML's "key: value", use "---" lines instead of "+++"`},
	{"TOML text without quotes",
		"+++\ntitle = قمة الرياض\n+++\n",
		`content/x.md:2:9: front matter: text in TOML must be in double quotes: title = "قمة الرياض"`},
	{"TOML closed with ---",
		"+++\ntitle = \"قمة\"\n---\nنص\n",
		`content/x.md:3:1: front matter: line 3 is "---", but the front matter must be closed by a line that is exactly "+++"; write "+++" there`},
	{"TOML duplicate key",
		"+++\ntitle = \"قمة\"\ntitle = \"قمة الرياض\"\n+++\n",
		`content/x.md:3:1: front matter: "title" is set twice; keep one of them`},
	{"file saved as UTF-16",
		"\xff\xfe-\x00-\x00-\x00\n\x00",
		`content/x.md:1:1: the file is saved as UTF-16 ("Unicode" in Notepad), which sahifa cannot read; save it as UTF-8`},
	{"file saved as Windows-1256",
		"---\ntitle: \xe3\xc4\xca\xe3\xd1\n---\n",
		`content/x.md:2:8: front matter: the front matter holds bytes that are not UTF-8 (was the file saved as Windows-1256 or Latin-1?); save the file as UTF-8`},
	{"BOM before a broken title",
		"\uFEFF---\ntitle: عاجل: قمة\n---\n",
		`content/x.md:2:16: front matter: title: the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: title: "عاجل: قمة"`},
	// Warnings: the file builds, but not as the editor meant.
	{"tags as one text with Arabic commas",
		"---\ntitle: قمة\ntags: اقتصاد، سياسة، الرياض\n---\n",
		`content/x.md:3:7: warning: tags: "اقتصاد، سياسة، الرياض" is one tag with a comma in it; for several tags write a list: tags: ["اقتصاد", "سياسة", "الرياض"]`},
	{"tags as one text with commas",
		"---\ntitle: قمة\ntags: \"G20, السعودية\"\n---\n",
		`content/x.md:3:7: warning: tags: "G20, السعودية" is one tag with a comma in it; for several tags write a list: tags: ["G20", "السعودية"]`},
	{"misspelled keys",
		"---\ntitle: قمة\ntag: [اقتصاد]\ndat: 2024-05-22\ndescripton: نص\nTitel2: x\nPublish_Date: 2024-05-22\n---\n",
		`content/x.md:3:1: warning: unknown key "tag", so its value is not used (did you mean "tags"?)` + "\n" +
			`content/x.md:4:1: warning: unknown key "dat", so its value is not used (did you mean "date"?)` + "\n" +
			`content/x.md:5:1: warning: unknown key "descripton", so its value is not used (did you mean "description"?)` + "\n" +
			`content/x.md:6:1: warning: unknown key "Titel2", so its value is not used (did you mean "title"?)` + "\n" +
			`content/x.md:7:1: warning: unknown key "Publish_Date", so its value is not used (did you mean "publishDate"?)`},
	{"a site's own keys stay quiet",
		"---\ntitle: قمة\nsource: وكالة\ncategories: [أخبار]\nlayout: wide\ntype: news\nkeywords: [قمة]\ndateline: الرياض\n---\n",
		""},
}

func TestFrontMatterMistakes(t *testing.T) {
	if len(mistakes) < 20 {
		t.Fatalf("%d mistakes: the table should hold at least 20", len(mistakes))
	}
	for _, m := range mistakes {
		t.Run(m.name, func(t *testing.T) {
			p, err := Parse("content/x.md", []byte(m.src), opts())
			var got []string
			if err != nil {
				got = append(got, err.Error())
			}
			for _, w := range p.Warnings {
				got = append(got, w.String())
			}
			if g := strings.Join(got, "\n"); g != m.want {
				t.Errorf("got\n%s\nwant\n%s", g, m.want)
			}
		})
	}
}

// TestFrontMatterMistakesArabic: told in Arabic, every mistake of the table
// keeps its position, says what is wrong in Arabic, and keeps the English
// text after it in parentheses (issue 16, item 8).
func TestFrontMatterMistakesArabic(t *testing.T) {
	ar := opts()
	ar.Lang = i18n.Arabic
	for _, m := range mistakes {
		if m.want == "" {
			continue
		}
		t.Run(m.name, func(t *testing.T) {
			p, err := Parse("content/x.md", []byte(m.src), ar)
			var got []string
			if err != nil {
				got = append(got, err.Error())
			}
			for _, w := range p.Warnings {
				got = append(got, w.String())
			}
			want := strings.Split(m.want, "\n")
			if len(got) != len(want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
			}
			for i, line := range want {
				at := positionRE.FindString(line)
				english := strings.TrimPrefix(line, at)
				if !strings.HasPrefix(got[i], at) || !strings.HasSuffix(got[i], " ("+english+")") || got[i] == at+english+" ("+english+")" {
					t.Errorf("got\n%s\nwant %q, the Arabic, then the English in parentheses:\n(%s)", got[i], at, english)
				}
			}
		})
	}
}

// positionRE matches "path:line[:col]: " and "warning: " before a message.
var positionRE = regexp.MustCompile(`^content/x\.md(:\d+)*: (warning: )?`)

// TestArabicMessages: a few messages as an Arabic newsroom reads them.
func TestArabicMessages(t *testing.T) {
	ar := opts()
	ar.Lang = i18n.Arabic
	for _, c := range []struct{ src, want string }{
		{"---\ntitle: عاجل: قمة الرياض\n---\n",
			`content/x.md:2:16: الترويسة: title: في القيمة ": " (نقطتان بعدهما مسافة)، وYAML تقرؤهما بداية مفتاح جديد؛ ضع القيمة كلها بين علامتي تنصيص مزدوجتين: title: "عاجل: قمة الرياض" (front matter: title: the value holds ": "`},
		{"---\ntitle: قمة\ndate: 22/05/2024\n---\n",
			`content/x.md:3:7: date: لا يقرأ sahifa "22/05/2024" تاريخا؛ اكتبه هكذا 2024-05-22؛ يُكتب التاريخ سنة-شهر-يوم بالأرقام اللاتينية`},
		{"---\ntitle: [قمة, الرياض]\n---\n",
			`content/x.md:2:8: title: يجب أن تكون نصا، لا قائمة؛ اكتب قيمة واحدة بين علامتي تنصيص مزدوجتين: title: "…" (title: must be text, not a list;`},
	} {
		_, err := Parse("content/x.md", []byte(c.src), ar)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got\n%v\nwant it to start with\n%s", err, c.want)
		}
	}
	p, err := Parse("content/x.md", []byte("---\ntitle: قمة\ntag: [اقتصاد]\n---\n"), ar)
	want := `content/x.md:3:1: warning: المفتاح "tag" غير معروف، فلا تُستعمل قيمته (هل تقصد "tags"؟) (unknown key "tag", so its value is not used (did you mean "tags"?))`
	if err != nil || len(p.Warnings) != 1 || p.Warnings[0].String() != want {
		t.Errorf("got %v, %v; want the warning\n%s", p.Warnings, err, want)
	}
}
