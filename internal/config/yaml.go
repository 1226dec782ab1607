package config

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/sahifa/sahifa/internal/diag"
)

// decodeYAML reads a settings file in YAML, or in JSON, which YAML reads
// too (Hugo's hugo.yaml, config.json, config/_default/params.yaml), into
// the values TOML gives, so that one parser checks both: tables as
// map[string]any, arrays as []any, integers as int64. places says where
// each key path is written, as locate does for TOML: the entries of an
// array of tables (menus, deployment targets) under entryPart.
func decodeYAML(name string, data []byte) (map[string]any, map[string]place, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, yamlError(name, err)
	}
	// Aliases are followed where they are used, so a file of nested
	// aliases (a "billion laughs") could stand for more than any settings
	// need: the nodes visited are capped by the file's size, and so is
	// the depth, which an alias of its own ancestor would make endless.
	l := yamlLocator{data: data, places: map[string]place{}, lines: lineStarts(data), budget: 64*len(data) + 4096}
	if len(root.Content) == 0 {
		return map[string]any{}, l.places, nil // an empty file
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, nil, diag.At(name, top.Line, top.Column, errors.New("the settings must be keys with values (key: value), not a list or a single value"))
	}
	v, err := l.value(top, nil)
	if err != nil {
		return nil, nil, diag.At(name, 0, 0, err)
	}
	return v.(map[string]any), l.places, nil
}

type yamlLocator struct {
	data   []byte
	places map[string]place
	lines  []int // byte offset of each line's start
	budget int   // nodes still to visit
}

// maxYAMLDepth is deeper than any settings file nests its tables.
const maxYAMLDepth = 64

// value is node n, found at path, as TOML would give it.
func (l *yamlLocator) value(n *yaml.Node, path []string) (any, error) {
	l.budget--
	if l.budget < 0 || len(path) > maxYAMLDepth {
		return nil, fmt.Errorf("line %d: the aliases here stand for more than a settings file holds", n.Line)
	}
	switch n.Kind {
	case yaml.AliasNode:
		return l.value(n.Alias, path)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key must be a word, not a list or a table", k.Line)
			}
			p := append(append([]string(nil), path...), k.Value)
			if key := exactPath(p); !hasPlace(l.places, key) {
				l.places[key] = place{keyLine: k.Line, keyCol: k.Column, valLine: v.Line, valCol: v.Column, valOff: l.offset(v.Line, v.Column)}
			}
			val, err := l.value(v, p)
			if err != nil {
				return nil, err
			}
			m[k.Value] = val
		}
		return m, nil
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			p := path
			if c.Kind == yaml.MappingNode {
				p = append(append([]string(nil), path...), entryPart(i))
				l.places[exactPath(p)] = place{keyLine: c.Line, keyCol: c.Column, valOff: -1}
			}
			v, err := l.value(c, p)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, fmt.Errorf("line %d: %w", n.Line, err)
	}
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case uint64:
		if x > math.MaxInt64 {
			return float64(x), nil
		}
		return int64(x), nil
	case float64:
		// JSON has one kind of number: a whole one is an integer, as
		// TOML's 5 is (paginate = 5, "paginate": 5).
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 && !bytes.ContainsAny([]byte(n.Value), ".eE") {
			return int64(x), nil
		}
	}
	return v, nil
}

func hasPlace(places map[string]place, key string) bool {
	_, ok := places[key]
	return ok
}

// offset is the byte offset of a 1-based line and column (counted in
// runes by YAML; the values whose text is searched, permalinks, are
// looked for from the offset on, so a column past a multi-byte letter
// only starts the search early on that line).
func (l *yamlLocator) offset(line, col int) int {
	if line < 1 || line > len(l.lines) {
		return -1
	}
	return min(l.lines[line-1]+col-1, len(l.data))
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlError is a YAML syntax error at the line its message names.
func yamlError(name string, err error) error {
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return diag.At(name, line, 0, err)
}
