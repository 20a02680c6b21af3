import { asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withReadTransaction } from "@/db/client";
import { factSearch } from "@/db/queries/_fact-search";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { proposeFacts, type ProposalQuery } from "@/db/queries/briefings/propose-facts";
import { exportFactBase, importFactBase } from "@/db/queries/fact-base";
import { createFact } from "@/db/queries/facts/create-fact";
import { deleteFact } from "@/db/queries/facts/delete-fact";
import { getFact } from "@/db/queries/facts/get-fact";
import { restoreFactVersion } from "@/db/queries/facts/restore-fact-version";
import { undeleteFact } from "@/db/queries/facts/undelete-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { MARKINGS, type ClearanceLevel } from "@/lib/model/handling";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlRows, type TestDb } from "../helpers/db";
import { inputOf } from "../helpers/fact-input";

/*
 * fact_party_topics (drizzle/0012) is what proposals read: a copy of facts ⋈ fact_parties ⋈
 * fact_topics ⋈ topics kept by triggers. After random edits (links, dates, markings, text),
 * deletes, undeletes, restored versions, creations and imports (which also reorder topics), it
 * must equal that join recomputed here, and a proposal's counts must equal a GROUP BY over the
 * base tables — with date, search, "new since" and clearance filters.
 */

let t: TestDb;
let admin: Actor;
beforeEach(async () => {
  vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "off");
  t = await createSeededDb();
  admin = await makeActor(t.db, "admin", { clearanceLevel: "SECRET" });
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.close();
});

/** A deterministic pseudo-random generator, so a failure repeats. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => (x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const ROW = sql.raw(
  "party_id, seq, topic_id, topic_order, first_topic, fact_id, deleted_at, marking, date_start, date_end, created_at, updated_at",
);
const ORDER = sql.raw("ORDER BY party_id, seq, topic_id");

/** The maintained table, and the same rows recomputed from the base tables. */
async function maintainedAndRecomputed() {
  const maintained = await sqlRows(t.db, sql`SELECT ${ROW} FROM fact_party_topics ${ORDER}`);
  const recomputed = await sqlRows(
    t.db,
    sql`SELECT ${ROW} FROM (SELECT fp.party_id, f.seq, ft.topic_id, t.sort_order AS topic_order,
      -- first: no topic of the fact's before it (in order, then id)
      (SELECT count(*) FROM fact_topics o JOIN topics ot ON ot.id = o.topic_id WHERE o.fact_id = f.id
        AND (ot.sort_order, ot.id) < (t.sort_order, t.id)) = 0 AS first_topic, f.id AS fact_id,
      f.deleted_at, f.marking, f.date_start, f.date_end, f.created_at, f.updated_at
      FROM facts f, fact_parties fp, fact_topics ft, topics t
      WHERE fp.fact_id = f.id AND ft.fact_id = f.id AND t.id = ft.topic_id) joined ${ORDER}`,
  );
  return { maintained, recomputed };
}

/**
 * The per-topic counts a proposal must give, by a plain GROUP BY over the base tables: each
 * live fact visible at `level`, about the country, in the chosen topics and date range (and
 * among the search hits), counted once, in the first of its chosen topics.
 */
async function recomputedCounts(query: ProposalQuery, level: ClearanceLevel, since: string | null, only: boolean) {
  const visible = MARKINGS.slice(0, MARKINGS.indexOf(level) + 1);
  // The search words as proposals send them to the index (the last word completed).
  const search = await withReadTransaction(t.db, (tx) => factSearch({ tx, q: query.q, partyId: query.countryId }));
  const hits = search ? sql`AND f.seq IN (${search.seqs()})` : sql``;
  const marked = since ? sql`(f.created_at > ${since} OR f.updated_at > ${since})` : sql`0`;
  const rows = await sqlRows<{ topic_id: string; n: number }>(
    t.db,
    sql`SELECT first.topic_id, count(*) AS n FROM (
      SELECT f.id, (SELECT t.id FROM fact_topics ft JOIN topics t ON t.id = ft.topic_id
        WHERE ft.fact_id = f.id AND t.id IN ${query.topicIds} ORDER BY t.sort_order LIMIT 1) AS topic_id
      FROM facts f WHERE f.deleted_at IS NULL AND f.marking IN ${visible}
        AND EXISTS (SELECT 1 FROM fact_parties fp WHERE fp.fact_id = f.id AND fp.party_id = ${query.countryId})
        ${query.from ? sql`AND f.date_end >= ${query.from}` : sql``}
        ${query.to ? sql`AND f.date_start <= ${query.to}` : sql``}
        ${only ? sql`AND ${marked}` : sql``} ${hits}) first
    JOIN topics t ON t.id = first.topic_id GROUP BY first.topic_id ORDER BY min(t.sort_order), first.topic_id`,
  );
  return rows.map((r) => ({ topicId: r.topic_id, count: Number(r.n) }));
}

