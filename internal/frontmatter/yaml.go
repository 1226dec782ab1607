package frontmatter

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/sahifa/sahifa/internal/i18n"
	"go.yaml.in/yaml/v3"
)

// decodeYAML parses YAML front matter into its top-level fields.
func decodeYAML(src source) ([]Field, error) {
	src.ylines = yamlLineStarts(src.text)
	var doc yaml.Node
	if err := yaml.Unmarshal(src.text, &doc); err != nil {
		return nil, src.yamlSyntaxError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil // empty, or only comments
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, src.nodeErr(root, i18n.New(i18n.NotMapping, describeNode(root)))
	}
	c := newYAMLConv(src)
	if tooManyAliases(root) {
		return nil, src.nodeErr(root, fmt.Errorf("aliases expand to more than %d values", maxAliasExpansion))
	}
	pairs, err := c.pairs(root)
	if err != nil {
		return nil, err
	}
	fields := make([]Field, 0, len(pairs))
	for _, p := range pairs {
		v, err := c.value(p.val)
		if err != nil {
			return nil, err
		}
		line, col := src.nodePos(p.val)
		fields = append(fields, Field{Key: p.key, Value: v, Line: line, Col: col})
	}
	return fields, nil
}

// yamlPair is one effective key/value of a mapping, after merge keys.
type yamlPair struct {
	key string
	val *yaml.Node
}

// yamlConv converts yaml.Node trees to normalised values. Containers are
// converted once and shared, so aliases cannot blow up time or memory.
type yamlConv struct {
	src         source
	values      map[*yaml.Node]any
	pairsOf     map[*yaml.Node][]yamlPair
	activeValue map[*yaml.Node]bool // containers being converted
	activePairs map[*yaml.Node]bool // mappings whose pairs are being built
}

func newYAMLConv(src source) *yamlConv {
	return &yamlConv{
		src:         src,
		values:      map[*yaml.Node]any{},
		pairsOf:     map[*yaml.Node][]yamlPair{},
		activeValue: map[*yaml.Node]bool{},
		activePairs: map[*yaml.Node]bool{},
	}
}

// pairs returns the effective key/value pairs of mapping n in order: its own
// keys, with the keys brought in by "<<" merge keys inserted where the merge
// key stands unless n (or an earlier merge) already defines them.
// Duplicate explicit keys are an error.
func (c *yamlConv) pairs(n *yaml.Node) ([]yamlPair, error) {
	if ps, ok := c.pairsOf[n]; ok {
		return ps, nil
	}
	c.activePairs[n] = true
	defer delete(c.activePairs, n)

	explicit := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if isMergeKey(k) {
			continue
		}
		key, err := c.key(k)
		if err != nil {
			return nil, err
		}
		if first, dup := explicit[key]; dup {
			line, _ := c.src.nodePos(first)
			return nil, c.src.nodeErr(k, i18n.New(i18n.DuplicateKey, key, line))
		}
		explicit[key] = k
	}

	var out []yamlPair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !isMergeKey(k) {
			key, _ := c.key(k) // checked in the first loop
			out = append(out, yamlPair{key: key, val: v})
			seen[key] = true
			continue
		}
		sources, err := c.mergeSources(v)
		if err != nil {
			return nil, err
		}
		for _, s := range sources {
			sub, err := c.pairs(s)
			if err != nil {
				return nil, err
			}
			for _, p := range sub {
				if explicit[p.key] == nil && !seen[p.key] {
					out = append(out, p)
					seen[p.key] = true
				}
			}
		}
	}
	c.pairsOf[n] = out
	return out, nil
}

// key returns the text of a mapping key, which must be a scalar.
func (c *yamlConv) key(k *yaml.Node) (string, error) {
	n := k
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		return "", c.src.nodeErr(k, fmt.Errorf("a key must be a scalar, not %s", describeNode(n)))
	}
	return n.Value, nil
}

// isMergeKey reports whether k is the YAML merge key "<<".
func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge"
}

