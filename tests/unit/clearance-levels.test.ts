import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "@/db/schema";
import { listAudit, listAuditPage } from "@/db/queries/audit";
import { buildAdhocDocument } from "@/db/queries/briefings/build-adhoc-document";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { countChangedFacts } from "@/db/queries/briefings/count-changed-facts";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { handOverBriefings } from "@/db/queries/briefings/hand-over-briefings";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import { approveClearance } from "@/db/queries/clearance/approve-clearance";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingPrintSummary } from "@/db/queries/briefings/get-briefing-print-summary";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { addComment } from "@/db/queries/comments/add-comment";
import { listComments } from "@/db/queries/comments/list-comments";
import { exportFactBase, importFactBase } from "@/db/queries/fact-base";
import { getInbox } from "@/db/queries/inbox/get-inbox";
import { getInboxCounts } from "@/db/queries/inbox/get-inbox-counts";
import { createFact } from "@/db/queries/facts/create-fact";
import { deleteFact } from "@/db/queries/facts/delete-fact";
import { getFact, type FactRecord } from "@/db/queries/facts/get-fact";
import { listDeletedFacts } from "@/db/queries/facts/list-deleted-facts";
import { listFacts } from "@/db/queries/facts/list-facts";
import { restoreFactVersion } from "@/db/queries/facts/restore-fact-version";
import { undeleteFact } from "@/db/queries/facts/undelete-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import { listPartiesWithFactCounts } from "@/db/queries/parties";
import { listFactsOfSource } from "@/db/queries/sources/list-facts-of-source";
import { listSources } from "@/db/queries/sources/list-sources";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { changeClearanceLevel } from "@/db/queries/users/change-clearance-level";
import { createUser } from "@/db/queries/users/create-user";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import type { BriefingDocument } from "@/lib/briefing/document";
import { withholdFacts } from "@/lib/briefing/withhold";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { isAppError, ValidationError } from "@/lib/errors";
import { CLEARANCE_LEVELS, MARKINGS, markingAtMost, type ClearanceLevel, type Marking } from "@/lib/model/handling";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { factFiltersSchema } from "@/lib/validation/fact-filters";
import { newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { makeBriefingDoc } from "../helpers/briefing-doc";
import { createSeededDb, read, sqlWrite, type TestDb } from "../helpers/db";
import { inputOf } from "../helpers/fact-input";
import { allPageTexts, writeTempPdf } from "../helpers/pdf-tools";
import { editOf } from "../helpers/workflow";

/*
 * Who may see what (issue 16): a fact marked above a user's clearance level is invisible to
 * them in every read of the data layer, administrators included. The table below is every read
 * path × reader (staff and admin at each level) × fact marking, each row asserted: the fact is
 * there exactly when its marking is at most the reader's level. Three facts about Kazakhstan —
 * one per marking, found by the word "quillfeather" — and three more in the trash are read by
 * six readers. Each reader owns a draft and a finalised briefing holding the three, made while
 * cleared to SECRET and then lowered to their level (an owner whose level was lowered), with a
 * comment on each fact. A real SQLite file; one PDF per staff level is rendered and read back.
 */

const WORD = "quillfeather";
/** The word only each fact's text carries, to find it in a printed PDF. */
const CANARY: Record<Marking, string> = {
  OFFICIAL: "quillofficial",
  "OFFICIAL-SENSITIVE": "quillsensitive",
  SECRET: "quillsecret",
};
const live = (m: Marking) => `fact-clearance-${m.toLowerCase()}`;
const trashed = (m: Marking) => `fact-clearance-trash-${m.toLowerCase()}`;
const ROLES = ["staff", "admin"] as const;
type Role = (typeof ROLES)[number];

interface Reader {
  actor: Actor;
  draftId: string;
  finalId: string;
}

let t: TestDb;
let template: FactRecord;
const readers = new Map<string, Reader>();
const readerOf = (role: Role, level: ClearanceLevel) => readers.get(`${role}:${level}`)!;
const pdfTexts = new Map<ClearanceLevel, string>();

beforeAll(async () => {
  vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "0");
  t = await createSeededDb();
  const [kz] = await read(t.db)
    .select({ id: s.facts.id })
    .from(s.facts)
    .innerJoin(s.factParties, eq(s.factParties.factId, s.facts.id))
    .where(sql`${s.factParties.partyId} = 'KZ' AND ${s.facts.metricKey} IS NULL AND ${s.facts.deletedAt} IS NULL`)
    .limit(1);
  template = await getFact({ actor: SYSTEM_ACTOR, id: kz!.id, db: t.db });
  for (const marking of MARKINGS) {
    for (const [id, deleted] of [
      [live(marking), false],
      [trashed(marking), true],
    ] as const) {
      const fact = await createFact({
        actor: SYSTEM_ACTOR,
        input: inputOf(template, {
          id,
          version: undefined,
          text: `The ${WORD} talks, ${CANARY[marking]}${deleted ? " (retired)" : ""}.`,
          handling: "internal",
          marking,
        }),
        db: t.db,
      });
      if (deleted) await deleteFact({ actor: SYSTEM_ACTOR, id, version: fact.version, db: t.db });
    }
  }
  for (const role of ROLES) {
    for (const level of CLEARANCE_LEVELS) {
      const owner = await makeActor(t.db, role, { clearanceLevel: "SECRET", name: `${role} at ${level}` });
      const input = newBriefingSchema.parse({ country: "KZ", q: WORD });
      const draftId = await createBriefing({ actor: owner, input, db: t.db });
      for (const m of MARKINGS)
        await addComment({ actor: owner, briefingId: draftId, factId: live(m), body: `On the ${m} fact`, db: t.db });
      const finalId = await createBriefing({ actor: owner, input, db: t.db });
      const { version } = await getBriefingView({ actor: owner, briefingId: finalId, db: t.db });
      await finaliseBriefing({ actor: owner, briefingId: finalId, version, db: t.db });
      await changeClearanceLevel({ actor: SYSTEM_ACTOR, userId: owner.userId, clearanceLevel: level, db: t.db });
      readers.set(`${role}:${level}`, { actor: { ...owner, clearanceLevel: level }, draftId, finalId });
    }
  }
  // Every fact edited after the finalising: "changed since" counts each one the reader may see.
  await sqlWrite(
    t.db,
    sql`UPDATE facts SET version = version + 1 WHERE id IN (${sql.join(
      MARKINGS.map((m) => sql`${live(m)}`),
      sql`, `,
    )})`,
  );
  for (const level of CLEARANCE_LEVELS) {
    const { actor, draftId } = readerOf("staff", level);
    const doc = await buildSavedDocument({ actor, briefingId: draftId, operation: "download", db: t.db });
    const { file, remove } = writeTempPdf(await renderBriefingPdf(doc));
    pdfTexts.set(level, allPageTexts(file).join("\n"));
    remove();
  }
}, 240_000);
afterAll(() => {
  vi.unstubAllEnvs();
  t?.close();
});

