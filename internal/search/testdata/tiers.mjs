// Checks that the search page's engine, reading common words' lists tier
// by tier, ranks as if it read them whole (tiers_test.go runs it):
//
//	node tiers.mjs <index folder> <queries, one a line>
//
// For each query, on pages of 2 and 10 and with a year, it compares the
// results with those of a searcher that reads every list whole, and
// prints a JSON report: the differences, and how many searches read no
// tier file, or some.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadEngine, readWhole } from "../engine.mjs";

const [dir, queries] = process.argv.slice(2);
const s = loadEngine();

function searcher(whole) {
  const sr = new s.Searcher("", async (url) => {
    const file = url.split("?")[0];
    if (/^[tn]\/\d+\.\d+\.json$/.test(file)) sr.tiers++;
    return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  });
  sr.tiers = 0;
  return whole ? readWhole(sr) : sr;
}

const meta = JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8"));
const year = meta.years[Math.floor(meta.years.length / 2)][0];
const report = { searches: 0, noTier: 0, someTiers: 0, differences: [] };
for (const q of queries.split("\n").filter(Boolean)) {
  for (const [page, size, y] of [[1, 2, 0], [2, 2, 0], [1, 10, 0], [1, 2, year]]) {
    const lazy = searcher(false);
    const got = await lazy.search(q, page, size, "", y);
    const want = await searcher(true).search(q, page, size, "", y);
    const paths = (res) => res.results.map((r) => r.path).join(" ");
    report.searches++;
    if (lazy.tiers) report.someTiers++;
    else report.noTier++;
    if (paths(got) !== paths(want) || got.partial !== want.partial || (!got.estimated && got.total !== want.total)) {
      report.differences.push({ query: q, page, size, year: y, got: paths(got), want: paths(want), total: [got.total, want.total] });
    }
  }
}
process.stdout.write(JSON.stringify(report));