// mergeSources returns the mappings named by the value of a "<<" key: a
// mapping or a sequence of mappings, each possibly an alias.
func (c *yamlConv) mergeSources(v *yaml.Node) ([]*yaml.Node, error) {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	out := make([]*yaml.Node, 0, len(items))
	for _, it := range items {
		m := it
		if m.Kind == yaml.AliasNode && m.Alias != nil {
			m = m.Alias
		}
		if m.Kind != yaml.MappingNode {
			return nil, c.src.nodeErr(it, fmt.Errorf("a merge key (<<) needs a mapping or a list of mappings, not %s", describeNode(m)))
		}
		if c.activePairs[m] {
			return nil, c.src.nodeErr(it, errors.New("merged mapping contains itself"))
		}
		out = append(out, m)
	}
	return out, nil
}

// value converts n to a normalised value.
func (c *yamlConv) value(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return c.scalar(n)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, c.src.nodeErr(n, i18n.New(i18n.UnknownAnchor, n.Value))
		}
		if c.activeValue[n.Alias] {
			return nil, c.src.nodeErr(n, fmt.Errorf("alias *%s refers to a value that contains it", n.Value))
		}
		return c.value(n.Alias)
	case yaml.SequenceNode, yaml.MappingNode:
		if v, ok := c.values[n]; ok {
			return v, nil
		}
		if c.activeValue[n] {
			return nil, c.src.nodeErr(n, errors.New("value contains itself"))
		}
		c.activeValue[n] = true
		defer delete(c.activeValue, n)
		v, err := c.container(n)
		if err != nil {
			return nil, err
		}
		c.values[n] = v
		return v, nil
	}
	return nil, c.src.nodeErr(n, fmt.Errorf("unexpected %s", describeNode(n)))
}

// container converts a sequence to []any or a mapping to map[string]any.
func (c *yamlConv) container(n *yaml.Node) (any, error) {
	if n.Kind == yaml.SequenceNode {
		list := make([]any, 0, len(n.Content))
		for _, item := range n.Content {
			v, err := c.value(item)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	}
	pairs, err := c.pairs(n)
	if err != nil {
		return nil, err
	}
	m := make(map[string]any, len(pairs))
	for _, p := range pairs {
		v, err := c.value(p.val)
		if err != nil {
			return nil, err
		}
		m[p.key] = v
	}
	return m, nil
}

// scalar converts a scalar node. Timestamps keep their source text.
func (c *yamlConv) scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		return n.Value, nil
	case "!!null":
		return nil, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, c.src.nodeErr(n, errors.New(cleanYAMLMessage(err.Error())))
	}
	switch x := v.(type) {
	case nil, string, bool, float64:
		return x, nil
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	case uint64:
		if x > math.MaxInt64 {
			return nil, c.src.nodeErr(n, fmt.Errorf("integer %s is too large", n.Value))
		}
		return int64(x), nil
	case []byte:
		return string(x), nil
	case time.Time:
		return n.Value, nil
	}
	return n.Value, nil
}

// describeNode names the kind of a node for error messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null"
		case "!!str":
			return "a string"
		}
		return "a scalar (" + n.ShortTag() + ")"
	}
	return "a document"
}

// maxAliasExpansion bounds how many values aliases may add, so a
// "billion laughs" document cannot make callers (or EncodeYAML) walk an
// exponentially large value.
const maxAliasExpansion = 100_000

// tooManyAliases reports whether expanding the aliases under root adds more
// than maxAliasExpansion nodes to the tree.
func tooManyAliases(root *yaml.Node) bool {
	sizes := map[*yaml.Node]int{}
	return expansion(root, sizes)-len(sizes) > maxAliasExpansion
}

// expansion returns the number of nodes of n with aliases expanded,
// saturating above maxAliasExpansion, and records every distinct node in
// sizes. A cycle back to a node counts once; cycles are reported when
// converting.
func expansion(n *yaml.Node, sizes map[*yaml.Node]int) int {
	if v, ok := sizes[n]; ok {
		return v
	}
	sizes[n] = 1
	size := 1
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		size += expansion(n.Alias, sizes)
	}
	for _, child := range n.Content {
		size = min(size+expansion(child, sizes), 4*maxAliasExpansion)
	}
	sizes[n] = size
	return size
}
