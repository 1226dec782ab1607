package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/util"
)

// ShortcodeProblemKind says why a shortcode of the source is shown to
// readers as the writer's text.
type ShortcodeProblemKind uint8

// The problems a shortcode can have.
const (
	_                     ShortcodeProblemKind = iota
	ShortcodeUnknown                           // no built-in or site template of its name
	ShortcodeUnclosed                          // "{{<" without its ">}}"
	ShortcodeStrayClosing                      // {{< /name >}} closing nothing
	ShortcodeMissingArg                        // a built-in without what it needs
)

// ShortcodeProblem is a shortcode shown as text, and why.
type ShortcodeProblem struct {
	Line int // in the Markdown, from 1
	Name string
	Kind ShortcodeProblemKind
	// Want is what a built-in lacks (ShortcodeMissingArg), as it would be
	// written: `id="…"`.
	Want string
}

// ShortcodeProblems lists the shortcodes of src that are shown as text,
// for warnings at build time; known reports a site's own shortcode
// (layouts/shortcodes/NAME.html). A document without "{{" costs a byte
// scan.
func ShortcodeProblems(src []byte, known func(name string) bool) []ShortcodeProblem {
	if !bytes.Contains(src, []byte("{{")) {
		return nil
	}
	isKnown := func(name string) bool { return known(name) || builtins[name].render != nil }
	top, strays := pairShortcodes(scanShortcodeTags(src), isKnown)
	var out []ShortcodeProblem
	for _, t := range strays {
		kind := t.problem
		if kind == 0 {
			kind = ShortcodeUnknown
		}
		out = append(out, ShortcodeProblem{Line: lineOf(src, t.start), Name: t.name, Kind: kind})
	}
	var walk func([]*shortcodeCall)
	walk = func(calls []*shortcodeCall) {
		for _, c := range calls {
			if b, ok := builtins[c.name]; ok && !c.comment && !known(c.name) {
				if want := b.missing(c); want != "" {
					out = append(out, ShortcodeProblem{Line: lineOf(src, c.start), Name: c.name, Kind: ShortcodeMissingArg, Want: want})
				}
			}
			walk(c.children)
		}
	}
	walk(top)
	slices.SortStableFunc(out, func(a, b ShortcodeProblem) int { return a.Line - b.Line })
	return out
}

func lineOf(src []byte, at int) int { return 1 + bytes.Count(src[:at], []byte("\n")) }

// Page is what shortcodes know of the article they are in: param reads
// its params, then the site's; a site's templates see it as .Page.
type Page struct {
	Title  string
	Params map[string]any
	// SiteParams are the site's [params].
	SiteParams map[string]any
	// Bundle finds a file of the page's bundle by its name in the
	// page's folder (BundleName): links, images and figures that name
	// one point to it as published. nil for a page that is no bundle.
	Bundle func(name string) (BundleFile, bool)
}

// Param is a param of the page or, failing that, of the site, by a
// dotted name ("author.name"), as Hugo's .Param.
func (p Page) Param(name string) (any, bool) {
	for _, m := range []map[string]any{p.Params, p.SiteParams} {
		if v, ok := lookup(m, strings.Split(name, ".")); ok {
			return v, true
		}
	}
	return nil, false
}

func lookup(m map[string]any, keys []string) (any, bool) {
	for k, v := range m {
		if !strings.EqualFold(k, keys[0]) {
			continue
		}
		if len(keys) == 1 {
			return v, true
		}
		if sub, ok := v.(map[string]any); ok {
			return lookup(sub, keys[1:])
		}
	}
	return nil, false
}

// RefResolver finds the page a ref or relref shortcode names (a content
// path such as "posts/x.md" or "/posts/x", or a file name): its absolute
// and its site-relative URL.
type RefResolver func(ref string) (permalink, relPermalink string, ok bool)

// WithShortcodes gives a site's own shortcodes, by name (the file name of
// layouts/shortcodes/NAME.html without .html); one named as a built-in
// replaces it, as in Hugo. The templates are the site's: their output is
// trusted, while the writer's params and inner text reach them escaped.
func WithShortcodes(t map[string]*template.Template) Option {
	return func(c *config) { c.shortcodes = t }
}

// WithRefResolver sets how ref and relref find pages; without one, every
// ref is an error.
func WithRefResolver(f RefResolver) Option {
	return func(c *config) { c.resolveRef = f }
}

// ShortcodeError is a shortcode that cannot be written (a ref to no page,
// a param nobody set, a site template failing), at a line of the
// Markdown.
type ShortcodeError struct {
	Line int
	Name string
	Err  error
}

func (e *ShortcodeError) Error() string { return fmt.Sprintf("shortcode %q: %v", e.Name, e.Err) }
func (e *ShortcodeError) Unwrap() error { return e.Err }

// expansion is a document's shortcodes replaced by placeholders that
// goldmark passes through as text, and the HTML each stands for.
type expansion struct {
	src  []byte
	html [][]byte
	// refs are the pages its ref and relref shortcodes name.
	refs []string
}

// Placeholders are made of private-use characters: goldmark treats them
// as text, they count as no word (countWords), and a writer does not type
// them by chance.
const (
	placeholderMark  = '\uE000'
	placeholderDigit = '\uE010'
)

func placeholder(i int) string {
	var b strings.Builder
	b.WriteRune(placeholderMark)
	for _, d := range strconv.Itoa(i) {
		b.WriteRune(placeholderDigit + d - '0')
	}
	b.WriteRune(placeholderMark)
	return b.String()
}

