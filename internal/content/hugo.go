package content

import (
	"bytes"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/sahifa/sahifa/internal/i18n"
)

// What Hugo content brings that sahifa reads its own way: a page without
// a title, Hugo's loose true/false text, the _build options and headless
// bundles, and a language in the file name. docs/content.md, "Coming from
// Hugo", lists each with the warning the writer sees.

// untitled names a page without a title as Hugo sites expect to see it:
// after the heading its body opens with, else after its file name (its
// folder's for a bundle's index.md); the message says which, to warn with.
func untitled(p string, body []byte) (string, *i18n.Msg) {
	if h := openingHeading(body); h != "" {
		return h, i18n.New(i18n.TitleFromHeading, h)
	}
	name := FileStem(p)
	if name == "index" && path.Dir(p) != "." {
		name = path.Base(path.Dir(p))
	}
	name = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	return name, i18n.New(i18n.TitleFromFile, name)
}

// openingHeading is the text of the level-one ATX heading ("# …") the body
// opens with, or "": a Markdown file written without front matter names
// itself there.
func openingHeading(body []byte) string {
	for len(body) > 0 {
		var line []byte
		line, body, _ = bytes.Cut(body, []byte("\n"))
		t := strings.TrimSpace(string(line))
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "# ") {
			return ""
		}
		// A closing sequence of #s is not part of the heading (CommonMark).
		t = strings.TrimSpace(strings.TrimPrefix(t, "# "))
		if trimmed := strings.TrimRight(t, "#"); trimmed == "" || strings.HasSuffix(trimmed, " ") {
			t = strings.TrimSpace(trimmed)
		}
		return oneLine(t)
	}
	return ""
}

// FileStem is what a page's file is called, for its title or URL: the
// name without .md and without a language code before it (index.ja.md →
// index).
func FileStem(p string) string {
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if lang := Language(p); lang != "" {
		name = name[:len(name)-len(lang)-1]
	}
	return name
}

// languageCode is a language code as Hugo sites put it in file names:
// two letters, with an optional region or script (pt-br, zh-hans).
var languageCode = regexp.MustCompile(`^[a-zA-Z]{2}(-[a-zA-Z]{2,4})?$`)

// Language is the language a file's name gives it, Hugo's way, lower-cased:
// "ja" for content/about/index.ja.md; "" for a name without one.
func Language(p string) string {
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || !languageCode.MatchString(name[i+1:]) {
		return ""
	}
	return strings.ToLower(name[i+1:])
}

// textBool is the true or false a text means to Hugo (which reads
// `draft: "true"` as a draft: strconv.ParseBool's spellings), and whether
// v is such a text.
func textBool(v any) (bool, bool) {
	s, ok := v.(string)
	if !ok {
		return false, false
	}
	b, err := strconv.ParseBool(strings.TrimSpace(s))
	return b, err == nil
}

// looseBools are the keys whose true or false Hugo also reads from text.
var looseBools = map[string]bool{"draft": true, "headless": true}

// setBuild reads Hugo's _build options: render never (or link, whose
// permalink without a page sahifa has no use for) writes no page; list
// never (or local: sahifa has no page lists but the site's) keeps the page
// off lists, feeds and the sitemap. publishResources false publishes only
// the files of its bundle its page links, which Hugo publishes as the
// page uses them.
func (p *Page) setBuild(written string, v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return i18n.New(i18n.WantBuild, "{render: never, list: never, publishResources: false}", describe(v))
	}
	for k, v := range m {
		var err error
		switch strings.ToLower(k) {
		case "render":
			var on bool
			on, err = buildMode(v, "always", "never", "link")
			p.NoRender = !on
		case "list":
			var on bool
			on, err = buildMode(v, "always", "never", "local")
			p.Unlisted = !on
		case "publishresources":
			var on bool
			on, err = boolean(written+"."+k, v)
			p.KeepResources = !on
		}
		if err != nil {
			return i18n.New(i18n.KeyValue, k, err)
		}
	}
	return nil
}

// buildMode reads one of Hugo's _build modes: on (the first), off (any
// other), or the booleans older Hugo sites write.
func buildMode(v any, on string, off ...string) (bool, error) {
	if b, ok := v.(bool); ok {
		return b, nil
	}
	s, _ := v.(string)
	s = strings.ToLower(strings.TrimSpace(s))
	if s == on {
		return true, nil
	}
	for _, o := range off {
		if s == o {
			return false, nil
		}
	}
	return false, i18n.New(i18n.WantBuild, strings.Join(append([]string{on}, off...), ", "), describe(v))
}

// resolveAlias places a relative alias (migrate-from-jekyll) as Hugo
// does with its default URLs: beside the page, in the folder that holds
// it under content/ (a bundle's index.md is its folder's page). An
// absolute one (/old/path/) stays as written.
func (p *Page) resolveAlias(a string) string {
	a = strings.TrimSpace(a)
	if a == "" || strings.HasPrefix(a, "/") || strings.Contains(a, "://") {
		return a
	}
	dir := path.Dir(p.Path)
	if FileStem(p.Path) == "index" {
		dir = path.Dir(dir)
	}
	// The first folder is content/ itself; cleanURL refuses a .. that
	// would climb out of the site.
	if _, dir, _ = strings.Cut(dir, "/"); dir != "" {
		return "/" + dir + "/" + a
	}
	return "/" + a
}
