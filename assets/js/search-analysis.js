/*
 * sahifa site search (docs/search.md), part 1 of 4: the analysis of
 * words, the same as the index's. The parts are classic scripts that the
 * search page loads in order (search-analysis.js, search-index.js,
 * search-rank.js, search.js); each adds to one namespace, sahifaSearch.
 *
 * The analysis below must give exactly the terms internal/arabic gives
 * (arabic.SearchTerms): its tables are generated from the Go code, and
 * internal/search/testdata/vectors.json is checked by the Go tests and by
 * internal/search/search.test.mjs (node --test).
 */
(function (root) {
  "use strict";


  // BEGIN TABLES: generated from internal/arabic; go test ./internal/search -run JSTables -update
  const MARKS = /[\u{610}-\u{61a}\u{61c}\u{640}\u{64b}-\u{65f}\u{670}\u{6d6}-\u{6ed}\u{8d3}-\u{8ff}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}]/gu;
  const FOLD = {
    "آ": "ا", "أ": "ا", "ؤ": "ء", "إ": "ا", "ئ": "ء", "ة": "ه", "ى": "ي", "٠": "0",
    "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8",
    "٩": "9", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ک": "ك", "ی": "ي", "۰": "0", "۱": "1",
    "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
  };
  const STOPWORDS = new Set([
    "اب", "ابريل", "اثر", "احد", "احدي", "اخر", "اخري", "اذ", "اذا", "اذار",
    "اذن", "ازاء", "اسبوع", "اشار", "اشارت", "اصبح", "اصبحت", "اضاف", "اضافت", "اضافه",
    "اعتبر", "اعلن", "اعلنت", "اغسطس", "اقل", "اكتوبر", "اكثر", "اكد", "اكدت", "الا",
    "الاثنين", "الاحد", "الاخر", "الاخري", "الاخير", "الاخيره", "الاربعاء", "الاسبوع", "الاقل", "الاكثر",
    "الان", "الاول", "الاولي", "التاسع", "التاسعه", "التي", "الثالث", "الثالثه", "الثامن", "الثامنه",
    "الثاني", "الثانيه", "الثلاثاء", "الجاري", "الجاريه", "الجمعه", "الحالي", "الحاليه", "الخامس", "الخامسه",
    "الخميس", "الذي", "الذين", "الرابع", "الرابعه", "السابع", "السابعه", "السادس", "السادسه", "السبت",
    "العاشر", "العاشره", "اللاتي", "اللتان", "اللتين", "اللذان", "اللذين", "اللواتي", "الماضي", "الماضيه",
    "المقبل", "المقبله", "الي", "اليه", "اليها", "اليهم", "اليوم", "ام", "اما", "امام",
    "امس", "ان", "انا", "انت", "انتم", "انما", "انه", "انها", "انهم", "او",
    "اوضح", "اوضحت", "اولءك", "اي", "ايار", "ايام", "ايضا", "ايلول", "باسم", "بالاضافه",
    "بان", "بحسب", "بحيث", "بخصوص", "بدون", "برغم", "بسبب", "بشان", "بعد", "بعض",
    "بل", "بما", "به", "بها", "بهم", "بين", "بينما", "تابع", "تجاه", "تحت",
    "تشرين", "تقول", "تكون", "تلك", "تم", "تموز", "ثم", "جدا", "جراء", "جري",
    "جميع", "حاليا", "حتي", "حزيران", "حسب", "حوالي", "حول", "حيث", "حين", "حينما",
    "خارج", "خلال", "خلف", "داخل", "دون", "ديسمبر", "ذات", "ذاك", "ذكر", "ذكرت",
    "ذلك", "رغم", "سبتمبر", "سنه", "سواء", "سوف", "سوي", "شباط", "شهر", "صار",
    "صباح", "ضد", "ضمن", "طبقا", "عام", "عبر", "عدم", "عده", "عقب", "علاوه",
    "علي", "عليه", "عليها", "عليهم", "عما", "عمن", "عن", "عند", "عندما", "عنه",
    "عنها", "عنهم", "غدا", "غير", "فبراير", "فضلا", "فقط", "فوق", "في", "فيما",
    "فيه", "فيها", "فيهم", "قال", "قالت", "قالوا", "قبل", "قد", "قرابه", "كافه",
    "كان", "كانت", "كانوا", "كانون", "كذلك", "كل", "كلا", "كلما", "كما", "كي",
    "لا", "لان", "لدي", "لديه", "لديها", "لديهم", "لذا", "لذلك", "لصالح", "لقد",
    "لكن", "لكنه", "لكنها", "لكي", "لم", "لما", "لن", "له", "لها", "لهم",
    "لو", "لولا", "ليس", "ليست", "ما", "مارس", "مايو", "مثل", "مساء", "مع",
    "معه", "معها", "معهم", "مما", "ممن", "من", "منذ", "منه", "منها", "منهم",
    "نحن", "نحو", "نعم", "نفس", "نوفمبر", "نيسان", "هءلاء", "هاتان", "هذا", "هذان",
    "هذه", "هكذا", "هل", "هم", "هما", "هن", "هنا", "هناك", "هنالك", "هو",
    "هي", "وراء", "وسط", "وفق", "وفقا", "ولكن", "يا", "يتم", "يجري", "يقول",
    "يكن", "يكون", "يمكن", "يناير", "يوليه", "يوليو", "يوم", "يونيه", "يونيو",
  ]);
  // [prefix, letters left at least, ambiguous, removed for the other reading]
  const PREFIXES = [
    ["وبال", 2, false, ""],
    ["وكال", 2, false, ""],
    ["فبال", 2, false, ""],
    ["ولل", 2, true, "ول"],
    ["فلل", 2, true, "فل"],
    ["وال", 2, false, ""],
    ["بال", 2, false, ""],
    ["كال", 2, false, ""],
    ["فال", 2, false, ""],
    ["لل", 2, true, "ل"],
    ["ال", 2, false, ""],
    ["و", 3, true, ""],
  ];
  const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
  const MIN_SUFFIX = 2;
  // [spelling, the other spelling, equivalent (else sound-alike)]
  const ALTERNATIONS = [
    ["اميرك", "امريك", true],
    ["ث", "ت", false],
    ["ظ", "ض", false],
  ];
  // The least weight of a story with the word in its headline (internal/search TitleWeight).
  const TITLE_WEIGHT = 89;
  // END TABLES

  // ---------- Analysis (arabic.Fold, Tokens, Stems, SearchTerms) ----------

  // lower lower-cases one character as Go's unicode.ToLower does: one
  // character in, one out (JavaScript gives "i̇" for "İ", Go "i").
  function lower(ch) {
    const l = ch.toLowerCase();
    return l === ch ? ch : String.fromCodePoint(l.codePointAt(0));
  }

  function fold(s) {
    s = s.normalize("NFKC");
    const t = s.replace(MARKS, "");
    if (t !== s) s = t.normalize("NFKC");
    let out = "";
    for (const ch of s) out += FOLD[ch] || lower(ch);
    return out;
  }

  const NOT_WORD = /[^\p{L}\p{Nd}\p{M}]+/u;

  function tokens(s) {
    return fold(s).split(NOT_WORD).filter(Boolean);
  }

  function runes(s) {
    let n = 0;
    for (const _ of s) n++; // eslint-disable-line no-unused-vars
    return n;
  }

  function stripSuffixes(w) {
    for (const s of SUFFIXES) {
      if (w.endsWith(s) && runes(w) - runes(s) >= MIN_SUFFIX) w = w.slice(0, w.length - s.length);
    }
    return w;
  }

  // prefixRule is the prefix stems removes from a folded word, or null.
  function prefixRule(word) {
    return PREFIXES.find((p) => word.startsWith(p[0]) && runes(word) - runes(p[0]) >= p[1]) || null;
  }

  // stems gives the readings of a folded word: the stem, then the stem
  // read with an ambiguous prefix as part of the word (وزير: زير, وزير).
  function stems(word) {
    const rule = prefixRule(word);
    const s = stripSuffixes(rule ? word.slice(rule[0].length) : word);
    if (!rule || !rule[2]) return [s];
    const alt = stripSuffixes(word.startsWith(rule[3]) ? word.slice(rule[3].length) : word);
    return alt === s ? [s] : [s, alt];
  }

  function isSearchStopword(t) {
    return STOPWORDS.has(t) || (t.length > 1 && t.startsWith("و") && STOPWORDS.has(t.slice(1)));
  }

  function isLoneArabicLetter(t) {
    return t.length === 1 && t >= "\u0600" && t <= "\u06ff";
  }

  // searchTerms is arabic.SearchTerms: [{term, pos}].
  function searchTerms(s) {
    const out = [];
    tokens(s).forEach((tok, pos) => {
      if (isSearchStopword(tok) || isLoneArabicLetter(tok)) return;
      for (const term of stems(tok)) out.push({ term, pos });
    });
    return out;
  }

  // spellingVariants is arabic.SpellingVariants: a term's other spellings,
  // [equivalent, soundAlike], each one alternation at one place away.
  function spellingVariants(term) {
    const equivalent = [], soundAlike = [];
    for (const [a, b, isEquivalent] of ALTERNATIONS) {
      for (const [from, to] of [[a, b], [b, a]]) {
        for (let i = term.indexOf(from); i >= 0; i = term.indexOf(from, i + from.length)) {
          const v = term.slice(0, i) + to + term.slice(i + from.length);
          if (v !== term && !equivalent.includes(v) && !soundAlike.includes(v)) (isEquivalent ? equivalent : soundAlike).push(v);
        }
      }
    }
    return [equivalent, soundAlike];
  }

  // pairHash is the 16-bit signature of a word that follows another gap
  // words later: FNV-1a over the term's UTF-8 bytes and the gap, as the
  // Go builder computes it.
  function pairHash(term, gap) {
    let h = 2166136261;
    const byte = (b) => { h = Math.imul(h ^ b, 16777619) >>> 0; };
    for (const ch of term) {
      const c = ch.codePointAt(0);
      if (c < 0x80) byte(c);
      else if (c < 0x800) { byte(0xc0 | (c >> 6)); byte(0x80 | (c & 63)); }
      else if (c < 0x10000) { byte(0xe0 | (c >> 12)); byte(0x80 | ((c >> 6) & 63)); byte(0x80 | (c & 63)); }
      else { byte(0xf0 | (c >> 18)); byte(0x80 | ((c >> 12) & 63)); byte(0x80 | ((c >> 6) & 63)); byte(0x80 | (c & 63)); }
    }
    byte(gap);
    return ((h >>> 16) ^ (h & 0xffff)) >>> 0;
  }

  // editDistance is the Levenshtein distance of a and b in letters, or
  // most + 1 when it is more than most.
  function editDistance(a, b, most) {
    a = [...a];
    b = [...b];
    if (Math.abs(a.length - b.length) > most) return most + 1;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      if (Math.min(...cur) > most) return most + 1;
      prev = cur;
    }
    return Math.min(prev[b.length], most + 1);
  }

  const WORD_RUN = /[\p{L}\p{Nd}\p{M}]+/gu;

  // respell rewrites query with the terms of replace swapped in: a word
  // whose stem is a key keeps its clitics and suffixes around the new
  // stem (الكاظني → الكاظمي). The letters outside the stem are the ones
  // typed, less their harakat; the stem is the index's, folded.
  function respell(query, replace) {
    return query.normalize("NFKC").replace(MARKS, "").replace(WORD_RUN, (piece) => {
      const folded = fold(piece), letters = [...piece];
      // Fold maps a letter to a letter, so the two line up.
      if (letters.length !== runes(folded) || isSearchStopword(folded)) return piece;
      const stem = stems(folded)[0], to = replace.get(stem);
      if (!to) return piece;
      const rule = prefixRule(folded), start = rule ? runes(rule[0]) : 0;
      return letters.slice(0, start).join("") + to + letters.slice(start + runes(stem)).join("");
    });
  }

  // ---------- Highlighting ----------

  const WORD = /[\p{L}\p{M}\p{Nd}\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/gu;

  // highlight splits text into [text, matched] pieces: a word is matched
  // when one of its terms is one of terms (a Set).
  function highlight(text, terms) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(WORD)) {
      if (!searchTerms(m[0]).some((t) => terms.has(t.term))) continue;
      if (m.index > last) out.push([text.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  Object.assign(root.sahifaSearch = root.sahifaSearch || {}, {
    TITLE_WEIGHT, fold, tokens, runes, stems, prefixRule, searchTerms, isSearchStopword, spellingVariants,
    pairHash, editDistance, respell, highlight,
  });
})(typeof globalThis !== "undefined" ? globalThis : this);
