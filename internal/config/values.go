package config

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/sahifa/sahifa/internal/arabic"
)

// settings lists how each setting is checked and stored. A slice, not a
// map, so settings are applied in the same order on every run; Dir is
// derived from Language after all of them, so no entry depends on another.
var settings = []struct {
	name  string
	apply func(p *parser, a assignment)
}{
	{"title", func(p *parser, a assignment) { p.str(a, &p.cfg.Title) }},
	{"baseURL", applyBaseURL},
	{"language", applyLanguage},
	{"defaultContentLanguage", func(p *parser, a assignment) {
		if !p.cfg.LanguageSet {
			applyLanguage(p, a)
		}
	}},
	{"dir", applyDir},
	{"timezone", applyTimezone},
	{"paginate", applyPaginate},
	{"permalinks.article", applyPermalink},
	{"minify", func(p *parser, a assignment) { p.boolean(a, &p.cfg.Minify) }},
	{"markup.unsafe", func(p *parser, a assignment) { p.boolean(a, &p.cfg.Markup.Unsafe) }},
	{"copyright", func(p *parser, a assignment) { p.str(a, &p.cfg.Copyright) }},
	{"author", func(p *parser, a assignment) { p.str(a, &p.cfg.Author) }},
	{"description", func(p *parser, a assignment) { p.str(a, &p.cfg.Description) }},
	{"defaultTime", applyDefaultTime},
	{"params", applyParams},
	{"import.dir", applyImportDir},
	{"import.onBuild", func(p *parser, a assignment) { p.boolean(a, &p.cfg.Import.OnBuild) }},
	{"import.maxTags", func(p *parser, a assignment) { p.count(a, 0, &p.cfg.Import.MaxTags) }},
	{"taxonomies", applyTaxonomies},
	{"menu", applyMenu},
	{"related.count", func(p *parser, a assignment) { p.count(a, 0, &p.cfg.Related) }},
	{"feeds.limit", func(p *parser, a assignment) { p.count(a, 1, &p.cfg.Feeds.Limit) }},
	{"feeds.termLimit", func(p *parser, a assignment) { p.count(a, 1, &p.cfg.Feeds.TermLimit) }},
	{"dates.months", func(p *parser, a assignment) { p.choice(a, &p.cfg.Dates.Months, "egyptian", "levantine", "both") }},
	{"dates.digits", func(p *parser, a assignment) { p.choice(a, &p.cfg.Dates.Digits, "latin", "arabic") }},
	{"dates.hijri", func(p *parser, a assignment) { p.boolean(a, &p.cfg.Dates.Hijri) }},
	{"images.default", applyImageDefault},
	{"images.widths", applyImageWidths},
	{"images.quality", applyImageQuality},
	{"limits.tagsPerArticle", func(p *parser, a assignment) { p.count(a, 1, &p.cfg.Limits.TagsPerArticle) }},
	{"limits.contentFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.ContentFile) }},
	{"limits.seedFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.SeedFile) }},
	{"limits.imageFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.ImageFile) }},
	{"limits.layoutFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.LayoutFile) }},
	{"limits.dataFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.DataFile) }},
	{"limits.assetFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.AssetFile) }},
	{"limits.staticFileSize", func(p *parser, a assignment) { p.size(a, &p.cfg.Limits.StaticFile) }},
	{"deployment", applyDeployment},
}

// choice stores a string that must be one of the given words. Case is
// ignored, as in the keys; the word is stored lower-case.
func (p *parser) choice(a assignment, dst *string, words ...string) {
	var s string
	if !p.str(a, &s) {
		return
	}
	for _, w := range words {
		if strings.EqualFold(s, w) {
			*dst = w
			return
		}
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = strconv.Quote(w)
	}
	p.fail(a, "must be %s, got %q", strings.Join(quoted[:len(quoted)-1], ", ")+" or "+quoted[len(quoted)-1], s)
}

// taxonomyName is a plural taxonomy name: it becomes a URL folder and a
// front matter key, so plain lower-case ASCII.
var taxonomyName = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// applyTaxonomies reads Hugo's [taxonomies] table (singular = "plural").
// Listed in sorted order so pages and feeds come out the same every run.
func applyTaxonomies(p *parser, a assignment) {
	m, ok := a.value.(map[string]any)
	if !ok {
		p.fail(a, "must be a table such as [taxonomies] tag = \"tags\", got %s", describe(a.value))
		return
	}
	var names []string
	for singular, v := range m {
		plural, ok := v.(string)
		if !ok || !taxonomyName.MatchString(plural) {
			p.fail(a, "%s: want a lower-case plural name such as \"tags\", got %s", singular, describe(v))
			return
		}
		names = append(names, plural)
	}
	sort.Strings(names)
	p.cfg.Taxonomies = names
}

// str stores a string value, reporting any other type.
func (p *parser) str(a assignment, dst *string) bool {
	s, ok := a.value.(string)
	if !ok {
		p.fail(a, "must be a string, got %s", describe(a.value))
		return false
	}
	*dst = s
	return true
}

func (p *parser) boolean(a assignment, dst *bool) {
	b, ok := a.value.(bool)
	if !ok {
		p.fail(a, "must be true or false, got %s%s", describe(a.value), unquoteHint(a.value))
		return
	}
	*dst = b
}

// unquoteHint helps with the common slip of quoting a number or boolean,
// which TOML then reads as a string.
func unquoteHint(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	if _, err := strconv.ParseInt(s, 10, 64); err == nil || s == "true" || s == "false" {
		return " (remove the quotes)"
	}
	return ""
}

// describe shows a decoded value in a message: strings quoted, so a quoted
// number is told apart from a number.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	case time.Time:
		return v.Format(time.RFC3339)
	default:
		return fmt.Sprint(v)
	}
}

func applyBaseURL(p *parser, a assignment) { p.normalized(a, normalizeBaseURL, &p.cfg.BaseURL) }

// normalized stores a string value as normalize makes it, reporting its
// error at the value.
func (p *parser) normalized(a assignment, normalize func(string) (string, error), dst *string) {
	var s string
	if !p.str(a, &s) {
		return
	}
	v, err := normalize(s)
	if err != nil {
		p.fail(a, "%v", err)
		return
	}
	*dst = v
}

// langTag is a deliberately simple BCP 47 check: enough to catch typos and
// "ar_IQ" without carrying the full registry.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

func applyLanguage(p *parser, a assignment) {
	var s string
	if !p.str(a, &s) {
		return
	}
	if !langTag.MatchString(s) {
		hint := ""
		if fixed := strings.ReplaceAll(s, "_", "-"); fixed != s && langTag.MatchString(fixed) {
			hint = fmt.Sprintf(" (did you mean %q?)", fixed)
		}
		p.fail(a, "%q is not a language tag such as \"ar\" or \"ar-IQ\"%s", s, hint)
		return
	}
	p.cfg.Language, p.cfg.LanguageSet = s, true
}

// DirFor returns the writing direction of a language tag ("rtl" for ar,
// fa, ur, he, ps, ckb …); the one list lives in package arabic.
func DirFor(lang string) string { return arabic.Dir(lang) }

func applyDir(p *parser, a assignment) {
	var s string
	if !p.str(a, &s) {
		return
	}
	d := strings.ToLower(s)
	if d != "rtl" && d != "ltr" {
		p.fail(a, "must be \"rtl\" or \"ltr\", got %q", s)
		return
	}
	p.cfg.Dir = d
}

func applyTimezone(p *parser, a assignment) {
	var s string
	if !p.str(a, &s) {
		return
	}
	switch s {
	case "":
		p.fail(a, "must name a time zone such as \"Asia/Baghdad\" or \"UTC\"")
		return
	case "Local":
		// "Local" is the build machine's zone, so the same site would get
		// different dates on a laptop and on CI.
		p.fail(a, "\"Local\" depends on the machine; name a zone such as \"Asia/Baghdad\"")
		return
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		p.fail(a, "unknown time zone %q", s)
		return
	}
	p.cfg.Timezone, p.cfg.Location = s, loc
}

func applyPaginate(p *parser, a assignment) { p.count(a, 1, &p.cfg.Paginate) }

// count stores a whole number of at least lowest.
func (p *parser) count(a assignment, lowest int64, dst *int) {
	n, ok := a.value.(int64)
	if !ok || n < lowest || n > math.MaxInt32 {
		p.fail(a, "must be a whole number ≥ %d, got %s%s", lowest, describe(a.value), unquoteHint(a.value))
		return
	}
	*dst = int(n)
}

// permalinkTokens are the tokens a permalink pattern may use; the true ones
// differ between articles, and a pattern needs one of them so that two
// articles never share a URL.
var permalinkTokens = map[string]bool{
	"year": false, "month": false, "day": false, "section": false,
	"slug": true, "title": true, "filename": true, "contentbasename": true,
}

var tokenRE = regexp.MustCompile(`:[A-Za-z]+`)

func applyPermalink(p *parser, a assignment) {
	var s string
	if !p.str(a, &s) {
		return
	}
	ok := true
	if !strings.HasPrefix(s, "/") || !strings.HasSuffix(s, "/") {
		p.fail(a, "must start and end with \"/\", got %q", s)
		ok = false
	}
	// Unknown tokens are pointed at where they are written, when the value
	// sits on one line without escapes hiding them.
	line, col := a.place.at()
	search, end := a.place.valOff, a.place.valOff
	if a.place.valLine > 0 {
		if i := bytes.IndexByte(a.file.data[end:], '\n'); i >= 0 {
			end += i
		} else {
			end = len(a.file.data)
		}
	}
	perArticle := false
	for _, tok := range tokenRE.FindAllString(s, -1) {
		unique, known := permalinkTokens[tok[1:]]
		perArticle = perArticle || unique
		if known {
			continue
		}
		l, c := line, col
		if search >= 0 && search < end {
			if i := bytes.Index(a.file.data[search:end], []byte(tok)); i >= 0 {
				l, c = lineCol(a.file.data, search+i)
				search += i + len(tok)
			}
		}
		p.failAt(a, l, c, "unknown token %q (known: :year :month :day :slug :title :filename :section :contentbasename)", tok)
		ok = false
	}
	if ok && !perArticle {
		p.fail(a, "%q needs :slug, :title, :filename or :contentbasename, or articles would share one URL", s)
		ok = false
	}
	if ok {
		p.cfg.Permalinks.Article = s
	}
}

var hhmm = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// DefaultHour is the hour of DefaultTime. A Config built by hand with an
// unset or malformed DefaultTime gets the default, 09:00, rather than a
// panic deep in the build.
func (c Config) DefaultHour() int {
	h, _ := c.defaultClock()
	return h
}

// DefaultMinute is the minute of DefaultTime; see DefaultHour.
func (c Config) DefaultMinute() int {
	_, m := c.defaultClock()
	return m
}

func (c Config) defaultClock() (hour, minute int) {
	s := c.DefaultTime
	if !hhmm.MatchString(s) {
		s = Default().DefaultTime
	}
	hour, _ = strconv.Atoi(s[:2])
	minute, _ = strconv.Atoi(s[3:])
	return hour, minute
}

func applyDefaultTime(p *parser, a assignment) {
	// TOML has a time-of-day type (defaultTime = 09:00), accepted as well
	// as the string form when it has no seconds to lose.
	if t, ok := a.value.(toml.LocalTime); ok && t.Second == 0 && t.Nanosecond == 0 {
		p.cfg.DefaultTime = fmt.Sprintf("%02d:%02d", t.Hour, t.Minute)
		return
	}
	s, ok := a.value.(string)
	if !ok || !hhmm.MatchString(s) {
		p.fail(a, "must be a 24-hour time of day as \"HH:MM\", got %s", describe(a.value))
		return
	}
	p.cfg.DefaultTime = s
}

func applyParams(p *parser, a assignment) {
	m, ok := a.value.(map[string]any)
	if !ok {
		p.fail(a, "must be a table, got %s", describe(a.value))
		return
	}
	p.cfg.Params = m
}

// applyImageDefault takes a path in assets/ or static/ ("images/default.jpg",
// a leading "/" allowed) or a full http(s) URL.
func applyImageDefault(p *parser, a assignment) {
	var s string
	if !p.str(a, &s) {
		return
	}
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		p.cfg.Images.Default = s
		return
	}
	for _, seg := range strings.Split(strings.TrimPrefix(s, "/"), "/") {
		if seg == "" || seg == "." || seg == ".." || strings.Contains(seg, "\\") {
			p.fail(a, "want a path in assets/ or static/ such as \"images/default.jpg\", got %q", s)
			return
		}
	}
	p.cfg.Images.Default = s
}

// maxImageWidth is the widest size sahifa makes: wider than any screen
// needs, and far inside what the image package accepts.
const maxImageWidth = 8000

func applyImageWidths(p *parser, a assignment) {
	list, ok := a.value.([]any)
	if !ok || len(list) == 0 {
		p.fail(a, "must be a list of widths in pixels such as [480, 960, 1600], got %s", describe(a.value))
		return
	}
	widths := make([]int, 0, len(list))
	for _, v := range list {
		n, ok := v.(int64)
		if !ok || n < 16 || n > maxImageWidth {
			p.fail(a, "each width must be a whole number from 16 to %d, got %s%s", maxImageWidth, describe(v), unquoteHint(v))
			return
		}
		widths = append(widths, int(n))
	}
	sort.Ints(widths)
	p.cfg.Images.Widths = widths
}

func applyImageQuality(p *parser, a assignment) {
	n, ok := a.value.(int64)
	if !ok || n < 1 || n > 100 {
		p.fail(a, "must be a whole number from 1 to 100, got %s%s", describe(a.value), unquoteHint(a.value))
		return
	}
	p.cfg.Images.Quality = int(n)
}
