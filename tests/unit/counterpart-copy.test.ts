import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCounterpartDocument } from "@/db/queries/briefings/build-counterpart-document";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { recordCounterpartDownload } from "@/db/queries/briefings/record-counterpart-download";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import { approveClearance } from "@/db/queries/clearance/approve-clearance";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { addComment } from "@/db/queries/comments/add-comment";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { BriefingDocument } from "@/lib/briefing/document";
import { briefingFileName } from "@/lib/briefing/file-name";
import { briefingContentHash, PdfCache, pdfCacheKey } from "@/lib/pdf/cache";
import { PartCache, partKey } from "@/lib/pdf/part-cache";
import { partInput } from "@/lib/pdf/parts/part-input";
import { planParts } from "@/lib/pdf/parts/plan";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlWrite, type TestDb } from "../helpers/db";
import { readOutline } from "../helpers/pdf-outline";
import { allPageTexts, writeTempPdf } from "../helpers/pdf-tools";
import { statusOf } from "../helpers/workflow";

/*
 * The counterpart copy's leak test (issue 16). A unique string is planted in every place that
 * must stay in the building — an internal fact's text and quote, a not-for-disclosure fact, a
 * note on a releasable fact, the key messages, background, purpose, title and occasion, an
 * internal meeting (its name, place, and a participant's title at it), a person's role, a
 * comment, the owner's and the clearer's names — and the counterpart copy, rendered through the
 * real pipeline, is read back: its text (pdftotext), its metadata (pdf-lib), its outline and
 * its raw bytes hold none of them, while the releasable fact and the counterpart title are
 * there. Again after the internal copy was rendered first through the same caches (warm), in
 * the other order, and once the briefing is final (cached by content). Both caches are warm:
 * the whole-PDF cache of each test, and one part cache (lib/pdf/part-cache.ts) shared by every
 * render in this file, as the server's pool shares its own across users and documents.
 */

const tag = randomBytes(4).toString("hex");
/** Letters and digits only: a hyphen or space could be where the layout breaks a line. */
const canary = (place: string) => `CANARY${place}${tag}`;
const C = {
  title: canary("title"),
  purpose: canary("purpose"),
  keyMessage: canary("keymessage"),
  background: canary("background"),
  note: canary("note"),
  occasion: canary("occasion"),
  internalFact: canary("internalfact"),
  internalQuote: canary("internalquote"),
  nfdFact: canary("nfdfact"),
  meetingName: canary("meetingname"),
  meetingPlace: canary("meetingplace"),
  participationTitle: canary("participationtitle"),
  roleTitle: canary("roletitle"),
  comment: canary("comment"),
  approval: canary("approval"),
  owner: canary("owner"),
  clearer: canary("clearer"),
};
const COUNTERPART_TITLE = `Kazakhstan and the EU ${canary("counterparttitle")}`;
/** Printed in the internal copy: proves the planting worked before proving the counterpart copy lacks them. */
const PRINTED_INTERNALLY = [
  C.title,
  C.purpose,
  C.keyMessage,
  C.background,
  C.note,
  C.occasion,
  C.internalFact,
  C.nfdFact,
  C.meetingName,
  C.participationTitle,
  C.owner,
  C.clearer,
];

/** Everything a reader could find: the text, metadata, outline and the raw bytes. */
interface ReadBack {
  text: string;
  metadata: string;
  outline: string;
  bytes: string;
}

/** Whitespace and hyphens out, so a canary the layout broke across lines is still found. */
const squeeze = (text: string) => text.replace(/[\s\u00ad\u2010-]+/g, "");

async function readBack(pdf: Buffer): Promise<ReadBack> {
  const { file, remove } = writeTempPdf(pdf);
  const text = allPageTexts(file).join("\n");
  remove();
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const metadata = [doc.getTitle(), doc.getSubject(), doc.getAuthor(), doc.getKeywords(), doc.getCreator()].join("\n");
  const outline = (await readOutline(pdf)).map((o) => o.title).join("\n");
  return { text, metadata, outline, bytes: pdf.toString("latin1") };
}

