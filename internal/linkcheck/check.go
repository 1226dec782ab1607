package linkcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Problem is one broken reference.
type Problem struct {
	Page   string // the file holding the reference, slash-separated, relative to the site root
	Line   int
	URL    string // as written; "" for a file that could not be read at all
	Reason string
}

// String formats the problem like a compiler error, so editors and CI logs
// link it to the line: `tags/x/index.html:12: broken link /x/ (no such file)`.
func (p Problem) String() string {
	if p.URL == "" {
		return fmt.Sprintf("%s:%d: %s", p.Page, p.Line, p.Reason)
	}
	return fmt.Sprintf("%s:%d: broken link %s (%s)", p.Page, p.Line, p.URL, p.Reason)
}

// Report is what CheckReport found: the problems, and how much it looked
// at, so that a run that checked nothing does not pass unnoticed.
type Report struct {
	Problems []Problem
	Files    int // files read (HTML, XML, JSON, CSS, robots.txt)
	Internal int // internal references checked
}

// Check returns the broken internal references of the site in fsys, built
// for and published at baseURL (e.g. https://example.github.io/news/). It
// reads every .html page, .xml feed and sitemap, .json and .webmanifest
// file, .css stylesheet and robots.txt.
//
// A reference is internal when it is relative, root-relative, or absolute
// on baseURL's host; mailto:, tel:, javascript:, data: and other hosts are
// ignored. An internal URL must lie under baseURL's path (a root-relative
// /x/ on a site published under /news/ is broken: that is what a sub-path
// host shows), and name a file: percent-encoded UTF-8 paths are decoded to
// the file names a static host serves, and dir/ means dir/index.html. A
// fragment pointing into a page must be the id (or <a name>) of one of its
// elements. Feeds and sitemaps must use absolute URLs, and 404.html (served
// at every missing path, at any depth) no page-relative ones.
//
// The error is for a bad baseURL or an unreadable fsys; broken things in
// the site are Problems.
func Check(fsys fs.FS, baseURL string) ([]Problem, error) {
	r, err := CheckReport(fsys, baseURL)
	return r.Problems, err
}

// CheckReport is Check, also saying how many files and references it read.
func CheckReport(fsys fs.FS, baseURL string) (Report, error) {
	site, err := parseBase(baseURL)
	if err != nil {
		return Report{}, err
	}
	files := map[string]bool{}
	dirs := map[string]bool{".": true}
	var docs []*doc
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs[p] = true
			return nil
		}
		files[p] = true
		if k := kindOf(p); k != kindNone {
			docs = append(docs, &doc{path: p, kind: k})
		}
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	if err := readAll(fsys, docs); err != nil {
		return Report{}, err
	}
	c := &checker{site: site, files: files, dirs: dirs, ids: map[string]map[string]bool{}}
	for _, d := range docs {
		if d.kind == kindHTML {
			c.ids[d.path] = d.ids
		}
	}
	rep := Report{Files: len(docs)}
	for _, d := range docs {
		rep.Problems = append(rep.Problems, c.check(d)...)
	}
	rep.Internal = c.internal
	sortProblems(rep.Problems)
	return rep, nil
}

type kind int

const (
	kindNone kind = iota
	kindHTML
	kindXML
	kindJSON
	kindCSS
	kindRobots
)

func kindOf(p string) kind {
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		return kindHTML
	case ".xml":
		return kindXML
	case ".json", ".webmanifest":
		return kindJSON
	case ".css":
		return kindCSS
	}
	if p == "robots.txt" {
		return kindRobots
	}
	return kindNone
}

// doc is one file read: its references and, for a page, its fragments.
type doc struct {
	path    string
	kind    kind
	refs    []baseRef
	ids     map[string]bool
	problem *Problem // the file could not be parsed
}

