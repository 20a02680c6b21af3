import { asc, sql } from "drizzle-orm";
import { runStatement, selectRows, withWriteTransaction, type Database, type Tx } from "@/db/client";
import { factParties, facts, factTopics, parties, topics } from "@/db/schema";

const WORDS = [
  "cooperation",
  "trade",
  "transport",
  "corridor",
  "water",
  "security",
  "investment",
  "energy",
  "dialogue",
  "border",
  "climate",
  "education",
  "digital",
  "summit",
  "minister",
  "agreement",
  "visa",
  "forum",
  "programme",
  "regional",
];

/** A deterministic pseudo-random generator, so every run builds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The synthetic countries' ids. */
export const syntheticCountryIds = (countries: number) =>
  Array.from({ length: countries }, (_, i) => `S${String(i).padStart(2, "0")}`);

export interface SyntheticFact {
  id: string;
  text: string;
  quote: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: "year" | "month";
  /** May repeat a country or topic: the second link is the first. */
  partyIds: string[];
  topicIds: string[];
}

/**
 * The synthetic facts, the same on every run and engine: each about one to three countries and
 * one or two topics, dated 2005–2026 at mixed precision, twelve words of WORDS long. Ids
 * zero-padded, so each key grows at its end.
 */
export function* syntheticFacts(facts: number, countryIds: string[], topicIds: string[]): Generator<SyntheticFact> {
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const digits = String(facts - 1).length;
  for (let i = 0; i < facts; i++) {
    const year = 2005 + Math.floor(random() * 22);
    const month = 1 + Math.floor(random() * 12);
    const yearly = random() < 0.3;
    const start = yearly ? `${year}-01-01` : `${year}-${String(month).padStart(2, "0")}-01`;
    const end = yearly ? `${year}-12-31` : `${year}-${String(month).padStart(2, "0")}-28`;
    const text = Array.from({ length: 12 }, () => pick(WORDS)).join(" ");
    const partyIds: string[] = [];
    for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++) partyIds.push(pick(countryIds));
    const topics: string[] = [];
    for (let k = 0, n = 1 + Math.floor(random() * 2); k < n; k++) topics.push(pick(topicIds));
    yield {
      id: `syn-${String(i).padStart(digits, "0")}`,
      text: `Synthetic fact ${i}: ${text}.`,
      quote: text.slice(0, 60),
      dateStart: start,
      dateEnd: end,
      datePrecision: yearly ? "year" : "month",
      partyIds,
      topicIds: topics,
    };
  }
}

/**
 * The secondary indexes of the tables loaded, as SQLite holds their definitions: dropped before
 * the load and created again after it from the same SQL (one sorted pass each, instead of a
 * random insert per row). The keys (primary, unique) stay: the triggers look rows up by them.
 * With them, fact_party_topics' triggers (drizzle/0012): the table is filled after the load in
 * one pass from the view they keep it equal to, as the migration fills it, then they are made
 * again. (tests/unit/fact-party-topics.test.ts proves the triggers keep it so, row by row.)
 */
async function secondaryIndexes(tx: Tx): Promise<{ type: string; name: string; sql: string }[]> {
  return selectRows(
    tx,
    sql`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (
      (type = 'index' AND tbl_name IN ('facts', 'fact_parties', 'fact_topics', 'fact_party_topics') AND name NOT LIKE '%unique%')
      OR (type = 'trigger' AND name GLOB 'fact_party_topics_*'))`,
  );
}

/**
 * Inserts synthetic parties and facts (syntheticFacts) into a SQLite database in one
 * transaction, through the real schema,
 * so triggers keep the full-text index and fact_party_topics as they do in production. Built
 * for a million facts in minutes: prepared inserts; each fact's links before the fact (foreign
 * keys checked at commit), so the fact's insert trigger indexes it once with its parties rather
 * than once per party link; secondary indexes and fact_party_topics built after the load.
 */
export async function makeSyntheticFacts(db: Database, opts: { facts: number; countries: number }) {
  const countryIds = syntheticCountryIds(opts.countries);
  const now = new Date().toISOString();
  return withWriteTransaction(db, async (tx) => {
    await runStatement(tx, sql`PRAGMA defer_foreign_keys = ON`);
    const indexes = await secondaryIndexes(tx);
    for (const index of indexes) await runStatement(tx, sql.raw(`DROP ${index.type.toUpperCase()} ${index.name}`));
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
    const p = (name: string) => sql.placeholder(name);
    const insertFact = tx
      .insert(facts)
      .values({
        id: p("id"),
        kind: "statement",
        text: p("text"),
        dateStart: p("dateStart"),
        dateEnd: p("dateEnd"),
        datePrecision: p("datePrecision"),
        dateInferred: false,
        sourceId: "src-000",
        quote: p("quote"),
        createdAt: now,
        updatedAt: now,
      })
      .prepare();
    // A fact may draw the same country or topic twice: the second link is the first.
    const insertParty = tx
      .insert(factParties)
      .values({ factId: p("factId"), partyId: p("partyId") })
      .onConflictDoNothing()
      .prepare();
    const insertTopic = tx
      .insert(factTopics)
      .values({ factId: p("factId"), topicId: p("topicId") })
      .onConflictDoNothing()
      .prepare();
    for (const f of syntheticFacts(opts.facts, countryIds, topicIds)) {
      for (const partyId of f.partyIds) insertParty.run({ factId: f.id, partyId });
      for (const topicId of f.topicIds) insertTopic.run({ factId: f.id, topicId });
      const { id, text, dateStart, dateEnd, datePrecision, quote } = f;
      insertFact.run({ id, text, dateStart, dateEnd, datePrecision, quote });
    }
    // Refilled whole: the seeded facts' rows are there already.
    await runStatement(tx, sql`DELETE FROM fact_party_topics`);
    await runStatement(tx, sql`INSERT INTO fact_party_topics SELECT * FROM fact_party_topics_joined`);
    for (const index of indexes) await runStatement(tx, sql.raw(index.sql));
    return { countryIds, topicIds };
  });
}
