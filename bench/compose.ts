/**
 * npm run bench:compose — the proposal query on a synthetic fact base of 100,000 facts over
 * 50 countries and the real topics, in a temporary file (never the real database).
 * Prints p50/p95 for: the first page plus per-topic counts for one country and all topics,
 * and a full-text search for a common word; the first page for a user with a finalised
 * briefing on the country (every fact marked new, changed or neither) and filtered to the
 * marked ones; then the same on a baseline copy without the secondary indexes, side by side,
 * with ratios. Targets: p95 < 50 ms (< 20 ms for the search).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase, runStatement, withWriteTransaction, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { createUser } from "@/db/queries/users/create-user";
import { briefings, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed/seed";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
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

/**
 * A user whose briefing on the country was finalised after the synthetic facts were made, then
 * one fact in 50 edited and one in 100 added since (their timestamps moved past it), so the
 * "new since my last briefing" marks have something to find. The user has briefings on 20
 * other countries, and 200 colleagues 10 briefings each (2,000 drafts and finals), so the
 * planner's statistics are those of a ministry's database.
 */
async function briefedUser(db: Database, countryIds: string[], country: string): Promise<Actor> {
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    input: { email: "bench@bench.example", name: "Bench user", role: "staff", password: "a-long-bench-password" },
    db,
  });
  const finalisedAt = new Date(Date.now() + 1000).toISOString();
  const later = new Date(Date.now() + 2000).toISOString();
  await withWriteTransaction(db, async (tx) => {
    for (const [i, countryId] of [country, ...countryIds.slice(0, 20)].entries())
      await tx.insert(briefings).values({
        id: `bench-briefing-${i}`,
        ownerId: user.id,
        countryId,
        title: `Bench briefing ${i}`,
        status: "final",
        finalisedAt,
      });
    for (let u = 0; u < 200; u++) {
      const ownerId = `bench-colleague-${u}`;
      // Never signed in with: a placeholder, not a password hash.
      await tx
        .insert(users)
        .values({ id: ownerId, email: `${ownerId}@bench.example`, name: ownerId, passwordHash: "-" });
      await tx.insert(briefings).values(
        Array.from({ length: 10 }, (_, i) => ({
          id: `${ownerId}-briefing-${i}`,
          ownerId,
          countryId: countryIds[(u + i * 7) % countryIds.length],
          title: `Colleague briefing ${i}`,
          status: i % 2 ? ("final" as const) : ("draft" as const),
          finalisedAt: i % 2 ? finalisedAt : null,
        })),
      );
    }
    await runStatement(tx, sql`UPDATE facts SET updated_at = ${later} WHERE seq % 50 = 0`);
    await runStatement(tx, sql`UPDATE facts SET created_at = ${later}, updated_at = ${later} WHERE seq % 100 = 1`);
  });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: "staff",
    clearer: false,
    clearanceLevel: "OFFICIAL",
    ip: null,
  };
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
  const country = countryIds[7];
  const briefed = await briefedUser(db, countryIds, country);
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

  const cases = [
    { name: "proposal: first page + per-topic counts, one country, all topics", target: 50, q: undefined },
    { name: 'full-text search for a common word ("cooperation"), one country', target: 20, q: "cooperation" },
    { name: "the same, marked new/changed since the user's last briefing", target: 50, actor: briefed },
    { name: "the same, only the new or changed since it", target: 50, actor: briefed, only: true },
  ];
  console.log(`\n${RUNS} runs each; milliseconds.`);
  console.log(
    `${"query".padEnd(68)} ${"p50".padStart(7)} ${"p95".padStart(7)}  ${"baseline p50".padStart(12)} ${"p95".padStart(7)}  ${"p95 ratio".padStart(9)}  target`,
  );
  for (const c of cases) {
    const run = (target: Database) => () =>
      proposeFacts({
        actor: c.actor ?? SYSTEM_ACTOR,
        query: { countryId: country, topicIds, q: c.q, onlySinceLastBriefing: c.only },
        limit: 25,
        db: target,
      });
    const ours = await measure(run(db));
    const base = await measure(run(baseline));
    const ok = ours.p95 < c.target ? "met" : "MISSED";
    console.log(
      `${c.name.padEnd(68)} ${ours.p50.toFixed(2).padStart(7)} ${ours.p95.toFixed(2).padStart(7)}  ${base.p50.toFixed(2).padStart(12)} ${base.p95.toFixed(2).padStart(7)}  ${(base.p95 / ours.p95).toFixed(1).padStart(8)}×  p95 < ${c.target} ms: ${ok}`,
    );
  }
  const sample = await proposeFacts({ actor: briefed, query: { countryId: country, topicIds }, limit: 25, db });
  console.log(
    `\n(one country: ${sample.total.toLocaleString("en")} matching facts in ${sample.counts.length} topics, ${sample.sinceCounts.new} new and ${sample.sinceCounts.changed} changed since the user's last briefing; baseline = same data without the party/topic/date indexes)`,
  );
  closeDatabase(db);
  closeDatabase(baseline);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
