import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildAdhocDocument } from "@/db/queries/briefings/build-adhoc-document";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { countChangedFacts } from "@/db/queries/briefings/count-changed-facts";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingView, type BriefingView } from "@/db/queries/briefings/get-briefing-view";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import { startNewRevision } from "@/db/queries/briefings/start-new-revision";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CitationRegistry } from "@/lib/briefing/citations";
import { buildKeyFigures } from "@/lib/briefing/build-figures";
import { documentOutline } from "@/lib/briefing/document";
import { briefingAsOf, datedBefore } from "@/lib/briefing/settings";
import { ConflictError } from "@/lib/errors";
import { newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlWrite, type TestDb } from "../helpers/db";

let t: TestDb;
let staff: Actor;
beforeEach(async () => {
  t = await createSeededDb();
  staff = await makeActor(t.db);
});
afterEach(() => t.close());

/** The composer's state as it would post it unchanged. */
const editOf = (v: BriefingView): BriefingEdit => ({
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
});

const kazakhstan = () => createBriefing({ actor: staff, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db });

describe("finalising", () => {
  // Finalising as before clearance existed (tests/unit/clearance.test.ts finalises cleared drafts).
  beforeEach(() => vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "0"));
  afterEach(() => vi.unstubAllEnvs());

  it("freezes the briefing: a later fact edit changes nothing printed, is counted, and a new revision carries it", async () => {
    const id = await kazakhstan();
    await finaliseBriefing({
      actor: staff,
      briefingId: id,
      version: (await getBriefingView({ actor: staff, briefingId: id, db: t.db })).version,
      db: t.db,
    });
    const frozen = await buildSavedDocument({ actor: staff, briefingId: id, db: t.db });
    const fact = frozen.sections[0].facts[0];
    const [row] = await read(t.db).select().from(s.facts).where(eq(s.facts.id, fact.id));
    await sqlWrite(
      t.db,
      sql`UPDATE facts SET text = ${"Corrected text of the fact."}, version = ${row.version + 1} WHERE id = ${fact.id}`,
    );

    expect(await buildSavedDocument({ actor: staff, briefingId: id, db: t.db })).toEqual(frozen);
    const view = await getBriefingView({ actor: staff, briefingId: id, db: t.db });
    expect(view.status).toBe("final");
    expect(await countChangedFacts({ actor: staff, briefingId: id, db: t.db })).toBe(1);

    const next = await startNewRevision({ actor: staff, briefingId: id, db: t.db });
    const draft = await buildSavedDocument({ actor: staff, briefingId: next, db: t.db });
    expect(draft.revision).toBe(2);
    expect(draft.status).toBe("draft");
    expect(draft.sections.flatMap((sec) => sec.facts).find((f) => f.id === fact.id)?.text).toBe(
      "Corrected text of the fact.",
    );
    // A second "New revision" (double click, replayed request) opens the same draft…
    expect(await startNewRevision({ actor: staff, briefingId: id, db: t.db })).toBe(next);
    // …but once that draft is finalised, a new one is started.
    await finaliseBriefing({
      actor: staff,
      briefingId: next,
      version: (await getBriefingView({ actor: staff, briefingId: next, db: t.db })).version,
      db: t.db,
    });
    expect(await startNewRevision({ actor: staff, briefingId: id, db: t.db })).not.toBe(next);
  });

  it("refuses a version saved over since (409) and leaves the draft as it was", async () => {
    const id = await kazakhstan();
    const view = await getBriefingView({ actor: staff, briefingId: id, db: t.db });
    await saveBriefing({ actor: staff, briefingId: id, edit: editOf(view), db: t.db });
    await expect(finaliseBriefing({ actor: staff, briefingId: id, version: view.version, db: t.db })).rejects.toThrow(
      ConflictError,
    );
    const after = await getBriefingView({ actor: staff, briefingId: id, db: t.db });
    expect(after).toMatchObject({ status: "draft", version: view.version + 1, finalisedAt: null });
  });

  it("is audited with the revision only, never the content", async () => {
    const id = await kazakhstan();
    await finaliseBriefing({ actor: staff, briefingId: id, version: 1, db: t.db });
    const audit = (await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, id))).find(
      (a) => a.action === "briefing.finalised",
    )!;
    expect(audit).toMatchObject({ actorId: staff.userId, detail: { revision: 1 }, before: null, after: null });
  });
});

