// Tests of the search page's engine (assets/js/search-analysis.js,
// search-index.js, search-rank.js), run with Node's test runner:
//
//	node --test internal/search/
//
// (They live here, not beside the script, because everything in assets/ is
// published with the site.)
// The analysis must give the terms of the shared vectors, which the Go
// tests check too (internal/search/testdata/vectors.json), and the search
// must rank the fixture index the Go builder writes
// (internal/search/testdata/index) as docs/search.md promises.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { loadEngine, readWhole } from "./engine.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const testdata = path.join(here, "testdata");

// The scripts are classic browser scripts, not modules: they run in a
// context of their own, without a document (engine.mjs).
const s = loadEngine();
// Values made in the script's context have that context's prototypes;
// JSON makes them plain values of this one for deepEqual.
const plain = (v) => JSON.parse(JSON.stringify(v));

const vectors = JSON.parse(readFileSync(path.join(testdata, "vectors.json"), "utf8"));

test("analysis gives the shared vectors' terms", () => {
  for (const c of vectors.analysis) {
    const got = plain(s.searchTerms(c.input)).map((t) => [t.term, t.pos]);
    assert.deepEqual(got, c.terms, `searchTerms(${JSON.stringify(c.input)})`);
  }
});

test("queries match the shared vectors' texts", () => {
  for (const c of vectors.matches) {
    const have = new Set(s.searchTerms(c.text).map((t) => t.term));
    const words = s.parseQuery(c.query).words;
    const got = words.length > 0 && words.every((w) => w.some((t) => have.has(t)));
    assert.equal(got, c.match, `query ${JSON.stringify(c.query)} in ${JSON.stringify(c.text)}`);
  }
});

test("spelling variants are the shared vectors'", () => {
  for (const c of vectors.variants) {
    assert.deepEqual(plain(s.spellingVariants(c.term)), [c.equivalent, c.soundAlike], `spellingVariants(${JSON.stringify(c.term)})`);
  }
});

test("pairHash gives the shared vectors' signatures", () => {
  for (const [term, gap, want] of vectors.pairs) {
    assert.equal(s.pairHash(term, gap), want, `pairHash(${JSON.stringify(term)}, ${gap})`);
  }
});

test("parseQuery splits words and quoted phrases", () => {
  const q = plain(s.parseQuery('الكاظمي "الولايات المتحدة" «قمة في الرياض»'));
  assert.deepEqual(q.words, [["كاظم"], ["ولا"], ["متحد"], ["قم"], ["رياض"]]);
  assert.deepEqual(q.phrases, [
    [{ terms: ["ولا"], offset: 0 }, { terms: ["متحد"], offset: 1 }],
    [{ terms: ["قم"], offset: 0 }, { terms: ["رياض"], offset: 2 }],
  ]);
  assert.deepEqual(plain(s.parseQuery("في على من")), { words: [], alike: [], phrases: [] });
  assert.deepEqual(plain(s.parseQuery("العراق العراقية")).words, [["عراق"]], "one word once");
  assert.deepEqual(plain(s.parseQuery('"الكاظمي')).words, [["كاظم"]], "an unclosed quote");
  const spelled = plain(s.parseQuery('الأمريكي الكاضمي "الرئيس الأميركي"'));
  assert.deepEqual(spelled.words, [["امريك", "اميرك"], ["كاضم"], ["رءيس"], ["اميرك", "امريك"]], "equivalent spellings are readings");
  assert.deepEqual(spelled.alike, [[], ["كاظم"], [], []], "sound-alike spellings apart");
  assert.deepEqual(spelled.phrases[0][1].terms, ["اميرك", "امريك"]);
});

// The fixture index is cut into a base of 27 documents and a delta of
// the 6 newest (fixture_test.go).
const indexFile = (file) => readFileSync(path.join(testdata, "index", file));
const meta = JSON.parse(indexFile("meta.json"));

