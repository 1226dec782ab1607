/*
 * sahifa site search (docs/search.md), part 3 of 4: queries and ranking.
 * A query's words are looked up in the index (search-index.js), every
 * word must be found, and the stories are ranked by BM25, those with
 * every word in the headline first. A common word's list is read tier by
 * tier, from its highest weights down, only as far as the results to show
 * need (see certain).
 */
(function (root) {
  "use strict";

  const { Searcher, TITLE_WEIGHT, searchTerms, spellingVariants, runes, editDistance, respell, pairHash, yearRange } = root.sahifaSearch;

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

  // FEW is "very little": a query that finds fewer documents tries its
  // words' sound-alike spellings and offers a respelled query.
  const FEW = 3;

  // search ranks the documents for a query and returns one page of them.
  // Every word must be found (in any of its readings); when no document
  // has them all, documents with the most of them come first (partial).
  // Scores are BM25: the stored weight times the word's IDF; documents
  // with every word in the headline come before the others. With order
  // "date" the matches come newest first instead: documents are numbered
  // from the oldest, so the number orders them by date. With a year, only
  // that year's documents are kept.
  //
  // total is the number of matches; when the lists were not read whole it
  // is estimated (estimated is set), from the lists' lengths.
  //
  // A result holds all the page shows, from the block of its document:
  // no article page is read.
  Searcher.prototype.search = async function (query, page, pageSize, order, year) {
    page = Math.max(1, page || 1);
    pageSize = pageSize || 10;
    const q = typeof query === "string" ? parseQuery(query) : query;
    const res = { total: 0, estimated: false, page, pages: 0, partial: false, results: [], query: q, suggestion: null };
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
    const want = { range, order, shown: page * pageSize, pageSize };
    await lookUp(q.words.flat());
    let m = await this.settle(meta, q, lists, false, want);
    if (m.ids.length < FEW && q.alike.some((a) => a.length)) {
      // Little found as typed: try the sound-alike spellings too (a
      // shard more for each that lies in another).
      await lookUp(q.alike.flat());
      m = await this.settle(meta, q, lists, true, want);
    }
    const { score, hits, asTyped, titles } = m;
    let ids = m.ids;
    if (ids.length < FEW && typeof query === "string") res.suggestion = await this.suggest(meta, query, q, lists);
    if (!ids.length && !q.phrases.length && q.words.length > 1) {
      // settle has read the lists whole: no document has every word.
      const all = new Set();
      for (const l of lists.values()) if (l) for (const id of l.ids) if (inRange(id)) all.add(id);
      ids = [...all];
      res.partial = ids.length > 0;
    }
    const allTitle = (id) => (titles[id] === q.words.length ? 1 : 0);
    if (order === "date") ids.sort((a, b) => hits[b] - hits[a] || b - a);
    else ids.sort((a, b) => hits[b] - hits[a] || asTyped[b] - asTyped[a] || allTitle(b) - allTitle(a) || score[b] - score[a] || b - a);
    res.total = res.partial ? ids.length : m.total;
    res.estimated = !res.partial && m.estimated;
    res.pages = Math.ceil(res.total / pageSize);
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

  // queryTerms are the terms whose lists a match reads: the words'
  // readings and, with alike, their sound-alike spellings.
  const queryTerms = (q, alike) => q.words.flat().concat(alike ? q.alike.flat() : []);

  // READ_LIMIT is how many postings a query reads from tier files for
  // each page of results it shows, at most, once it has a page of
  // documents with every word: about 30 KB gzipped. A Searcher's
  // readLimit, when set, replaces it (the tests set a small one).
  const READ_LIMIT = 24000;

  // settle matches the query on its lists as read so far and, until the
  // results to show are certain (see certain), reads the next tier of
  // every list that has one more. A query of words in few stories reads
  // their shards alone, and is exact; one of common words reads their
  // first tiers, then more only while READ_LIMIT allows for the page
  // asked: past it, the page shows the best of the documents read that
  // have every word, and m.certain stays false. Until a page of them is
  // found it reads on: a page is never cut short.
  Searcher.prototype.settle = async function (meta, q, lists, alike, want) {
    for (let read = 0; ;) {
      const m = await this.match(meta, q, lists, alike, want);
      const open = [...new Set(queryTerms(q, alike).map((t) => lists.get(t)).filter((l) => l && l.tiers.length))];
      if (!open.length || m.certain) return m;
      // One list a round: one whose unread postings may still be a
      // headline's first (a result with every word in its headline ranks
      // above any other), then the one whose next tier is smallest; the
      // others' tiers may not be needed once it is read.
      const rank = (l) => [l.bound >= TITLE_WEIGHT ? 0 : 1, l.tiers[0].size];
      const next = open.reduce((a, b) => {
        const [ra, rb] = [rank(a), rank(b)];
        return rb[0] < ra[0] || (rb[0] === ra[0] && rb[1] < ra[1]) ? b : a;
      });
      read += next.tiers[0].size;
      if (m.ids.length >= want.shown && read > (this.readLimit || READ_LIMIT) * want.shown / want.pageSize) return m;
      await this.more(meta, next);
    }
  };

  // match finds the documents that have every word of q, in one of its
  // readings or, with alike, a sound-alike spelling (q.alike), and pass
  // its phrases, among those of want.range; with, for each document, its
  // BM25 score (the stored weight times the word's IDF, the best
  // reading's), how many words it has (hits), how many of them as typed
  // (asTyped), so that what only another spelling finds comes after, and
  // how many in the headline (titles). certain says whether these are
  // the results to show, though some lists are read in part.
  Searcher.prototype.match = async function (meta, q, lists, alike, want) {
    const n = meta.docs, [lo, hi] = want.range;
    const inRange = (id) => id >= lo && id < hi;
    const score = new Float64Array(n), hits = new Uint16Array(n), asTyped = new Uint16Array(n), titles = new Uint16Array(n);
    const words = q.words.map((word, w) => {
      // best: document → the word's score there, as read so far; open:
      // the readings whose lists are read in part, each with the most an
      // unread posting of it may score (bound), and whether it may be a
      // headline's (title).
      const best = new Map(), typed = new Set(), title = new Set();
      const info = { best, title, docs: 0, open: [] };
      const add = (t, isTyped) => {
        const l = lists.get(t);
        if (!l) return;
        const idf = Math.log(1 + (n - l.n + 0.5) / (l.n + 0.5));
        info.docs += l.n;
        if (l.tiers.length) info.open.push({ known: l.known, bound: idf * l.bound, title: l.bound >= TITLE_WEIGHT });
        for (let i = 0; i < l.ids.length; i++) {
          const id = l.ids[i], v = idf * l.weights[i];
          if (v > (best.get(id) || 0)) best.set(id, v);
          if (isTyped) typed.add(id);
          if (l.weights[i] >= TITLE_WEIGHT) title.add(id);
        }
      };
      for (const t of word) add(t, true);
      if (alike) for (const t of q.alike[w]) add(t, false);
      for (const [id, v] of best) {
        score[id] += v;
        hits[id]++;
        if (typed.has(id)) asTyped[id]++;
        if (title.has(id)) titles[id]++;
      }
      return info;
    });
    const smallest = words.reduce((a, b) => (b.best.size < a.best.size ? b : a)).best;
    let ids = [...smallest.keys()].filter((id) => hits[id] === q.words.length && inRange(id));
    const found = ids.length;
    let unsure = [];
    for (const phrase of q.phrases) {
      if (!ids.length) break;
      const f = await this.phraseFilter(phrase, lists, ids);
      ids = f.pass;
      unsure = unsure.concat(f.unsure);
    }
    const m = { ids, score, hits, asTyped, titles, total: ids.length, estimated: false, certain: true };
    if (words.every((w) => !w.open.length)) return m;
    m.certain = !alike && want.order !== "date" && ids.length >= FEW &&
      certain({ ids, unsure, words, score, hits, titles, inRange, shown: want.shown, base: meta.base });
    // The lists' lengths are known, not yet how many documents have them
    // all: as if words were independent, and phrases passed as often as
    // among the documents read.
    const only = q.words.length === 1 && !q.phrases.length && lo === 0 && hi === n && q.words[0].filter((t) => lists.get(t)).length === 1;
    if (only) m.total = words[0].docs;
    else {
      const share = words.reduce((p, w) => p * Math.min(1, w.docs / n), 1) * (found ? ids.length / found : 1);
      m.total = Math.max(ids.length, roughly((hi - lo) * share));
      m.estimated = true;
    }
    return m;
  };

  // roughly rounds an estimate to two significant digits.
  function roughly(x) {
    if (x < 100) return Math.round(x);
    const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
    return Math.round(x / unit) * unit;
  }

  // certain reports whether the first `shown` of ids (the documents
  // found to have every word, ranked) are the first of the whole lists,
  // when some lists are read in part. A reading read in part (open) has
  // its unread postings weigh at most its bound. So a document may rank
  // higher than it seems if it is not among the postings read of an open
  // reading of a word: that word's score could rise to the bound, and be a
  // headline's if the bound is. The first shown are certain when their
  // own scores cannot rise and no other document — found, in the
  // phrase's doubt (unsure), with some of the words, or with none yet
  // read — could reach the last of them.
  function certain({ ids, unsure, words, score, hits, titles, inRange, shown, base }) {
    const all = words.length;
    const allTitle = (id) => (titles[id] === all ? 1 : 0);
    const ranked = [...ids].sort((a, b) => allTitle(b) - allTitle(a) || score[b] - score[a] || b - a);
    const top = ranked.slice(0, shown);
    // upper is the most document id may have of word w: its score and
    // whether in the headline; null when it cannot have the word.
    const upper = (id, w) => {
      const v = w.best.get(id);
      let u = v || 0, t = w.title.has(id), may = v !== undefined;
      for (const o of w.open) {
        if (o.known.has(id)) continue;
        u = Math.max(u, o.bound);
        t = t || o.title;
        may = true;
      }
      return may ? [u, t] : null;
    };
    // most is the best a document may rank: [every word in the headline, score].
    const most = (id) => {
      let s = 0, t = 1;
      for (const w of words) {
        const u = upper(id, w);
        if (!u) return null;
        s += u[0];
        if (!u[1]) t = 0;
      }
      return [t, s];
    };
    for (const id of top) {
      const [t, s] = most(id);
      if (t !== allTitle(id) || s !== score[id]) return false;
    }
    // Fewer found than shown: none other may exist. On equal scores the
    // newer document ranks first.
    const last = top.length === shown ? top[top.length - 1] : -1;
    const beats = (m, id) => m && (last < 0 || m[0] > allTitle(last) ||
      (m[0] === allTitle(last) && (m[1] > score[last] || (m[1] === score[last] && id > last))));
    for (const id of ranked.slice(shown).concat(unsure)) if (beats(most(id), id)) return false;
    for (const w of words) {
      for (const id of w.best.keys()) if (hits[id] < all && inRange(id) && beats(most(id), id)) return false;
    }
    // A document none of whose words is read yet: one of the base's, as
    // only the base's lists have tiers.
    const unread = words.map((w) => upper(-1, w));
    return !(unread.every(Boolean) && beats([unread.every((u) => u[1]) ? 1 : 0, unread.reduce((s, u) => s + u[0], 0)], base - 1));
  }

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
      const found = Math.max(0, ...word.map((t) => (lists.get(t) ? lists.get(t).n : 0)));
      if (!most || found >= FEW) continue;
      const docs = await this.termLengths(meta, term); // term → documents, base and delta
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

  // phraseFilter sorts the documents by whether each word of the phrase
  // is followed by the next, as many words on as in the query (stopwords
  // count): pass, or unsure when a list read in part may hold the pair
  // (the document is not among its postings read). Each pair is checked
  // on its own: a document that has A B and, elsewhere, B C passes for
  // "A B C".
  Searcher.prototype.phraseFilter = async function (phrase, lists, ids) {
    const want = new Set(ids);
    const pairs = await Promise.all(phrase.slice(0, -1).map(async (g, i) => {
      const next = phrase[i + 1], gap = next.offset - g.offset;
      const follows = [...new Set(next.terms.map((t) => pairHash(t, gap)))];
      const readings = [];
      for (const t of g.terms) {
        const l = lists.get(t);
        if (l) readings.push({ l, words: await this.nextWords(l, want) });
      }
      // true: the pair is there; false: it is not; null: not known yet.
      return (id) => {
        let open = false;
        for (const { l, words } of readings) {
          const w = words.get(id);
          if (w && follows.some((h) => w.has(h))) return true;
          if (!l.known.has(id) && l.tiers.length) open = true;
        }
        return open ? null : false;
      };
    }));
    const pass = [], unsure = [];
    for (const id of ids) {
      const r = pairs.map((ok) => ok(id));
      if (r.every((v) => v === true)) pass.push(id);
      else if (!r.includes(false)) unsure.push(id);
    }
    return { pass, unsure };
  };

  Object.assign(root.sahifaSearch, { parseQuery, FEW });
})(typeof globalThis !== "undefined" ? globalThis : this);