describe("fact_party_topics", () => {
  it("equals the join it copies, and proposals count as a GROUP BY, after random edits, deletes, restores and imports", async () => {
    const random = rng(18);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const some = <T>(list: readonly T[], max: number): T[] => {
      const chosen = new Set<T>();
      for (let i = 0, n = 1 + Math.floor(random() * max); i < n; i++) chosen.add(pick(list));
      return [...chosen];
    };
    const countries = (await read(t.db).select().from(s.parties).where(eq(s.parties.kind, "country"))).map((p) => p.id);
    const topicIds = (await read(t.db).select().from(s.topics).orderBy(asc(s.topics.sortOrder))).map((x) => x.id);
    const spans = (await read(t.db).select().from(s.facts)).map((f) => ({
      dateStart: f.dateStart,
      dateEnd: f.dateEnd,
      datePrecision: f.datePrecision,
    }));
    const factIds = async () => (await read(t.db).select({ id: s.facts.id }).from(s.facts)).map((f) => f.id);
    const staff = await makeActor(t.db, "staff", { clearanceLevel: "OFFICIAL-SENSITIVE" });
    // A finalised briefing on KZ before the changes, so "new since" has something to mark.
    const briefingId = await createBriefing({
      actor: staff,
      input: newBriefingSchema.parse({ country: "KZ" }),
      db: t.db,
    });
    await finaliseBriefing({ actor: staff, briefingId, version: 1, db: t.db });
    const [{ finalisedAt }] = await read(t.db)
      .select({ finalisedAt: s.briefings.finalisedAt })
      .from(s.briefings)
      .where(eq(s.briefings.id, briefingId));
    await new Promise((resolve) => setTimeout(resolve, 5));

    const operations: string[] = [];
    for (let step = 0; step < 60; step++) {
      const id = pick(await factIds());
      const fact = await getFact({ actor: admin, id, includeDeleted: true, db: t.db });
      const roll = random();
      if (fact.deletedAt) {
        operations.push(`undelete ${id}`);
        await undeleteFact({ actor: admin, id, version: fact.version, db: t.db });
      } else if (roll < 0.45) {
        operations.push(`edit ${id}`);
        const marking = pick(MARKINGS);
        await updateFact({
          actor: admin,
          id,
          version: fact.version,
          input: inputOf(fact, {
            partyIds: some(countries, 3),
            topicIds: some(topicIds, 3),
            ...(random() < 0.5 ? pick(spans) : {}),
            marking,
            handling: marking === "SECRET" ? "internal" : fact.handling,
            text: random() < 0.3 ? `${fact.text} Edited.` : fact.text,
          }),
          db: t.db,
        });
      } else if (roll < 0.6) {
        operations.push(`delete ${id}`);
        await deleteFact({ actor: admin, id, version: fact.version, db: t.db });
      } else if (roll < 0.72) {
        const [first] = await read(t.db)
          .select({ id: s.auditLog.id })
          .from(s.auditLog)
          .where(
            sql`${s.auditLog.entity} = 'fact' AND ${s.auditLog.entityId} = ${id} AND ${s.auditLog.after} IS NOT NULL`,
          )
          .orderBy(asc(s.auditLog.id))
          .limit(1);
        if (!first) continue;
        operations.push(`restore a version of ${id}`);
        await restoreFactVersion({ actor: admin, id, version: fact.version, auditId: first.id, db: t.db });
      } else if (roll < 0.85) {
        operations.push(`create from ${id}`);
        await createFact({
          actor: admin,
          input: { ...inputOf(fact, { partyIds: some(countries, 2), topicIds: some(topicIds, 2) }), id: undefined },
          db: t.db,
        });
      } else {
        operations.push("import");
        const doc = await exportFactBase({ actor: admin, db: t.db });
        for (const f of doc.facts) {
          if (random() < 0.1) f.topicIds = some(topicIds, 2);
          if (random() < 0.1) f.partyIds = some(countries, 2);
        }
        const topic = pick(doc.topics);
        topic.sortOrder = topic.sortOrder + 100;
        const report = await importFactBase({ actor: admin, document: doc, db: t.db });
        expect(report, operations.join(", ")).toMatchObject({ ok: true });
      }
      const { maintained, recomputed } = await maintainedAndRecomputed();
      expect(maintained, operations.join(", ")).toEqual(recomputed);
    }
    // Every kind of change happened at least once.
    for (const kind of ["edit", "delete", "undelete", "restore", "create", "import"])
      expect(operations.some((o) => o.startsWith(kind))).toBe(true);

    const chosen = (await read(t.db).select().from(s.topics).orderBy(asc(s.topics.sortOrder))).map((x) => x.id);
    const filters: { name: string; query: Omit<ProposalQuery, "countryId">; only?: boolean }[] = [
      { name: "every topic", query: { topicIds: chosen } },
      { name: "some topics, in another order", query: { topicIds: [chosen[5], chosen[1], chosen[3], chosen[0]] } },
      { name: "a date range", query: { topicIds: chosen, from: "2023-01-01", to: "2024-06-30" } },
      { name: "a search", query: { topicIds: chosen, q: "minister" } },
      { name: "new since the last briefing", query: { topicIds: chosen, onlySinceLastBriefing: true }, only: true },
    ];
    for (const country of ["KZ", "UZ", "KG"])
      for (const { name, query, only } of filters)
        for (const actor of [staff, admin]) {
          const full = { ...query, countryId: country };
          const proposal = await proposeFacts({ actor, query: full, limit: 1000, db: t.db });
          const since = actor === staff && country === "KZ" ? finalisedAt : null;
          const expected = await recomputedCounts(full, actor.clearanceLevel, since, Boolean(only && since));
          expect(proposal.counts, `${country}, ${name}, ${actor.clearanceLevel}`).toEqual(expected);
          expect(proposal.facts.length).toBe(proposal.total);
        }
  }, 120_000);
});
