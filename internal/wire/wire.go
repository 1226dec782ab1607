// Package wire writes and reads the compact binary records sahifa keeps
// between builds (parsed articles, the output manifest): varints and
// length-prefixed strings, nothing else. A Reader panics on input cut
// short, so a decoder reads straight through and turns the panic into
// "damaged" once, with Decode.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// AppendString appends s with its length.
func AppendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// Reader reads a record.
type Reader struct{ b []byte }

// NewReader reads b.
func NewReader(b []byte) *Reader { return &Reader{b} }

// errCut is what a Reader panics with on damaged input.
var errCut = errors.New("damaged record: cut short")

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		panic(errCut)
	}
	r.b = r.b[n:]
	return v
}

// Varint reads a signed varint.
func (r *Reader) Varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		panic(errCut)
	}
	r.b = r.b[n:]
	return v
}

// Bytes reads the next n bytes (not copied).
func (r *Reader) Bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		panic(errCut)
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

// String reads a string AppendString wrote.
func (r *Reader) String() string { return string(r.Bytes(r.Uvarint())) }

// Len is how many bytes are left.
func (r *Reader) Len() int { return len(r.b) }

// Decode runs read, turning a Reader's panic on cut input (or any other
// panic of a decoder on damaged data) into an error, and refusing bytes
// left over.
func Decode(r *Reader, read func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged record: %v", p)
		}
	}()
	if err := read(); err != nil {
		return err
	}
	if r.Len() != 0 {
		return errors.New("damaged record: trailing bytes")
	}
	return nil
}
