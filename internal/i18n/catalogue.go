package i18n

// ID names a message of the catalogue.
type ID uint16

// The messages, by where the reader meets them. Each is a fmt format; the
// Arabic one takes the same arguments with the same verbs (it may take
// them in another order with %[n]s), which catalogue_test.go checks.
const (
	// The build's summary and what it left out (sahifa build, serve).
	Built ID = iota
	HeldDraft
	HeldDrafts
	HeldFuture
	HeldFutures
	HeldExpired
	HeldExpireds
	Foreign
	Failed
	TheDestination
	Progress
	ProgressPages
	StageEnded
	NewDraft

	// The dev server's overlay and its page before the first good build.
	OverlayTitle
	OverlayHint
	OverlayHide
	NoGoodBuild

	// Front matter, as split and decoded (package frontmatter).
	FrontMatter
	KeyValue
	NoClosing
	NoClosingBrace
	NearlyClosing
	UnquotedColon
	NoSpaceAfter
	Indented
	Tab
	UnclosedQuote
	AfterQuote
	UnclosedList
	AfterList
	SpecialStart
	BadEscape
	NotUTF8
	ControlChar
	YAMLFallback
	DuplicateKey
	NotMapping
	UnknownAnchor
	TOMLColon
	TOMLUnquoted
	TOMLDuplicate
	TOMLFallback
	TOMLBadValue
	TOMLNoValue

	// Front matter values, as read into an article (package content).
	WantText
	WantTextIn
	WantList
	WantBool
	WantInt
	WantDate
	BadDate
	DateFix
	DateDigits
	NoSuchDay
	DateForms
	NoOpening
	UTF16
	TagsCommas
	UnknownKey
	WantCorrection
	CorrectionKey
	CorrectionNoText
	CorrectionNoDate

	// What a site moved from Hugo brings that sahifa reads its own way
	// (packages content and site; docs/content.md, "Coming from Hugo").
	TitleFromHeading
	TitleFromFile
	TextBool
	WantBuild
	Translations
	Undated
	RawHTML

	Quoted
	Verbatim
	TheNumber
	KindText
	KindBool
	KindNumber
	KindList
	KindTable
	KindTablePairs
	KindNothing

	idCount
)

// text is one message in both languages.
type text struct{ en, ar string }

