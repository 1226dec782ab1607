package markdown

import (
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
)

// builtin is one of Hugo's shortcodes that sahifa writes itself. Those
// that embed another site (youtube, vimeo, x, instagram, gist) become a
// link to it with an Arabic label: the page asks nothing of that site, so
// it cannot follow the reader, until the reader follows the link.
type builtin struct {
	needs  []need // what the call must give
	render func(*shortcodeRun, *shortcodeCall) ([]byte, error)
}

// need is a param a built-in cannot do without: by name or, in Hugo's
// short form, at a position (-1: by name only; inner: the closing tag).
type need struct {
	name  string
	pos   int
	inner bool
}

// missing is the first param c lacks, as the writer would add it ("" for
// none).
func (b builtin) missing(c *shortcodeCall) string {
	for _, n := range b.needs {
		switch {
		case n.inner && !c.hasInner():
			return "{{< /" + c.name + " >}}"
		case !n.inner && c.arg(n.name, n.pos) == "":
			return n.name + `="…"`
		}
	}
	return ""
}

var builtins = map[string]builtin{
	"figure":    {needs: []need{{name: "src", pos: -1}}, render: figure},
	"youtube":   {needs: []need{{name: "id", pos: 0}}, render: youtube},
	"vimeo":     {needs: []need{{name: "id", pos: 0}}, render: vimeo},
	"x":         {needs: []need{{name: "id", pos: 0}}, render: post},
	"tweet":     {needs: []need{{name: "id", pos: 0}}, render: post},
	"instagram": {needs: []need{{name: "id", pos: 0}}, render: instagram},
	"gist":      {needs: []need{{name: "user", pos: 0}, {name: "id", pos: 1}}, render: gist},
	"highlight": {needs: []need{{inner: true}}, render: highlight},
	"ref":       {needs: []need{{name: "path", pos: 0}}, render: ref},
	"relref":    {needs: []need{{name: "path", pos: 0}}, render: ref},
	"param":     {needs: []need{{name: "name", pos: 0}}, render: param},
}

var esc = template.HTMLEscapeString

// linkOut is a paragraph with a link to another site, labelled in Arabic.
func linkOut(class, href, title, label string) []byte {
	text := esc(label)
	if title != "" {
		text = `<span class="embed-title">` + esc(title) + `</span> ` + text
	}
	return []byte(`<p class="embed embed-` + class + `"><a href="` + esc(href) + `" rel="external noopener">` + text + `</a></p>`)
}

func youtube(_ *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	u := "https://www.youtube.com/watch?v=" + url.QueryEscape(c.arg("id", 0))
	if s := c.get("start"); s != "" {
		u += "&t=" + url.QueryEscape(s) + "s"
	}
	return linkOut("youtube", u, c.get("title"), "▶ شاهد الفيديو على يوتيوب"), nil
}

func vimeo(_ *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	return linkOut("vimeo", "https://vimeo.com/"+url.PathEscape(c.arg("id", 0)), c.get("title"), "▶ شاهد الفيديو على فيميو"), nil
}

// post is x and tweet: {{< x user="…" id="…" >}}, or an id alone
// (Hugo's older tweet form).
func post(_ *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	id, user := c.get("id"), c.get("user")
	if id == "" {
		id = c.get(len(c.positional) - 1)
		if len(c.positional) > 1 {
			user = c.get(0)
		}
	}
	label := "اقرأ المنشور على X"
	if user == "" {
		user = "i"
	} else {
		label += " من @" + user
	}
	return linkOut("x", "https://x.com/"+url.PathEscape(user)+"/status/"+url.PathEscape(id), "", label), nil
}

func instagram(_ *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	return linkOut("instagram", "https://www.instagram.com/p/"+url.PathEscape(c.arg("id", 0))+"/", "", "شاهد المنشور على إنستغرام"), nil
}

func gist(_ *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	u := "https://gist.github.com/" + url.PathEscape(c.arg("user", 0)) + "/" + url.PathEscape(c.arg("id", 1))
	label := "اقرأ الشيفرة على GitHub Gist"
	if f := c.arg("file", 2); f != "" {
		// GitHub's anchor for a file of a gist.
		u += "#file-" + url.PathEscape(strings.ReplaceAll(strings.ToLower(f), ".", "-"))
		label += ": " + f
	}
	return linkOut("gist", u, "", label), nil
}

