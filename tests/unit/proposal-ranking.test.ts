import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readerOf, selectRows } from "@/db/client";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { factSearch } from "@/db/queries/_fact-search";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { markingAtMost, type Marking } from "@/lib/model/handling";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

// proposeFacts ranks only the sections a page reaches (first as far as a page of facts would
// reach, then as far as the counts say): every page must be the slice of the order in which
// every match is ranked, whatever the topics chosen, the reader's clearance and "new since"
// ("con" has more completions than are ranked by section: it is ranked whole).

let t: TestDb;
let reader: Actor;
let finalisedAt: string;
beforeAll(async () => {
  vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "off");
  t = await createSeededDb();
  reader = await makeActor(t.db, "staff", { clearanceLevel: "OFFICIAL" });
  const briefing = await createBriefing({ actor: reader, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db });
  await finaliseBriefing({ actor: reader, briefingId: briefing, version: 1, db: t.db });
  [{ finalisedAt }] = await sqlRows<{ finalisedAt: string }>(
    t.db,
    sql`SELECT finalised_at AS "finalisedAt" FROM briefings WHERE id = ${briefing}`,
  );
  const facts = await sqlRows<{ id: string }>(t.db, sql`SELECT id FROM facts ORDER BY seq`);
  // Every fifth fact marked above the reader's level, every third changed since the briefing.
  for (const [i, f] of facts.entries()) {
    if (i % 5 === 0) await sqlWrite(t.db, sql`UPDATE facts SET marking = 'OFFICIAL-SENSITIVE' WHERE id = ${f.id}`);
    if (i % 3 === 0)
      await sqlWrite(t.db, sql`UPDATE facts SET updated_at = '2999-01-01T00:00:00.000Z' WHERE id = ${f.id}`);
  }
  // Two topics in the same place of the order: their sections follow each other by id.
  const [a, b] = (await read(t.db).select().from(s.topics)).sort((x, y) => x.sortOrder - y.sortOrder);
  await sqlWrite(t.db, sql`UPDATE topics SET sort_order = ${a.sortOrder} WHERE id = ${b.id}`);
});
afterAll(() => {
  vi.unstubAllEnvs();
  t?.close();
});

interface Row {
  seq: number;
  fact_id: string;
  topic_id: string;
  topic_order: number;
  date_start: string;
  marking: Marking;
  created_at: string;
  updated_at: string;
}

/** The reader's matching facts of the country in section order, best match first, every one ranked. */
async function fullyRanked(topicIds: string[], q: string, only: boolean): Promise<string[]> {
  const tx = readerOf(t.db);
  const search = (await factSearch({ tx, q, partyId: "KZ" }))!;
  const ranks = new Map(
    (await selectRows<{ seq: number; rank: number }>(tx, search.hits("seq", "rank"))).map((r) => [
      Number(r.seq),
      Number(r.rank),
    ]),
  );
  const rows = await selectRows<Row>(
    tx,
    sql`SELECT seq, fact_id, topic_id, topic_order, date_start, marking, created_at, updated_at
    FROM fact_party_topics WHERE party_id = 'KZ' AND deleted_at IS NULL`,
  );
  const sections = new Map<number, Row>();
  for (const r of rows) {
    if (!ranks.has(Number(r.seq)) || !topicIds.includes(r.topic_id) || !markingAtMost(r.marking, "OFFICIAL")) continue;
    if (only && r.created_at <= finalisedAt && r.updated_at <= finalisedAt) continue;
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

/** Every page of `limit` facts, and one past the end. */
async function pages(topicIds: string[], q: string, only: boolean, limit: number, total: number) {
  const ids: string[] = [];
  for (let offset = 0; offset <= total; offset += limit) {
    const query = { countryId: "KZ", topicIds, q, onlySinceLastBriefing: only };
    const p = await proposeFacts({ actor: reader, query, limit, offset, db: t.db });
    ids.push(...p.facts.map((f) => f.id));
  }
  return ids;
}

describe("a searched proposal's pages", () => {
  it("are slices of the order with every match ranked: every topic or some, all facts or the new since", async () => {
    const topics = (await read(t.db).select().from(s.topics)).sort((a, b) => a.sortOrder - b.sortOrder);
    const every = topics.map((x) => x.id);
    // Some topics, the first not among them, in an order of their own.
    const some = every.filter((_, i) => i % 2 === 1).reverse();
    let checked = 0;
    for (const topicIds of [every, some])
      for (const only of [false, true])
        for (const q of ["cooperation", "the", "minister", "energy", "con"]) {
          const expected = await fullyRanked(topicIds, q, only);
          for (const limit of [2, 5, 1000])
            expect(await pages(topicIds, q, only, limit, expected.length), `${q} by ${limit}`).toEqual(expected);
          checked += expected.length;
        }
    expect(checked).toBeGreaterThan(100);
  });
});
