package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// MenuEntry is one link of a menu, Hugo's [[menu.main]]: a name and where
// it goes, a URL or a page of the site (PageRef, resolved when the site
// is assembled), its place (Weight) and, for a child, its parent's name.
type MenuEntry struct {
	Name string
	// Identifier tells entries of one name apart as parents; default Name.
	Identifier string
	URL        string
	// PageRef is a section's folder ("economy" or "/economy") or an
	// article's file under content/ ("economy/budget.md").
	PageRef string
	Weight  int
	Parent  string
	// File, Line and Col are where the entry is written, for messages
	// about it found later (a pageRef naming no page).
	// They are left out of the JSON that output keys hash: moving an
	// entry down a line changes no page.
	File      string `json:"-"`
	Line, Col int    `json:"-"`
}

// menuKeys are the keys of a menu entry, in Hugo's spelling.
var menuKeys = []string{"name", "identifier", "url", "pageRef", "weight", "parent"}

// applyMenu reads Hugo's menus: [[menu.main]] tables (or [[menus.main]],
// or main = [{…}] under [menu]), any number of menus by name. Each menu
// is ordered by weight (weighted entries first, lightest first), then as
// written. A child names its parent, and children have no children:
// one level, as a newspaper's section bar has.
func applyMenu(p *parser, a assignment) {
	menus, ok := a.value.(map[string]any)
	if !ok {
		p.fail(a, "must be tables such as [[menu.main]] with name and url, got %s", describe(a.value))
		return
	}
	names := make([]string, 0, len(menus))
	for name := range menus {
		names = append(names, name)
	}
	sort.Strings(names)
	out := map[string][]MenuEntry{}
	for _, name := range names {
		list, ok := entriesOf(menus[name])
		if !ok {
			p.fail(a, "%s must be tables such as [[menu.%s]] with name and url, got %s", name, name, describe(menus[name]))
			continue
		}
		var entries []MenuEntry
		for i, raw := range list {
			if e, ok := p.menuEntry(a, name, i, raw); ok {
				entries = append(entries, e)
			}
		}
		p.checkParents(a, name, entries)
		sort.SliceStable(entries, func(i, j int) bool {
			wi, wj := entries[i].Weight, entries[j].Weight
			if (wi != 0) != (wj != 0) {
				return wi != 0
			}
			return wi < wj
		})
		out[name] = entries
	}
	p.cfg.Menus = out
}

func entriesOf(v any) ([]map[string]any, bool) {
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}

// entryPlace is where entry i of menu name is written, or its key's place
// when the file writes the menu inline.
func (p *parser) entryPlace(a assignment, menu string, i int, key string) place {
	parts := append(append([]string(nil), a.parts...), menu, entryPart(i))
	if key != "" {
		parts = append(parts, key)
	}
	if pl := a.file.place(parts); pl.keyLine > 0 {
		return pl
	}
	return a.place
}

func (p *parser) menuEntry(a assignment, menu string, i int, raw map[string]any) (MenuEntry, bool) {
	at := p.entryPlace(a, menu, i, "")
	e := MenuEntry{File: a.file.name, Line: at.keyLine, Col: at.keyCol}
	label := fmt.Sprintf("%s entry %d", menu, i+1)
	ok := true
	bad := func(key, format string, args ...any) {
		pl := p.entryPlace(a, menu, i, key)
		line, col := pl.at()
		p.failAt(a, line, col, label+": "+format, args...)
		ok = false
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		var dst *string
		switch strings.ToLower(k) {
		case "name":
			dst = &e.Name
		case "identifier":
			dst = &e.Identifier
		case "url":
			dst = &e.URL
		case "pageref":
			dst = &e.PageRef
		case "parent":
			dst = &e.Parent
		case "weight":
			n, isInt := v.(int64)
			if !isInt {
				bad(k, "weight must be a whole number, got %s%s", describe(v), unquoteHint(v))
				continue
			}
			e.Weight = int(n)
			continue
		default:
			pl := p.entryPlace(a, menu, i, k)
			msg := fmt.Sprintf("unknown key %q in %s", k, label)
			if near := diag.Closest(k, menuKeys); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			} else {
				msg += " (known: " + strings.Join(menuKeys, ", ") + ")"
			}
			p.warns = append(p.warns, diag.Warning{Path: a.file.name, Line: pl.keyLine, Col: pl.keyCol, Msg: msg})
			continue
		}
		s, isStr := v.(string)
		if !isStr {
			bad(k, "%s must be a string, got %s", k, describe(v))
			continue
		}
		*dst = strings.TrimSpace(s)
	}
	switch {
	case e.Name == "":
		bad("", "needs a name, the link's text: name = \"اقتصاد\"")
	case e.URL == "" && e.PageRef == "":
		bad("", "%q needs url = \"/economy/\" or pageRef = \"economy\" (a section's folder or an article's file)", e.Name)
	case e.URL != "" && e.PageRef != "":
		bad("pageRef", "%q has both url and pageRef; keep one", e.Name)
	}
	if e.Identifier == "" {
		e.Identifier = e.Name
	}
	return e, ok
}

// checkParents reports parents that name no entry, and children of
// children.
func (p *parser) checkParents(a assignment, menu string, entries []MenuEntry) {
	byID := map[string]MenuEntry{}
	var ids []string
	for _, e := range entries {
		byID[e.Identifier] = e
		ids = append(ids, e.Identifier)
	}
	for _, e := range entries {
		if e.Parent == "" {
			continue
		}
		parent, ok := byID[e.Parent]
		switch {
		case !ok:
			hint := ""
			if near := diag.Closest(e.Parent, ids); near != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", near)
			}
			p.errs = append(p.errs, diag.Errorf(a.file.name, e.Line, e.Col, "%s: %s entry %q: parent %q names no entry of the menu%s",
				dotted(a.parts), menu, e.Name, e.Parent, hint))
		case parent.Parent != "":
			p.errs = append(p.errs, diag.Errorf(a.file.name, e.Line, e.Col, "%s: %s entry %q: its parent %q is itself a child; menus have one level of children",
				dotted(a.parts), menu, e.Name, e.Parent))
		}
	}
}