// shortcodeRun is the state of one document's shortcode expansion.
type shortcodeRun struct {
	r    *Renderer
	src  []byte
	page Page
	out  *expansion
}

// expandShortcodes replaces the shortcodes of src by placeholders.
func (r *Renderer) expandShortcodes(src []byte, page Page) (*expansion, error) {
	e := &expansion{}
	if !bytes.Contains(src, []byte("{{")) {
		e.src = src
		return e, nil
	}
	top, _ := pairShortcodes(scanShortcodeTags(src), r.knownShortcode)
	if len(top) == 0 {
		e.src = src
		return e, nil
	}
	run := shortcodeRun{r: r, src: src, page: page, out: e}
	var b bytes.Buffer
	at := 0
	for _, c := range top {
		b.Write(src[at:c.start])
		at = c.end
		if c.comment {
			b.WriteString(c.literal)
			continue
		}
		h, err := run.call(c)
		if err != nil {
			return nil, err
		}
		b.WriteString(placeholder(len(e.html)))
		e.html = append(e.html, h)
	}
	b.Write(src[at:])
	e.src = b.Bytes()
	return e, nil
}

func (r *Renderer) knownShortcode(name string) bool {
	_, ok := r.shortcodes[name]
	return ok || builtins[name].render != nil
}

// call is the HTML of one call.
func (run *shortcodeRun) call(c *shortcodeCall) ([]byte, error) {
	if c.comment {
		return []byte(template.HTMLEscapeString(c.literal)), nil
	}
	fail := func(err error) ([]byte, error) {
		return nil, &ShortcodeError{Line: lineOf(run.src, c.start), Name: c.name, Err: err}
	}
	if t, ok := run.r.shortcodes[c.name]; ok {
		inner, err := run.inner(c)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, &ShortcodeContext{call: c, Inner: inner, Page: run.page}); err != nil {
			return fail(err)
		}
		return b.Bytes(), nil
	}
	b := builtins[c.name]
	if b.missing(c) != "" {
		// Warned about when the article was read; shown as it was typed.
		return []byte(template.HTMLEscapeString(string(run.src[c.start:c.shortcodeTag.end]))), nil
	}
	h, err := b.render(run, c)
	if err != nil {
		return fail(err)
	}
	return h, nil
}

// inner is a call's inner text as a site template gets it: in {{% %}},
// rendered as Markdown; in {{< >}}, the writer's text escaped, with the
// calls in it expanded (as Hugo's .Inner, minus raw HTML, which the site
// does not trust).
func (run *shortcodeRun) inner(c *shortcodeCall) (template.HTML, error) {
	if !c.hasInner() {
		return "", nil
	}
	if c.markdown {
		res, err := run.r.RenderPage(run.src[c.innerStart:c.innerEnd], run.page)
		if err != nil {
			if se, ok := err.(*ShortcodeError); ok {
				se.Line += lineOf(run.src, c.innerStart) - 1
			}
			return "", err
		}
		run.out.refs = append(run.out.refs, res.Refs...)
		return template.HTML(bytes.TrimSpace(res.HTML)), nil
	}
	var b strings.Builder
	at := c.innerStart
	for _, ch := range c.children {
		b.WriteString(template.HTMLEscapeString(string(run.src[at:ch.start])))
		h, err := run.call(ch)
		if err != nil {
			return "", err
		}
		b.Write(h)
		at = ch.end
	}
	b.WriteString(template.HTMLEscapeString(string(run.src[at:c.innerEnd])))
	return template.HTML(b.String()), nil
}

// ShortcodeContext is what a site's shortcode template is run with, as
// in Hugo: .Get 0, .Get "name", .Inner, .Page, .Name, .IsNamedParams.
type ShortcodeContext struct {
	call  *shortcodeCall
	Inner template.HTML
	Page  Page
}

// Get is a param by position (a number) or by name; "" when absent.
func (s *ShortcodeContext) Get(key any) string { return s.call.get(key) }

// Name is the shortcode's name.
func (s *ShortcodeContext) Name() string { return s.call.name }

// IsNamedParams reports whether the params were given by name.
func (s *ShortcodeContext) IsNamedParams() bool { return len(s.call.named) > 0 }

// fill puts each call's HTML where goldmark left its placeholder: alone
// in a paragraph, instead of the paragraph (a figure or a code block is
// no paragraph's content); in a link's address, percent-encoded by
// goldmark, there; elsewhere in the text, in place.
func (e *expansion) fill(html []byte) []byte {
	if len(e.html) == 0 {
		return html
	}
	pairs := make([]string, 0, 6*len(e.html))
	for i, h := range e.html {
		p := placeholder(i)
		pairs = append(pairs,
			"<p>"+p+"</p>\n", string(h)+"\n",
			p, string(h),
			string(util.URLEscape([]byte(p), false)), string(h))
	}
	return []byte(strings.NewReplacer(pairs...).Replace(string(html)))
}

// strip removes placeholders from text for summaries, headings and the
// search index: the facts lists keep depend on the article's file alone,
// not on templates or other pages.
func (e *expansion) strip(s string) string {
	if len(e.html) == 0 || !strings.ContainsRune(s, placeholderMark) {
		return s
	}
	pairs := make([]string, 0, 2*len(e.html))
	for i := range e.html {
		pairs = append(pairs, placeholder(i), "")
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// stripText is strip for text whose whitespace is collapsed.
func (e *expansion) stripText(s string) string {
	if t := e.strip(s); t != s {
		return strings.Join(strings.Fields(t), " ")
	}
	return s
}