// readAll reads and parses the documents on every core: the 500-article
// site of CI has thousands of pages.
func readAll(fsys fs.FS, docs []*doc) error {
	work := make(chan *doc)
	errs := make(chan error, len(docs))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range work {
				if err := d.read(fsys); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, d := range docs {
		work <- d
	}
	close(work)
	wg.Wait()
	close(errs)
	return <-errs // nil when none
}

func (d *doc) read(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, d.path)
	if err != nil {
		return err
	}
	fail := func(line int, err error) {
		d.problem = &Problem{Page: d.path, Line: line, Reason: "cannot parse: " + err.Error()}
	}
	switch d.kind {
	case kindHTML:
		h, err := parseHTML(bytes.NewReader(data), 0)
		if err != nil {
			fail(1, err)
		}
		d.ids = h.ids
		for _, r := range h.refs {
			d.refs = append(d.refs, baseRef{Ref: r})
		}
	case kindXML:
		var line int
		d.refs, line, err = xmlRefs(data)
		if err != nil {
			fail(line, err)
		}
	case kindJSON:
		d.refs, err = jsonDocRefs(data, 1, "", "json")
		if err != nil {
			fail(1, err)
		}
	case kindCSS:
		for _, r := range cssRefs(string(data), 1, "") {
			d.refs = append(d.refs, baseRef{Ref: r})
		}
	case kindRobots:
		d.refs = robotsRefs(data)
	}
	return nil
}

// robotsRefs returns the Sitemap: lines of a robots.txt; crawlers need
// them absolute.
func robotsRefs(data []byte) []baseRef {
	var refs []baseRef
	for i, l := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "sitemap") {
			if v = strings.TrimSpace(v); v != "" {
				refs = append(refs, baseRef{Ref: Ref{URL: v, Line: i + 1, Tag: "Sitemap", Attr: "robots.txt"}, mustAbs: true})
			}
		}
	}
	return refs
}

// site is the parsed base URL.
type site struct {
	url  *url.URL // path ends in "/"
	host string   // lower-cased, default port dropped
}

func parseBase(baseURL string) (site, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return site{}, fmt.Errorf("linkcheck: base URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return site{}, fmt.Errorf("linkcheck: base URL %q: want an absolute http(s) URL such as https://example.github.io/news/", baseURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		u.RawPath = ""
	}
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	return site{url: u, host: hostKey(u)}, nil
}

// hostKey is the host as a browser compares it: case-insensitive, with
// the scheme's default port the same as none (http and https count as the
// same site: a link to http:// of the own host still names its files).
func hostKey(u *url.URL) string {
	h, p := strings.ToLower(u.Hostname()), u.Port()
	if p == "" || p == "80" || p == "443" {
		return h
	}
	return h + ":" + p
}

type checker struct {
	site     site
	files    map[string]bool
	dirs     map[string]bool
	ids      map[string]map[string]bool // page path → its ids
	internal int
}

// pageURL is the URL a file is served at: the base URL plus its path,
// with index.html kept (it resolves relative URLs like its folder's URL).
func (c *checker) pageURL(p string) *url.URL {
	u := *c.site.url
	u.Path += p
	u.RawPath = ""
	return &u
}

