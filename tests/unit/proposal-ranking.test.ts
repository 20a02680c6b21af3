import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readerOf, selectRows } from "@/db/client";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { factSearch } from "@/db/queries/_fact-search";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createSeededDb, read, type TestDb } from "../helpers/db";

// proposeFacts ranks only the sections a page reaches (first the first section, then as far as
// the counts say): every page must be the slice of the order in which every match is ranked.

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t?.close());

/** Every matching fact of the country in section order, best match first, all of them ranked. */
async function fullyRanked(countryId: string, topicIds: string[], q: string): Promise<string[]> {
  const tx = readerOf(t.db);
  const search = (await factSearch({ tx, q, partyId: countryId }))!;
  const ranks = new Map(
    (await selectRows<{ seq: number; rank: number }>(tx, search.hits("seq", "rank"))).map((r) => [
      Number(r.seq),
      Number(r.rank),
    ]),
  );
  const rows = await selectRows<{
    seq: number;
    fact_id: string;
    topic_id: string;
    topic_order: number;
    date_start: string;
  }>(
    tx,
    sql`SELECT seq, fact_id, topic_id, topic_order, date_start FROM fact_party_topics WHERE party_id = ${countryId} AND deleted_at IS NULL`,
  );
  const sections = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    if (!ranks.has(Number(r.seq)) || !topicIds.includes(r.topic_id)) continue;
    const seen = sections.get(Number(r.seq));
    if (!seen || r.topic_order < seen.topic_order || (r.topic_order === seen.topic_order && r.topic_id < seen.topic_id))
      sections.set(Number(r.seq), r);
  }
  return [...sections.values()]
    .sort(
      (a, b) =>
        Number(a.topic_order) - Number(b.topic_order) ||
        a.topic_id.localeCompare(b.topic_id) ||
        ranks.get(Number(a.seq))! - ranks.get(Number(b.seq))! ||
        b.date_start.localeCompare(a.date_start) ||
        a.fact_id.localeCompare(b.fact_id),
    )
    .map((r) => r.fact_id);
}

async function pages(countryId: string, topicIds: string[], q: string, limit: number, total: number) {
  const ids: string[] = [];
  for (let offset = 0; offset < total; offset += limit) {
    const p = await proposeFacts({ actor: SYSTEM_ACTOR, query: { countryId, topicIds, q }, limit, offset, db: t.db });
    ids.push(...p.facts.map((f) => f.id));
  }
  return ids;
}

describe("a searched proposal's pages", () => {
  it("are slices of the order with every match ranked, with every topic chosen and with some", async () => {
    const topics = (await read(t.db).select().from(s.topics)).sort((a, b) => a.sortOrder - b.sortOrder);
    const every = topics.map((x) => x.id);
    // Some topics, the first not among them, in an order of their own.
    const some = every.filter((_, i) => i % 2 === 1).reverse();
    let checked = 0;
    for (const topicIds of [every, some])
      for (const q of ["cooperation", "the", "minister", "energy"]) {
        const expected = await fullyRanked("KZ", topicIds, q);
        for (const limit of [2, 5, 1000])
          expect(await pages("KZ", topicIds, q, limit, expected.length), `${q} by ${limit}`).toEqual(expected);
        checked += expected.length;
      }
    expect(checked).toBeGreaterThan(100);
  });
});