function leaks(read: ReadBack): string[] {
  const found: string[] = [];
  for (const [where, value] of Object.entries(read))
    for (const [place, secret] of Object.entries(C))
      if (squeeze(value).includes(secret) || value.includes(secret)) found.push(`${place} in ${where}`);
  return found;
}

let t: TestDb;
let owner: Actor;
let clearer: Actor;
let briefingId: string;
let releasableText: string;

async function editOf(): Promise<BriefingEdit> {
  const v = await getBriefingView({ actor: owner, briefingId, db: t.db });
  return {
    version: v.version,
    title: v.title,
    counterpartTitle: v.content.counterpartTitle,
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

const internal = () => buildSavedDocument({ actor: owner, briefingId, operation: "download", db: t.db });
const counterpart = () => buildCounterpartDocument({ actor: owner, briefingId, db: t.db });

beforeAll(async () => {
  t = await createSeededDb();
  owner = await makeActor(t.db, "staff", { name: C.owner, clearanceLevel: "SECRET" });
  clearer = await makeActor(t.db, "staff", { clearer: true, name: C.clearer, clearanceLevel: "SECRET" });
  briefingId = await createBriefing({ actor: owner, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db });

  // Facts: one made internal (text and quote planted), one not for disclosure, one releasable
  // but OFFICIAL-SENSITIVE (the counterpart copy's marking follows it); the 18th ministerial
  // made internal, with a planted name, place and participant's title — its releasable facts
  // stay, and must not name it.
  await sqlWrite(
    t.db,
    sql`UPDATE facts SET handling = 'internal', marking = 'SECRET', text = ${`The delegations agreed ${C.internalFact}.`},
        quote = ${`They agreed ${C.internalQuote}`} WHERE id = 'fact-000-02'`,
  );
  await sqlWrite(
    t.db,
    sql`UPDATE facts SET handling = 'not-for-disclosure', text = ${`Never to be said: ${C.nfdFact}.`} WHERE id = 'fact-000-03'`,
  );
  await sqlWrite(t.db, sql`UPDATE facts SET marking = 'OFFICIAL-SENSITIVE' WHERE id = 'fact-000-01'`);
  await sqlWrite(
    t.db,
    sql`UPDATE meetings SET handling = 'internal', name = ${`Ministerial ${C.meetingName}`}, place = ${C.meetingPlace}
        WHERE id = 'mtg-eu-ca-ministerial-18'`,
  );
  await sqlWrite(t.db, sql`UPDATE participations SET title = ${C.participationTitle} WHERE id = 'prt-m18-tileuberdi'`);
  await sqlWrite(t.db, sql`UPDATE person_roles SET title = ${C.roleTitle} WHERE id = 'role-tileuberdi-dpm-fm-2022'`);
  [{ text: releasableText }] = await read(t.db)
    .select({ text: s.facts.text })
    .from(s.facts)
    .where(and(eq(s.facts.id, "fact-000-01")));

  const edit = await editOf();
  const included = new Set(edit.sections.flatMap((sec) => sec.items.map((i) => i.factId)));
  for (const id of ["fact-000-01", "fact-000-02", "fact-000-03", "fact-001-01"]) expect(included).toContain(id);
  await saveBriefing({
    actor: owner,
    briefingId,
    db: t.db,
    edit: {
      ...edit,
      title: `Visit briefing ${C.title}`,
      counterpartTitle: COUNTERPART_TITLE,
      marking: "SECRET",
      purpose: `We want ${C.purpose}`,
      keyMessages: [`Say ${C.keyMessage}`],
      background: `In short ${C.background}`,
      occasion: {
        meeting: C.occasion,
        date: "2025-06-01",
        place: C.occasion,
        counterpart: C.occasion,
        principal: C.occasion,
      },
      sections: edit.sections.map((sec) => ({
        ...sec,
        items: sec.items.map((i) => (i.factId === "fact-000-01" ? { ...i, note: `Careful: ${C.note}` } : i)),
      })),
    },
  });
  await addComment({ actor: owner, briefingId, body: `Check ${C.comment}`, db: t.db });
  const { version } = await getBriefingView({ actor: owner, briefingId, db: t.db });
  await submitForClearance({ actor: owner, briefingId, clearerIds: [clearer.userId], version, db: t.db });
  await approveClearance({ actor: clearer, briefingId, comment: `Fine ${C.approval}`, db: t.db });
}, 60_000);
afterAll(() => t?.close());

/** The part cache every render here goes through, shared across copies, tests and revisions. */
const partCache = new PartCache(64 * 1024 * 1024);
const renderWithParts = (doc: BriefingDocument) => renderBriefingPdf(doc, { cache: partCache });

/** The part cache's keys of a document's parts. */
const partKeysOf = (doc: BriefingDocument) => planParts(doc).map((plan) => partKey(partInput(doc, plan), ""));

/**
 * Renders the internal copy and the counterpart copy through one PDF cache and the shared part
 * cache, in the order given; `hits` counts the part cache's hits during each copy's render.
 */
async function renderBoth(order: "internal-first" | "counterpart-first", cache = new PdfCache(renderWithParts)) {
  const docs = { internal: await internal(), counterpart: await counterpart() };
  const pdfs: Partial<Record<keyof typeof docs, Buffer>> = {};
  const hits: Partial<Record<keyof typeof docs, number>> = {};
  const sequence =
    order === "internal-first" ? (["internal", "counterpart"] as const) : (["counterpart", "internal"] as const);
  // Cacheable even for a draft: the point is a warm cache holding the other copy.
  for (const which of sequence) {
    const before = partCache.stats().hits;
    pdfs[which] = await cache.get(docs[which], { cacheable: true });
    hits[which] = partCache.stats().hits - before;
  }
  return {
    docs,
    pdfs: pdfs as Record<keyof typeof docs, Buffer>,
    hits: hits as Record<keyof typeof docs, number>,
    cache,
  };
}

async function expectNoLeak(pdf: Buffer, doc: BriefingDocument) {
  const read = await readBack(pdf);
  expect(leaks(read)).toEqual([]);
  // The document itself (what the threads were sent) holds none of them either.
  expect(leaks({ text: JSON.stringify(doc), metadata: "", outline: "", bytes: "" })).toEqual([]);
  expect(squeeze(read.text)).toContain(squeeze(COUNTERPART_TITLE));
  expect(squeeze(read.text)).toContain(squeeze(releasableText));
  expect(read.metadata).toContain(COUNTERPART_TITLE);
  expect(read.text).toContain("OFFICIAL-SENSITIVE — RELEASABLE TO KAZAKHSTAN");
  expect(read.text).not.toMatch(/\bSECRET\b/);
  expect(read.outline.split("\n")).not.toContain("Key messages");
  expect(read.outline.split("\n")).not.toContain("Background");
  expect(read.outline.split("\n")).not.toContain("The occasion");
  return read;
}

describe("the counterpart copy", () => {
  it("prints what the internal copy prints of the planted strings (the planting worked)", async () => {
    const { text, metadata } = await readBack(await renderWithParts(await internal()));
    const printed = squeeze(text) + metadata;
    for (const secret of PRINTED_INTERNALLY) expect(printed, secret).toContain(secret);
  }, 60_000);

  it("holds no planted string in its text, metadata, outline or bytes, after the internal copy (warm cache)", async () => {
    const { docs, pdfs, hits } = await renderBoth("internal-first");
    expect(pdfs.counterpart.equals(pdfs.internal)).toBe(false);
    // The part cache was warm with the internal copy's parts, and served the counterpart copy
    // none of them: every part of each copy is keyed by its copy, so none is shared.
    expect(partCache.stats().entries).toBeGreaterThanOrEqual(partKeysOf(docs.internal).length);
    expect(hits.counterpart).toBe(0);
    const keys = { internal: partKeysOf(docs.internal), counterpart: partKeysOf(docs.counterpart) };
    expect(keys.internal.every((k) => k.startsWith("internal:"))).toBe(true);
    expect(keys.counterpart.every((k) => k.startsWith("counterpart:"))).toBe(true);
    // The copy from a warm part cache is the copy rendered with no cache at all, byte for byte.
    expect(pdfs.counterpart.equals(await renderBriefingPdf(docs.counterpart))).toBe(true);
    const read = await expectNoLeak(pdfs.counterpart, docs.counterpart);
    // Who's who: a participant of a releasable meeting, with the title held at it.
    expect(read.text).toContain("Mukhtar Tileuberdi");
    expect(read.metadata).not.toContain(C.owner);
  }, 120_000);

  it("holds none before the internal copy either, and the cache serves each copy its own PDF", async () => {
    const { docs, pdfs, cache, hits } = await renderBoth("counterpart-first");
    await expectNoLeak(pdfs.counterpart, docs.counterpart);
    // Both copies were rendered before, so the shared part cache served each its own parts.
    expect(hits).toEqual({
      counterpart: partKeysOf(docs.counterpart).length,
      internal: partKeysOf(docs.internal).length,
    });
    expect(pdfKeys(docs)).toEqual({
      internal: `internal:${briefingContentHash(docs.internal)}`,
      counterpart: `counterpart:${briefingContentHash(docs.counterpart)}`,
    });
    const again = await cache.get(await counterpart(), { cacheable: true });
    expect(again.equals(pdfs.counterpart)).toBe(true);
    expect((await cache.get(await internal(), { cacheable: true })).equals(pdfs.internal)).toBe(true);
  }, 120_000);

  it("names the variant in the cache key even when the two documents are otherwise equal", () => {
    const doc = { title: "same" } as unknown as BriefingDocument;
    expect(pdfCacheKey(doc)).not.toBe(pdfCacheKey({ ...doc, variant: "counterpart" }));
    expect(pdfCacheKey(doc).startsWith("internal:")).toBe(true);
  });

  it("holds none once the briefing is final, from the snapshot and the cache alike", async () => {
    const { version } = await getBriefingView({ actor: owner, briefingId, db: t.db });
    await finaliseBriefing({ actor: owner, briefingId, version, db: t.db });
    const { docs, pdfs } = await renderBoth("internal-first");
    expect(docs.internal.status).toBe("final");
    expect(docs.counterpart.status).toBe("final");
    expect(docs.counterpart.preparedOn).toBe(docs.internal.preparedOn);
    await expectNoLeak(pdfs.counterpart, docs.counterpart);
  }, 120_000);

  it("is named <stem>-counterpart-rN.pdf and audited as its own action, for those who may download", async () => {
    const doc = await counterpart();
    expect(briefingFileName(doc, "counterpart")).toBe(`kazakhstan-briefing-${doc.preparedOn}-counterpart-r1.pdf`);
    expect(briefingFileName(doc)).toBe(`kazakhstan-briefing-${doc.preparedOn}-r1.pdf`);
    await recordCounterpartDownload({ actor: owner, briefingId, revision: 1, db: t.db });
    const rows = await read(t.db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, "briefing.counterpart_downloaded"), eq(s.auditLog.entityId, briefingId)));
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).toBe(owner.userId);
    const stranger = await makeActor(t.db);
    expect(await statusOf(() => buildCounterpartDocument({ actor: stranger, briefingId, db: t.db }))).toBe(404);
    expect(
      await statusOf(() => recordCounterpartDownload({ actor: stranger, briefingId, revision: 1, db: t.db })),
    ).toBe(404);
  });

  it("uses a neutral title when the owner wrote none, and leaves out facts above the reader's clearance", async () => {
    const other = await createBriefing({ actor: owner, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db });
    const asOwner = await buildCounterpartDocument({ actor: owner, briefingId: other, db: t.db });
    expect(asOwner.title).toBe("Kazakhstan: meeting material");
    expect(asOwner.marking).toBe("OFFICIAL-SENSITIVE");
    const ids = (d: BriefingDocument) => d.sections.flatMap((sec) => sec.facts.map((f) => f.id));
    expect(ids(asOwner)).toContain("fact-000-01");
    expect(ids(asOwner)).not.toContain("fact-000-02");
    const lowered = { ...owner, clearanceLevel: "OFFICIAL" as const };
    const asOfficial = await buildCounterpartDocument({ actor: lowered, briefingId: other, db: t.db });
    expect(ids(asOfficial)).not.toContain("fact-000-01");
    expect(asOfficial.marking).toBe("OFFICIAL");
  });
});

function pdfKeys(docs: { internal: BriefingDocument; counterpart: BriefingDocument }) {
  return { internal: pdfCacheKey(docs.internal), counterpart: pdfCacheKey(docs.counterpart) };
}