/** The markings among the three live (or trashed) facts that ids name. */
const markingsIn = (ids: Iterable<string>, name = live): Marking[] => {
  const set = new Set(ids);
  return MARKINGS.filter((m) => set.has(name(m)));
};
const docFactIds = (doc: BriefingDocument) => doc.sections.flatMap((sec) => sec.facts.map((f) => f.id));
const visibleSet = (level: ClearanceLevel) => MARKINGS.filter((m) => markingAtMost(m, level));
const found = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return true;
  } catch (error) {
    if (isAppError(error) && error.status === 404) return false;
    throw error;
  }
};

/** A read path: which of the three markings it shows the reader. */
type Path = { name: string; adminOnly?: boolean; read: (r: Reader) => Promise<Marking[]> };

const PATHS: Path[] = [
  {
    name: "proposals",
    read: async ({ actor }) => {
      const topicIds = template.topicIds;
      const p = await proposeFacts({ actor, query: { countryId: "KZ", topicIds }, limit: 5000, db: t.db });
      return markingsIn(p.facts.map((f) => f.id));
    },
  },
  {
    name: "search (proposals with words)",
    read: async ({ actor }) => {
      const query = { countryId: "KZ", topicIds: template.topicIds, q: WORD };
      const p = await proposeFacts({ actor, query, limit: 50, db: t.db });
      // The counts agree with the page: nothing hidden is counted.
      expect(p.total).toBe(p.facts.length);
      return markingsIn(p.facts.map((f) => f.id));
    },
  },
  {
    name: "composer view of an own draft",
    read: async ({ actor, draftId }) => {
      const v = await getBriefingView({ actor, briefingId: draftId, db: t.db });
      const shown = markingsIn(v.sections.flatMap((sec) => sec.items.map((i) => i.factId)));
      expect(v.withheld).toBe(MARKINGS.length - shown.length);
      return shown;
    },
  },
  {
    name: "preview of a draft",
    read: async ({ actor, draftId }) => {
      const doc = await buildSavedDocument({ actor, briefingId: draftId, db: t.db });
      const shown = markingsIn(docFactIds(doc));
      expect(doc.withheld ?? 0).toBe(MARKINGS.length - shown.length);
      expect(JSON.stringify(doc)).not.toMatch(
        new RegExp(
          MARKINGS.filter((m) => !shown.includes(m))
            .map((m) => CANARY[m])
            .join("|") || "^$",
        ),
      );
      return shown;
    },
  },
  {
    name: "PDF document of a draft",
    read: async ({ actor, draftId }) =>
      markingsIn(docFactIds(await buildSavedDocument({ actor, briefingId: draftId, operation: "download", db: t.db }))),
  },
  {
    name: "preview of a finalised briefing (frozen snapshot)",
    read: async ({ actor, finalId }) => {
      const doc = await buildSavedDocument({ actor, briefingId: finalId, db: t.db });
      const shown = markingsIn(docFactIds(doc));
      expect(doc.withheld ?? 0).toBe(MARKINGS.length - shown.length);
      return shown;
    },
  },
  {
    name: "comments on a draft's facts",
    read: async ({ actor, draftId }) => {
      const list = await listComments({ actor, briefingId: draftId, db: t.db });
      return markingsIn(list.threads.flatMap((th) => (th.anchor.factId ? [th.anchor.factId] : [])));
    },
  },
  {
    name: "ad hoc country briefing (command line's --country)",
    read: async ({ actor }) =>
      markingsIn(
        docFactIds(await buildAdhocDocument({ actor, countryId: "KZ", topicIds: template.topicIds, db: t.db })),
      ),
  },
  {
    name: "admin fact list (search)",
    adminOnly: true,
    read: async ({ actor }) => {
      const page = await listFacts({ actor, filters: factFiltersSchema.parse({ q: WORD }), db: t.db });
      expect(page.total).toBe(page.rows.length);
      return markingsIn(page.rows.map((r) => r.id));
    },
  },
  {
    name: "admin fact form (get)",
    adminOnly: true,
    read: async ({ actor }) => {
      const shown: Marking[] = [];
      for (const m of MARKINGS) if (await found(() => getFact({ actor, id: live(m), db: t.db }))) shown.push(m);
      return shown;
    },
  },
  {
    name: "admin trash (deleted facts)",
    adminOnly: true,
    read: async ({ actor }) =>
      markingsIn(
        (await listDeletedFacts({ actor, db: t.db })).map((f) => f.id),
        trashed,
      ),
  },
  {
    name: "admin fact history",
    adminOnly: true,
    read: async ({ actor }) => {
      const shown: Marking[] = [];
      for (const m of MARKINGS)
        if ((await listAudit({ actor, entity: "fact", entityId: live(m), db: t.db })).length) shown.push(m);
      return shown;
    },
  },
  {
    name: "admin audit log",
    adminOnly: true,
    read: async ({ actor }) =>
      markingsIn(
        (await listAuditPage({ actor, entity: "fact", limit: 10_000, db: t.db })).map((r) => r.entityId ?? ""),
      ),
  },
  {
    name: "fact-base export",
    adminOnly: true,
    read: async ({ actor }) => {
      const doc = await exportFactBase({ actor, db: t.db });
      const ids = doc.facts.map((f) => f.id);
      // Their links go with them.
      const linked = new Set([...doc.facts.flatMap((f) => (f.partyIds.length ? [f.id] : []))]);
      expect(markingsIn(linked)).toEqual(markingsIn(ids));
      return markingsIn(ids);
    },
  },
  {
    name: "a source's facts (curation workbench)",
    adminOnly: true,
    read: async ({ actor }) =>
      markingsIn((await listFactsOfSource({ actor, id: template.sourceId, db: t.db })).map((f) => f.id)),
  },
];