describe("the document", () => {
  it("cites every fact with a number that resolves to a listed source", async () => {
    const doc = await buildSavedDocument({ actor: staff, briefingId: await kazakhstan(), db: t.db });
    const numbers = new Set(doc.sources.map((src) => src.number));
    expect(doc.sections.length).toBeGreaterThan(3);
    for (const f of doc.sections.flatMap((sec) => sec.facts)) expect(numbers.has(f.citation.number)).toBe(true);
    expect(doc.sources.map((src) => src.number)).toEqual(doc.sources.map((_, i) => i + 1));
  });

  it("gives the timeline leaders with the title held at each meeting, and a last-met line", async () => {
    const doc = await buildAdhocDocument({ actor: staff, countryId: "KZ", db: t.db });
    const titlesOf = (name: string) =>
      doc.timeline.flatMap((m) => m.leaders.filter((l) => l.name === name).map((l) => l.title));
    expect(new Set(titlesOf("Mukhtar Tileuberdi")).size).toBeGreaterThanOrEqual(2);
    expect(doc.lastMet).toContain(doc.timeline[0].name);
    const who = doc.whosWho.find((w) => w.name === "Mukhtar Tileuberdi")!;
    expect(who.title).toMatch(/Deputy Prime Minister/);
    expect(who.earlier.map((e) => e.title).join(" ")).toMatch(/Minister of Foreign Affairs/);
  });

  it("lists announced events not confirmed as held", async () => {
    const doc = await buildAdhocDocument({ actor: staff, countryId: "KZ", db: t.db });
    expect([...doc.forthcoming, ...doc.unconfirmed].length).toBeGreaterThan(0);
    expect(doc.unconfirmed.every((e) => e.status === "announced" || e.status === "postponed")).toBe(true);
  });

  it("follows one outline: fixed parts around the topic sections in the user's order", async () => {
    const doc = await buildAdhocDocument({
      actor: staff,
      countryId: "KZ",
      topicIds: ["trade-investment", "security"],
      db: t.db,
    });
    expect(documentOutline(doc).map((o) => o.id)).toEqual([
      "occasion",
      "key-messages",
      "background",
      "key-figures",
      "topic-trade-investment",
      "topic-security",
      "timeline",
      "whos-who",
      "events",
      "sources",
    ]);
  });
});

describe("the 'dated' cutoff", () => {
  it("counts back from the meeting the briefing prepares for, else from the day it is prepared", () => {
    expect(datedBefore(briefingAsOf("2026-12-02", "2026-11-23"), 3)).toBe("2023-12-02");
    expect(datedBefore(briefingAsOf("", "2026-11-23"), 3)).toBe("2023-11-23");
    expect(datedBefore(briefingAsOf(null, "2026-11-23"), 3)).toBe("2023-11-23");
  });
});

describe("key figures", () => {
  it("show both values when two facts disagree on the same metric and period", async () => {
    const [base] = await read(t.db).select().from(s.facts).where(eq(s.facts.kind, "figure")).limit(1);
    const other = { ...base, id: "fact-test-disagree", value: (base.value ?? 0) + 1, sourceId: "src-001" };
    const rows = buildKeyFigures([base, other], new CitationRegistry());
    expect(rows).toHaveLength(1);
    expect(rows[0].disagreement).toBe(true);
    expect(rows[0].values.map((v) => v.value)).toEqual([base.value, other.value]);
    expect(rows[0].values[0].citation.number).not.toBe(rows[0].values[1].citation.number);
  });
});
