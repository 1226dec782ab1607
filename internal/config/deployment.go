package config

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// Deployment is where `sahifa deploy` publishes the built site and with
// which headers: Hugo's [deployment] table, with its
// [[deployment.targets]] and [[deployment.matchers]] (docs/publishing.md).
type Deployment struct {
	// Targets are the places a deploy may go, in the file's order; the
	// first is the default.
	Targets []DeployTarget
	// Matchers set the headers of the files whose site path matches their
	// pattern; the first match wins, as in Hugo.
	Matchers []DeployMatcher
	// MaxDeletes refuses a deploy that would delete more objects; -1 for
	// no limit. Default 256.
	MaxDeletes int
	// MaxAge is the Cache-Control max-age, in seconds, of files that may
	// change under their name (pages, feeds, sitemaps); default 300.
	MaxAge int
}

// DeployTarget is one [[deployment.targets]] entry.
type DeployTarget struct {
	Name string
	// URL is s3://BUCKET?region=…&endpoint=…, gs://BUCKET,
	// azblob://CONTAINER or file:///PATH.
	URL string
}

// DeployMatcher is one [[deployment.matchers]] entry.
type DeployMatcher struct {
	// Pattern is a Go regular expression matched against the file's path
	// in the site ("css/main.1a2b3c4d5e6f.css"); checked when parsed.
	Pattern         string
	CacheControl    string
	ContentType     string
	ContentEncoding string
	// Gzip uploads the file gzip-compressed with Content-Encoding: gzip.
	Gzip bool
	// Force uploads matching files on every deploy.
	Force bool
}

// DeploySchemes are the URL schemes a deployment target may use.
var DeploySchemes = []string{"s3", "gs", "azblob", "file"}

var (
	targetKeys  = []string{"name", "url"}
	matcherKeys = []string{"pattern", "cacheControl", "contentType", "contentEncoding", "gzip", "force"}
)

func defaultDeployment() Deployment {
	return Deployment{MaxDeletes: 256, MaxAge: 300}
}

// applyDeployment reads the [deployment] table. Hugo's other keys
// (order, invalidateCDN, workers …) are warned about as unknown.
func applyDeployment(p *parser, a assignment) {
	table, ok := a.value.(map[string]any)
	if !ok {
		p.fail(a, "must be a table: [deployment] with [[deployment.targets]], got %s", describe(a.value))
		return
	}
	d := defaultDeployment()
	for _, k := range slices.Sorted(maps.Keys(table)) {
		v := table[k]
		parts := append(append([]string(nil), a.parts...), k)
		sub := assignment{a.file, a.setting, parts, v, a.file.place(parts)}
		switch strings.ToLower(k) {
		case "targets":
			d.Targets = p.deployTargets(sub)
		case "matchers":
			d.Matchers = p.deployMatchers(sub)
		case "maxdeletes":
			p.count(sub, -1, &d.MaxDeletes)
		case "maxage":
			p.count(sub, 0, &d.MaxAge)
		default:
			p.unknownIn(a.file, sub.parts, sub.place, []string{"targets", "matchers", "maxDeletes", "maxAge"})
		}
	}
	p.cfg.Deployment = d
}

// entry is one table of an array of tables: messages name the array
// (a.parts) and the entry's number; keys are looked up under parts.
type entry struct {
	a     assignment
	parts []string // the array's path and the entry's part ("#0")
	n     int      // 1-based, as told to the user
}

// deployEntries reads an array of tables, calling read with each entry.
func (p *parser) deployEntries(a assignment, example string, read func(e entry, raw map[string]any)) {
	list, ok := entriesOf(a.value)
	if !ok {
		p.fail(a, "must be tables such as %s, got %s", example, describe(a.value))
		return
	}
	for i, raw := range list {
		parts := append(append([]string(nil), a.parts...), entryPart(i))
		e := entry{a: a, parts: parts, n: i + 1}
		if pl := a.file.place(parts); pl.keyLine > 0 {
			e.a.place = pl
		}
		read(e, raw)
	}
}

