package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/sahifa/sahifa/internal/i18n"
)

// decodeTOML parses TOML front matter into its top-level fields. Values come
// from toml.Unmarshal, which also validates the document (duplicate keys,
// redefined tables); order and positions come from the unstable parser.
func decodeTOML(src source) ([]Field, error) {
	var values map[string]any
	if err := toml.Unmarshal(src.text, &values); err != nil {
		return nil, src.tomlError(err)
	}

	var p unstable.Parser
	p.Reset(src.text)
	var fields []Field
	seen := map[string]bool{}
	inTable := false
	for p.NextExpression() {
		e := p.Expression()
		var name string
		var off int
		switch e.Kind {
		case unstable.KeyValue:
			if inTable {
				continue // belongs to the table above
			}
			first, last := keyParts(e)
			name = string(first.Data)
			if first == last {
				off = valueOffset(src.text, last)
			} else {
				off = int(first.Raw.Offset) // dotted key: the field is a table
			}
		case unstable.Table, unstable.ArrayTable:
			inTable = true
			first, _ := keyParts(e)
			name = string(first.Data)
			off = int(first.Raw.Offset)
		default:
			continue
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		line, col := src.position(off)
		fields = append(fields, Field{Key: name, Value: normTOML(values[name]), Line: src.fileLine(line), Col: col})
	}
	if err := p.Error(); err != nil {
		return nil, src.tomlError(err)
	}
	return fields, nil
}

// keyParts returns the first and last parts of the key of a KeyValue, Table
// or ArrayTable expression.
func keyParts(e *unstable.Node) (first, last *unstable.Node) {
	it := e.Key()
	for it.Next() {
		if first == nil {
			first = it.Node()
		}
		last = it.Node()
	}
	return first, last
}

// valueOffset returns the offset of the value following key "k = ". The
// parser does not record where arrays start, so it is found from the key.
func valueOffset(text []byte, k *unstable.Node) int {
	i := int(k.Raw.Offset + k.Raw.Length)
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i < len(text) && text[i] == '=' {
		i++
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// tomlError turns a go-toml error into a positioned error.
func (s source) tomlError(err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return s.errorAt(line, col, s.explainTOML(trimTOMLPrefix(de.Error()), line))
	}
	var pe *unstable.ParserError
	if errors.As(err, &pe) {
		off := cap(s.text) - cap(pe.Highlight)
		if pe.Highlight != nil && off >= 0 && off <= len(s.text) {
			line, col := s.position(off)
			return s.errorAt(line, col, s.explainTOML(pe.Message, line))
		}
		return s.errorAt(0, 0, i18n.New(i18n.TOMLFallback, pe.Message))
	}
	return s.errorAt(0, 0, i18n.New(i18n.TOMLFallback, trimTOMLPrefix(err.Error())))
}

// explainTOML says in plain words what the parser's problem on front
// matter line means, for the common mistakes: YAML written between "+++"
// lines, text without quotes, a key set twice.
func (s source) explainTOML(problem string, line int) *i18n.Msg {
	text := strings.TrimSpace(s.lineText(line))
	key, value, hasEq := strings.Cut(text, "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	switch {
	case problem == "expected '=' after key":
		if kl, ok := parseKeyLine(text); ok {
			return i18n.New(i18n.TOMLColon, kl.key+" = "+quoteYAML(unquoted(kl.value)))
		}
	case strings.HasPrefix(problem, "unexpected character") && strings.HasSuffix(problem, "at start of value") && hasEq && value == "":
		return i18n.New(i18n.TOMLNoValue, key)
	case strings.HasPrefix(problem, "unexpected character") && strings.HasSuffix(problem, "at start of value") && hasEq:
		return i18n.New(i18n.TOMLUnquoted, key+" = "+quoteYAML(value))
	case strings.HasPrefix(problem, "expected newline but got") && hasEq:
		return i18n.New(i18n.TOMLBadValue, value, key+" = "+quoteYAML(value))
	case strings.HasPrefix(problem, "key ") && strings.HasSuffix(problem, " is already defined"):
		return i18n.New(i18n.TOMLDuplicate, strings.TrimSuffix(strings.TrimPrefix(problem, "key "), " is already defined"))
	}
	return i18n.New(i18n.TOMLFallback, problem)
}

func trimTOMLPrefix(msg string) string {
	if len(msg) > 6 && msg[:6] == "toml: " {
		return msg[6:]
	}
	return msg
}

// normTOML converts a value produced by toml.Unmarshal into a normalised
// value: dates and times become strings.
func normTOML(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int64, float64:
		return x
	case int:
		return int64(x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case toml.LocalDate:
		return x.String()
	case toml.LocalDateTime:
		return x.String()
	case toml.LocalTime:
		return x.String()
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = normTOML(e)
		}
		return m
	case []any:
		list := make([]any, len(x))
		for i, e := range x {
			list[i] = normTOML(e)
		}
		return list
	case []map[string]any:
		list := make([]any, len(x))
		for i, e := range x {
			list[i] = normTOML(e)
		}
		return list
	}
	return fmt.Sprint(v)
}
