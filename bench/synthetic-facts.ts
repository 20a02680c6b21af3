import { asc } from "drizzle-orm";
import { withWriteTransaction, type Database } from "@/db/client";
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

/** Rows a statement: well under SQLite's limit on bound values at a fact's ~20 columns. */
const BATCH = 400;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Inserts synthetic parties and facts (each about one to three countries and one or two
 * topics, dated 2005–2026 at mixed precision) in one transaction, through the real schema,
 * so triggers keep the FTS index as they do in production.
 */
export async function makeSyntheticFacts(db: Database, opts: { facts: number; countries: number }) {
  const random = rng(42);
  const countryIds = Array.from({ length: opts.countries }, (_, i) => `S${String(i).padStart(2, "0")}`);
  const now = new Date().toISOString();
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  return withWriteTransaction(db, async (tx) => {
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
    const factRows: (typeof facts.$inferInsert)[] = [];
    const partyLinks: { factId: string; partyId: string }[] = [];
    const topicLinks: { factId: string; topicId: string }[] = [];
    for (let i = 0; i < opts.facts; i++) {
      const year = 2005 + Math.floor(random() * 22);
      const month = 1 + Math.floor(random() * 12);
      const yearly = random() < 0.3;
      const start = yearly ? `${year}-01-01` : `${year}-${String(month).padStart(2, "0")}-01`;
      const end = yearly ? `${year}-12-31` : `${year}-${String(month).padStart(2, "0")}-28`;
      const text = Array.from({ length: 12 }, () => pick(WORDS)).join(" ");
      const id = `syn-${i}`;
      factRows.push({
        id,
        kind: "statement",
        text: `Synthetic fact ${i}: ${text}.`,
        dateStart: start,
        dateEnd: end,
        datePrecision: yearly ? "year" : "month",
        dateInferred: false,
        sourceId: "src-000",
        quote: text.slice(0, 60),
        createdAt: now,
        updatedAt: now,
      });
      for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++)
        partyLinks.push({ factId: id, partyId: pick(countryIds) });
      for (let k = 0, n = 1 + Math.floor(random() * 2); k < n; k++)
        topicLinks.push({ factId: id, topicId: pick(topicIds) });
    }
    await inBatches(factRows, (batch) => tx.insert(facts).values(batch));
    // A fact may draw the same country or topic twice: the second link is the first.
    await inBatches(partyLinks, (batch) => tx.insert(factParties).values(batch).onConflictDoNothing());
    await inBatches(topicLinks, (batch) => tx.insert(factTopics).values(batch).onConflictDoNothing());
    return { countryIds, topicIds };
  });
}
