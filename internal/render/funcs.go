package render

import (
	"fmt"
	"html/template"
	"time"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/config"
)

// funcMap is the set of functions templates may call (documented in
// docs/templates.md). They close over the site's config and assets; nothing
// is global.
func funcMap(cfg config.Config, assets map[string]Asset) template.FuncMap {
	return template.FuncMap{
		"relURL": func(p string) string { return escapePath(cfg.RelURL(p)) },
		"absURL": func(p string) string { return escapePath(cfg.AbsURL(p)) },
		"asset": func(name string) (Asset, error) {
			a, ok := assets[name]
			if !ok {
				return Asset{}, fmt.Errorf("asset %q not found in assets/", name)
			}
			return a, nil
		},
		"arDate":      func(t time.Time) string { return arabic.LongDate(t.In(location(cfg))) },
		"isoDate":     func(t time.Time) string { return t.In(location(cfg)).Format(time.RFC3339) },
		"year":        func(t time.Time) int { return t.In(location(cfg)).Year() },
		"readingTime": arabic.Minutes,
	}
}

func location(cfg config.Config) *time.Location {
	if cfg.Location == nil {
		return time.UTC
	}
	return cfg.Location
}