// version is internal/search fileVersion: 30 bits of SHA-256, base64url.
const version = (...files) => {
  const h = createHash("sha256");
  for (const f of files) h.update(indexFile(f));
  return h.digest("base64url").slice(0, 5);
};

// wantVersion is the version a file must be fetched at: its shard's (the
// term and next-word files together, then those of each of its tiers), or
// its group of blocks'.
function wantVersion(file) {
  const m = /^([tn])\/(\d+|delta)(\.\d+)?\.json$/.exec(file);
  if (m) {
    const files = ["t/" + m[2] + ".json", "n/" + m[2] + ".json"];
    for (let k = 1; existsSync(path.join(testdata, "index", "t", m[2] + "." + k + ".json")); k++) {
      files.push("t/" + m[2] + "." + k + ".json", "n/" + m[2] + "." + k + ".json");
    }
    return version(...files);
  }
  const b = Number(/^d\/(\d+)\.json$/.exec(file)[1]);
  const group = [];
  for (let i = b - (b % meta.group); i < Math.min(b - (b % meta.group) + meta.group, Math.ceil(meta.docs / meta.block)); i++) group.push("d/" + i + ".json");
  return version(...group);
}

// searcher reads the fixture index from disk, counting the files read and
// checking that each is asked for at its version.
function searcher() {
  const read = [];
  const fetchJSON = async (url, fresh) => {
    const [file, query] = url.replace(/^\/data\//, "").split("?");
    read.push(file);
    if (file === "meta.json") assert.ok(fresh && !query, "meta.json is fetched afresh");
    else assert.equal(query, "v=" + wantVersion(file), file + " at its version");
    return JSON.parse(indexFile(file));
  };
  const sr = new s.Searcher("/data/", fetchJSON);
  sr.read = read;
  return sr;
}

const paths = (res) => plain(res.results.map((r) => r.path));

test("الكاظمي finds والكاظمي; a title match ranks above body matches", async () => {
  const res = await searcher().search("الكاظمي");
  assert.deepEqual(paths(res), ["/news/kadhimi-title/", "/news/kadhimi-body/", "/news/biden-kadhimi/"]);
  assert.equal(res.total, 3);
  const r = res.results[0];
  assert.equal(r.title, "الكاظمي يستقبل وفدا أمريكيا في بغداد");
  assert.equal(r.date, "2 مارس 2024");
  assert.equal(r.iso, "2024-03-02T09:00:00Z");
});

test("spelling variants and harakat do not matter", async () => {
  const sr = searcher();
  assert.deepEqual(paths(await sr.search("ايران")), ["/news/iran/"]);
  assert.deepEqual(paths(await sr.search("المدينه")), ["/news/city/"]);
  assert.deepEqual(paths(await sr.search("القِمَّة")), ["/news/harakat/"]);
  assert.deepEqual(paths(await sr.search("تستضيف بغداد")), ["/news/harakat/"]);
  assert.equal((await sr.search("بَغْدَادُ")).total, 2);
});

test("hamza seats and equivalent spellings find each other", async () => {
  const sr = searcher();
  assert.deepEqual(paths(await sr.search("مسئول")), ["/news/marathon/"]);
  assert.deepEqual(paths(await sr.search("أمريكي")), ["/news/biden-kadhimi/"], "الأميركي in its text");
  assert.deepEqual(paths(await sr.search("الأميركي")), ["/news/biden-kadhimi/"]);
});

test("sound-alike spellings are tried when little is found as typed, and rank below it", async () => {
  const sr = searcher();
  assert.deepEqual(paths(await sr.search("ماراتون")), ["/news/marathon/"]);
  // الكاضمي is typed once (in /news/marathon/); الكاظمي finds three more,
  // after it.
  const res = await sr.search("الكاضمي");
  assert.deepEqual(paths(res), ["/news/marathon/", "/news/kadhimi-title/", "/news/kadhimi-body/", "/news/biden-kadhimi/"]);
  assert.equal(res.suggestion, null, "what it finds is enough");
  // Found often enough as typed, its sound-alike spelling (the typo in
  // /news/marathon/) is not looked up.
  assert.deepEqual(paths(await sr.search("الكاظمي")), ["/news/kadhimi-title/", "/news/kadhimi-body/", "/news/biden-kadhimi/"]);
});

test("did you mean: the closest term of the shard read, in more documents", async () => {
  const sr = searcher();
  const res = await sr.search("وزيارة الكاظني");
  assert.equal(res.total, 1);
  assert.ok(res.partial, "زيارة alone");
  assert.equal(res.suggestion, "وزيارة الكاظمي");
  const before = sr.read.length;
  assert.equal((await sr.search("الكاظني")).suggestion, "الكاظمي");
  assert.deepEqual(sr.read.slice(before).filter((f) => f !== "meta.json"), [], "no file more than the query's own");
  assert.equal((await sr.search("بَغْدادِيّ")).suggestion, null, "بغدادي is بغداد: found");
  assert.equal((await sr.search("زلزال")).suggestion, null, "nothing close");
  assert.equal((await sr.search("الكاظمي")).suggestion, null, "found: nothing offered");
});

test("respell keeps the clitics, suffixes and other words typed", () => {
  assert.equal(s.respell("وللكاظني «في» بَغداد", new Map([["كاظن", "كاظم"]])), "وللكاظمي «في» بغداد");
  assert.equal(s.respell("في", new Map([["في", "فن"]])), "في", "stopwords stay");
  assert.equal(s.editDistance("كاظن", "كاظم", 1), 1);
  assert.equal(s.editDistance("امريك", "اميرك", 1), 2, "more than most");
  assert.equal(s.editDistance("ab", "ba", 2), 2);
});

test("a headline with every word comes first", async () => {
  const res = await searcher().search("قافلة إغاثة الحدود");
  assert.deepEqual(paths(res), ["/news/convoy-headline/", "/news/convoy-spread/"]);
  assert.ok(res.results[1].score > res.results[0].score, "the other scores more");
});

test("newer above older on equal scores", async () => {
  const res = await searcher().search("أمطار غزيرة");
  assert.deepEqual(paths(res), ["/news/twin-new/", "/news/twin-old/"]);
  assert.equal(res.results[0].score, res.results[1].score);
});

test("order date lists the matches newest first", async () => {
  const res = await searcher().search("الكاظمي", 1, 10, "date");
  assert.deepEqual(paths(res), ["/news/kadhimi-body/", "/news/kadhimi-title/", "/news/biden-kadhimi/"]);
  assert.equal(res.total, 3);
});

test("quoted phrases want their words together", async () => {
  const sr = searcher();
  assert.deepEqual(paths(await sr.search("الولايات المتحدة")).sort(), ["/news/apart/", "/news/phrase/"]);
  assert.deepEqual(paths(await sr.search('"الولايات المتحدة"')), ["/news/phrase/"]);
  assert.deepEqual(paths(await sr.search("«المتحدة الولايات»")), []);
  assert.ok(sr.read.some((f) => f.startsWith("n/")), "phrases read next words");
});

test("results are paginated", async () => {
  const sr = searcher();
  const p1 = await sr.search("البصرة", 1, 5);
  assert.equal(p1.total, 14);
  assert.equal(p1.pages, 3);
  assert.deepEqual(paths(p1), ["/news/basra-12/", "/news/basra-11/", "/news/basra-10/", "/news/basra-09/", "/news/basra-08/"]);
  const p3 = await sr.search("البصرة", 3, 5);
  assert.deepEqual(paths(p3), ["/news/basra-02/", "/news/basra-01/", "/news/twin-new/", "/news/twin-old/"]);
});

test("all words first; else the documents with most of them", async () => {
  const sr = searcher();
  const all = await sr.search("الكاظمي بغداد");
  assert.deepEqual(paths(all), ["/news/kadhimi-title/"]);
  assert.equal(all.partial, false);
  const some = await sr.search("الكاظمي زلزال");
  assert.equal(some.partial, true);
  assert.equal(some.results[0].path, "/news/kadhimi-title/");
  assert.deepEqual(plain(await sr.search("على في")).results, []);
});

test("a query reads only the shards of its words, and the delta", async () => {
  const sr = searcher();
  await sr.search("الكاظمي");
  const read = [...sr.read].sort();
  // One base shard (which one depends on where the shards are cut).
  assert.equal(read.filter((f) => /^t\/\d+\.json$/.test(f)).length, 1, read.join(" "));
  // One or two blocks: the three stories are neighbours.
  assert.deepEqual(read.filter((f) => !/^[td]\/\d+\.json$/.test(f)), ["meta.json", "t/delta.json"]);
  assert.ok(read.filter((f) => /^d\/\d+\.json$/.test(f)).length <= 2, read.join(" "));
});

test("the lede, dateline, caption and tags are searched", async () => {
  const sr = searcher();
  assert.deepEqual(paths(await sr.search("بركان")), ["/news/volcano-lede/"]);
  // The dateline outweighs the body of the city story.
  assert.deepEqual(paths(await sr.search("بالموصل")), ["/news/mosul-dateline/", "/news/city/"]);
  assert.deepEqual(paths(await sr.search("دجلة")), ["/news/tigris-caption/"]);
  assert.deepEqual(paths(await sr.search("الزراعة")), ["/news/farming-tag/"]);
  // Once in a lede above five times in a body.
  assert.deepEqual(paths(await sr.search("الذهب")), ["/news/gold-lede/", "/news/gold-body/"]);
});

test("a result holds all the page shows, from its block", async () => {
  const r = (await searcher().search("بركان")).results[0];
  assert.deepEqual(plain([r.title, r.date, r.iso, r.summary, r.section, r.thumb]), [
    "ثوران في جزيرة نائية", "تاريخ volcano-lede", "2023-06-01T09:00:00Z", "غطى الرماد القرى المجاورة.",
    "علوم", "/images/volcano.abc-480.jpg",
  ]);
  const plainResult = (await searcher().search("ايران")).results[0];
  assert.deepEqual(plain([plainResult.section, plainResult.thumb]), ["", ""]);
});

test("a year keeps that year's stories, in the site's time zone", async () => {
  const sr = searcher();
  assert.deepEqual(plain(meta.years), [[2023, 0], [2024, 9]]);
  assert.deepEqual(plain(s.yearRange(meta, 2023)), [0, 9]);
  assert.deepEqual(plain(s.yearRange(meta, 2024)), [9, meta.docs]);
  assert.equal(s.yearRange(meta, 1999), null);
  assert.deepEqual(paths(await sr.search("احتفالات")).sort(), ["/news/new-year-day/", "/news/new-year-eve/"]);
  assert.deepEqual(paths(await sr.search("احتفالات", 1, 10, "", 2023)), ["/news/new-year-eve/"]);
  assert.deepEqual(paths(await sr.search("احتفالات", 1, 10, "", 2024)), ["/news/new-year-day/"]);
  const none = await sr.search("احتفالات", 1, 10, "", 1999);
  assert.equal(none.total, 0);
  // The year keeps the partial matches to it too.
  const some = await sr.search("احتفالات زلزال", 1, 10, "", 2024);
  assert.ok(some.partial);
  assert.deepEqual(paths(some), ["/news/new-year-day/"]);
});

test("a year keeps the other spellings' finds to it too", async () => {
  const sr = searcher();
  // Sound-alike spellings are tried within the year.
  assert.deepEqual(paths(await sr.search("ماراتون", 1, 10, "", 2024)), ["/news/marathon/"]);
  assert.equal((await sr.search("ماراتون", 1, 10, "", 2023)).total, 0);
  assert.deepEqual(paths(await sr.search("الكاضمي", 1, 10, "", 2024)),
    ["/news/marathon/", "/news/kadhimi-title/", "/news/kadhimi-body/", "/news/biden-kadhimi/"]);
  // Equivalent spellings (مسئول: مسؤول) likewise.
  assert.deepEqual(paths(await sr.search("مسئول", 1, 10, "", 2024)), ["/news/marathon/"]);
  assert.equal((await sr.search("مسئول", 1, 10, "", 2023)).total, 0);
});

test("the base, its tiers and the delta read as the single index of every document", async () => {
  // lists.json is every term's list in the single index (Delta 1, no
  // tiers) of the fixture, written by the Go tests (TestFixtureLists).
  const lists = JSON.parse(readFileSync(path.join(testdata, "lists.json"), "utf8"));
  assert.ok(meta.base > 0 && meta.base < meta.docs && meta.delta, "the fixture has a base and a delta");
  const sr = searcher();
  const all = new Set(Array.from({ length: meta.docs }, (_, i) => i));
  let inBoth = 0, tiered = 0;
  for (const [term, [ids, weights, next]] of Object.entries(lists)) {
    const l = await sr.postings(meta, term);
    assert.equal(l.n, ids.length, term + ": its length, before its tiers are read");
    if (l.tiers.length) tiered++;
    while (l.tiers.length) {
      const bound = l.bound;
      assert.ok(Math.min(...l.weights.slice(0, l.parts[0].to)) >= bound, term + ": the first tier weighs at least the rest");
      await sr.more(meta, l);
      assert.equal(Math.max(...l.weights.slice(l.parts.at(-1).from)), bound, term + ": a tier's bound is its highest weight");
    }
    const order = l.ids.map((id, i) => i).sort((a, b) => l.ids[a] - l.ids[b]);
    assert.deepEqual(plain({ ids: order.map((i) => l.ids[i]), weights: order.map((i) => l.weights[i]) }), { ids, weights }, term);
    const words = await sr.nextWords(l, all);
    assert.deepEqual(ids.map((id) => plain([...words.get(id)])), next, term + ": next words");
    if (l.ids.some((id) => id < meta.base) && l.ids.some((id) => id >= meta.base)) inBoth++;
  }
  assert.ok(inBoth > 0, "some terms are in both the base and the delta");
  assert.ok(tiered > 0, "some lists are cut into tiers");
  assert.equal(await sr.postings(meta, "لاوجودله"), null);
});

test("a phrase reads the next words of the part its documents are in", async () => {
  const sr = searcher();
  // أخبار البصرة: the newest six are in the delta, the rest in the base.
  const res = await sr.search('"أخبار البصرة"', 1, 20);
  assert.equal(res.total, 12);
  assert.ok(sr.read.includes("n/delta.json") && sr.read.some((f) => /^n\/\d+\.json$/.test(f)), sr.read.join(" "));
  const phrase = searcher();
  assert.deepEqual(paths(await phrase.search('"الولايات المتحدة"')), ["/news/phrase/"]);
  assert.ok(!phrase.read.includes("n/delta.json"), "no document of the delta to check");
});

test("highlight marks the words that match, in any spelling", () => {
  const terms = new Set(s.parseQuery("الكاظمي إيران").words.flat());
  const parts = plain(s.highlight("بحث بايدن والكاظمى الملف مع ايرانَ.", terms));
  assert.deepEqual(parts, [
    ["بحث بايدن ", false], ["والكاظمى", true], [" الملف مع ", false], ["ايرانَ", true], [".", false],
  ]);
});

// whole is a searcher that reads every list whole before it ranks: what
// the index would give if no list were cut into tiers.
const whole = () => readWhole(searcher());

const tierFiles = (sr) => sr.read.filter((f) => /^[tn]\/\d+\.\d+\.json$/.test(f));

test("a common word's first results come from its first tier", async () => {
  const sr = searcher();
  const l = await sr.postings(meta, "بصر");
  assert.ok(l.tiers.length > 0, "البصرة's list is cut into tiers in the fixture");
  const res = await sr.search("البصرة", 1, 3);
  assert.deepEqual(tierFiles(sr), [], "page 1 reads no tier file");
  assert.deepEqual(paths(res), paths(await whole().search("البصرة", 1, 3)));
  assert.equal(res.total, 14, "one word: its list's length, exact");
  assert.equal(res.estimated, false);
  // A later page, or the newest first, needs what the first tier cannot say.
  for (const [page, order] of [[4, ""], [1, "date"]]) {
    const more = searcher();
    const got = await more.search("البصرة", page, 3, order);
    assert.ok(tierFiles(more).length > 0, `page ${page} ${order}: reads the tiers`);
    assert.deepEqual(paths(got), paths(await whole().search("البصرة", page, 3, order)), `page ${page} ${order}`);
  }
});

test("past the read limit a full page shows the best of what was read", async () => {
  // Page 3 of 3: nine of the ten stories read with البصرة (four of the
  // base's first tier, six of the delta) could fill it, but which nine
  // the second tier would decide; a limit of one posting stops before it.
  const sr = searcher();
  sr.readLimit = 1;
  const res = await sr.search("البصرة", 3, 3);
  assert.deepEqual(tierFiles(sr), [], "no tier file past the limit");
  assert.equal(res.results.length, 3, "a full page");
  assert.equal(res.total, 14);
  // Without the limit the page reads the second tier.
  const all = searcher();
  const exact = await all.search("البصرة", 3, 3);
  assert.ok(tierFiles(all).length > 0);
  assert.deepEqual(paths(exact), paths(await whole().search("البصرة", 3, 3)));
  // Page 4 needs twelve: the limit never cuts a page short.
  const short = searcher();
  short.readLimit = 1;
  assert.equal((await short.search("البصرة", 4, 3)).results.length, 3);
  assert.ok(tierFiles(short).length > 0);
});

test("ranking on first tiers gives the whole index's results", async () => {
  // Every term, and every pair of terms, alone and as a phrase, on pages
  // of 2 and 5 and with a year: the lazy search finds what the whole
  // lists rank first.
  const lists = JSON.parse(readFileSync(path.join(testdata, "lists.json"), "utf8"));
  const terms = Object.keys(lists);
  const queries = [...terms];
  for (let i = 0; i < terms.length; i += 3) {
    for (let j = i + 1; j < terms.length; j += 4) queries.push(terms[i] + " " + terms[j], `"${terms[i]} ${terms[j]}"`);
  }
  let lazy = 0;
  for (const q of queries) {
    for (const [page, size, year] of [[1, 2, 0], [2, 2, 0], [1, 5, 0], [1, 2, 2024]]) {
      const sr = searcher();
      const got = await sr.search(q, page, size, "", year);
      const want = await whole().search(q, page, size, "", year);
      assert.deepEqual(paths(got), paths(want), `${q} page ${page} of ${size}, year ${year}`);
      assert.equal(got.partial, want.partial, q);
      if (!got.estimated) assert.equal(got.total, want.total, q);
      if (!tierFiles(sr).length && terms.some((t) => q.includes(t))) lazy++;
    }
  }
  assert.ok(lazy > 0, "some queries were answered without a tier file");
});

test("a rare word with a common one reads the common word's tiers when its stories may be there", async () => {
  // ماراثون's one story is not in the first tier of البصرة's list… or not
  // in it at all: either way the search must say so exactly.
  for (const q of ["ماراثون البصرة", "الموانئ البصرة", "أمطار البصرة"]) {
    const got = await searcher().search(q, 1, 10);
    const want = await whole().search(q, 1, 10);
    assert.deepEqual(paths(got), paths(want), q);
    assert.equal(got.partial, want.partial, q);
  }
});
