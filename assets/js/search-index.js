/*
 * sahifa site search (docs/search.md), part 2 of 4: reading the index the
 * build wrote under /search/data/ (internal/search): meta.json, the term
 * shards and their tiers, the delta and the blocks of stories.
 */
(function (root) {
  "use strict";

  // FORMAT is the index format this script reads (internal/search Format).
  const FORMAT = 5;

  function Searcher(base, fetchJSON) {
    this.base = base;
    this.fetchJSON = fetchJSON;
    this.files = new Map(); // path → promise of JSON
    this.meta = null;
  }

  Searcher.prototype.load = function () {
    if (!this.meta) {
      this.meta = this.fetchJSON(this.base + "meta.json", true).then((m) => {
        if (m.format !== FORMAT) throw new Error("unknown search index format " + m.format);
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

  // shard fetches the base's term ("t") or next-word ("n") shard of term,
  // or, with tier k, the shard's k-th tier file: a shard's files share
  // its version.
  Searcher.prototype.shard = function (meta, kind, term, k) {
    const i = shardOf(meta, term);
    return this.file(kind + "/" + i + (k ? "." + k : "") + ".json", versionAt(meta.versions, i));
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

  // TIER_GROWTH is how many times larger each tier of a list is than the
  // one before (internal/search tierGrowth).
  const TIER_GROWTH = 8;

  const own = (part, term) => part && Object.prototype.hasOwnProperty.call(part, term) ? part[term] : null;

  // entryLength is how many documents a shard's entry for a term stands
  // for: a list cut into tiers says it ([ids, weights, length, k, bounds]).
  const entryLength = (e) => (e.length > 2 ? e[2] : e[0].length);

  // addPart adds a part of a list (a shard's entry, a tier, the delta's
  // entry): its documents, as differences, and their weights; next reads
  // the part's next words, one group per document in the same order.
  function addPart(list, diffs, weights, next) {
    const from = list.ids.length;
    for (let i = 0, d = 0; i < diffs.length; i++) {
      list.ids.push(d += diffs[i]);
      list.weights.push(weights[i]);
      list.known.add(d);
    }
    list.parts.push({ from, to: list.ids.length, next });
  }

  // postings reads a term's list as far as its shard and the delta hold
  // it: documents (numbered oldest first) and their weights. n is the
  // list's length, tiers the tiers not yet read (their files, bounds and
  // lengths) and bound the highest weight among them, 0 when the list is
  // whole (see more). null when no document has the term.
  Searcher.prototype.postings = async function (meta, term) {
    const [shard, delta] = await Promise.all([
      meta.shards.length ? this.shard(meta, "t", term) : null,
      meta.delta ? this.delta(meta, "t") : null,
    ]);
    const list = { term, ids: [], weights: [], known: new Set(), parts: [], n: 0, tiers: [], bound: 0 };
    const e = own(shard, term);
    if (e) {
      addPart(list, e[0], e[1], async () => own(await this.shard(meta, "n", term), term) || []);
      list.n = entryLength(e);
      if (e.length > 2) {
        // Each tier is TIER_GROWTH times the one before, the last what is left.
        let left = e[2] - e[0].length, size = e[0].length;
        list.tiers = e[4].map((bound, k) => {
          size = Math.min(left, size * TIER_GROWTH);
          left -= size;
          return { k: e[3] + k, bound, size };
        });
      }
    }
    const d = own(delta, term);
    if (d) {
      addPart(list, d[0], d[1], async () => own(await this.delta(meta, "n"), term) || []);
      list.n += d[0].length;
    }
    list.bound = list.tiers.length ? list.tiers[0].bound : 0;
    return list.n ? list : null;
  };

  // more reads the next tier of a list: the postings of the next highest
  // weights, each tier eight times longer than the one before.
  Searcher.prototype.more = async function (meta, list) {
    const { k } = list.tiers.shift();
    const [diffs, weights] = await this.shard(meta, "t", list.term, k);
    addPart(list, diffs, weights, () => this.shard(meta, "n", list.term, k));
    list.bound = list.tiers.length ? list.tiers[0].bound : 0;
  };

  // nextWords reads, for each document of want, the signatures of the
  // words that follow term there (see pairHash): from the next-word file
  // of each part of the list read so far that has a document of want.
  Searcher.prototype.nextWords = async function (list, want) {
    const out = new Map();
    await Promise.all(list.parts.map(async ({ from, to, next }) => {
      if (!list.ids.slice(from, to).some((id) => want.has(id))) return;
      const flat = await next();
      for (let i = from, k = 0; i < to; i++) {
        const n = flat[k++];
        if (want.has(list.ids[i])) out.set(list.ids[i], new Set(flat.slice(k, k + n)));
        k += n;
      }
    }));
    return out;
  };

  // termLengths are the terms of the shard where term would be, and of
  // the delta, with the number of documents of each: what "did you mean"
  // looks among, from files the query has read.
  Searcher.prototype.termLengths = async function (meta, term) {
    const docs = new Map();
    for (const part of await Promise.all([
      meta.shards.length ? this.shard(meta, "t", term) : null,
      meta.delta ? this.delta(meta, "t") : null,
    ])) {
      for (const t in part || {}) docs.set(t, (docs.get(t) || 0) + entryLength(part[t]));
    }
    return docs;
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

  Object.assign(root.sahifaSearch = root.sahifaSearch || {}, { Searcher, shardOf, yearRange });
})(typeof globalThis !== "undefined" ? globalThis : this);
