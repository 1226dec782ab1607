package i18n

import (
	"strconv"

	"github.com/sahifa/sahifa/internal/arabic"
)

// Noun is a counted noun of the catalogue: Arabic agrees it with the
// number in six ways (package arabic), English in two.
type Noun uint8

const (
	Articles Noun = iota
	Pages
	Drafts
	FutureArticles // articles whose publish date has not come
	ExpiredArticles
	Files
	Errors
	nounCount
)

type noun struct {
	one, other string // English
	ar         arabic.Noun
}

var nouns = [...]noun{
	Articles:        {"article", "articles", arabic.Nouns["مقال"]},
	Pages:           {"page", "pages", arabic.Nouns["صفحة"]},
	Drafts:          {"draft", "drafts", arabic.Noun{Zero: "لا مسودات", One: "مسودة واحدة", Two: "مسودتان", Few: "مسودات", Many: "مسودة", Other: "مسودة"}},
	FutureArticles:  {"future article", "future articles", arabic.Nouns["مقال"]},
	ExpiredArticles: {"expired article", "expired articles", arabic.Nouns["مقال"]},
	Files:           {"file", "files", arabic.Noun{Zero: "لا ملفات", One: "ملف واحد", Two: "ملفان", Few: "ملفات", Many: "ملفا", Other: "ملف"}},
	Errors:          {"error", "errors", arabic.Noun{Zero: "لا أخطاء", One: "خطأ واحد", Two: "خطآن", Few: "أخطاء", Many: "خطأ", Other: "خطأ"}},
}

// Count says n of what in l: "1 draft", "3 drafts"; "مسودة واحدة"،
// "مسودتان"، "3 مسودات"، "11 مسودة".
func (l Lang) Count(n int, what Noun) string {
	w := nouns[what]
	if l == Arabic {
		return w.ar.Count(n)
	}
	if n == 1 {
		return "1 " + w.one
	}
	return strconv.Itoa(n) + " " + w.other
}