/** A count that includes each fact the reader may see: how many of the three it counts. */
type CountPath = { name: string; adminOnly?: boolean; count: (r: Reader) => Promise<number>; baseline?: boolean };

const COUNTS: CountPath[] = [
  {
    name: "facts changed since a finalised briefing",
    count: ({ actor, finalId }) => countChangedFacts({ actor, briefingId: finalId, db: t.db }),
  },
  {
    name: "the PDF route's print summary",
    count: async ({ actor, draftId }) =>
      (await getBriefingPrintSummary({ actor, briefingId: draftId, db: t.db })).facts,
  },
  {
    name: "proposal counts (all topics)",
    baseline: true,
    count: async ({ actor }) =>
      (await proposeFacts({ actor, query: { countryId: "KZ", topicIds: template.topicIds }, limit: 1, db: t.db }))
        .matchingTotal,
  },
  {
    name: "facts per party (start page)",
    baseline: true,
    count: async ({ actor }) =>
      (await listPartiesWithFactCounts({ actor, db: t.db })).find((p) => p.id === "KZ")!.factCount,
  },
  {
    name: "facts per source (admin sources list)",
    adminOnly: true,
    baseline: true,
    count: async ({ actor }) =>
      (await listSources({ actor, db: t.db })).find((r) => r.id === template.sourceId)!.factCount,
  },
];