func (p *parser) deployTargets(a assignment) []DeployTarget {
	var out []DeployTarget
	seen := map[string]int{}
	p.deployEntries(a, "[[deployment.targets]] with name and url", func(e entry, raw map[string]any) {
		var t DeployTarget
		fields := map[string]*string{"name": &t.Name, "url": &t.URL}
		ok := p.entryStrings(e, raw, targetKeys, fields, nil)
		switch {
		case t.Name == "":
			p.fail(e.a, "entry %d needs a name: name = \"production\"", e.n)
			ok = false
		case t.URL == "":
			p.fail(e.a, "entry %d (%q) needs a url such as \"s3://BUCKET?region=eu-central-1\"", e.n, t.Name)
			ok = false
		}
		if t.URL != "" {
			if err := checkDeployURL(t.URL); err != nil {
				p.entryFail(e, "url", "entry %d: %s", e.n, err)
				ok = false
			}
		}
		if n, dup := seen[strings.ToLower(t.Name)]; dup && t.Name != "" {
			p.entryFail(e, "name", "target %q is named twice (entries %d and %d); names must differ", t.Name, n, e.n)
			ok = false
		}
		seen[strings.ToLower(t.Name)] = e.n
		if ok {
			out = append(out, t)
		}
	})
	return out
}

// checkDeployURL says what is wrong with a target's URL, if anything.
func checkDeployURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("not a URL: %v", err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case !slices.Contains(DeploySchemes, scheme):
		return fmt.Errorf("%q: the scheme must be one of %s:// (e.g. s3://BUCKET?region=eu-central-1)", s, strings.Join(DeploySchemes, "://, "))
	case scheme == "file" && !strings.HasPrefix(u.Path, "/"):
		return fmt.Errorf("%q: a folder target needs an absolute path: file:///srv/news/public", s)
	case scheme != "file" && u.Host == "":
		return fmt.Errorf("%q: names no bucket: %s://BUCKET", s, scheme)
	}
	return nil
}

func (p *parser) deployMatchers(a assignment) []DeployMatcher {
	var out []DeployMatcher
	p.deployEntries(a, "[[deployment.matchers]] with pattern and cacheControl", func(e entry, raw map[string]any) {
		var m DeployMatcher
		strs := map[string]*string{"pattern": &m.Pattern, "cachecontrol": &m.CacheControl, "contenttype": &m.ContentType, "contentencoding": &m.ContentEncoding}
		bools := map[string]*bool{"gzip": &m.Gzip, "force": &m.Force}
		ok := p.entryStrings(e, raw, matcherKeys, strs, bools)
		if m.Pattern == "" {
			p.fail(e.a, "entry %d needs a pattern, a regular expression of site paths: pattern = \"\\\\.css$\"", e.n)
			return
		}
		if _, err := regexp.Compile(m.Pattern); err != nil {
			p.entryFail(e, "pattern", "entry %d: pattern is not a regular expression: %v", e.n, err)
			ok = false
		}
		if ok {
			out = append(out, m)
		}
	})
	return out
}

// entryStrings stores the string and boolean keys of one entry (matched
// without regard to case), warning about unknown keys; false if a value
// has the wrong type.
func (p *parser) entryStrings(e entry, raw map[string]any, known []string, strs map[string]*string, bools map[string]*bool) bool {
	ok := true
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v := raw[k]
		lower := strings.ToLower(k)
		if dst, isStr := strs[lower]; isStr {
			s, good := v.(string)
			if !good {
				p.entryFail(e, k, "entry %d: %s must be a string, got %s", e.n, k, describe(v))
				ok = false
				continue
			}
			*dst = strings.TrimSpace(s)
			continue
		}
		if dst, isBool := bools[lower]; isBool {
			b, good := v.(bool)
			if !good {
				p.entryFail(e, k, "entry %d: %s must be true or false, got %s%s", e.n, k, describe(v), unquoteHint(v))
				ok = false
				continue
			}
			*dst = b
			continue
		}
		shown := append(append([]string(nil), e.a.parts...), k)
		p.unknownIn(e.a.file, shown, e.a.file.place(append(append([]string(nil), e.parts...), k)), known)
	}
	return ok
}

// entryFail reports a bad value of key in entry e, at the value.
func (p *parser) entryFail(e entry, key, format string, args ...any) {
	pl := e.a.file.place(append(append([]string(nil), e.parts...), key))
	if pl.keyLine == 0 {
		pl = e.a.place
	}
	line, col := pl.at()
	p.failAt(e.a, line, col, format, args...)
}

// unknownIn warns about an unknown key inside a table whose keys are
// known, suggesting the closest.
func (p *parser) unknownIn(src *source, parts []string, pl place, known []string) {
	k := parts[len(parts)-1]
	msg := fmt.Sprintf("unknown key %q in %s", k, dotted(parts[:len(parts)-1]))
	if near := diag.Closest(k, known); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	} else {
		msg += " (known: " + strings.Join(known, ", ") + ")"
	}
	p.warns = append(p.warns, diag.Warning{Path: src.name, Line: pl.keyLine, Col: pl.keyCol, Msg: msg})
}
