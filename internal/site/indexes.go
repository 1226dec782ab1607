package site

import (
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/content"
)

// Meta is what the section's _index.md says (zero for none).
func (sec *Section) Meta() content.SectionMeta { return sec.meta }

// Meta is what the term's _index.md says, Hugo's
// content/tags/<term>/_index.md (zero for none).
func (t *Term) Meta() content.SectionMeta { return t.meta }

// nameTerms gives each term with an _index.md (metas, Folder
// "tags/<term>") its title, description, picture and aliases. The folder
// names the term by its slug, as Hugo's does, or by any spelling of it.
func (s *Site) nameTerms(tx *Taxonomy, metas []content.SectionMeta) {
	byFolder := map[string]content.SectionMeta{}
	for _, m := range metas {
		if dir, term, ok := strings.Cut(m.Folder, "/"); ok && dir == tx.Name {
			byFolder[TermKey(term)] = m
		}
	}
	if len(byFolder) == 0 {
		return
	}
	for _, t := range tx.Terms {
		slug := path.Base(strings.TrimSuffix(t.RelPermalink, "/"))
		m, ok := byFolder[TermKey(slug)]
		if !ok {
			m, ok = byFolder[t.Key]
		}
		if !ok {
			continue
		}
		t.meta = m
		if m.Title != "" {
			t.Name = m.Title // its URL stays the one its spellings made
		}
	}
}

// termAliases claims each term's aliases after every page's own URL,
// and adds their redirects.
func (s *Site) termAliases(claims claims) []error {
	var errs []error
	for _, tx := range s.Taxonomies {
		for _, t := range tx.Terms {
			errs = append(errs, s.indexAliases(claims, t.meta, t.Name, t.RelPermalink)...)
		}
	}
	return errs
}
