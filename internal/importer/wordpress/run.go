// Package wordpress imports a WordPress export (WXR) into a site's
// content/: posts, drafts and pages as Markdown leaf bundles with their
// pictures beside them, old permalinks as aliases, and ?p= links as
// redirect files for the hosts that can serve them. It writes by the seed
// import's no-clobber rule (importer.Decide): nothing an editor changed
// is overwritten without force, and a re-run that changes nothing writes
// nothing.
package wordpress

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/wxr"
)

// Categories are what WordPress categories become.
const (
	// Sections files each post in its first category's top folder:
	// content/<category>/<slug>/index.md, a section at /<category>/.
	Sections = "sections"
	// Taxonomy files posts by year and lists their categories under
	// categories:, a taxonomy once the site declares it.
	Taxonomy = "taxonomy"
)

// Options of one WordPress import.
type Options struct {
	Root   string        // site root
	Config config.Config // the site's config (zone, permalinks, base URL)
	Export string        // the WXR file
	// Uploads is WordPress's wp-content/uploads folder; "" keeps pictures
	// at their old addresses.
	Uploads    string
	Categories string // Sections (default) or Taxonomy
	Force      bool
	DryRun     bool
}

// Result is what an import did.
type Result struct {
	Done                 []importer.Done // one per post and page, by Markdown path
	Posts, Drafts, Pages int
	ImagesCopied         int // pictures written beside their articles
	ImagesMissing        int // not found under Uploads: kept at their old address
	ImagesRemote         int // no Uploads given: kept at their old address
	Aliases              int
	Redirects            int // ?p= and ?page_id= links in the redirect files
	RedirectFiles        []string
	Skipped              map[string]int // why → how many
	Unconverted          int            // posts with something kept as code or text
	Warnings             []diag.Warning
}

// Count returns how many posts and pages had action a.
func (r Result) Count(a importer.Action) int {
	n := 0
	for _, d := range r.Done {
		if d.Action == a {
			n++
		}
	}
	return n
}

// Run imports the export. A broken export stops it before anything is
// written; so do URLs that would collide.
func Run(opts Options) (Result, error) {
	res := Result{Skipped: map[string]int{}}
	p := newPlan(opts.Config, opts.Categories == Taxonomy)
	if opts.Categories != "" && opts.Categories != Sections && opts.Categories != Taxonomy {
		return res, fmt.Errorf("--categories %q: say %s or %s", opts.Categories, Sections, Taxonomy)
	}
	if opts.Uploads != "" {
		if fi, err := os.Stat(opts.Uploads); err != nil || !fi.IsDir() {
			return res, fmt.Errorf("--uploads %s: not a folder; give WordPress's wp-content/uploads folder", opts.Uploads)
		}
	}
	// First pass: where everything goes, without holding any text.
	err := each(opts.Export, func(r *wxr.Reader, it *wxr.Item) error {
		if it.Type == "attachment" {
			p.addAttachment(it)
			return nil
		}
		if why := skipReason(it); why != "" {
			res.Skipped[why]++
			return nil
		}
		p.add(it)
		return nil
	}, p.setSite)
	if err != nil {
		return res, err
	}
	p.place()
	if err := p.urls(); err != nil {
		return res, fmt.Errorf("%s: the imported posts' URLs would collide; nothing was written:\n%w", opts.Export, err)
	}

	// Second pass: each post converted and written, on every core.
	w := &writer{opts: opts, plan: p}
	items := make(chan *wxr.Item, 64)
	var wg sync.WaitGroup
	outs := make([]postResult, len(p.entries))
	index := map[int]int{}
	for i, e := range p.entries {
		index[e.id] = i
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				i := index[it.ID]
				outs[i] = w.post(p.entries[i], it)
			}
		}()
	}
	seen := map[int]bool{}
	err = each(opts.Export, func(_ *wxr.Reader, it *wxr.Item) error {
		if _, ok := index[it.ID]; ok && !seen[it.ID] && skipReason(it) == "" && it.Type != "attachment" {
			seen[it.ID] = true
			items <- it
		}
		return nil
	}, nil)
	close(items)
	wg.Wait()
	if err != nil {
		return res, err
	}
	var errs []error
	for i, o := range outs {
		e := p.entries[i]
		res.Warnings = append(res.Warnings, o.warnings...)
		if o.err != nil {
			errs = append(errs, o.err)
			continue
		}
		res.Done = append(res.Done, o.done)
		switch {
		case e.page:
			res.Pages++
		case e.draft:
			res.Drafts++
		default:
			res.Posts++
		}
		if e.alias != "" {
			res.Aliases++
		}
		res.ImagesCopied += o.copied
		res.ImagesMissing += o.missing
		res.ImagesRemote += o.remote
		if o.unconverted {
			res.Unconverted++
		}
	}
	sort.Slice(res.Done, func(i, j int) bool { return res.Done[i].Markdown < res.Done[j].Markdown })
	if !opts.Taxonomy() {
		res.Warnings = append(res.Warnings, w.sectionIndexes()...)
	}
	files, n, warns, err := w.redirects()
	res.RedirectFiles, res.Redirects = files, n
	res.Warnings = append(res.Warnings, warns...)
	if err != nil {
		errs = append(errs, err)
	}
	return res, errors.Join(errs...)
}