describe.each(ROLES)("as %s", (role) => {
  describe.each(CLEARANCE_LEVELS)("cleared to %s", (level) => {
    for (const path of PATHS.filter((p) => role === "admin" || !p.adminOnly)) {
      describe(path.name, () => {
        let shown: Promise<Marking[]>;
        const shownOnce = () => (shown ??= path.read(readerOf(role, level)));
        for (const m of MARKINGS)
          it(`a fact marked ${m}: ${markingAtMost(m, level) ? "visible" : "hidden"}`, async () => {
            expect((await shownOnce()).includes(m)).toBe(markingAtMost(m, level));
          });
      });
    }
    for (const path of COUNTS.filter((p) => role === "admin" || !p.adminOnly)) {
      it(`${path.name} counts ${visibleSet(level).join(", ")} only`, async () => {
        const n = await path.count(readerOf(role, level));
        if (!path.baseline) return expect(n).toBe(visibleSet(level).length);
        // Against a SECRET reader of the same role, who sees all three.
        const all = await path.count(readerOf(role, "SECRET"));
        expect(all - n).toBe(MARKINGS.length - visibleSet(level).length);
      });
    }
  });
});

describe.each(CLEARANCE_LEVELS)("the PDF printed for staff cleared to %s", (level) => {
  for (const m of MARKINGS)
    it(`a fact marked ${m}: ${markingAtMost(m, level) ? "printed" : "not printed"}`, () => {
      expect(pdfTexts.get(level)!.includes(CANARY[m])).toBe(markingAtMost(m, level));
    });
  it("says how many items it leaves out, and nothing of them", () => {
    const hidden = MARKINGS.length - visibleSet(level).length;
    const text = pdfTexts.get(level)!.replace(/\s+/g, " ");
    if (hidden === 0) expect(text).not.toContain("not shown");
    else
      expect(text).toContain(
        `${hidden} items are not shown: marked above your clearance level.`.replace("1 items are", "1 item is"),
      );
  });
});

it("the seeded fact the three were copied from stays visible to everyone (the filter hides by marking only)", async () => {
  for (const level of CLEARANCE_LEVELS) {
    const p = await proposeFacts({
      actor: readerOf("staff", level).actor,
      query: { countryId: "KZ", topicIds: template.topicIds },
      limit: 5000,
      db: t.db,
    });
    expect(p.facts.some((f) => f.id === template.id)).toBe(true);
  }
  // The trio's links exist, so what hides them is the marking, not a missing link.
  const links = await read(t.db)
    .select()
    .from(s.factParties)
    .where(inArray(s.factParties.factId, MARKINGS.map(live)));
  expect(links.length).toBeGreaterThanOrEqual(MARKINGS.length);
});

/** The refusal an operation met: status, message and field errors (or "ok"). */
async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
    return "ok" as const;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fieldErrors = error instanceof ValidationError ? error.fieldErrors : {};
    return { status: error.status, message: error.message, fieldErrors };
  }
}

