/**
 * npm run bench:compose — the proposal query on a synthetic fact base of 100,000 facts over
 * 50 countries and the real topics, in a temporary file (never the real database).
 * Prints p50/p95 for: the first page plus per-topic counts for one country and all topics,
 * and a full-text search for a common word; then the same on a baseline copy without the
 * secondary indexes, side by side, with ratios. Targets: p95 < 50 ms and < 20 ms.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { proposeFacts } from "@/db/queries/proposals";
import { seedDatabase } from "@/db/seed/seed";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { makeSyntheticFacts } from "./synthetic-facts";

const FACTS = Number(process.env.BENCH_FACTS ?? 100_000);
const COUNTRIES = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function measure(fn: () => void) {
  for (let i = 0; i < 10; i++) fn(); // warm the page cache and statement cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-bench-"));
try {
  const file = path.join(dir, "bench.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  seedDatabase(db);
  const t0 = Date.now();
  const { countryIds, topicIds } = makeSyntheticFacts(db, { facts: FACTS, countries: COUNTRIES });
  console.log(
    `Built ${FACTS.toLocaleString("en")} facts over ${COUNTRIES} countries and ${topicIds.length} topics in ${((Date.now() - t0) / 1000).toFixed(1)} s (${file})`,
  );
  db.$client.exec("ANALYZE");

  const baselineFile = path.join(dir, "baseline.db");
  db.$client.exec(`VACUUM INTO '${baselineFile}'`);
  const baseline = openDatabase(baselineFile);
  for (const idx of ["fact_parties_party_idx", "fact_topics_topic_idx", "facts_date_idx"])
    baseline.$client.exec(`DROP INDEX IF EXISTS ${idx}`);
  baseline.$client.exec("ANALYZE");

  const country = countryIds[7];
  const cases = [
    { name: "proposal: first page + per-topic counts, one country, all topics", target: 50, q: undefined },
    { name: 'full-text search for a common word ("cooperation"), one country', target: 20, q: "cooperation" },
  ];
  console.log(`\n${RUNS} runs each; milliseconds.`);
  console.log(
    `${"query".padEnd(68)} ${"p50".padStart(7)} ${"p95".padStart(7)}  ${"baseline p50".padStart(12)} ${"p95".padStart(7)}  ${"p95 ratio".padStart(9)}  target`,
  );
  for (const c of cases) {
    const run = (target: typeof db) => () =>
      proposeFacts({ actor: SYSTEM_ACTOR, query: { countryId: country, topicIds, q: c.q }, limit: 25, db: target });
    const ours = measure(run(db));
    const base = measure(run(baseline));
    const ok = ours.p95 < c.target ? "met" : "MISSED";
    console.log(
      `${c.name.padEnd(68)} ${ours.p50.toFixed(2).padStart(7)} ${ours.p95.toFixed(2).padStart(7)}  ${base.p50.toFixed(2).padStart(12)} ${base.p95.toFixed(2).padStart(7)}  ${(base.p95 / ours.p95).toFixed(1).padStart(8)}×  p95 < ${c.target} ms: ${ok}`,
    );
  }
  const sample = proposeFacts({ actor: SYSTEM_ACTOR, query: { countryId: country, topicIds }, limit: 25, db });
  console.log(
    `\n(one country: ${sample.total.toLocaleString("en")} matching facts in ${sample.counts.length} topics; baseline = same data without the party/topic/date indexes)`,
  );
  db.$client.close();
  baseline.$client.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