// highlight is a code block, as a fenced one in Markdown is written; the
// theme's code styles apply.
func highlight(run *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	code := string(run.src[c.innerStart:c.innerEnd])
	code = strings.TrimPrefix(strings.TrimPrefix(code, "\r"), "\n")
	code = strings.TrimRight(code, " \t\r\n") + "\n"
	class := ""
	if lang := c.arg("lang", 0); lang != "" {
		class = ` class="language-` + esc(lang) + `"`
	}
	return []byte("<pre><code" + class + ">" + esc(code) + "</code></pre>"), nil
}

// figure is Hugo's figure: an image with an optional link, title,
// caption and attribution, all text escaped.
func figure(run *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	var b strings.Builder
	b.WriteString("<figure")
	if class := c.get("class"); class != "" {
		b.WriteString(` class="` + esc(class) + `"`)
	}
	b.WriteString(">")
	link := c.get("link")
	if link != "" {
		b.WriteString(`<a href="` + esc(run.r.rebase(link)) + `"`)
		if t := c.get("target"); t != "" {
			b.WriteString(` target="` + esc(t) + `"`)
		}
		if rel := c.get("rel"); rel != "" {
			b.WriteString(` rel="` + esc(rel) + `"`)
		}
		b.WriteString(">")
	}
	title, caption, attr := c.get("title"), c.get("caption"), c.get("attr")
	alt := c.get("alt")
	if alt == "" {
		alt = caption
	}
	src := run.r.rebase(c.get("src"))
	// A file of the page's bundle (src="photo.jpg") as published, at
	// its sizes unless the writer gave some.
	f, inBundle := run.bundleFile(c.get("src"))
	if inBundle {
		src = f.URL
	}
	b.WriteString(`<img src="` + esc(src) + `" alt="` + esc(alt) + `"`)
	if inBundle && f.Srcset != "" && c.get("width") == "" && c.get("height") == "" {
		b.WriteString(` srcset="` + esc(f.Srcset) + `" sizes="` + esc(f.Sizes) + `" width="` + strconv.Itoa(f.Width) + `" height="` + strconv.Itoa(f.Height) + `"`)
	}
	for _, a := range []string{"width", "height"} {
		if v := c.get(a); v != "" {
			b.WriteString(" " + a + `="` + esc(v) + `"`)
		}
	}
	b.WriteString(` loading="lazy">`)
	if link != "" {
		b.WriteString("</a>")
	}
	if title != "" || caption != "" || attr != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<h4>" + esc(title) + "</h4>")
		}
		if caption != "" || attr != "" {
			b.WriteString("<p>" + esc(caption))
			if attr != "" {
				if caption != "" {
					b.WriteString(" ")
				}
				if al := c.get("attrlink"); al != "" {
					b.WriteString(`<a href="` + esc(run.r.rebase(al)) + `">` + esc(attr) + "</a>")
				} else {
					b.WriteString(esc(attr))
				}
			}
			b.WriteString("</p>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return []byte(b.String()), nil
}

// rebase puts a site-relative address under the site's base path, as
// links in the Markdown are (basePathTransformer).
func (r *Renderer) rebase(dest string) string {
	return string(basePathTransformer{base: strings.TrimSuffix(r.basePath, "/")}.rebase([]byte(dest)))
}

// ref and relref are the address of another page of the site: ref's
// absolute, relref's site-relative, with the #fragment given.
func ref(run *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	target, fragment, _ := strings.Cut(c.arg("path", 0), "#")
	run.out.refs = append(run.out.refs, target)
	var abs, rel string
	ok := false
	if run.r.resolveRef != nil {
		abs, rel, ok = run.r.resolveRef(target)
	}
	if !ok {
		return nil, fmt.Errorf("no page %q: name a file under content/, as in {{< %s \"posts/my-story.md\" >}}", target, c.name)
	}
	u := rel
	if c.name == "ref" {
		u = abs
	}
	if fragment != "" {
		u += "#" + fragment
	}
	return []byte(esc(u)), nil
}

var errNoParam = errors.New("set it in the front matter or under [params] in sahifa.toml")

func param(run *shortcodeRun, c *shortcodeCall) ([]byte, error) {
	name := c.arg("name", 0)
	v, ok := run.page.Param(name)
	if !ok {
		return nil, fmt.Errorf("no param %q: %w", name, errNoParam)
	}
	return []byte(esc(fmt.Sprint(v))), nil
}