describe("writing facts: an admin writes only what they may see", () => {
  let official: Actor;
  let secret: Actor;
  beforeAll(async () => {
    official = await makeActor(t.db, "admin", { clearanceLevel: "OFFICIAL" });
    secret = await makeActor(t.db, "admin", { clearanceLevel: "SECRET" });
  });

  it("refuses creating a fact marked above one's level, at the marking field, saying why", async () => {
    const input = inputOf(template, {
      id: "fact-clearance-new",
      version: undefined,
      handling: "internal",
      marking: "SECRET",
    });
    const reason = "You are cleared to OFFICIAL: you cannot mark a fact SECRET.";
    expect(await refusal(() => createFact({ actor: official, input, db: t.db }))).toEqual({
      status: 400,
      message: reason,
      fieldErrors: { marking: [reason] },
    });
    expect(await refusal(() => createFact({ actor: secret, input, db: t.db }))).toBe("ok");
  });

  it("refuses raising a visible fact above one's level, at the marking field", async () => {
    const f = await getFact({ actor: official, id: live("OFFICIAL"), db: t.db });
    const input = inputOf(f, { marking: "OFFICIAL-SENSITIVE" });
    expect(await refusal(() => updateFact({ actor: official, id: f.id, version: f.version, input, db: t.db }))).toEqual(
      expect.objectContaining({
        status: 400,
        fieldErrors: { marking: ["You are cleared to OFFICIAL: you cannot mark a fact OFFICIAL-SENSITIVE."] },
      }),
    );
  });

  it("edits, deletes, undeletes and restores a fact above one's level as not found (404), and changes nothing", async () => {
    const hidden = await getFact({ actor: secret, id: live("SECRET"), db: t.db });
    const gone = await getFact({ actor: secret, id: trashed("SECRET"), includeDeleted: true, db: t.db });
    const [audit] = await read(t.db)
      .select({ id: s.auditLog.id })
      .from(s.auditLog)
      .where(eq(s.auditLog.entityId, hidden.id))
      .limit(1);
    const v = hidden.version;
    const attempts = {
      update: () => updateFact({ actor: official, id: hidden.id, version: v, input: inputOf(hidden), db: t.db }),
      delete: () => deleteFact({ actor: official, id: hidden.id, version: v, db: t.db }),
      undelete: () => undeleteFact({ actor: official, id: gone.id, version: gone.version, db: t.db }),
      restore: () => restoreFactVersion({ actor: official, id: hidden.id, version: v, auditId: audit!.id, db: t.db }),
    };
    for (const [name, run] of Object.entries(attempts))
      expect([name, await refusal(run)]).toEqual([name, expect.objectContaining({ status: 404 })]);
    expect(await getFact({ actor: secret, id: hidden.id, db: t.db })).toEqual(hidden);
  });

  it("imports: refuses a file with facts above the importer's level, naming them; their own export imports and leaves hidden facts alone", async () => {
    const whole = await exportFactBase({ actor: secret, db: t.db });
    const report = await importFactBase({ actor: official, document: whole, db: t.db });
    expect(report.ok).toBe(false);
    const errors = report.ok ? [] : report.errors;
    expect(errors.some((e) => e.includes(live("SECRET")) && e.includes("above your clearance level (OFFICIAL)"))).toBe(
      true,
    );
    expect(errors.filter((e) => e.includes(`${live("OFFICIAL")}:`))).toEqual([]);
    // The file names a stored hidden fact's id with a lower marking: still refused (it would overwrite it).
    const own = await exportFactBase({ actor: official, db: t.db });
    const disguised = {
      ...own,
      facts: [...own.facts, { ...whole.facts.find((f) => f.id === live("SECRET"))!, marking: "OFFICIAL" }],
    };
    const overwrite = await importFactBase({ actor: official, document: disguised, db: t.db });
    expect(overwrite.ok ? [] : overwrite.errors).toEqual([
      expect.stringContaining(`${live("SECRET")}: a fact with this id is stored marked above your clearance level`),
    ]);
    const before = await getFact({ actor: secret, id: live("SECRET"), db: t.db });
    expect(await importFactBase({ actor: official, document: own, db: t.db })).toMatchObject({ ok: true });
    expect(await getFact({ actor: secret, id: live("SECRET"), db: t.db })).toEqual(before);
  });
});

