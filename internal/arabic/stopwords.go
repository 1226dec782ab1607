package arabic

// stopwordList holds common Arabic function words as they are usually
// spelled; IsStopword compares their folded forms (see Fold), so على and
// علي, إلى and الى, هذه and هذة are one entry each. The list is for
// keyword extraction and search: words that carry no topic on their own,
// so a tag or a query term made of them is noise. Clitic forms (وفي،
// وقال) are not listed; callers strip clitics first (StripClitics).
//
// Folding merges على with the name علي; it is a stopword all the same, as
// the preposition is far more frequent. Known people come from the
// gazetteer, which does not consult this list.
var stopwordList = []string{
	// prepositions and adverbs of place and time
	"في", "من", "على", "إلى", "الى", "عن", "مع", "حتى", "منذ", "لدى", "عند", "نحو",
	"حول", "دون", "ضد", "عبر", "بين", "خلال", "بعد", "قبل", "أمام", "خلف", "وراء",
	"فوق", "تحت", "داخل", "خارج", "ضمن", "إزاء", "تجاه", "وسط", "عقب", "إثر", "جراء",
	"بسبب", "رغم", "برغم", "بدون", "سوى", "غير", "مثل", "حسب", "بحسب", "وفق", "وفقا",
	"طبقا", "بشأن", "بخصوص", "باسم", "لصالح", "حوالي", "قرابة", "لدي",
	// conjunctions and connectives
	"أو", "أم", "ثم", "بل", "لكن", "لكنه", "لكنها", "ولكن", "إذ", "إذا", "إذن", "لو",
	"لولا", "كي", "لكي", "حيث", "بحيث", "بينما", "فيما", "كما", "كلما", "عندما", "حين",
	"حينما", "لما", "مما", "ممن", "عما", "عمن", "بما", "إلا", "إنما", "أما", "إما",
	"سواء", "لذا", "لذلك", "كذلك", "هكذا", "فضلا", "علاوة", "إضافة", "بالإضافة",
	// particles
	"أن", "إن", "أنه", "أنها", "إنه", "إنها", "أنهم", "إنهم", "لأن", "بأن", "كأن",
	"قد", "لقد", "لن", "لم", "لا", "ما", "ليس", "ليست", "سوف", "هل", "نعم", "كلا",
	"يا", "أي", "أيضا", "فقط", "جدا", "بعض", "كل", "جميع", "كافة", "عدة", "أكثر",
	"أقل", "الأكثر", "الأقل", "أحد", "إحدى", "نفس", "ذات", "عدم", "آخر", "أخرى", "الآخر", "الأخرى",
	// demonstratives and place adverbs
	"ذلك", "تلك", "هذا", "هذه", "هذان", "هاتان", "هؤلاء", "ذاك", "أولئك", "هنا",
	"هناك", "هنالك",
	// pronouns, free and with a preposition
	"هو", "هي", "هم", "هما", "هن", "أنا", "نحن", "أنت", "أنتم", "له", "لها", "لهم",
	"به", "بها", "بهم", "منه", "منها", "منهم", "فيه", "فيها", "فيهم", "عليه",
	"عليها", "عليهم", "إليه", "إليها", "إليهم", "عنه", "عنها", "عنهم", "معه", "معها",
	"معهم", "لديه", "لديها", "لديهم",
	// relative pronouns
	"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي",
	// verbs of being and of reporting, the skeleton of every news sentence
	"كان", "كانت", "كانوا", "يكون", "تكون", "يكن", "أصبح", "أصبحت", "صار", "قال",
	"قالت", "قالوا", "يقول", "تقول", "أكد", "أكدت", "أضاف", "أضافت", "أوضح",
	"أوضحت", "أعلن", "أعلنت", "ذكر", "ذكرت", "أشار", "أشارت", "تابع", "اعتبر",
	"يمكن", "تم", "يتم", "جرى", "يجري",
	// time words, weekdays, ordinals
	"اليوم", "أمس", "غدا", "الآن", "حاليا", "صباح", "مساء", "عام", "سنة", "شهر",
	"أسبوع", "الأسبوع", "يوم", "أيام", "الماضي", "الماضية", "المقبل", "المقبلة",
	"الجاري", "الجارية", "الحالي", "الحالية", "الأخير", "الأخيرة",
	"الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
	"الأول", "الأولى", "الثاني", "الثانية", "الثالث", "الثالثة", "الرابع", "الرابعة",
	"الخامس", "الخامسة", "السادس", "السادسة", "السابع", "السابعة", "الثامن",
	"الثامنة", "التاسع", "التاسعة", "العاشر", "العاشرة",
	// month names of both traditions (see months.go)
	"يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو",
	"يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط",
	"آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
}

// stopwords is the folded set, built once; it is never written after
// init, so concurrent readers are safe.
var stopwords = func() map[string]struct{} {
	m := make(map[string]struct{}, len(stopwordList))
	for _, w := range stopwordList {
		m[Fold(w)] = struct{}{}
	}
	return m
}()

// IsStopword reports whether folded (a single token, already passed
// through Fold) is a common function word: a preposition, conjunction,
// particle, pronoun, demonstrative, relative pronoun, a verb of being or
// reporting (كان، قال، أكد), or a time word, weekday, ordinal or month
// name. About 300 forms.
func IsStopword(folded string) bool {
	_, ok := stopwords[folded]
	return ok
}
