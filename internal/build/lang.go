package build

import (
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/i18n"
)

// MessageLang is the language of sahifa's messages about a site: chosen
// (--lang) when given, else the site's language when sahifa.toml sets one
// (a site that says nothing gets English, whatever its pages' default),
// else English.
func MessageLang(chosen *i18n.Lang, cfg config.Config) i18n.Lang {
	switch {
	case chosen != nil:
		return *chosen
	case cfg.LanguageSet:
		return i18n.ForTag(cfg.Language)
	}
	return i18n.English
}
