package config

import (
	"bytes"
	"strconv"

	"github.com/pelletier/go-toml/v2/unstable"
)

// place is where a key path appears in the file. The decoded map that the
// values come from has no positions, so they are looked up here by path.
type place struct {
	keyLine, keyCol int // the key part that names the path
	valLine, valCol int // its value; zero for a [table] header
	valOff          int // byte offset of the value, -1 for a header
}

// at returns the position for a message about the value, falling back to
// the key when there is no value (a [table] given where a scalar belongs).
func (pl place) at() (line, col int) {
	if pl.valLine > 0 {
		return pl.valLine, pl.valCol
	}
	return pl.keyLine, pl.keyCol
}

// locate walks the syntax tree of data and records where every key path
// (exact spelling, parts joined by pathSep) first appears. data must already
// have decoded without error; a parse error here is returned as is.
func locate(data []byte) (map[string]place, error) {
	l := locator{data: data, places: map[string]place{}}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	entries := map[string]int{} // [[array.table]] headers seen, by path
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = l.key(nil, e.Key())
		case unstable.ArrayTable:
			// Each [[menu.main]] is an entry of its own: its keys are
			// recorded under the entry's number (entryPart), so a message
			// about the third entry points at the third entry.
			table = l.key(nil, e.Key())
			k := exactPath(table)
			n := entries[k]
			entries[k]++
			header := l.places[k]
			for it := e.Key(); it.Next(); {
				header.keyLine, header.keyCol = lineCol(l.data, int(it.Node().Raw.Offset))
			}
			table = append(table, entryPart(n))
			l.places[exactPath(table)] = header
		case unstable.KeyValue:
			l.keyValue(table, e)
		}
	}
	return l.places, p.Error()
}

// entryPart is the path part that stands for entry n of an array of
// tables in recorded places: "menu", "main", "#2", "name".
func entryPart(n int) string { return "#" + strconv.Itoa(n) }

type locator struct {
	data   []byte
	places map[string]place
}

// key records each part of a (possibly dotted) key under prefix and returns
// the full path.
func (l *locator) key(prefix []string, it unstable.Iterator) []string {
	path := append([]string(nil), prefix...)
	for it.Next() {
		n := it.Node()
		path = append(path, string(n.Data))
		k := exactPath(path)
		if _, seen := l.places[k]; !seen {
			// Raw covers the key part as written, quotes included.
			line, col := lineCol(l.data, int(n.Raw.Offset))
			l.places[k] = place{keyLine: line, keyCol: col, valOff: -1}
		}
	}
	return path
}

func (l *locator) keyValue(prefix []string, kv *unstable.Node) {
	path := l.key(prefix, kv.Key())
	// The value node of an array has no byte range, so the value is found
	// from the text instead: after the last key part, past "=" and blanks.
	var last *unstable.Node
	for it := kv.Key(); it.Next(); {
		last = it.Node()
	}
	off := int(last.Raw.Offset + last.Raw.Length)
	for off < len(l.data) && (l.data[off] == ' ' || l.data[off] == '\t' || l.data[off] == '=') {
		off++
	}
	k := exactPath(path)
	pl := l.places[k]
	if pl.valOff < 0 {
		pl.valLine, pl.valCol = lineCol(l.data, off)
		pl.valOff = off
		l.places[k] = pl
	}
	if v := kv.Value(); v.Kind == unstable.InlineTable {
		for it := v.Children(); it.Next(); {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				l.keyValue(path, c)
			}
		}
	}
}

// lineCol turns a byte offset into a 1-based line and column. Columns count
// bytes, as go-toml's own errors do, so both kinds of message agree.
func lineCol(data []byte, off int) (line, col int) {
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	return line, off - (bytes.LastIndexByte(before, '\n') + 1) + 1
}
