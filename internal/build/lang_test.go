package build

import (
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/i18n"
)

// TestMessageLang: --lang decides; else a language sahifa.toml sets; a
// site that sets none gets English, though its pages default to Arabic.
func TestMessageLang(t *testing.T) {
	ar, en := i18n.Arabic, i18n.English
	for _, c := range []struct {
		toml   string
		chosen *i18n.Lang
		want   i18n.Lang
	}{
		{`language = "ar"`, nil, i18n.Arabic},
		{`languageCode = "ar-IQ"`, nil, i18n.Arabic},
		{`language = "fa"`, nil, i18n.English},
		{`title = "صحيفة"`, nil, i18n.English},
		{`language = "ar"`, &en, i18n.English},
		{`title = "صحيفة"`, &ar, i18n.Arabic},
	} {
		cfg, _, err := config.Parse("sahifa.toml", []byte(c.toml))
		if err != nil {
			t.Fatal(err)
		}
		if got := MessageLang(c.chosen, cfg); got != c.want {
			t.Errorf("%s, --lang %v: %v, want %v", c.toml, c.chosen, got, c.want)
		}
	}
}
