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
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase, runStatement, withWriteTransaction, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { seedDatabase } from "@/db/seed/seed";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { makeSyntheticFacts } from "./synthetic-facts";

const FACTS = Number(process.env.BENCH_FACTS ?? 100_000);
const COUNTRIES = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(); // warm the page cache and statement cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Fresh planner statistics, as a long-running database would have. */
async function analyze(db: Database) {
  await withWriteTransaction(db, (tx) => runStatement(tx, sql`ANALYZE`));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-bench-"));
try {
  const file = path.join(dir, "bench.db");
  let db = openDatabase(file);
  await migrateDatabase(db);
  await seedDatabase(db);
  const t0 = Date.now();
  const { countryIds, topicIds } = await makeSyntheticFacts(db, { facts: FACTS, countries: COUNTRIES });
  console.log(
    `Built ${FACTS.toLocaleString("en")} facts over ${COUNTRIES} countries and ${topicIds.length} topics in ${((Date.now() - t0) / 1000).toFixed(1)} s (${file})`,
  );
  await analyze(db);

  // The baseline is a copy of the file; closing the database first folds its WAL into it.
  closeDatabase(db);
  const baselineFile = path.join(dir, "baseline.db");
  fs.copyFileSync(file, baselineFile);
  db = openDatabase(file);
  const baseline = openDatabase(baselineFile);
  await withWriteTransaction(baseline, async (tx) => {
    for (const idx of ["fact_parties_party_idx", "fact_topics_topic_idx", "facts_date_idx"])
      await runStatement(tx, sql.raw(`DROP INDEX IF EXISTS ${idx}`));
  });
  await analyze(baseline);

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
    const run = (target: Database) => () =>
      proposeFacts({ actor: SYSTEM_ACTOR, query: { countryId: country, topicIds, q: c.q }, limit: 25, db: target });
    const ours = await measure(run(db));
    const base = await measure(run(baseline));
    const ok = ours.p95 < c.target ? "met" : "MISSED";
    console.log(
      `${c.name.padEnd(68)} ${ours.p50.toFixed(2).padStart(7)} ${ours.p95.toFixed(2).padStart(7)}  ${base.p50.toFixed(2).padStart(12)} ${base.p95.toFixed(2).padStart(7)}  ${(base.p95 / ours.p95).toFixed(1).padStart(8)}×  p95 < ${c.target} ms: ${ok}`,
    );
  }
  const sample = await proposeFacts({ actor: SYSTEM_ACTOR, query: { countryId: country, topicIds }, limit: 25, db });
  console.log(
    `\n(one country: ${sample.total.toLocaleString("en")} matching facts in ${sample.counts.length} topics; baseline = same data without the party/topic/date indexes)`,
  );
  closeDatabase(db);
  closeDatabase(baseline);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
