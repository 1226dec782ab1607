// Package seed reads a seed text (one Arabic news article as plain text,
// see docs/seed-format.md) into an Article. It is pure: bytes in, a
// structured article out; Markdown escaping, dates with a time and zone,
// and tags are the importer's job.
//
// # Layout rules
//
// Lines end in \n, \r\n or \r. A line is trimmed of spaces and invisible
// marks at both ends, and a line made only of them is blank. Inside a
// line, text stays as written (tatweel, harakat, <script>, Markdown
// characters). A block is a run of non-blank lines between blank lines.
//
//  1. Title: the first non-blank line.
//  2. Date line: "[weekday[،]] date" as the line after the title, or the
//     line after that, in which case the line between is the lede. The
//     date anchors the header, so a missing lede never makes the date a
//     lede, and a lede is recognised wherever the blank lines fall.
//  3. Caption: the line directly under the date line (same block), when
//     short (≤ 15 words), not a dateline opening and not another date.
//     After a blank line nothing is a caption, so a missing caption never
//     turns the first paragraph into one.
//  4. No date line: a lede and a first paragraph look alike, so position
//     decides. The lede is the line glued to the title (no blank between),
//     or the first line of the next block when that block is the sample's
//     header minus its date (lede + short caption line, which is then the
//     caption), or a lone line whose following block opens with a dateline,
//     which shows where the body starts. Anything else is body: in doubt,
//     text stays in the body rather than move into a header slot. A lede
//     with no body after it is body.
//  5. Body: every remaining line is one element, in order (the spec has
//     one element per line, and the sample has no wrapped paragraphs).
//  6. Subheading: a line alone in its block, with a letter, at most 10
//     words, not ending in . : ؟ ! ? ، , ؛ ; …, after some body element
//     and before another (so the first and last elements are paragraphs).
//  7. Caption+subheading pair: a block of exactly two identical such lines
//     with body after it is one subheading (Line is the first line's).
//  8. Dateline: the first paragraph's opening up to its first dash (– —, or
//     - and ـ set off by a space), when that part is 1–4 words of letters
//     and the dash does not open a short aside closed by a second dash; a
//     credit in parentheses before or after the dash ("القاهرة (رويترز) –",
//     "بغداد - (رويترز) -"), or a known agency name between two dashes,
//     goes to Agency. The paragraph keeps the rest.
//
// # Dates
//
// Numeric YYYY/MM/DD and DD/MM/YYYY (separator /, - or ., the same
// twice), and "DD month YYYY" with a month of either naming tradition or
// a pair (شباط/فبراير, فبراير (شباط)); digits ASCII, Eastern
// Arabic-Indic or Persian; an era "م" after the year is allowed. A weekday
// that disagrees with the date is a warning and the date wins. A line in
// the date slot shaped like a date but naming no real day (2021/13/45, 30
// شباط, a weekday and an unreadable date) is not a date: the seed gets a
// warning, the line is kept as a body paragraph of its own (it never takes
// the dateline), and the lines around it keep their slots.
//
// # Nothing lost
//
// Every word of the decoded text is in exactly one field: Title, Lede,
// the date line (Weekday and Date), Caption, Dateline, Agency or Body.
// The one exception is by design: the second copy of a collapsed
// caption+subheading pair.
package seed
