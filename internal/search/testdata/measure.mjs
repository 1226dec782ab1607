// Runs queries against a built site's search index the way the search
// page does and reports what each downloads, gzipped (used by
// scale_test.go): node measure.mjs <public dir> <queries, one a line>
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { loadEngine } from "../engine.mjs";

const [root, queries] = process.argv.slice(2);
const s = loadEngine();
const gz = (file) => gzipSync(readFileSync(file)).length;
const kb = (b) => (b / 1000).toFixed(1) + " KB";

const js = readdirSync(path.join(root, "js")).filter((f) => /^search(-[a-z]+)?\.[0-9a-f]+\.js$/.test(f));
const page = gz(path.join(root, "search", "index.html"));
const script = js.reduce((sum, f) => sum + gz(path.join(root, "js", f)), 0);
console.log(`first visit: search page ${kb(page)} + ${js.length} scripts ${kb(script)} (gzip, then cached)`);

// Words as rare as a name or a place: the made-up words whose lists are
// closest to 1% and 0.1% of the stories (the seed's own words are in most).
const meta = JSON.parse(readFileSync(path.join(root, "search", "data", "meta.json"), "utf8"));
const near = {};
for (let i = 0; i < meta.shards.length; i++) {
  const shard = JSON.parse(readFileSync(path.join(root, "search", "data", "t", i + ".json"), "utf8"));
  for (const [term, e] of Object.entries(shard)) {
    if (!/^[\u0621-\u064a]{5,}$/.test(term) || s.searchTerms(term).length !== 1 || s.searchTerms(term)[0].term !== term) continue;
    const length = e.length > 2 ? e[2] : e[0].length; // a list cut into tiers says its length
    for (const share of [0.01, 0.001]) {
      const d = Math.abs(length - share * meta.docs);
      if (!near[share] || d < near[share].d) near[share] = { term, d };
    }
  }
}
const rare = [near[0.01].term, near[0.001].term];
console.log(`rare words: ${rare[0]} (in about 1% of the stories), ${rare[1]} (0.1%)`);

for (const q of [...queries.split("\n"), ...rare, rare.join(" ")]) {
  let files = 0, index = 0;
  const seen = new Set();
  const sr = new s.Searcher("/search/data/", async (url) => {
    const file = path.join(root, url.replace(/\?.*$/, ""));
    if (!seen.has(file)) {
      seen.add(file);
      files++;
      index += gz(file);
    }
    return JSON.parse(readFileSync(file, "utf8"));
  });
  const t0 = performance.now();
  const res = await sr.search(q, 1, 10);
  const ms = performance.now() - t0;
  console.log(`${JSON.stringify(q)}: ${res.estimated ? "about " : ""}${res.total} results${res.partial ? " (partial)" : ""}; ` +
    `index ${files} files ${kb(index)}; ${ms.toFixed(0)} ms in node`);
}
