import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { ValidationError } from "@/lib/errors";
import type { Marking } from "@/lib/model/handling";
import { newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlWrite, type TestDb } from "../helpers/db";

/*
 * The briefing's marking is derived from its included facts (issue 16): a save below the
 * highest is refused at the marking field, saying why; raising is fine; finalising records the
 * derived marking. A real SQLite file each.
 */

let t: TestDb;
let staff: Actor;
beforeEach(async () => {
  t = await createSeededDb();
  // Cleared to SECRET: these tests are about the derived marking, not about who may see what.
  staff = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.close();
});

async function editOf(id: string): Promise<BriefingEdit> {
  const v = await getBriefingView({ actor: staff, briefingId: id, db: t.db });
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

const mark = (factId: string, marking: Marking) =>
  sqlWrite(t.db, sql`UPDATE facts SET handling = 'internal', marking = ${marking} WHERE id = ${factId}`);

async function draft() {
  const id = await createBriefing({ actor: staff, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db });
  const edit = await editOf(id);
  const factIds = edit.sections.flatMap((sec) => sec.items.map((i) => i.factId));
  expect(factIds.length).toBeGreaterThan(2);
  return { id, edit, factIds };
}

async function refusal(save: Promise<unknown>): Promise<ValidationError> {
  try {
    await save;
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("The save was not refused.");
}

describe("saving a briefing's marking", () => {
  it("accepts OFFICIAL when every included fact is OFFICIAL, and raising it", async () => {
    const { id, edit } = await draft();
    const { version } = await saveBriefing({ actor: staff, briefingId: id, edit, db: t.db });
    await saveBriefing({ actor: staff, briefingId: id, edit: { ...edit, version, marking: "SECRET" }, db: t.db });
    expect((await editOf(id)).marking).toBe("SECRET");
  });

  it("refuses a marking below an included fact's, at the marking field, saying why, and changes nothing", async () => {
    const { id, edit, factIds } = await draft();
    await mark(factIds[0], "OFFICIAL-SENSITIVE");
    const e = await refusal(saveBriefing({ actor: staff, briefingId: id, edit, db: t.db }));
    expect(e.fieldErrors.marking).toEqual([
      "The briefing includes facts marked OFFICIAL-SENSITIVE, so it cannot be marked lower than OFFICIAL-SENSITIVE.",
    ]);
    expect((await editOf(id)).version).toBe(edit.version); // rolled back
    await saveBriefing({
      actor: staff,
      briefingId: id,
      edit: { ...edit, marking: "OFFICIAL-SENSITIVE" },
      db: t.db,
    });
  });

  it("counts only included facts: excluding the higher one lets the marking go back down", async () => {
    const { id, edit, factIds } = await draft();
    await mark(factIds[1], "SECRET");
    const excluded: BriefingEdit = {
      ...edit,
      sections: edit.sections.map((sec) => ({
        ...sec,
        items: sec.items.map((i) => (i.factId === factIds[1] ? { ...i, included: false } : i)),
      })),
    };
    await saveBriefing({ actor: staff, briefingId: id, edit: excluded, db: t.db });
    const e = await refusal(
      saveBriefing({ actor: staff, briefingId: id, edit: { ...edit, version: edit.version + 1 }, db: t.db }),
    );
    expect(e.fieldErrors.marking?.[0]).toMatch(/cannot be marked lower than SECRET/);
  });
});

describe("finalising", () => {
  beforeEach(() => vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "0"));

  it("records the derived marking: a fact raised since the last save raises the issued document", async () => {
    const { id, edit, factIds } = await draft();
    await mark(factIds[0], "OFFICIAL-SENSITIVE");
    const { version } = await saveBriefing({
      actor: staff,
      briefingId: id,
      edit: { ...edit, marking: "OFFICIAL-SENSITIVE" },
      db: t.db,
    });
    await mark(factIds[2], "SECRET");
    await finaliseBriefing({ actor: staff, briefingId: id, version, db: t.db });
    const [row] = await read(t.db).select().from(s.briefings).where(eq(s.briefings.id, id));
    const snapshot = row.snapshot as BriefingSnapshot;
    expect(snapshot.document.marking).toBe("SECRET");
    expect(snapshot.minimumMarking).toBe("SECRET");
    const [audit] = await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.action, "briefing.finalised"));
    expect(audit.detail).toMatchObject({ marking: "SECRET", minimumMarking: "SECRET" });
  });

  it("keeps a marking the owner raised above the facts'", async () => {
    const { id, edit } = await draft();
    const { version } = await saveBriefing({
      actor: staff,
      briefingId: id,
      edit: { ...edit, marking: "OFFICIAL-SENSITIVE" },
      db: t.db,
    });
    await finaliseBriefing({ actor: staff, briefingId: id, version, db: t.db });
    const [row] = await read(t.db).select().from(s.briefings).where(eq(s.briefings.id, id));
    const snapshot = row.snapshot as BriefingSnapshot;
    expect(snapshot).toMatchObject({ minimumMarking: "OFFICIAL", document: { marking: "OFFICIAL-SENSITIVE" } });
  });
});
