import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema-pg";
import { pgDbForFile, type PgDb } from "../helpers/pg-db";

// fact_party_topics on PostgreSQL (drizzle-pg/0003, as SQLite's drizzle/0012): after inserts,
// edits, link changes, a topic reordered, a soft and a hard delete, the table equals the join it
// copies (the view fact_party_topics_joined, and the same join written out here).

let db: PgDb;
pgDbForFile(async (migrated) => {
  db = migrated;
  await db.insert(s.sources).values({
    id: "src",
    publishedStart: "2024-03-01",
    publishedEnd: "2024-03-01",
    publishedPrecision: "day",
    fullText: "An article.",
  });
  await db.insert(s.parties).values([
    { id: "KZ", name: "Kazakhstan", kind: "country" },
    { id: "UZ", name: "Uzbekistan", kind: "country" },
  ]);
  await db.insert(s.topics).values([
    { id: "trade", name: "Trade", sortOrder: 1 },
    { id: "water", name: "Water", sortOrder: 2 },
  ]);
});

const fact = (id: string) => ({
  id,
  kind: "statement" as const,
  text: `Fact ${id}.`,
  quote: `Quote ${id}.`,
  dateStart: "2024-03-01",
  dateEnd: "2024-03-01",
  datePrecision: "day" as const,
  sourceId: "src",
});

async function expectEqualToJoin() {
  const columns = sql.raw(
    "party_id, seq, topic_id, topic_order, first_topic, fact_id, deleted_at, marking, date_start, date_end, created_at, updated_at",
  );
  const maintained = await db.execute(sql`SELECT ${columns} FROM fact_party_topics ORDER BY 1, 2, 3`);
  const recomputed = await db.execute(
    sql`SELECT ${columns} FROM (SELECT fp.party_id, f.seq, ft.topic_id, t.sort_order AS topic_order,
      (SELECT count(*) FROM fact_topics o JOIN topics ot ON ot.id = o.topic_id WHERE o.fact_id = f.id
        AND (ot.sort_order, ot.id) < (t.sort_order, t.id)) = 0 AS first_topic, f.id AS fact_id,
      f.deleted_at, f.marking, f.date_start, f.date_end, f.created_at, f.updated_at
      FROM facts f, fact_parties fp, fact_topics ft, topics t
      WHERE fp.fact_id = f.id AND ft.fact_id = f.id AND t.id = ft.topic_id) j ORDER BY 1, 2, 3`,
  );
  expect(maintained.rows).toEqual(recomputed.rows);
  return maintained.rows.length;
}

describe("fact_party_topics on PostgreSQL", () => {
  it("follows inserts, edits, link changes, topic order and deletes", async () => {
    await db.insert(s.facts).values([fact("f1"), fact("f2")]);
    await db.insert(s.factParties).values([
      { factId: "f1", partyId: "KZ" },
      { factId: "f1", partyId: "UZ" },
      { factId: "f2", partyId: "KZ" },
    ]);
    await db.insert(s.factTopics).values([
      { factId: "f1", topicId: "trade" },
      { factId: "f1", topicId: "water" },
      { factId: "f2", topicId: "water" },
    ]);
    expect(await expectEqualToJoin()).toBe(5);
    await db
      .update(s.facts)
      .set({ marking: "SECRET", updatedAt: "2030-01-01T00:00:00.000Z" })
      .where(eq(s.facts.id, "f1"));
    await expectEqualToJoin();
    await db.update(s.factParties).set({ partyId: "UZ" }).where(eq(s.factParties.factId, "f2"));
    await db.delete(s.factTopics).where(sql`${s.factTopics.factId} = 'f1' AND ${s.factTopics.topicId} = 'trade'`);
    await expectEqualToJoin();
    await db.update(s.topics).set({ sortOrder: 9 }).where(eq(s.topics.id, "water"));
    await db.update(s.facts).set({ deletedAt: "2030-01-02T00:00:00.000Z" }).where(eq(s.facts.id, "f2"));
    await expectEqualToJoin();
    await db.delete(s.factParties).where(eq(s.factParties.factId, "f2"));
    await db.delete(s.factTopics).where(eq(s.factTopics.factId, "f2"));
    await db.delete(s.facts).where(eq(s.facts.id, "f2"));
    expect(await expectEqualToJoin()).toBe(2);
  });
});