func (c *checker) check(d *doc) []Problem {
	var out []Problem
	if d.problem != nil {
		out = append(out, *d.problem)
	}
	self := c.pageURL(d.path)
	docBase := self
	pageRelativeOK := d.path != "404.html"
	for _, r := range d.refs {
		// The first <base href> decides what the page's URLs resolve
		// against, those before it included.
		if d.kind == kindHTML && r.Tag == "base" && r.Attr == "href" {
			if u, err := url.Parse(r.URL); err == nil {
				docBase = self.ResolveReference(u)
				pageRelativeOK = pageRelativeOK || u.IsAbs() || strings.HasPrefix(r.URL, "/")
			}
			break
		}
	}
	for _, r := range d.refs {
		if d.kind == kindHTML && r.Tag == "base" {
			continue
		}
		if p := c.checkRef(d, r, docBase, pageRelativeOK); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// checkRef returns the problem with one reference, or nil.
func (c *checker) checkRef(d *doc, r baseRef, docBase *url.URL, pageRelativeOK bool) *Problem {
	bad := func(format string, args ...any) *Problem {
		return &Problem{Page: d.path, Line: r.Line, URL: r.URL, Reason: fmt.Sprintf(format, args...)}
	}
	u, err := url.Parse(r.URL)
	if err != nil {
		return bad("malformed URL: %v", unwrapURLError(err))
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return nil // mailto:, tel:, javascript:, data:…
	}
	if u.Host != "" && hostKey(u) != c.site.host {
		return nil // another site
	}
	if r.mustAbs && !u.IsAbs() {
		return bad("not an absolute URL: feeds, sitemaps and robots.txt need absolute URLs")
	}
	base := docBase
	if r.base != "" {
		b, err := url.Parse(r.base)
		if err != nil {
			return bad("malformed base URL %s: %v", r.base, unwrapURLError(err))
		}
		base = docBase.ResolveReference(b)
	} else if !pageRelativeOK && d.kind == kindHTML && r.Tag != "script" && u.Scheme == "" && u.Host == "" &&
		!strings.HasPrefix(r.URL, "/") && !strings.HasPrefix(r.URL, "#") && !strings.HasPrefix(r.URL, "?") {
		return bad("page-relative URL in 404.html, which hosts serve at every missing path, at any depth")
	}
	t := base.ResolveReference(u)
	if hostKey(t) != c.site.host {
		return nil // relative to another site's URL (a feed item's link)
	}
	c.internal++
	basePath := c.site.url.Path
	p := t.Path
	if p == "" {
		p = "/"
	}
	if !strings.HasPrefix(p, basePath) && p+"/" != basePath {
		return bad("not under the base path %s", basePath)
	}
	rel := strings.TrimPrefix(p, basePath)
	if p+"/" == basePath {
		rel = "" // /news for /news/: hosts redirect to the folder
	}
	target, why := c.resolve(rel)
	if why != "" {
		return bad("%s", why)
	}
	if _, frag, ok := strings.Cut(r.URL, "#"); ok {
		if why := c.fragment(target, frag); why != "" {
			return bad("%s", why)
		}
	}
	return nil
}

// resolve maps a decoded path under the base path to the file a static
// host serves for it, or says why there is none.
func (c *checker) resolve(rel string) (target, why string) {
	switch {
	case rel == "" || strings.HasSuffix(rel, "/"):
		dir := strings.TrimSuffix(rel, "/")
		if dir == "" {
			dir = "."
		}
		index := path.Join(dir, "index.html")
		if c.files[index] {
			return index, ""
		}
		if fs.ValidPath(dir) && c.dirs[dir] {
			return "", "folder without index.html"
		}
		if c.files[dir] {
			return "", "names a file as a folder"
		}
		return "", "no such file"
	case c.files[rel]:
		return rel, ""
	case c.dirs[rel] && c.files[rel+"/index.html"]:
		// Every static host redirects dir to dir/ and serves its index.
		return rel + "/index.html", ""
	}
	return "", "no such file"
}

// fragment checks #frag against the ids of target, when target is a page.
// It follows the HTML standard: the empty fragment and "top" scroll to the
// top; the fragment matches an id as written, or percent-decoded (Arabic
// heading anchors are links like #%D8%A3...); a text directive (:~:) is
// not part of it.
func (c *checker) fragment(target, frag string) string {
	ids, ok := c.ids[target]
	if !ok {
		return "" // not a page: an image or a feed has no ids to check
	}
	if i := strings.Index(frag, ":~:"); i >= 0 {
		frag = frag[:i]
	}
	if frag == "" || ids[frag] {
		return ""
	}
	dec, err := url.PathUnescape(frag)
	if err == nil && ids[dec] {
		return ""
	}
	if strings.EqualFold(frag, "top") || strings.EqualFold(dec, "top") {
		return ""
	}
	if err == nil {
		frag = dec
	}
	return fmt.Sprintf("no element with id %q in %s", frag, target)
}

// unwrapURLError drops the "parse URL:" wrapper, the Problem names the URL.
func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// sortProblems orders problems by page, then line.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Page != ps[j].Page {
			return ps[i].Page < ps[j].Page
		}
		return ps[i].Line < ps[j].Line
	})
}