// Taxonomy reports whether categories become a taxonomy.
func (o Options) Taxonomy() bool { return o.Categories == Taxonomy }

// each reads the export, calling site with the channel's header before the
// first item (nil: not wanted) and fn with each item.
func each(name string, fn func(*wxr.Reader, *wxr.Item) error, site func(wxr.Site)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	r := wxr.NewReader(f, filepath.ToSlash(name))
	first := true
	for {
		it, err := r.Next()
		if first && site != nil && (err == nil || err == io.EOF) {
			site(r.Site())
		}
		first = false
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(r, it); err != nil {
			return err
		}
	}
}

// writer writes what the plan placed.
type writer struct {
	opts Options
	plan *plan
}

// postResult is what importing one post gave.
type postResult struct {
	done                    importer.Done
	err                     error
	warnings                []diag.Warning
	copied, missing, remote int
	unconverted             bool
}

// post converts one item and writes its Markdown and pictures.
func (w *writer) post(e *entry, it *wxr.Item) postResult {
	var out postResult
	a := article{e: e}
	w.plan.fill(&a, it)
	pics := &pictures{w: w, e: e, out: &out, names: map[string]string{}}
	if att, ok := w.plan.attachments[e.thumbnail]; ok && e.thumbnail != 0 {
		a.image, a.caption, a.alt = pics.place(att.url), att.caption, att.alt
	}
	body, err := Convert(it.Content, pics.place)
	if err != nil {
		out.err = diag.Errorf(w.opts.Export, e.line, 0, "%s: converting its HTML: %v", e.describe(), err)
		return out
	}
	a.body = body.Markdown
	if len(body.Unconverted) > 0 {
		out.unconverted = true
		out.warnings = append(out.warnings, diag.Warning{Path: w.opts.Export, Line: e.line,
			Msg: fmt.Sprintf("%s (%s): %s kept as it was written (a code block or text) for want of a Markdown form; edit %s",
				e.describe(), e.title, strings.Join(dedupe(body.Unconverted), ", "), e.markdown)})
	}
	md, err := a.markdown(w.plan.taxonomy)
	if err != nil {
		out.err = diag.Errorf(w.opts.Export, e.line, 0, "%s: %v", e.describe(), err)
		return out
	}
	out.done, out.err = w.write(e, md)
	if out.err == nil {
		pics.write(out.done.Action)
	}
	return out
}

// write writes one Markdown file as importer.Decide says.
func (w *writer) write(e *entry, md []byte) (importer.Done, error) {
	d := importer.Done{Seed: source(e.id), Markdown: e.markdown}
	target := filepath.Join(w.opts.Root, filepath.FromSlash(e.markdown))
	existing, err := os.ReadFile(target)
	exists := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return d, err
	}
	d.Action = importer.Decide(existing, exists, md, source(e.id), sourceHash(md), w.opts.Force)
	if w.opts.DryRun {
		return d, nil
	}
	switch d.Action {
	case importer.Create:
		err = output.CreateNew(target, md)
	case importer.Update, importer.Force:
		err = output.Replace(target, md)
	}
	return d, err
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
