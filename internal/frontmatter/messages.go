package frontmatter

// The texts of the messages an editor meets most, in one table so that they
// can be read together, kept consistent and translated (issue 16, item 8).
// Each says what is wrong in plain words, then how to fix it. They follow
// "path:line:col: front matter: " and, where a key is known, "key: ".
const (
	// Split.
	msgNoClosing     = "the %q on line 1 opens the front matter, but no line %q closes it; add a line %q after the last key (line %d)"
	msgNearlyClosing = "line %d is %q, but the front matter must be closed by a line that is exactly %q; write %q there"

	// YAML syntax, explained from what the line holds.
	msgUnquotedColon = `the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: %s`
	msgNoSpaceAfter  = `%q has no space after its colon, so YAML reads the whole line as text; write a space after the colon: %s`
	msgIndented      = "this line is indented, so YAML reads it as part of the value on line %d; start it at the beginning of the line, as the other keys"
	msgTab           = "a tab indents this line, and YAML allows only spaces there; replace the tab with spaces (or remove it for a top-level key)"
	msgUnclosedQuote = "the quote (%s) that opens this value is not closed on its line; end the value with %s, or remove the opening one"
	msgAfterQuote    = "the value has text after its closing quote (%s); put the whole value in double quotes: %s"
	msgUnclosedList  = `the %q that opens this value is not closed on its line; close it with %q, or put the value in double quotes if the %q belongs to the text: %s`
	msgAfterList     = "a value that starts with %q is read as a list; put the whole value in double quotes: %s"
	msgSpecialStart  = "a value that starts with %q must be in double quotes: %s"
	msgBadEscape     = `a \ inside double quotes starts an escape such as \n; write \\ for the backslash itself, or use single quotes: %s`
	msgNotUTF8       = "the front matter holds bytes that are not UTF-8 (was the file saved as Windows-1256 or Latin-1?); save the file as UTF-8"
	msgControlChar   = "the front matter holds the control character %U, which YAML does not allow; delete it (it is invisible in most editors)"
	msgYAMLFallback  = "%s (YAML); check the quotes, colons and indentation of this line: a value holding : # [ ] { } or starting with a quote goes in double quotes"
	msgDuplicateKey  = "%q is set twice (first on line %d); keep one of them"
	msgNotMapping    = "must be keys with values, one per line (title: …), not %s"
	msgUnknownAnchor = "unknown anchor %q: a value starting with * names an anchor (&name); put the value in double quotes if the * belongs to the text"
	msgTOMLColon     = `this front matter is TOML (between "+++" lines), where a key takes "=": %s; for YAML's "key: value", use "---" lines instead of "+++"`
	msgTOMLUnquoted  = `text in TOML must be in double quotes: %s`
	msgTOMLDuplicate = "%q is set twice; keep one of them"
	msgTOMLFallback  = "%s (TOML); write one key = value per line, text in double quotes: title = \"…\""
	msgTOMLBadValue  = `%q is not a TOML value; put text in double quotes (%s), and write dates as 2024-05-22 or 2024-05-22T14:30:00+03:00`
	msgTOMLNoValue   = "%s has no value; write one after the =, or remove the line"
)
