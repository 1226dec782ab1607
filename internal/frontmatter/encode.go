package frontmatter

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// EncodeYAML writes fields as YAML front matter text (without the "---"
// lines). The output is deterministic and round-trip safe: decoding
// "---\n"+EncodeYAML(fields)+"---\n" gives back the same keys and values.
//
// Fields are written in the order given; keys of nested maps are sorted.
// Strings are double-quoted (UTF-8 text such as Arabic is kept as is, only
// control and non-printable characters are escaped), lists are written in
// flow style ["a", "b"], maps in block style. A time.Time is written
// unquoted in RFC 3339 form, so it reads back as a date string; a string
// that looks like a date stays quoted.
//
// Values may be nil, strings, booleans, integers, floats, time.Time, and
// slices and string-keyed maps of those. Duplicate keys, other types,
// invalid UTF-8 and unsigned integers above math.MaxInt64 are errors.
func EncodeYAML(fields []Field) ([]byte, error) {
	var b bytes.Buffer
	seen := make(map[string]bool, len(fields))
	for _, f := range fields {
		if seen[f.Key] {
			return nil, fmt.Errorf("frontmatter: encode YAML: duplicate key %q", f.Key)
		}
		seen[f.Key] = true
		if err := writeEntry(&b, f.Key, f.Value, 0); err != nil {
			return nil, fmt.Errorf("frontmatter: encode YAML: key %q: %w", f.Key, err)
		}
	}
	return b.Bytes(), nil
}

// maxImplicitKey is the longest key written as "key: value"; YAML limits
// implicit keys to 1024 characters, longer ones use "? key".
const maxImplicitKey = 1000

// writeEntry writes one block mapping entry at the given indentation.
func writeEntry(b *bytes.Buffer, key string, v any, indent int) error {
	k, err := formatKey(key)
	if err != nil {
		return err
	}
	pad := strings.Repeat(" ", indent)
	b.WriteString(pad)
	if len(k) > maxImplicitKey {
		b.WriteString("? " + k + "\n" + pad)
	} else {
		b.WriteString(k)
	}
	b.WriteByte(':')

	if keys, m, ok := blockMap(v); ok {
		b.WriteByte('\n')
		for _, mk := range keys {
			if err := writeEntry(b, mk, m.MapIndex(reflect.ValueOf(mk).Convert(m.Type().Key())).Interface(), indent+2); err != nil {
				return fmt.Errorf("key %q: %w", mk, err)
			}
		}
		return nil
	}
	b.WriteByte(' ')
	if err := writeFlow(b, v); err != nil {
		return err
	}
	b.WriteByte('\n')
	return nil
}

// blockMap reports whether v is a non-empty string-keyed map, to be written
// in block style, and returns its sorted keys.
func blockMap(v any) ([]string, reflect.Value, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String || rv.Len() == 0 {
		return nil, rv, false
	}
	return sortedKeys(rv), rv, true
}

func sortedKeys(m reflect.Value) []string {
	keys := make([]string, 0, m.Len())
	for _, k := range m.MapKeys() {
		keys = append(keys, k.String())
	}
	slices.Sort(keys)
	return keys
}

// writeFlow writes v as a single-line (flow) YAML value.
func writeFlow(b *bytes.Buffer, v any) error {
	if t, ok := v.(time.Time); ok {
		b.WriteString(t.Format(time.RFC3339Nano))
		return nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Invalid:
		b.WriteString("null")
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(rv.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if rv.Uint() > math.MaxInt64 {
			return fmt.Errorf("integer %d is too large", rv.Uint())
		}
		b.WriteString(strconv.FormatUint(rv.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b.WriteString(formatFloat(rv.Float()))
	case reflect.String:
		s, err := quote(rv.String())
		if err != nil {
			return err
		}
		b.WriteString(s)
	case reflect.Slice, reflect.Array:
		b.WriteByte('[')
		for i := range rv.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeFlow(b, rv.Index(i).Interface()); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return fmt.Errorf("map keys must be strings, not %s", rv.Type().Key())
		}
		b.WriteByte('{')
		for i, k := range sortedKeys(rv) {
			if i > 0 {
				b.WriteString(", ")
			}
			fk, err := formatKey(k)
			if err != nil {
				return err
			}
			if len(fk) > maxImplicitKey {
				b.WriteString("? ")
			}
			b.WriteString(fk + ": ")
			if err := writeFlow(b, rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface()); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("unsupported value type %T", v)
	}
	return nil
}

// formatFloat writes f so that YAML reads it back as the same float.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return ".nan"
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0" // "3" would read back as an integer
	}
	return s
}

// plainKey matches keys that can be written without quotes.
var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// formatKey returns key as written in YAML: plain when it is a simple name
// that YAML reads as a string, double-quoted otherwise.
func formatKey(key string) (string, error) {
	if plainKey.MatchString(key) {
		switch strings.ToLower(key) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		default:
			return key, nil
		}
	}
	return quote(key)
}

// quote returns s as a YAML double-quoted scalar.
func quote(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("string is not valid UTF-8: %q", s)
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			switch {
			case r != 0xFEFF && yamlPrintable(r):
				b.WriteRune(r)
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02X`, r)
			case r < 0x10000:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}