describe("giving a briefing to someone cleared below what it prints is refused, saying why", () => {
  let owner: Actor;
  let draftId: string;
  beforeAll(async () => {
    owner = await makeActor(t.db, "staff", { clearanceLevel: "SECRET", name: "Sam Secret" });
    draftId = await createBriefing({
      actor: owner,
      input: newBriefingSchema.parse({ country: "KZ", q: WORD }),
      db: t.db,
    });
  });

  it("sharing: refused at the colleague field with their name, level and the briefing's marking", async () => {
    const olive = await makeActor(t.db, "staff", { name: "Olive Official" });
    const sid = await makeActor(t.db, "staff", { clearanceLevel: "SECRET", name: "Sid Secret" });
    const reason = "Olive Official is cleared to OFFICIAL; this briefing includes facts marked SECRET.";
    expect(
      await refusal(() =>
        shareBriefing({ actor: owner, briefingId: draftId, userId: olive.userId, access: "view", db: t.db }),
      ),
    ).toEqual({ status: 400, message: reason, fieldErrors: { userId: [reason] } });
    expect(
      await refusal(() =>
        shareBriefing({ actor: owner, briefingId: draftId, userId: sid.userId, access: "view", db: t.db }),
      ),
    ).toBe("ok");
  });

  it("submitting for clearance: refused to a clearer below it; approving refused to one lowered since", async () => {
    const hana = await makeActor(t.db, "staff", {
      clearer: true,
      clearanceLevel: "OFFICIAL-SENSITIVE",
      name: "Hana Head",
    });
    const stan = await makeActor(t.db, "staff", { clearer: true, clearanceLevel: "SECRET", name: "Stan Senior" });
    const reason = "Hana Head is cleared to OFFICIAL-SENSITIVE; this briefing includes facts marked SECRET.";
    expect(
      await refusal(() =>
        submitForClearance({ actor: owner, briefingId: draftId, clearerIds: [hana.userId, stan.userId], db: t.db }),
      ),
    ).toEqual({ status: 400, message: reason, fieldErrors: { clearerIds: [reason] } });
    await submitForClearance({ actor: owner, briefingId: draftId, clearerIds: [stan.userId], db: t.db });
    await changeClearanceLevel({ actor: SYSTEM_ACTOR, userId: stan.userId, clearanceLevel: "OFFICIAL", db: t.db });
    expect(
      await refusal(() =>
        approveClearance({ actor: { ...stan, clearanceLevel: "OFFICIAL" }, briefingId: draftId, db: t.db }),
      ),
    ).toEqual(
      expect.objectContaining({
        status: 400,
        message: "You are cleared to OFFICIAL; this briefing includes facts marked SECRET.",
      }),
    );
  });

  it("finalising: refused to an owner lowered below what the briefing prints (they would issue facts they cannot read)", async () => {
    const lowered = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
    const id = await createBriefing({
      actor: lowered,
      input: newBriefingSchema.parse({ country: "KZ", q: WORD }),
      db: t.db,
    });
    await changeClearanceLevel({ actor: SYSTEM_ACTOR, userId: lowered.userId, clearanceLevel: "OFFICIAL", db: t.db });
    const actor = { ...lowered, clearanceLevel: "OFFICIAL" as const };
    const { version } = await getBriefingView({ actor, briefingId: id, db: t.db });
    expect(await refusal(() => finaliseBriefing({ actor, briefingId: id, version, db: t.db }))).toEqual(
      expect.objectContaining({
        status: 400,
        message: "You are cleared to OFFICIAL; this briefing includes facts marked SECRET.",
      }),
    );
  });

  it("handing over: refused to a receiver below what the briefings print, naming them; allowed to one cleared", async () => {
    const leaver = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
    await createBriefing({ actor: leaver, input: newBriefingSchema.parse({ country: "KZ", q: WORD }), db: t.db });
    await setUserDisabled({ actor: SYSTEM_ACTOR, userId: leaver.userId, disabled: true, db: t.db });
    const admin = await makeActor(t.db, "admin");
    const olga = await makeActor(t.db, "staff", { clearanceLevel: "OFFICIAL-SENSITIVE", name: "Olga Sensitive" });
    const reason = "Olga Sensitive is cleared to OFFICIAL-SENSITIVE; these briefings include facts marked SECRET.";
    expect(
      await refusal(() =>
        handOverBriefings({ actor: admin, fromUserId: leaver.userId, toUserId: olga.userId, db: t.db }),
      ),
    ).toEqual({
      status: 400,
      message: reason,
      fieldErrors: { toUserId: [reason] },
    });
    const sid = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
    expect(
      await refusal(() =>
        handOverBriefings({ actor: admin, fromUserId: leaver.userId, toUserId: sid.userId, db: t.db }),
      ),
    ).toBe("ok");
  });

  it("a briefing already shared: a save newly including a fact above the colleague's level is refused at the marking field; the colleague never sees the excluded ones, and their own save keeps them", async () => {
    const id = await createBriefing({
      actor: owner,
      input: newBriefingSchema.parse({ country: "KZ", q: WORD }),
      db: t.db,
    });
    const only = (edit: BriefingEdit, keep: Marking[]): BriefingEdit => ({
      ...edit,
      sections: edit.sections.map((sec) => ({
        ...sec,
        items: sec.items.map((i) => ({ ...i, included: keep.some((m) => i.factId === live(m)) })),
      })),
    });
    const start = editOf(await getBriefingView({ actor: owner, briefingId: id, db: t.db }));
    const { version } = await saveBriefing({ actor: owner, briefingId: id, edit: only(start, ["OFFICIAL"]), db: t.db });
    const olive = await makeActor(t.db, "staff", { name: "Olive Editor" });
    await shareBriefing({ actor: owner, briefingId: id, userId: olive.userId, access: "edit", db: t.db });
    const reason =
      "Olive Editor is cleared to OFFICIAL; this save would include facts marked SECRET. Exclude them, or remove the share.";
    const again = { ...only(start, ["OFFICIAL", "SECRET"]), version };
    expect(await refusal(() => saveBriefing({ actor: owner, briefingId: id, edit: again, db: t.db }))).toEqual({
      status: 400,
      message: reason,
      fieldErrors: { marking: [reason] },
    });
    const theirs = await getBriefingView({ actor: olive, briefingId: id, db: t.db });
    expect(markingsIn(theirs.sections.flatMap((sec) => sec.items.map((i) => i.factId)))).toEqual(["OFFICIAL"]);
    expect(theirs.withheld).toBe(2);
    await saveBriefing({
      actor: olive,
      briefingId: id,
      edit: { ...editOf(theirs), purpose: "Edited by Olive" },
      db: t.db,
    });
    const mine = await getBriefingView({ actor: owner, briefingId: id, db: t.db });
    expect(markingsIn(mine.sections.flatMap((sec) => sec.items.map((i) => i.factId)))).toEqual([...MARKINGS]);
    expect(mine.content.purpose).toBe("Edited by Olive");
  });
});

