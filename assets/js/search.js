/*
 * sahifa site search (docs/search.md). No framework, no other host: the
 * script reads the static index the build wrote under /search/data/ and
 * shows the results on the search page.
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

  // ---------- Queries ----------

  // groups turns terms into one group per word: the word's readings
  // (any of them may match) and its position.
  function groups(terms) {
    const out = [];
    for (const t of terms) {
      const last = out[out.length - 1];
      if (last && last.pos === t.pos) last.terms.push(t.term);
      else out.push({ terms: [t.term], pos: t.pos });
    }
    return out;
  }

  const QUOTED = /["“”«»„]([^"“”«»„]*)(?:["“”«»„]|$)/g;

  // parseQuery splits a query into words that must all be found and
  // quoted phrases whose words must stand together, as in the query.
  function parseQuery(q) {
    const phrases = [];
    const loose = q.replace(QUOTED, (_, p) => {
      phrases.push(p);
      return " ";
    });
    const words = [], alike = [], seen = new Set(), phraseGroups = [];
    const addWord = (g) => {
      const key = g.terms.join(" ");
      if (!seen.has(key)) {
        seen.add(key);
        words.push(g.terms);
        alike.push(soundAlikes(g.terms));
      }
    };
    for (const g of respelled(searchTerms(loose))) addWord(g);
    for (const p of phrases) {
      const gs = respelled(searchTerms(p));
      if (gs.length === 1) addWord(gs[0]);
      else if (gs.length > 1) {
        for (const g of gs) addWord(g);
        phraseGroups.push(gs.map((g) => ({ terms: g.terms, offset: g.pos - gs[0].pos })));
      }
    }
    return { words, alike, phrases: phraseGroups };
  }

  // respelled groups terms by word (see groups), each word's readings
  // followed by their equivalent spellings (أمريكي: أميركي), which a
  // query always looks up as if typed.
  function respelled(terms) {
    const gs = groups(terms);
    for (const g of gs) {
      for (const t of [...g.terms]) {
        for (const v of spellingVariants(t)[0]) if (!g.terms.includes(v)) g.terms.push(v);
      }
    }
    return gs;
  }

  // soundAlikes are the sound-alike spellings of a word's readings (ث/ت,
  // ظ/ض) that are not readings themselves: looked up only when the query
  // finds little as typed.
  function soundAlikes(readings) {
    const out = [];
    for (const t of readings) {
      for (const v of spellingVariants(t)[1]) if (!readings.includes(v) && !out.includes(v)) out.push(v);
    }
    return out;
  }

  // ---------- The index ----------

  function Searcher(base, fetchJSON) {
    this.base = base;
    this.fetchJSON = fetchJSON;
    this.files = new Map(); // path → promise of JSON
    this.meta = null;
  }

  Searcher.prototype.load = function () {
    if (!this.meta) {
      this.meta = this.fetchJSON(this.base + "meta.json", true).then((m) => {
        if (m.format !== 4) throw new Error("unknown search index format " + m.format);
        return m;
      });
      this.meta.catch(() => { this.meta = null; });
    }
    return this.meta;
  };

  // file fetches a file of the index at its version: a hash of its bytes
  // that meta.json lists, so an unchanged file keeps its address (and
  // stays cached) and a reader never mixes files of two builds.
  Searcher.prototype.file = function (path, version) {
    const url = this.base + path + "?v=" + version;
    let f = this.files.get(url);
    if (!f) {
      f = this.fetchJSON(url, false);
      this.files.set(url, f);
      f.catch(() => this.files.delete(url));
    }
    return f;
  };

  // VERSION_CHARS is the length of each version in meta.json's strings
  // of versions (internal/search versionChars).
  const VERSION_CHARS = 5;
  const versionAt = (list, i) => list.slice(i * VERSION_CHARS, (i + 1) * VERSION_CHARS);

  // shard fetches the base's term ("t") or next-word ("n") shard of term.
  Searcher.prototype.shard = function (meta, kind, term) {
    const i = shardOf(meta, term);
    return this.file(kind + "/" + i + ".json", versionAt(meta.versions, i));
  };

  // delta fetches the delta's terms ("t") or next words ("n"): the
  // newest documents, not yet in the base.
  Searcher.prototype.delta = function (meta, kind) {
    return this.file(kind + "/delta.json", meta.delta);
  };

  // block fetches the block of documents that holds document id.
  Searcher.prototype.block = function (meta, id) {
    const b = Math.floor(id / meta.block);
    return this.file("d/" + b + ".json", versionAt(meta.blocks, Math.floor(b / meta.group)));
  };

  // shardOf finds the shard that holds term: the last whose first term
  // is not after it (the build sorts terms by UTF-16 code units, as
  // JavaScript compares strings).
  function shardOf(meta, term) {
    let lo = 0, hi = meta.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (meta.shards[mid] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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

  // postings reads a term's list: documents (numbered oldest first) and
  // their weights, from the base's shard and then from the delta, whose
  // documents all come after the base's; base is how many are the base's.
  // null when no document has the term.
  Searcher.prototype.postings = async function (meta, term) {
    const parts = await Promise.all([
      meta.shards.length ? this.shard(meta, "t", term) : null,
      meta.delta ? this.delta(meta, "t") : null,
    ]);
    const ids = [], weights = [];
    let base = 0;
    parts.forEach((part, k) => {
      const e = part && Object.prototype.hasOwnProperty.call(part, term) ? part[term] : null;
      if (e) {
        for (let i = 0, d = 0; i < e[0].length; i++) {
          ids.push(d += e[0][i]);
          weights.push(e[1][i]);
        }
      }
      if (k === 0) base = ids.length;
    });
    return ids.length ? { ids, weights, base } : null;
  };

  // nextWords reads, for each document of want, the signatures of the
  // words that follow term there (see pairHash): from the base's next-word
  // shard for the base's documents and from the delta's for the others,
  // each read only when want has a document of its part.
  Searcher.prototype.nextWords = async function (meta, term, list, want) {
    const out = new Map();
    const part = async (read, from, to) => {
      if (!list.ids.slice(from, to).some((id) => want.has(id))) return;
      const flat = (await read())[term] || [];
      for (let i = from, k = 0; i < to; i++) {
        const n = flat[k++];
        if (want.has(list.ids[i])) out.set(list.ids[i], new Set(flat.slice(k, k + n)));
        k += n;
      }
    };
    await Promise.all([
      part(() => this.shard(meta, "n", term), 0, list.base),
      part(() => this.delta(meta, "n"), list.base, list.ids.length),
    ]);
    return out;
  };

  // yearRange is the documents of a year, [first, end): documents are
  // numbered by date, and meta.json lists each year's first. null when
  // the index has none of that year.
  function yearRange(meta, year) {
    const ys = meta.years || [];
    const i = ys.findIndex((y) => y[0] === year);
    if (i < 0) return null;
    return [ys[i][1], i + 1 < ys.length ? ys[i + 1][1] : meta.docs];
  }

  // search ranks the documents for a query and returns one page of them.
  // Every word must be found (in any of its readings); when no document
  // has them all, documents with the most of them come first (partial).
  // Scores are BM25: the stored weight times the word's IDF. With order
  // "date" the matches come newest first instead: documents are numbered
  // from the oldest, so the number orders them by date. With a year, only
  // that year's documents are kept.
  //
  // A result holds all the page shows, from the block of its document:
  // no article page is read.
  Searcher.prototype.search = async function (query, page, pageSize, order, year) {
    page = Math.max(1, page || 1);
    pageSize = pageSize || 10;
    const q = typeof query === "string" ? parseQuery(query) : query;
    const res = { total: 0, page, pages: 0, partial: false, results: [], query: q, suggestion: null };
    if (!q.words.length) return res;
    const meta = await this.load();
    const lists = new Map();
    const lookUp = (terms) => Promise.all(terms.filter((t) => !lists.has(t)).map(async (t) => {
      lists.set(t, null);
      lists.set(t, await this.postings(meta, t));
    }));
    // With a year, only the documents of its range count, here and for
    // the sound-alike fallback below.
    const range = year ? yearRange(meta, year) || [0, 0] : [0, meta.docs];
    const inRange = (id) => id >= range[0] && id < range[1];
    await lookUp(q.words.flat());
    let m = await this.match(meta, q, lists, false, inRange);
    if (m.ids.length < FEW && q.alike.some((a) => a.length)) {
      // Little found as typed: try the sound-alike spellings too (a
      // shard more for each that lies in another).
      await lookUp(q.alike.flat());
      m = await this.match(meta, q, lists, true, inRange);
    }
    const { score, hits, asTyped } = m;
    let ids = m.ids;
    if (ids.length < FEW && typeof query === "string") res.suggestion = await this.suggest(meta, query, q, lists);
    if (!ids.length && !q.phrases.length && q.words.length > 1) {
      const all = new Set();
      for (const l of lists.values()) if (l) for (const id of l.ids) if (inRange(id)) all.add(id);
      ids = [...all];
      res.partial = ids.length > 0;
    }
    if (order === "date") ids.sort((a, b) => hits[b] - hits[a] || b - a);
    else ids.sort((a, b) => hits[b] - hits[a] || asTyped[b] - asTyped[a] || score[b] - score[a] || b - a);
    res.total = ids.length;
    res.pages = Math.ceil(ids.length / pageSize);
    const shown = ids.slice((page - 1) * pageSize, page * pageSize);
    const blocks = await Promise.all(shown.map((id) => this.block(meta, id)));
    res.results = shown.map((id, i) => {
      const r = blocks[i][id % meta.block];
      return {
        id, path: r[0], title: r[1], iso: r[2], date: r[3], summary: r[4],
        section: r[5] || "", thumb: r[6] || "", score: score[id],
      };
    });
    return res;
  };

  // FEW is "very little": a query that finds fewer documents tries its
  // words' sound-alike spellings and offers a respelled query.
  const FEW = 3;

  // match finds the documents that have every word of q, in one of its
  // readings or, with alike, a sound-alike spelling (q.alike), and pass
  // its phrases; with, for each document, its BM25 score (the stored
  // weight times the word's IDF, the best reading's), how many words it
  // has (hits) and how many of them as typed (asTyped), so that what only
  // another spelling finds comes after. inRange, when given, keeps only
  // the documents it accepts (the filter by year).
  Searcher.prototype.match = async function (meta, q, lists, alike, inRange) {
    const n = meta.docs;
    const score = new Float64Array(n), hits = new Uint16Array(n), asTyped = new Uint16Array(n);
    let smallest = null;
    q.words.forEach((word, w) => {
      const best = new Map(), typed = new Set();
      const add = (t, isTyped) => {
        const l = lists.get(t);
        if (!l) return;
        const idf = Math.log(1 + (n - l.ids.length + 0.5) / (l.ids.length + 0.5));
        for (let i = 0; i < l.ids.length; i++) {
          const v = idf * l.weights[i];
          if (v > (best.get(l.ids[i]) || 0)) best.set(l.ids[i], v);
          if (isTyped) typed.add(l.ids[i]);
        }
      };
      for (const t of word) add(t, true);
      if (alike) for (const t of q.alike[w]) add(t, false);
      for (const [id, v] of best) {
        score[id] += v;
        hits[id]++;
        if (typed.has(id)) asTyped[id]++;
      }
      if (!smallest || best.size < smallest.size) smallest = best;
    });
    let ids = [...smallest.keys()].filter((id) => hits[id] === q.words.length && (!inRange || inRange(id)));
    for (const phrase of q.phrases) {
      if (!ids.length) break;
      ids = await this.phraseFilter(meta, phrase, lists, ids);
    }
    return { ids, score, hits, asTyped };
  };

  // suggest is "did you mean": query with each word found in fewer than
  // FEW documents respelled as the closest term of the index (fewest
  // edits, then the most documents) that is in more documents than it.
  // Terms are looked for in the shard the word's term is in and in the
  // delta, which the query has read already: no other file is fetched.
  // null when no word has such a term.
  Searcher.prototype.suggest = async function (meta, query, q, lists) {
    const replace = new Map();
    for (const word of q.words) {
      const term = word[0];
      const most = runes(term) <= 2 ? 0 : runes(term) <= 5 ? 1 : 2;
      const found = Math.max(0, ...word.map((t) => (lists.get(t) ? lists.get(t).ids.length : 0)));
      if (!most || found >= FEW) continue;
      const docs = new Map(); // term → documents, base and delta
      for (const part of await Promise.all([
        meta.shards.length ? this.shard(meta, "t", term) : null,
        meta.delta ? this.delta(meta, "t") : null,
      ])) {
        for (const t in part || {}) docs.set(t, (docs.get(t) || 0) + part[t][0].length);
      }
      let best = null, bestEdits = most + 1;
      for (const [t, n] of docs) {
        if (n <= found || word.includes(t)) continue;
        const e = editDistance(term, t, most);
        if (e < bestEdits || (e === bestEdits && best && (n > docs.get(best) || (n === docs.get(best) && t < best)))) {
          best = t;
          bestEdits = e;
        }
      }
      if (best) replace.set(term, best);
    }
    const respelled = replace.size ? respell(query, replace) : query;
    return respelled !== query ? respelled : null;
  };

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

  // phraseFilter keeps the documents where each word of the phrase is
  // followed by the next, as many words on as in the query (stopwords
  // count). Each pair is checked on its own: a document that has A B and,
  // elsewhere, B C passes for "A B C".
  Searcher.prototype.phraseFilter = async function (meta, phrase, lists, ids) {
    const want = new Set(ids);
    const pairs = await Promise.all(phrase.slice(0, -1).map(async (g, i) => {
      const next = phrase[i + 1], gap = next.offset - g.offset;
      const follows = new Set(next.terms.map((t) => pairHash(t, gap)));
      const maps = [];
      for (const t of g.terms) {
        const l = lists.get(t);
        if (l) maps.push(await this.nextWords(meta, t, l, want));
      }
      return (id) => maps.some((m) => m.has(id) && [...follows].some((h) => m.get(id).has(h)));
    }));
    return ids.filter((id) => pairs.every((ok) => ok(id)));
  };

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

  const api = { fold, tokens, stems, searchTerms, spellingVariants, parseQuery, respell, editDistance, shardOf, pairHash, yearRange, Searcher, highlight };
  root.sahifaSearch = api;

  // ---------- The search page ----------

  if (typeof document === "undefined") return;

  function fetchJSON(url, fresh) {
    return fetch(url, fresh ? { cache: "no-cache" } : {}).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // encodePath percent-encodes each segment of a path from the index, as
  // links in the rest of the site are. The index keeps "%", "?" and "#"
  // of a slug escaped and Arabic letters as they are, so each segment is
  // decoded before it is encoded.
  function encodePath(p) {
    return p.split("/").map((s) => encodeURIComponent(decodeURIComponent(s))).join("/");
  }

  function start() {
    const app = document.getElementById("search");
    if (!app) return;
    const form = app.querySelector("form");
    const input = form.querySelector("input[name=q]");
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results");
    const nav = document.getElementById("search-pages");
    const suggestion = document.getElementById("search-suggestion");
    const arabicDigits = app.dataset.digits === "arabic";
    const searcher = new Searcher(app.dataset.index, fetchJSON);
    let generation = 0, timer = 0;

    const num = (v) => (arabicDigits ? String(v).replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[d]) : String(v));
    const el = (tag, attrs, children) => {
      const e = document.createElement(tag);
      for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
      for (const c of children || []) e.append(c);
      return e;
    };
    const marked = (text, terms) => highlight(text, terms).map(([s, m]) => (m ? el("mark", {}, [s]) : s));

    // count is "N نتيجة" with Arabic number agreement (CLDR plural rules).
    const count = (n) => {
      const m = n % 100;
      if (n === 1) return "نتيجة واحدة";
      if (n === 2) return "نتيجتان";
      return num(n) + (m >= 3 && m <= 10 ? " نتائج" : " نتيجة");
    };
    // The order is kept in the URL (?sort=date) with the query and page,
    // so a shared or reloaded search shows the same list.
    const sortField = form.elements.namedItem("sort");
    const order = () => (sortField && sortField.value === "date" ? "date" : "");
    // The year, likewise (?year=2021); "" for every year.
    const yearField = form.elements.namedItem("year");
    const year = () => (yearField && /^\d{4}$/.test(yearField.value) ? yearField.value : "");
    const pageURL = (q, p) => "?q=" + encodeURIComponent(q) + (order() ? "&sort=" + order() : "") +
      (year() ? "&year=" + year() : "") + (p > 1 ? "&page=" + p : "");

    // show puts the status line, the results and their pages in place at
    // once, so the page moves once (the theme keeps room for them).
    function show(text, items, pagesNav) {
      status.textContent = text;
      list.replaceChildren(...items);
      nav.replaceChildren(...(pagesNav ? [pagesNav] : []));
      nav.hidden = !pagesNav;
    }

    // result is one result as a list item: all from the index's block.
    function result(r, terms) {
      const meta = [el("time", { datetime: r.iso }, [r.date])];
      // The theme puts a dot between the meta line's parts.
      if (r.section) meta.unshift(el("span", { class: "search-result-section" }, [r.section]));
      const parts = [
        el("h2", { class: "search-result-title" }, [el("a", { href: encodePath(r.path) }, marked(r.title, terms))]),
        el("p", { class: "meta" }, meta),
        el("p", { class: "search-result-snippet" }, marked(r.summary, terms)),
      ];
      if (r.thumb) {
        // Its box is sized by the theme before the picture arrives.
        parts.push(el("img", { class: "search-result-thumb", src: r.thumb, alt: "", width: "96", height: "64", loading: "lazy", decoding: "async" }));
      }
      return el("li", {}, [el("article", { class: "search-result" + (r.thumb ? " has-thumb" : "") }, parts)]);
    }

    // offer shows "did you mean" (a respelled query, see suggest) as a
    // link to its results; null hides it.
    function offer(respelled) {
      if (!suggestion) return;
      suggestion.replaceChildren();
      suggestion.hidden = !respelled;
      if (respelled) suggestion.append("هل تقصد ", el("a", { href: pageURL(respelled, 1) }, [respelled]), "؟");
    }

    async function run(q, page, focus) {
      const gen = ++generation;
      q = q.trim();
      document.title = (q ? "«" + q + "» – " : "") + app.dataset.title;
      if (!q) {
        offer(null);
        show("", [], null);
        return;
      }
      // The last results stay until the new ones replace them.
      status.textContent = "جارٍ البحث…";
      let res;
      try {
        res = await searcher.search(q, page, 10, order(), Number(year()) || 0);
      } catch (e) {
        if (gen === generation) {
          offer(null);
          show("تعذر تحميل فهرس البحث. حاول مرة أخرى.", [], null);
        }
        return;
      }
      if (gen !== generation) return;
      // With the results, in the same task: the page moves once.
      offer(res.suggestion);
      if (!res.query.words.length) {
        show("كلمات البحث شائعة جدا. جرّب كلمة أدق، مثل اسم أو مكان.", [], null);
        return;
      }
      if (!res.total) {
        const where = year() ? " في " + num(year()) : "";
        show("لا نتائج لـ «" + q + "»" + where + ". تحقق من الكتابة أو جرّب كلمات أقل.", [], null);
        return;
      }
      let text = count(res.total) + " لـ «" + q + "»";
      if (year()) text += " في " + num(year());
      if (res.pages > 1) text += "، الصفحة " + num(res.page) + " من " + num(res.pages);
      if (res.partial) text += ". لا خبر يحوي كل الكلمات؛ هذه أخبار تحوي بعضها";
      // Sound-alike spellings are marked too: a result may have only them.
      const terms = new Set(res.query.words.flat().concat(res.query.alike.flat()));
      show(text + ".", res.results.map((r) => result(r, terms)), pages(q, res));
      if (focus) status.focus();
    }

    // pages is the navigation between pages of results; null for one page.
    function pages(q, res) {
      if (res.pages < 2) return null;
      const items = [];
      const link = (p, label, attrs) => el("li", {}, [el("a", Object.assign({ href: pageURL(q, p), "data-page": p }, attrs), label)]);
      if (res.page > 1) items.push(link(res.page - 1, ["→ السابق"], { rel: "prev" }));
      const first = Math.max(1, Math.min(res.page - 3, res.pages - 6));
      for (let p = first; p <= Math.min(res.pages, first + 6); p++) {
        items.push(link(p, [el("span", { class: "visually-hidden" }, ["الصفحة "]), num(p)], p === res.page ? { "aria-current": "page" } : {}));
      }
      if (res.page < res.pages) items.push(link(res.page + 1, ["التالي ←"], { rel: "next" }));
      return el("ul", {}, items);
    }

    function fromURL(focus) {
      const params = new URLSearchParams(location.search);
      const q = params.get("q") || "";
      input.value = q;
      if (sortField) sortField.value = params.get("sort") === "date" ? "date" : "";
      if (yearField) {
        const y = params.get("year") || "";
        // A year the list does not offer (none of its stories) is every year.
        yearField.value = [...yearField.options].some((o) => o.value === y) ? y : "";
      }
      run(q, parseInt(params.get("page"), 10) || 1, focus);
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(timer);
      history.pushState(null, "", pageURL(input.value.trim(), 1));
      run(input.value, 1, false);
    });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        history.replaceState(null, "", pageURL(input.value.trim(), 1));
        run(input.value, 1, false);
      }, 250);
    });
    form.addEventListener("change", (e) => {
      if (e.target.name !== "sort" && e.target.name !== "year") return;
      history.pushState(null, "", pageURL(input.value.trim(), 1));
      run(input.value, 1, false);
    });
    nav.addEventListener("click", (e) => {
      const a = e.target.closest("a[data-page]");
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      history.pushState(null, "", a.getAttribute("href"));
      fromURL(true);
    });
    window.addEventListener("popstate", () => fromURL(false));
    fromURL(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof globalThis !== "undefined" ? globalThis : this);
