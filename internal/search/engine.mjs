// The search engine of the search page (assets/js/search-analysis.js,
// search-index.js and search-rank.js, the page's scripts but its own,
// search.js), loaded for Node as the page loads it: classic scripts run in
// order in one context, without a document. Used by search.test.mjs,
// testdata/measure.mjs and bench/search/run.mjs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import vm from "node:vm";

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "assets", "js");

// parts are the engine's scripts, in the order the search page loads them.
export const parts = ["search-analysis.js", "search-index.js", "search-rank.js"];

// loadEngine runs the parts and returns what they export (sahifaSearch).
export function loadEngine() {
  const context = vm.createContext({});
  for (const p of parts) {
    const file = path.join(assets, p);
    vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  }
  return context.sahifaSearch;
}

// readWhole makes a searcher read every list whole, all its tiers, before
// it ranks: what the index would give if no list were cut into tiers.
export function readWhole(sr) {
  const postings = sr.postings.bind(sr);
  sr.postings = async (meta, term) => {
    const l = await postings(meta, term);
    while (l && l.tiers.length) await sr.more(meta, l);
    return l;
  };
  return sr;
}