var catalogue = [...]text{
	Built: {"%s, %s (%d rendered); files: %d written, %d unchanged, %d removed; in %s",
		"%s، و%s (صُيِّر منها %d)؛ الملفات: كُتب %d، وبقي %d دون تغيير، وحُذف %d؛ في %s"},
	HeldDraft:      {"%s not built (use -D to include it)", "%s خارج البناء (أضف -D لتضمينها)"},
	HeldDrafts:     {"%s not built (use -D to include them)", "%s خارج البناء (أضف -D لتضمين المسودات)"},
	HeldFuture:     {"%s not built; publishes at %s (use -F to include it)", "%s خارج البناء قبل موعد نشره، وهو %s (أضف -F لتضمينه)"},
	HeldFutures:    {"%s not built; the first publishes at %s (use -F to include them)", "%s خارج البناء قبل موعد النشر، وأقرب موعد %s (أضف -F لتضمين المقالات المؤجلة)"},
	HeldExpired:    {"%s not built (use -E to include it)", "%s خارج البناء بعد انتهاء مدة نشره (أضف -E لتضمينه)"},
	HeldExpireds:   {"%s not built (use -E to include them)", "%s خارج البناء بعد انتهاء مدة النشر (أضف -E لتضمين المقالات المنتهية)"},
	Foreign:        {"note: %s in %s not written by sahifa left alone", "ملاحظة: تُرك في %[2]s ما لم يكتبه sahifa: %[1]s"},
	Failed:         {"sahifa build: failed with %s; %s left as it was", "sahifa build: فشل البناء، وفيه %s؛ وبقي %s كما كان"},
	TheDestination: {"the destination", "مجلد النشر"},
	Progress:       {"building: %s%s, %s", "البناء: %s%s، %s"},
	ProgressPages:  {" %d/%d pages", " (الصفحات %d/%d)"},
	StageEnded:     {"build: %s took %s", "البناء: استغرقت مرحلة %s %s"},
	NewDraft: {"it is a draft: builds leave it out until you set draft: false (sahifa serve -D and sahifa build -D show it now)",
		"إنه مسودة: يتركه البناء حتى تكتب draft: false (يعرضه الآن sahifa serve -D و sahifa build -D)"},

	OverlayTitle: {"sahifa: the build failed", "sahifa: فشل البناء"},
	OverlayHint: {"The page shows the last good build. Fix the file and save: this goes away by itself.",
		"تعرض الصفحة آخر بناء ناجح. أصلح الملف واحفظه، فتختفي هذه الرسالة من تلقاء نفسها."},
	OverlayHide: {"Hide (the next good build hides it too)", "إخفاء (يخفيها البناء الناجح التالي أيضا)"},
	NoGoodBuild: {"No good build of the site yet: the page will reload when there is one.",
		"لا بناء ناجحا للموقع بعد: ستُحمَّل الصفحة من جديد حين يكتمل."},

	FrontMatter: {"front matter: %s", "الترويسة: %s"},
	KeyValue:    {"%s: %s", "%s: %s"},
	NoClosing: {"the %q on line 1 opens the front matter, but no line %q closes it; add a line %q after the last key (line %d)",
		"السطر الأول %q يفتح الترويسة، ولا سطر %q يغلقها؛ أضف سطرا %q بعد آخر مفتاح (السطر %d)"},
	NoClosingBrace: {`the "{" on line 1 opens JSON front matter, but no "}" closes it; close the object with "}" on a line of its own before the article text`,
		`القوس "{" في السطر الأول يفتح ترويسة JSON، ولا قوس "}" يغلقها؛ أغلقها بـ "}" في سطر وحده قبل نص المقال`},
	NearlyClosing: {"line %d is %q, but the front matter must be closed by a line that is exactly %q; write %q there",
		"السطر %d هو %q، لكن الترويسة تُغلق بسطر فيه %q وحده بالضبط؛ اكتب %q هناك"},
	UnquotedColon: {`the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: %s`,
		`في القيمة ": " (نقطتان بعدهما مسافة)، وYAML تقرؤهما بداية مفتاح جديد؛ ضع القيمة كلها بين علامتي تنصيص مزدوجتين: %s`},
	NoSpaceAfter: {`%q has no space after its colon, so YAML reads the whole line as text; write a space after the colon: %s`,
		`لا مسافة بعد النقطتين في %q، فتقرأ YAML السطر كله نصا؛ اكتب مسافة بعد النقطتين: %s`},
	Indented: {"this line is indented, so YAML reads it as part of the value on line %d; start it at the beginning of the line, as the other keys",
		"هذا السطر مُزاح عن أول السطر، فتقرؤه YAML جزءا من قيمة السطر %d؛ ابدأه من أول السطر كسائر المفاتيح"},
	Tab: {"a tab indents this line, and YAML allows only spaces there; replace the tab with spaces (or remove it for a top-level key)",
		"في أول هذا السطر مسافة جدولة (Tab)، وYAML لا تقبل هناك إلا المسافات؛ ضع مسافات مكانها (أو احذفها إن كان المفتاح في المستوى الأعلى)"},
	UnclosedQuote: {"the quote (%s) that opens this value is not closed on its line; end the value with %s, or remove the opening one",
		"علامة التنصيص (%s) التي تفتح هذه القيمة لا تُغلق في سطرها؛ اختم القيمة بـ %s، أو احذف العلامة الأولى"},
	AfterQuote: {"the value has text after its closing quote (%s); put the whole value in double quotes: %s",
		"في القيمة نص بعد علامة التنصيص التي تغلقها (%s)؛ ضع القيمة كلها بين علامتي تنصيص مزدوجتين: %s"},
	UnclosedList: {`the %q that opens this value is not closed on its line; close it with %q, or put the value in double quotes if the %q belongs to the text: %s`,
		`القوس %q الذي يفتح هذه القيمة لا يُغلق في سطرها؛ أغلقه بـ %q، أو ضع القيمة بين علامتي تنصيص مزدوجتين إن كان %q من النص: %s`},
	AfterList: {"a value that starts with %q is read as a list; put the whole value in double quotes: %s",
		"القيمة التي تبدأ بـ %q تُقرأ قائمة؛ ضع القيمة كلها بين علامتي تنصيص مزدوجتين: %s"},
	SpecialStart: {"a value that starts with %q must be in double quotes: %s",
		"القيمة التي تبدأ بـ %q توضع بين علامتي تنصيص مزدوجتين: %s"},
	BadEscape: {`a \ inside double quotes starts an escape such as \n; write \\ for the backslash itself, or use single quotes: %s`,
		`الشرطة المائلة \ بين علامتي تنصيص مزدوجتين تبدأ رمزا خاصا مثل \n؛ اكتب \\ للشرطة نفسها، أو استعمل علامتي تنصيص مفردتين: %s`},
	NotUTF8: {"the front matter holds bytes that are not UTF-8 (was the file saved as Windows-1256 or Latin-1?); save the file as UTF-8",
		"في الترويسة بايتات ليست UTF-8 (هل حُفظ الملف بترميز Windows-1256 أو Latin-1؟)؛ احفظ الملف بترميز UTF-8"},
	ControlChar: {"the front matter holds the control character %U, which YAML does not allow; delete it (it is invisible in most editors)",
		"في الترويسة محرف التحكم %U، وYAML لا تقبله؛ احذفه (لا يظهر في أغلب المحررات)"},
	YAMLFallback: {"%s (YAML); check the quotes, colons and indentation of this line: a value holding : # [ ] { } or starting with a quote goes in double quotes",
		"%s (YAML)؛ راجع علامات التنصيص والنقطتين والإزاحة في هذا السطر: القيمة التي فيها : # [ ] { } أو تبدأ بعلامة تنصيص توضع بين علامتي تنصيص مزدوجتين"},
	DuplicateKey: {"%q is set twice (first on line %d); keep one of them", "المفتاح %q مكرر (أول مرة في السطر %d)؛ أبقِ واحدا منهما"},
	NotMapping: {"must be keys with values, one per line (title: …), not %s",
		"تتكون من مفاتيح لها قيم، مفتاح في كل سطر (title: …)، لا %s"},
	UnknownAnchor: {"unknown anchor %q: a value starting with * names an anchor (&name); put the value in double quotes if the * belongs to the text",
		"مرساة غير معروفة %q: القيمة التي تبدأ بـ * تشير إلى مرساة (&name)؛ ضع القيمة بين علامتي تنصيص مزدوجتين إن كانت * من النص"},
	TOMLColon: {`this front matter is TOML (between "+++" lines), where a key takes "=": %s; for YAML's "key: value", use "---" lines instead of "+++"`,
		`هذه الترويسة بصيغة TOML (بين سطري "+++")، وفيها يأخذ المفتاح "=": %s؛ ولصيغة YAML "key: value" استعمل سطري "---" بدل "+++"`},
	TOMLUnquoted:  {`text in TOML must be in double quotes: %s`, `النص في TOML يوضع بين علامتي تنصيص مزدوجتين: %s`},
	TOMLDuplicate: {"%q is set twice; keep one of them", "المفتاح %q مكرر؛ أبقِ واحدا منهما"},
	TOMLFallback: {"%s (TOML); write one key = value per line, text in double quotes: title = \"…\"",
		"%s (TOML)؛ اكتب مفتاحا = قيمة في كل سطر، والنص بين علامتي تنصيص مزدوجتين: title = \"…\""},
	TOMLBadValue: {`%q is not a TOML value; put text in double quotes (%s), and write dates as 2024-05-22 or 2024-05-22T14:30:00+03:00`,
		`%q ليست قيمة TOML؛ ضع النص بين علامتي تنصيص مزدوجتين (%s)، واكتب التواريخ هكذا 2024-05-22 أو 2024-05-22T14:30:00+03:00`},
	TOMLNoValue: {"%s has no value; write one after the =, or remove the line", "المفتاح %s بلا قيمة؛ اكتب قيمة بعد =، أو احذف السطر"},

	WantText: {"must be text, not %s; write one value, in double quotes: %s: \"…\"",
		"يجب أن تكون نصا، لا %s؛ اكتب قيمة واحدة بين علامتي تنصيص مزدوجتين: %s: \"…\""},
	WantTextIn: {"must be a list of text, but it holds %s; write each item in double quotes: %s: [\"…\", \"…\"]",
		"يجب أن تكون قائمة نصوص، وفيها %s؛ اكتب كل عنصر بين علامتي تنصيص مزدوجتين: %s: [\"…\", \"…\"]"},
	WantList:   {"must be a list of text, not %s; write %s: [\"…\", \"…\"]", "يجب أن تكون قائمة نصوص، لا %s؛ اكتب %s: [\"…\", \"…\"]"},
	WantBool:   {"must be true or false, not %s; write %s: true (or false)", "يجب أن تكون true أو false، لا %s؛ اكتب %s: true (أو false)"},
	WantInt:    {"must be a whole number, not %s; write %s: %s", "يجب أن تكون عددا صحيحا، لا %s؛ اكتب %s: %s"},
	WantDate:   {"must be a date, not %s; %s", "يجب أن تكون تاريخا، لا %s؛ %s"},
	BadDate:    {"%q is not a date sahifa can read; %s", "لا يقرأ sahifa %q تاريخا؛ %s"},
	DateFix:    {"write it as %s; %s", "اكتبه هكذا %s؛ %s"},
	DateDigits: {"write it with Latin digits, as %s; %s", "اكتبه بالأرقام اللاتينية هكذا %s؛ %s"},
	NoSuchDay:  {"%q is not a day of the calendar (%s); check the month and the day", "%q ليس يوما في التقويم (%s)؛ راجع الشهر واليوم"},
	DateForms: {"dates are written year-month-day with Latin digits, with an optional time of day and offset from UTC: 2024-05-22, 2024-05-22 14:30, 2024-05-22T14:30:00+03:00",
		"يُكتب التاريخ سنة-شهر-يوم بالأرقام اللاتينية، ويجوز أن يتبعه وقت وفرق عن UTC: 2024-05-22، 2024-05-22 14:30، 2024-05-22T14:30:00+03:00"},
	NoOpening: {"the file starts with %q, but front matter must open with a line %q above it, so the whole file was read as article text; add a line %q as the very first line",
		"يبدأ الملف بـ %q، لكن الترويسة تُفتح بسطر %q فوقه، فقُرئ الملف كله نصا للمقال؛ أضف سطرا %q أولَ سطر في الملف"},
	UTF16: {"the file is saved as UTF-16 (\"Unicode\" in Notepad), which sahifa cannot read; save it as UTF-8",
		"الملف محفوظ بترميز UTF-16 (\"Unicode\" في Notepad)، ولا يقرؤه sahifa؛ احفظه بترميز UTF-8"},
	TagsCommas:       {"%q is one tag with a comma in it; for several tags write a list: %s: %s", "%q وسم واحد فيه فاصلة؛ لعدة وسوم اكتب قائمة: %s: %s"},
	UnknownKey:       {"unknown key %q, so its value is not used (did you mean %q?)", "المفتاح %q غير معروف، فلا تُستعمل قيمته (هل تقصد %q؟)"},
	WantCorrection:   {"must be a table with the corrected text and its date, not %s; write %s: {text: \"…\", date: 2024-05-22}", "يجب أن يكون جدولا فيه النص المصحح وتاريخه، لا %s؛ اكتب %s: {text: \"…\", date: 2024-05-22}"},
	CorrectionKey:    {"unknown key %q; a correction has only text and date: %s: {text: \"…\", date: 2024-05-22}", "المفتاح %q غير معروف؛ للتصحيح مفتاحان فقط، text وdate: %s: {text: \"…\", date: 2024-05-22}"},
	CorrectionNoText: {"the correction has no text; say what was corrected: %s: {text: \"…\", date: 2024-05-22}", "التصحيح بلا نص؛ اذكر ما صُحّح: %s: {text: \"…\", date: 2024-05-22}"},
	CorrectionNoDate: {"the correction has no date; say when it was corrected: %s: {text: \"…\", date: 2024-05-22}", "التصحيح بلا تاريخ؛ اذكر متى صُحّح: %s: {text: \"…\", date: 2024-05-22}"},

	TitleFromHeading: {"no title: the page is called %q, after its first heading; to choose the name readers see, add a line title: \"…\" to the front matter",
		"لا عنوان: سُمّيت الصفحة %q، من أول عنوان فيها؛ لتختار الاسم الذي يراه القراء أضف سطرا title: \"…\" إلى الترويسة"},
	TitleFromFile: {"no title: the page is called %q, after its file name; to choose the name readers see, add a line title: \"…\" to the front matter",
		"لا عنوان: سُمّيت الصفحة %q، من اسم ملفها؛ لتختار الاسم الذي يراه القراء أضف سطرا title: \"…\" إلى الترويسة"},
	TextBool: {"%q is text, read as %s as Hugo reads it; write %s: %s without quotes",
		"%q نص، قُرئ %s كما يقرؤه Hugo؛ اكتب %s: %s بلا علامتي تنصيص"},
	WantBuild: {"must be one of %s, not %s", "يجب أن تكون إحدى القيم %s، لا %s"},
	Translations: {"translations not built: %d, in %s (sahifa builds the site's one language, %s, and reads a language code before .md in a file name, as in index.ja.md, as a translation); for example %s",
		"ترجمات لم تُبنَ: %d، بلغة %s (يبني sahifa لغة الموقع الواحدة، %s، ويقرأ رمز اللغة قبل .md في اسم الملف، كما في index.ja.md، ترجمةً)؛ ومنها %s"},
	Undated: {"pages without a date: %d (%s); each is published as a page at /slug/ (in a section, /section/slug/), left off the home page, lists, feeds and the news sitemap; to publish one as a news article, give it a date:",
		"صفحات بلا تاريخ: %d (%s)؛ تُنشر كل منها صفحةً في /slug/ (وفي القسم /section/slug/)، خارج الصفحة الرئيسية والقوائم والخلاصات وخريطة الأخبار؛ لتنشر إحداها خبرا أضف إليها date:"},
	RawHTML: {"raw HTML (%s) is shown to readers as text; to render it as HTML on a site whose writers you trust, set markup.unsafe = true (Hugo: markup.goldmark.renderer.unsafe) in sahifa.toml",
		"يُعرض HTML الخام (%s) للقراء نصا؛ لتصييره HTML في موقع تثق بكتّابه اضبط markup.unsafe = true (في Hugo: markup.goldmark.renderer.unsafe) في sahifa.toml"},

	Quoted:         {"%q", "%q"},
	Verbatim:       {"%v", "%v"},
	TheNumber:      {"the number %v", "العدد %v"},
	KindText:       {"text", "نص"},
	KindBool:       {"true/false", "true/false"},
	KindNumber:     {"a number", "عدد"},
	KindList:       {"a list", "قائمة"},
	KindTable:      {"a table", "جدول"},
	KindTablePairs: {"a table (key: value pairs)", "جدول (أزواج مفتاح: قيمة)"},
	KindNothing:    {"nothing", "لا شيء"},
}

// format returns the message's format in l.
func (id ID) format(l Lang) string {
	if l == Arabic {
		return catalogue[id].ar
	}
	return catalogue[id].en
}
