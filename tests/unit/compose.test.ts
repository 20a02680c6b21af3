import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { deleteBriefing } from "@/db/queries/briefings/delete-briefing";
import { duplicateBriefing } from "@/db/queries/briefings/duplicate-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { listBriefings } from "@/db/queries/briefings/list-briefings";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { recordDownload } from "@/db/queries/briefings/record-download";
import { restoreBriefing } from "@/db/queries/briefings/restore-briefing";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { briefingEditSchema, newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

let t: TestDb;
let staff: Actor;
beforeEach(async () => {
  t = await createSeededDb();
  staff = await makeActor(t.db);
});
afterEach(() => t.close());

const newInput = (over: Record<string, unknown> = {}) => newBriefingSchema.parse({ country: "KZ", ...over });

/** The composer's state as it would post it, from the stored briefing. */
async function editOf(id: string, actor = staff): Promise<BriefingEdit> {
  const v = await getBriefingView({ actor, briefingId: id, db: t.db });
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
  it("group a country's facts by topic in topic order, newest first, with counts", async () => {
    const p = await proposeFacts({
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

  it("carry each fact's handling and marking, for the badges", async () => {
    const reader = await makeActor(t.db, "staff", { clearanceLevel: "OFFICIAL-SENSITIVE" });
    const query = { countryId: "KZ", topicIds: ["trade-investment"] };
    const before = await proposeFacts({ actor: reader, query, limit: 500, db: t.db });
    // The shipped press facts: releasable and OFFICIAL.
    expect(new Set(before.facts.map((f) => `${f.handling} ${f.marking}`))).toEqual(new Set(["releasable OFFICIAL"]));
    const id = before.facts[0].id;
    await sqlWrite(t.db, sql`UPDATE facts SET handling = 'internal', marking = 'OFFICIAL-SENSITIVE' WHERE id = ${id}`);
    const after = await proposeFacts({ actor: reader, query, limit: 500, db: t.db });
    expect(after.facts.find((f) => f.id === id)).toMatchObject({ handling: "internal", marking: "OFFICIAL-SENSITIVE" });
  });

  it("give a fact about several countries to each of them", async () => {
    const [shared] = await sqlRows<{ id: string }>(
      t.db,
      sql`SELECT fact_id AS id FROM fact_parties GROUP BY fact_id HAVING count(*) >= 3 LIMIT 1`,
    );
    const countries = (await read(t.db).select().from(s.factParties).where(eq(s.factParties.factId, shared.id))).map(
      (r) => r.partyId,
    );
    for (const countryId of countries) {
      const p = await proposeFacts({
        actor: staff,
        query: {
          countryId,
          topicIds: (await read(t.db).select().from(s.topics)).map((x) => x.id),
        },
        limit: 1000,
        db: t.db,
      });
      expect(p.facts.map((f) => f.id)).toContain(shared.id);
    }
  });

  it("include a season- or year-precision fact whose span only overlaps the range", async () => {
    const candidates = await read(t.db)
      .select()
      .from(s.facts)
      .where(sql`${s.facts.datePrecision} IN ('season', 'year') AND ${s.facts.dateStart} < ${s.facts.dateEnd}`);
    const aboutKz = new Set(
      (await read(t.db).select().from(s.factParties).where(eq(s.factParties.partyId, "KZ"))).map((p) => p.factId),
    );
    const wide = candidates.find((f) => aboutKz.has(f.id))!;
    const topicIds = (await read(t.db).select().from(s.topics)).map((x) => x.id);
    const inRange = await proposeFacts({
      actor: staff,
      query: { countryId: "KZ", topicIds, from: wide.dateEnd, to: "2099-12-31" },
      limit: 1000,
      db: t.db,
    });
    expect(inRange.facts.map((f) => f.id)).toContain(wide.id);
    const before = await proposeFacts({
      actor: staff,
      query: { countryId: "KZ", topicIds, from: "1990-01-01", to: wide.dateStart },
      limit: 1000,
      db: t.db,
    });
    expect(before.facts.map((f) => f.id)).toContain(wide.id);
  });

  it("search fact text and quotes by words", async () => {
    const p = await proposeFacts({
      actor: staff,
      query: {
        countryId: "KZ",
        topicIds: (await read(t.db).select().from(s.topics)).map((x) => x.id),
        q: "rare earth",
      },
      limit: 100,
      db: t.db,
    });
    expect(p.total).toBeGreaterThan(0);
    for (const f of p.facts) {
      const [row] = await read(t.db).select().from(s.facts).where(eq(s.facts.id, f.id));
      expect(`${row.text} ${row.quote}`.toLowerCase()).toMatch(/rare/);
    }
  });
});

describe("composing", () => {
  it("saves exclusions, order, notes and messages, and restores them on reopening", async () => {
    const id = await createBriefing({
      actor: staff,
      input: newInput({ topics: ["trade-investment", "transport-connectivity"] }),
      db: t.db,
    });
    const edit = await editOf(id);
    const trade = edit.sections[0];
    trade.items[0].included = false;
    [trade.items[0], trade.items[1]] = [trade.items[1], trade.items[0]];
    trade.items[0].note = "Raise this first.";
    edit.sections.reverse();
    edit.keyMessages = ["Kazakhstan is a partner of the first rank."];
    await saveBriefing({ actor: staff, briefingId: id, edit, db: t.db });
    const again = await editOf(id);
    expect(again.sections).toEqual(edit.sections);
    expect(again.keyMessages).toEqual(edit.keyMessages);
    expect(again.version).toBe(edit.version + 1);
  });

  it("refuses sections that are not the briefing's own topics, each once, with a 400 and nothing saved", async () => {
    const id = await createBriefing({
      actor: staff,
      input: newInput({ topics: ["trade-investment", "transport-connectivity"] }),
      db: t.db,
    });
    const edit = await editOf(id);
    const twice = { ...edit, sections: [edit.sections[0], { ...edit.sections[1], topicId: edit.sections[0].topicId }] };
    expect(briefingEditSchema.safeParse(twice).success).toBe(false);
    const foreign = { ...edit, sections: [edit.sections[0], { ...edit.sections[1], topicId: "health" }] };
    await expect(saveBriefing({ actor: staff, briefingId: id, edit: foreign, db: t.db })).rejects.toThrow(
      /sections sent do not match/,
    );
    expect(await editOf(id)).toEqual(edit);
  });

  it("refuses a save from a stale version", async () => {
    const id = await createBriefing({ actor: staff, input: newInput(), db: t.db });
    const edit = await editOf(id);
    await saveBriefing({ actor: staff, briefingId: id, edit, db: t.db });
    await expect(
      saveBriefing({ actor: staff, briefingId: id, edit: { ...edit, title: "Other" }, db: t.db }),
    ).rejects.toThrow(/saved elsewhere/);
  });

  it("lets one of two saves made from the same version land, and refuses the other with a 409", async () => {
    const id = await createBriefing({ actor: staff, input: newInput(), db: t.db });
    const edit = await editOf(id);
    const results = await Promise.allSettled(
      ["First", "Second"].map((title) =>
        saveBriefing({ actor: staff, briefingId: id, edit: { ...edit, title }, db: t.db }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(ConflictError);
    expect((await editOf(id)).version).toBe(edit.version + 1);
  });

  it("keeps a briefing with no facts, and its document says it has none", async () => {
    const id = await createBriefing({ actor: staff, input: newInput({ q: "zzzznothingmatches" }), db: t.db });
    await saveBriefing({ actor: staff, briefingId: id, edit: await editOf(id), db: t.db });
    expect((await buildSavedDocument({ actor: staff, briefingId: id, db: t.db })).sections).toEqual([]);
  });

  it("duplicates, deletes and restores within 30 days", async () => {
    const id = await createBriefing({ actor: staff, input: newInput(), db: t.db });
    const copy = await duplicateBriefing({ actor: staff, briefingId: id, db: t.db });
    expect((await editOf(copy)).sections).toEqual((await editOf(id)).sections);
    expect((await editOf(copy)).title).toBe(`Copy of ${(await editOf(id)).title}`);
    // A copy of a title at the limit is cut visibly, with an ellipsis.
    await saveBriefing({
      actor: staff,
      briefingId: id,
      edit: { ...(await editOf(id)), title: "T".repeat(200) },
      db: t.db,
    });
    const long = (await editOf(await duplicateBriefing({ actor: staff, briefingId: id, db: t.db }))).title;
    expect(long).toHaveLength(200);
    expect(long).toMatch(/^Copy of T+…$/);
    await deleteBriefing({ actor: staff, briefingId: id, db: t.db });
    await expect(getBriefingView({ actor: staff, briefingId: id, db: t.db })).rejects.toThrow(NotFoundError);
    expect((await listBriefings({ actor: staff, db: t.db })).find((b) => b.id === id)?.deletedAt).not.toBeNull();
    await restoreBriefing({ actor: staff, briefingId: id, db: t.db });
    expect((await getBriefingView({ actor: staff, briefingId: id, db: t.db })).id).toBe(id);
  });

  it("is a 404 to anyone but the owner — another staff member and an admin alike", async () => {
    const id = await createBriefing({ actor: staff, input: newInput(), db: t.db });
    for (const other of [await makeActor(t.db, "staff"), await makeActor(t.db, "admin")]) {
      await expect(getBriefingView({ actor: other, briefingId: id, db: t.db })).rejects.toThrow(NotFoundError);
      const edit = await editOf(id);
      await expect(saveBriefing({ actor: other, briefingId: id, edit, db: t.db })).rejects.toThrow(NotFoundError);
      await expect(deleteBriefing({ actor: other, briefingId: id, db: t.db })).rejects.toThrow(NotFoundError);
      await expect(duplicateBriefing({ actor: other, briefingId: id, db: t.db })).rejects.toThrow(NotFoundError);
      await expect(buildSavedDocument({ actor: other, briefingId: id, db: t.db })).rejects.toThrow(NotFoundError);
      await expect(recordDownload({ actor: other, briefingId: id, revision: 1, db: t.db })).rejects.toThrow(
        NotFoundError,
      );
      expect(await listBriefings({ actor: other, db: t.db })).toEqual([]);
    }
  });

  it("is a 404 for an unknown country", async () => {
    await expect(createBriefing({ actor: staff, input: newInput({ country: "XX" }), db: t.db })).rejects.toThrow(
      NotFoundError,
    );
  });
});
