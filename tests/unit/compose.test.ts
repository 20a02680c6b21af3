import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getBriefingView } from "@/db/queries/briefing-view";
import {
  createBriefing,
  deleteBriefing,
  duplicateBriefing,
  listBriefings,
  recordDownload,
  restoreBriefing,
  saveBriefing,
} from "@/db/queries/briefings";
import { proposeFacts } from "@/db/queries/proposals";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { buildSavedDocument } from "@/db/queries/briefing-document";
import { NotFoundError } from "@/lib/errors";
import { briefingEditSchema, newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, type TestDb } from "../helpers/db";

let t: TestDb;
let staff: Actor;
beforeEach(async () => {
  t = await createSeededDb();
  staff = await makeActor(t.db);
});
afterEach(() => t.close());

const newInput = (over: Record<string, unknown> = {}) => newBriefingSchema.parse({ country: "KZ", ...over });

/** The composer's state as it would post it, from the stored briefing. */
function editOf(id: string, actor = staff): BriefingEdit {
  const v = getBriefingView({ actor, briefingId: id, db: t.db });
  return {
    version: v.version,
    title: v.title,
    marking: v.content.marking,
    purpose: v.content.purpose,
    keyMessages: v.content.keyMessages,
    background: v.content.background,
    occasion: v.content.occasion,
    sections: v.sections.map((sec) => ({
      topicId: sec.topicId,
      items: sec.items.map((i) => ({ factId: i.factId, included: i.included, note: i.note })),
    })),
  };
}

describe("proposals", () => {
  it("group a country's facts by topic in topic order, newest first, with counts", () => {
    const p = proposeFacts({
      actor: staff,
      query: { countryId: "KZ", topicIds: ["trade-investment", "transport-connectivity"] },
      limit: 500,
      db: t.db,
    });
    expect(p.counts.map((c) => c.topicId)).toEqual(["trade-investment", "transport-connectivity"]);
    expect(p.total).toBe(p.facts.length);
    const trade = p.facts.filter((f) => f.topicId === "trade-investment");
    expect(trade.map((f) => f.dateStart)).toEqual([...trade.map((f) => f.dateStart)].sort().reverse());
    expect(new Set(p.facts.map((f) => f.id)).size).toBe(p.facts.length); // each fact in one section only
  });

  it("give a fact about several countries to each of them", () => {
    const shared = t.db.get<{ id: string }>(
      sql`SELECT fact_id AS id FROM fact_parties GROUP BY fact_id HAVING count(*) >= 3 LIMIT 1`,
    )!;
    const countries = t.db
      .select()
      .from(s.factParties)
      .where(eq(s.factParties.factId, shared.id))
      .all()
      .map((r) => r.partyId);
    for (const countryId of countries) {
      const p = proposeFacts({
        actor: staff,
        query: {
          countryId,
          topicIds: t.db
            .select()
            .from(s.topics)
            .all()
            .map((x) => x.id),
        },
        limit: 1000,
        db: t.db,
      });
      expect(p.facts.map((f) => f.id)).toContain(shared.id);
    }
  });

  it("include a season- or year-precision fact whose span only overlaps the range", () => {
    const wide = t.db
      .select()
      .from(s.facts)
      .where(sql`${s.facts.datePrecision} IN ('season', 'year') AND ${s.facts.dateStart} < ${s.facts.dateEnd}`)
      .all()
      .find((f) =>
        t.db
          .select()
          .from(s.factParties)
          .where(eq(s.factParties.factId, f.id))
          .all()
          .some((p) => p.partyId === "KZ"),
      )!;
    const topicIds = t.db
      .select()
      .from(s.topics)
      .all()
      .map((x) => x.id);
    const inRange = proposeFacts({
      actor: staff,
      query: { countryId: "KZ", topicIds, from: wide.dateEnd, to: "2099-12-31" },
      limit: 1000,
      db: t.db,
    });
    expect(inRange.facts.map((f) => f.id)).toContain(wide.id);
    const before = proposeFacts({
      actor: staff,
      query: { countryId: "KZ", topicIds, from: "1990-01-01", to: wide.dateStart },
      limit: 1000,
      db: t.db,
    });
    expect(before.facts.map((f) => f.id)).toContain(wide.id);
  });

  it("search fact text and quotes by words", () => {
    const p = proposeFacts({
      actor: staff,
      query: {
        countryId: "KZ",
        topicIds: t.db
          .select()
          .from(s.topics)
          .all()
          .map((x) => x.id),
        q: "rare earth",
      },
      limit: 100,
      db: t.db,
    });
    expect(p.total).toBeGreaterThan(0);
    for (const f of p.facts) {
      const row = t.db.select().from(s.facts).where(eq(s.facts.id, f.id)).get()!;
      expect(`${row.text} ${row.quote}`.toLowerCase()).toMatch(/rare/);
    }
  });
});

