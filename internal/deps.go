package internal

import (
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/pelletier/go-toml/v2"
	_ "github.com/spf13/pflag"
	_ "github.com/tdewolff/minify/v2"
	_ "github.com/tdewolff/minify/v2/html"
	_ "github.com/yuin/goldmark"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/text/unicode/norm"
)