describe("changing a user's clearance level", () => {
  it("is for administrators only, up to their own level, audited with before and after, without signing the user out", async () => {
    const staff = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
    const official = await makeActor(t.db, "admin");
    const secret = await makeActor(t.db, "admin", { clearanceLevel: "SECRET" });
    const user = await makeActor(t.db, "staff");
    const change = (actor: Actor, clearanceLevel: ClearanceLevel) =>
      refusal(() => changeClearanceLevel({ actor, userId: user.userId, clearanceLevel, db: t.db }));
    expect(await change(staff, "OFFICIAL-SENSITIVE")).toEqual(expect.objectContaining({ status: 403 }));
    const reason = "You are cleared to OFFICIAL: you cannot give anyone SECRET.";
    expect(await change(official, "SECRET")).toEqual({
      status: 400,
      message: reason,
      fieldErrors: { clearanceLevel: [reason] },
    });
    const [before] = await read(t.db).select().from(s.users).where(eq(s.users.id, user.userId));
    expect(await change(secret, "SECRET")).toBe("ok");
    expect(await change(secret, "SECRET")).toBe("ok"); // no change: no audit row
    expect(await change(official, "OFFICIAL-SENSITIVE")).toEqual(expect.objectContaining({ status: 400 }));
    expect(await change(official, "OFFICIAL")).toBe("ok"); // lowering, to within one's own
    const [after] = await read(t.db).select().from(s.users).where(eq(s.users.id, user.userId));
    expect(after).toMatchObject({ clearanceLevel: "OFFICIAL", sessionVersion: before!.sessionVersion });
    const audits = await read(t.db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.entityId, user.userId), eq(s.auditLog.action, "user.clearance_changed")));
    expect(audits.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [
        secret.userId,
        expect.objectContaining({ clearanceLevel: "OFFICIAL" }),
        expect.objectContaining({ clearanceLevel: "SECRET" }),
      ],
      [
        official.userId,
        expect.objectContaining({ clearanceLevel: "SECRET" }),
        expect.objectContaining({ clearanceLevel: "OFFICIAL" }),
      ],
    ]);
  });

  it("a new user gets OFFICIAL unless given a level, and an admin gives at most their own", async () => {
    const official = await makeActor(t.db, "admin");
    const input = {
      email: "new-level@test.example",
      name: "New",
      role: "staff" as const,
      password: "a-long-test-password",
    };
    expect((await createUser({ actor: official, input, db: t.db })).clearanceLevel).toBe("OFFICIAL");
    expect(
      await refusal(() =>
        createUser({
          actor: official,
          input: { ...input, email: "other@test.example", clearanceLevel: "SECRET" },
          db: t.db,
        }),
      ),
    ).toEqual(
      expect.objectContaining({ status: 400, fieldErrors: { clearanceLevel: [expect.stringContaining("SECRET")] } }),
    );
  });
});

