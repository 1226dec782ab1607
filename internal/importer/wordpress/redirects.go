package wordpress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/output"
)

// Where the redirect files for ?p= links go: _redirects in static/, so
// the build publishes it at the site's root where Netlify reads it; the
// nginx map at the site's root, for the server's configuration, not the
// site.
const (
	RedirectsFile = "static/_redirects"
	NginxFile     = "wordpress-redirects.nginx.conf"
)

// redirect is one ?p=ID (or ?page_id=ID) link and where it goes now.
type redirect struct {
	param, id, to string
}

// redirectList is every published post's and page's ?p= link, by ID.
func (w *writer) redirectList() []redirect {
	base := strings.TrimSuffix(basePath(w.opts.Config.BaseURL), "/")
	var out []redirect
	for _, e := range w.plan.entries {
		if e.draft || e.newURL == "" {
			continue
		}
		to := (&url.URL{Path: base + e.newURL}).EscapedPath()
		param := "p"
		if e.page {
			param = "page_id"
		}
		out = append(out, redirect{param: param, id: fmt.Sprint(e.id), to: to})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].param != out[j].param {
			return out[i].param < out[j].param
		}
		return len(out[i].id) < len(out[j].id) || len(out[i].id) == len(out[j].id) && out[i].id < out[j].id
	})
	return out
}

// basePath is the path of a base URL ("/" or "/news/").
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// redirects writes the two redirect files, each by the no-clobber rule:
// one an editor changed (its fingerprint line no longer matches) is left
// alone unless forced. It returns the files written or already right,
// and how many links each holds.
func (w *writer) redirects() ([]string, int, []diag.Warning, error) {
	list := w.redirectList()
	if len(list) == 0 {
		return nil, 0, nil, nil
	}
	old := oldBasePath(w.plan.site)
	var netlify, nginx strings.Builder
	netlify.WriteString("# WordPress's ?p= and ?page_id= links, for Netlify (301! because the home page is a file, which a plain rule would not shadow; Cloudflare Pages ignores query strings here).\n")
	nginx.WriteString(`# WordPress's ?p= and ?page_id= links. In nginx's http block: include this file;
# in the site's server block:
#   location = ` + old + ` { if ($wordpress_redirect) { return 301 $wordpress_redirect; } try_files $uri $uri/index.html =404; }
map "$arg_p:$arg_page_id" $wordpress_redirect {
    default "";
`)
	for _, r := range list {
		fmt.Fprintf(&netlify, "%s %s=%s %s 301!\n", old, r.param, r.id, r.to)
		key := r.id + ":"
		if r.param == "page_id" {
			key = ":" + r.id
		}
		fmt.Fprintf(&nginx, "    %q %q;\n", key, r.to)
	}
	nginx.WriteString("}\n")
	var files []string
	var warns []diag.Warning
	var errs []error
	for _, f := range []struct{ rel, text string }{{RedirectsFile, netlify.String()}, {NginxFile, nginx.String()}} {
		warn, err := w.writeStamped(f.rel, f.text)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if warn != nil {
			warns = append(warns, *warn)
			continue
		}
		files = append(files, f.rel)
	}
	return files, len(list), warns, errors.Join(errs...)
}

// stampPrefix opens the line that fingerprints a file the import wrote.
const stampPrefix = "# sahifa import --from wordpress wrote this file; sha256 of the rest: "

// writeStamped writes text to rel under the site with a first line that
// fingerprints it: a file whose fingerprint still matches is the import's
// to refresh; any other is left alone unless forced.
func (w *writer) writeStamped(rel, text string) (*diag.Warning, error) {
	sum := sha256.Sum256([]byte(text))
	data := []byte(stampPrefix + hex.EncodeToString(sum[:]) + "\n" + text)
	target := filepath.Join(w.opts.Root, filepath.FromSlash(rel))
	existing, err := os.ReadFile(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if w.opts.DryRun {
			return nil, nil
		}
		return nil, output.CreateNew(target, data)
	case err != nil:
		return nil, err
	case bytes.Equal(existing, data):
		return nil, nil
	case !w.opts.Force && !stampedUntouched(existing):
		return &diag.Warning{Path: rel, Msg: "not written by an import, or edited since; left as it is (sahifa import --force overwrites it)"}, nil
	}
	if w.opts.DryRun {
		return nil, nil
	}
	return nil, output.Replace(target, data)
}

// stampedUntouched reports whether a stamped file is as the import wrote it.
func stampedUntouched(data []byte) bool {
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	hash, stamped := bytes.CutPrefix(first, []byte(stampPrefix))
	sum := sha256.Sum256(rest)
	return ok && stamped && string(hash) == hex.EncodeToString(sum[:])
}

// sectionIndexes writes a section's _index.md, naming it after its
// category, where none is: a section without one is named after its
// folder, and an existing one is the editor's.
func (w *writer) sectionIndexes() []diag.Warning {
	var warns []diag.Warning
	done := map[string]bool{}
	for _, e := range w.plan.entries {
		if e.page || e.category == "" {
			continue
		}
		top := w.plan.topOf[e.category]
		if top == "" {
			top = e.category
		}
		dir := path.Dir(path.Dir(e.markdown))
		if done[dir] || path.Dir(dir) != "content" {
			continue
		}
		done[dir] = true
		target := filepath.Join(w.opts.Root, filepath.FromSlash(dir), "_index.md")
		if _, err := os.Lstat(target); err == nil || w.opts.DryRun {
			continue
		}
		name := w.plan.names[top]
		if name == "" {
			name = path.Base(dir)
		}
		fm, err := frontmatter.EncodeYAML([]frontmatter.Field{{Key: "title", Value: name}})
		if err == nil {
			err = output.CreateNew(target, append(append([]byte("---\n"), fm...), "---\n"...))
		}
		if err != nil {
			warns = append(warns, diag.Warning{Path: path.Join(dir, "_index.md"), Msg: err.Error()})
		}
	}
	return warns
}
