package content

// The texts of the messages about front matter values, in one table so
// that they can be read together, kept consistent and translated (issue
// 16, item 8). Each says what is wrong in plain words, then how to fix it.
// They follow "path:line:col: key: ".
const (
	msgWantText    = "must be text, not %s; write one value, in double quotes: %s: \"…\""
	msgWantTextIn  = "must be a list of text, but it holds %s; write each item in double quotes: %s: [\"…\", \"…\"]"
	msgWantList    = "must be a list of text, not %s; write %s: [\"…\", \"…\"]"
	msgWantBool    = "must be true or false, not %s; write %s: true (or false)"
	msgWantInt     = "must be a whole number, not %s; write %s: %s"
	msgWantDate    = "must be a date, not %s; %s"
	msgBadDate     = "%q is not a date sahifa can read; %s"
	msgDateFix     = "write it as %s; "
	msgDateDigits  = "write it with Latin digits, as %s; "
	msgNoSuchDay   = "%q is not a day of the calendar (%s); check the month and the day"
	msgDateForms   = "dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00"
	msgTitleAbsent = "title: missing; every article needs a title: add a line title: \"…\" between the --- lines at the top of the file"
	msgNoOpening   = "the file starts with %q, but front matter must open with a line %q above it, so the whole file was read as article text; add a line %q as the very first line"
	msgUTF16       = "the file is saved as UTF-16 (\"Unicode\" in Notepad), which sahifa cannot read; save it as UTF-8"
	msgTagsCommas  = "%q is one tag with a comma in it; for several tags write a list: %s: %s"
	msgUnknownKey  = "unknown key %q, so its value is not used (did you mean %q?)"

	msgWantCorrection   = "must be a table with the corrected text and its date, not %s; write %s: {text: \"…\", date: 2024-05-22}"
	msgCorrectionKey    = "unknown key %q; a correction has only text and date: %s: {text: \"…\", date: 2024-05-22}"
	msgCorrectionNoText = "the correction has no text; say what was corrected: %s: {text: \"…\", date: 2024-05-22}"
	msgCorrectionNoDate = "the correction has no date; say when it was corrected: %s: {text: \"…\", date: 2024-05-22}"
)