describe("a frozen document narrowed for a reader (withholdFacts)", () => {
  it("drops the hidden facts from the sections and key figures, and the sources only they cited; counts them", () => {
    const doc = makeBriefingDoc({ sourceCount: 40 });
    const figureFact = doc.keyFigures[0]!.values[0]!.factId;
    const sectionFact = doc.sections[0]!.facts[0]!.id;
    const narrowed = withholdFacts(doc, new Set([figureFact, sectionFact, "not-in-it"]));
    expect(narrowed.withheld).toBe(2);
    const ids = [...docFactIds(narrowed), ...narrowed.keyFigures.flatMap((k) => k.values.map((v) => v.factId))];
    expect(ids).not.toContain(figureFact);
    expect(ids).not.toContain(sectionFact);
    const cited = new Set([
      ...narrowed.sections.flatMap((sec) => sec.facts.map((f) => f.citation.number)),
      ...narrowed.keyFigures.flatMap((k) => k.values.map((v) => v.citation.number)),
      ...narrowed.timeline.flatMap((e) => e.citations.map((c) => c.number)),
      ...[...narrowed.forthcoming, ...narrowed.unconfirmed].flatMap((e) => e.citations.map((c) => c.number)),
    ]);
    expect(narrowed.sources.map((src) => src.number).sort((a, b) => a - b)).toEqual([...cited].sort((a, b) => a - b));
    expect(narrowed.sources.length).toBeLessThan(doc.sources.length);
    expect(withholdFacts(doc, new Set(["not-in-it"]))).toBe(doc);
  });
});

describe("the inbox's new comments", () => {
  it("leave out comments on facts above the reader's level (a colleague's, made while the owner could see them)", async () => {
    const owner = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
    const colleague = await makeActor(t.db, "staff", { clearanceLevel: "SECRET" });
    const id = await createBriefing({
      actor: owner,
      input: newBriefingSchema.parse({ country: "KZ", q: WORD }),
      db: t.db,
    });
    await shareBriefing({ actor: owner, briefingId: id, userId: colleague.userId, access: "edit", db: t.db });
    for (const m of MARKINGS)
      await addComment({ actor: colleague, briefingId: id, factId: live(m), body: `About ${CANARY[m]}`, db: t.db });
    await addComment({ actor: colleague, briefingId: id, body: "On the whole briefing", db: t.db });
    for (const level of CLEARANCE_LEVELS) {
      const actor = { ...owner, clearanceLevel: level };
      const inbox = await getInbox({ actor, db: t.db });
      const bodies = inbox.newComments.map((c) => c.excerpt).join(" ");
      for (const m of MARKINGS)
        expect([level, m, bodies.includes(CANARY[m])]).toEqual([level, m, markingAtMost(m, level)]);
      expect((await getInboxCounts({ actor, db: t.db })).newComments).toBe(visibleSet(level).length + 1);
    }
  });
});
