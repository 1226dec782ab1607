// Package htmltext keeps text to the characters HTML and XML 1.0 allow,
// so that every page, feed and index sahifa writes from it is valid: the
// W3C checker rejects a page with a malformed byte sequence or a
// forbidden code point, and feed readers reject a whole feed for one.
package htmltext

import "unicode/utf8"

// Forbidden reports whether r may not appear in HTML or XML text: control
// characters other than tab, line feed and carriage return (C0, DEL and
// C1; XML forbids form feed too) and noncharacters (U+FDD0–U+FDEF and the
// last two code points of every plane). U+FFFD, which Go decodes invalid
// bytes and lone surrogates to, is allowed: it is what they become.
func Forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true
	}
	return false
}

// Clean returns b with every byte that is not UTF-8 (lone surrogates
// included) and every forbidden character replaced by U+FFFD, how many
// it replaced, and the offset in b of the first. Clean text comes back
// as it is, without a copy.
func Clean(b []byte) (clean []byte, replaced, first int) {
	if allowed(b) {
		return b, 0, -1
	}
	first = -1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && size == 1) || Forbidden(r) {
			if first < 0 {
				first = i
				clean = append(make([]byte, 0, len(b)+2), b[:i]...)
			}
			clean = utf8.AppendRune(clean, utf8.RuneError)
			replaced++
		} else if first >= 0 {
			clean = append(clean, b[i:i+size]...)
		}
		i += size
	}
	if first < 0 {
		return b, 0, -1
	}
	return clean, replaced, first
}

// CleanString is Clean for a string.
func CleanString(s string) (clean string, replaced, first int) {
	for i, r := range s {
		if r == utf8.RuneError || Forbidden(r) {
			if _, size := utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && size == 3 {
				continue // a U+FFFD written as such
			}
			b, n, f := Clean([]byte(s))
			return string(b), n, f
		}
	}
	return s, 0, -1
}

// allowed reports whether b is valid UTF-8 without a forbidden character,
// looking at bytes instead of decoding runes: every article is checked on
// every build, and nearly all are clean. It reads the UTF-8 forms of what
// Forbidden names: C0 controls and DEL are single bytes, C1 controls are
// C2 80–9F, U+FDD0–U+FDEF are EF B7 90–AF, U+FFFE and U+FFFF are EF BF
// BE–BF, and U+xFFFE and U+xFFFF of the other planes are four bytes whose
// second ends in F and whose last two are BF BE–BF. utf8.Valid has already
// refused surrogates and cut sequences, so the bytes looked at exist.
func allowed(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for i, c := range b {
		switch {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return false
			}
		case c < 0x7F:
		case c == 0x7F:
			return false
		case c == 0xC2:
			if b[i+1] < 0xA0 {
				return false
			}
		case c == 0xEF:
			if (b[i+1] == 0xB7 && b[i+2] >= 0x90 && b[i+2] <= 0xAF) || (b[i+1] == 0xBF && b[i+2] >= 0xBE) {
				return false
			}
		case c >= 0xF0:
			if b[i+1]&0x0F == 0x0F && b[i+2] == 0xBF && b[i+3] >= 0xBE {
				return false
			}
		}
	}
	return true
}
