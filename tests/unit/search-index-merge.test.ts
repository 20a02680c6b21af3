import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, FULL_TEXT_INDEXES, openDatabase, type Database } from "@/db/client";
import { copyDatabase } from "@/db/copy/copy-database";
import { ENGINE } from "@/db/engine";
import { exportFactBase, importFactBase, OPTIMIZE_AFTER_FACTS } from "@/db/queries/fact-base";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { FactBaseDocument } from "@/lib/admin/fact-base-format";
import { createMigratedDb, createSeededDb, sqlRows, type TestDb } from "../helpers/db";

// Rows written one at a time through the triggers leave SQLite's full-text indexes in many
// segments, each read by every search. A bulk load (an import of many facts, db:copy) ends by
// merging each into one (db/queries/optimize-search-index.ts); the searches find the same.

/**
 * The segments of a full-text index: each holds at least one entry of its b-tree, the
 * `%_idx` table (keyed by segment and first term of a leaf page).
 */
const segmentsOf = async (db: Database) => {
  const counts: number[] = [];
  for (const table of FULL_TEXT_INDEXES) {
    const [row] = await sqlRows<{ n: number }>(db, sql.raw(`SELECT count(DISTINCT segid) AS n FROM ${table}_idx`));
    counts.push(Number(row.n));
  }
  return counts;
};

/** How many facts the index finds for each word (the query as facts_fts takes it). */
const hitsOf = async (db: Database, words: string[]) => {
  const counts: number[] = [];
  for (const word of words) {
    const [row] = await sqlRows<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM facts_fts WHERE facts_fts MATCH ${word}`,
    );
    counts.push(Number(row.n));
  }
  return counts;
};

const WORDS = ['"pandemic"', '"cooperation"', '"agreement"', '"minister"', "coop*"];

describe.skipIf(ENGINE === "postgres")("the search index after a bulk load (SQLite)", () => {
  let seeded: TestDb;
  beforeAll(async () => (seeded = await createSeededDb()));
  afterAll(() => seeded?.close());

  /** The shipped fact base with each fact copied `times` times under new ids. */
  async function multiplied(times: number): Promise<FactBaseDocument> {
    const doc = await exportFactBase({ actor: SYSTEM_ACTOR, db: seeded.db });
    const facts = doc.facts.flatMap((f) =>
      Array.from({ length: times }, (_, i) => ({ ...f, id: `${f.id}-copy-${i}` })),
    );
    return JSON.parse(JSON.stringify({ ...doc, facts })) as FactBaseDocument;
  }

  it(`an import of ${OPTIMIZE_AFTER_FACTS} facts or more leaves each index in one segment, finding every fact`, async () => {
    const doc = await exportFactBase({ actor: SYSTEM_ACTOR, db: seeded.db });
    const times = Math.ceil(OPTIMIZE_AFTER_FACTS / doc.facts.length);
    const fresh = await createMigratedDb();
    try {
      const report = await importFactBase({ actor: SYSTEM_ACTOR, document: await multiplied(times), db: fresh.db });
      expect(report).toMatchObject({ ok: true, counts: { facts: { inserted: doc.facts.length * times } } });
      expect(await segmentsOf(fresh.db)).toEqual([1, 1]);
      const seededHits = await hitsOf(seeded.db, WORDS);
      expect(seededHits.every((n) => n > 0)).toBe(true);
      expect(await hitsOf(fresh.db, WORDS)).toEqual(seededHits.map((n) => n * times));
    } finally {
      fresh.close();
    }
  });

  it("a smaller import leaves the index to FTS5's own merging: merging rewrites all of it", async () => {
    const fresh = await createMigratedDb();
    try {
      const report = await importFactBase({ actor: SYSTEM_ACTOR, document: await multiplied(1), db: fresh.db });
      expect(report.ok).toBe(true);
      expect((await segmentsOf(fresh.db))[0]).toBeGreaterThan(1);
      expect(await hitsOf(fresh.db, WORDS)).toEqual(await hitsOf(seeded.db, WORDS));
    } finally {
      fresh.close();
    }
  });

  it("db:copy into SQLite leaves each index in one segment, finding what the source finds", async () => {
    const target = path.join(path.dirname(seeded.file), "copy.db");
    // One row per insert: the way that leaves the most segments behind.
    const report = await copyDatabase({ from: seeded.file, to: target, batchSize: 1 });
    expect(report.ok).toBe(true);
    const copy = openDatabase(target);
    try {
      expect(await segmentsOf(copy)).toEqual([1, 1]);
      expect(await hitsOf(copy, WORDS)).toEqual(await hitsOf(seeded.db, WORDS));
    } finally {
      closeDatabase(copy);
    }
  });
});
