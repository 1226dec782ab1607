// Package arabic holds the Arabic-language text rules sahifa needs:
// slugs, mark stripping, text direction, and date and number wording.
// It is pure (no I/O, no global state) and safe for concurrent use.
package arabic