describe("composing", () => {
  it("saves exclusions, order, notes and messages, and restores them on reopening", () => {
    const id = createBriefing({
      actor: staff,
      input: newInput({ topics: ["trade-investment", "transport-connectivity"] }),
      db: t.db,
    });
    const edit = editOf(id);
    const trade = edit.sections[0];
    trade.items[0].included = false;
    [trade.items[0], trade.items[1]] = [trade.items[1], trade.items[0]];
    trade.items[0].note = "Raise this first.";
    edit.sections.reverse();
    edit.keyMessages = ["Kazakhstan is a partner of the first rank."];
    saveBriefing({ actor: staff, briefingId: id, edit, db: t.db });
    const again = editOf(id);
    expect(again.sections).toEqual(edit.sections);
    expect(again.keyMessages).toEqual(edit.keyMessages);
    expect(again.version).toBe(edit.version + 1);
  });

  it("refuses sections that are not the briefing's own topics, each once, with a 400 and nothing saved", () => {
    const id = createBriefing({
      actor: staff,
      input: newInput({ topics: ["trade-investment", "transport-connectivity"] }),
      db: t.db,
    });
    const edit = editOf(id);
    const twice = { ...edit, sections: [edit.sections[0], { ...edit.sections[1], topicId: edit.sections[0].topicId }] };
    expect(briefingEditSchema.safeParse(twice).success).toBe(false);
    const foreign = { ...edit, sections: [edit.sections[0], { ...edit.sections[1], topicId: "health" }] };
    expect(() => saveBriefing({ actor: staff, briefingId: id, edit: foreign, db: t.db })).toThrow(
      /sections sent do not match/,
    );
    expect(editOf(id)).toEqual(edit);
  });

  it("refuses a save from a stale version", () => {
    const id = createBriefing({ actor: staff, input: newInput(), db: t.db });
    const edit = editOf(id);
    saveBriefing({ actor: staff, briefingId: id, edit, db: t.db });
    expect(() => saveBriefing({ actor: staff, briefingId: id, edit: { ...edit, title: "Other" }, db: t.db })).toThrow(
      /saved elsewhere/,
    );
  });

  it("keeps a briefing with no facts, and its document says it has none", () => {
    const id = createBriefing({ actor: staff, input: newInput({ q: "zzzznothingmatches" }), db: t.db });
    saveBriefing({ actor: staff, briefingId: id, edit: editOf(id), db: t.db });
    expect(buildSavedDocument({ actor: staff, briefingId: id, db: t.db }).sections).toEqual([]);
  });

  it("duplicates, deletes and restores within 30 days", () => {
    const id = createBriefing({ actor: staff, input: newInput(), db: t.db });
    const copy = duplicateBriefing({ actor: staff, briefingId: id, db: t.db });
    expect(editOf(copy).sections).toEqual(editOf(id).sections);
    expect(editOf(copy).title).toBe(`Copy of ${editOf(id).title}`);
    // A copy of a title at the limit is cut visibly, with an ellipsis.
    saveBriefing({ actor: staff, briefingId: id, edit: { ...editOf(id), title: "T".repeat(200) }, db: t.db });
    const long = editOf(duplicateBriefing({ actor: staff, briefingId: id, db: t.db })).title;
    expect(long).toHaveLength(200);
    expect(long).toMatch(/^Copy of T+…$/);
    deleteBriefing({ actor: staff, briefingId: id, db: t.db });
    expect(() => getBriefingView({ actor: staff, briefingId: id, db: t.db })).toThrow(NotFoundError);
    expect(listBriefings({ actor: staff, db: t.db }).find((b) => b.id === id)?.deletedAt).not.toBeNull();
    restoreBriefing({ actor: staff, briefingId: id, db: t.db });
    expect(getBriefingView({ actor: staff, briefingId: id, db: t.db }).id).toBe(id);
  });

  it("is a 404 to anyone but the owner — another staff member and an admin alike", async () => {
    const id = createBriefing({ actor: staff, input: newInput(), db: t.db });
    for (const other of [await makeActor(t.db, "staff"), await makeActor(t.db, "admin")]) {
      expect(() => getBriefingView({ actor: other, briefingId: id, db: t.db })).toThrow(NotFoundError);
      expect(() => saveBriefing({ actor: other, briefingId: id, edit: editOf(id), db: t.db })).toThrow(NotFoundError);
      expect(() => deleteBriefing({ actor: other, briefingId: id, db: t.db })).toThrow(NotFoundError);
      expect(() => duplicateBriefing({ actor: other, briefingId: id, db: t.db })).toThrow(NotFoundError);
      expect(() => buildSavedDocument({ actor: other, briefingId: id, db: t.db })).toThrow(NotFoundError);
      expect(() => recordDownload({ actor: other, briefingId: id, revision: 1, db: t.db })).toThrow(NotFoundError);
      expect(listBriefings({ actor: other, db: t.db })).toEqual([]);
    }
  });

  it("is a 404 for an unknown country", () => {
    expect(() => createBriefing({ actor: staff, input: newInput({ country: "XX" }), db: t.db })).toThrow(NotFoundError);
  });
});
