import { asc, sql } from "drizzle-orm";
import { runStatement, selectRows, withWriteTransaction, type Database, type Tx } from "@/db/client";
import { parties, topics } from "@/db/schema";
import { syntheticCountryIds, syntheticFacts, type SyntheticFact } from "./synthetic-facts";

/** Rows per INSERT: one JSON parameter each, unpacked by json_to_recordset. */
const BATCH = 5000;

/**
 * The secondary indexes of the tables loaded (keys aside), the GIN search index among them:
 * dropped before the load and created again after it from their definitions.
 */
async function secondaryIndexes(tx: Tx): Promise<{ name: string; definition: string }[]> {
  return selectRows(
    tx,
    sql`SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('facts', 'fact_parties', 'fact_topics', 'fact_party_topics')
        AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
}

async function insertBatch(tx: Tx, batch: SyntheticFact[], now: string): Promise<void> {
  const facts = batch.map(({ id, text, quote, dateStart, dateEnd, datePrecision }) => ({
    id,
    text,
    quote,
    date_start: dateStart,
    date_end: dateEnd,
    date_precision: datePrecision,
  }));
  await runStatement(
    tx,
    sql`INSERT INTO facts (id, kind, text, quote, date_start, date_end, date_precision, date_inferred, source_id, created_at, updated_at)
      SELECT id, 'statement', text, quote, date_start, date_end, date_precision, false, 'src-000', ${now}, ${now}
      FROM json_to_recordset(${JSON.stringify(facts)}::json)
        AS t(id text, text text, quote text, date_start text, date_end text, date_precision text) ORDER BY id`,
  );
  const links = (column: "partyIds" | "topicIds") =>
    JSON.stringify(batch.flatMap((f) => [...new Set(f[column])].map((other) => ({ fact_id: f.id, other }))));
  await runStatement(
    tx,
    sql`INSERT INTO fact_parties (fact_id, party_id)
      SELECT fact_id, other FROM json_to_recordset(${links("partyIds")}::json) AS t(fact_id text, other text)`,
  );
  await runStatement(
    tx,
    sql`INSERT INTO fact_topics (fact_id, topic_id)
      SELECT fact_id, other FROM json_to_recordset(${links("topicIds")}::json) AS t(fact_id text, other text)`,
  );
}

/**
 * makeSyntheticFacts (./synthetic-facts.ts) on PostgreSQL: the same facts, in one transaction,
 * 5,000 rows per statement. The triggers that keep fact_party_topics and the foreign-key checks
 * are off for the load (`session_replication_role = replica`: the bench's cluster user is its
 * superuser); the table is then filled in one pass from the view they keep it equal to, as
 * drizzle-pg/0003 fills it. Secondary indexes, the GIN search index among them, are built after.
 */
export async function makeSyntheticFactsPostgres(db: Database, opts: { facts: number; countries: number }) {
  const countryIds = syntheticCountryIds(opts.countries);
  const now = new Date().toISOString();
  return withWriteTransaction(db, async (tx) => {
    await runStatement(tx, sql`SET LOCAL session_replication_role = replica`);
    await runStatement(tx, sql`SET LOCAL maintenance_work_mem = '256MB'`);
    const indexes = await secondaryIndexes(tx);
    for (const index of indexes) await runStatement(tx, sql.raw(`DROP INDEX "${index.name}"`));
    const topicIds = (await tx.select({ id: topics.id }).from(topics).orderBy(asc(topics.sortOrder))).map((t) => t.id);
    await tx.insert(parties).values(
      countryIds.map((id, i) => ({
        id,
        name: `Synthetic country ${i}`,
        kind: "country" as const,
        aliases: [],
        createdAt: now,
        updatedAt: now,
      })),
    );
    let batch: SyntheticFact[] = [];
    for (const f of syntheticFacts(opts.facts, countryIds, topicIds)) {
      batch.push(f);
      if (batch.length === BATCH) {
        await insertBatch(tx, batch, now);
        batch = [];
      }
    }
    if (batch.length) await insertBatch(tx, batch, now);
    await runStatement(tx, sql`DELETE FROM fact_party_topics`);
    await runStatement(tx, sql`INSERT INTO fact_party_topics SELECT * FROM fact_party_topics_joined`);
    for (const index of indexes) await runStatement(tx, sql.raw(index.definition));
    return { countryIds, topicIds };
  });
}
