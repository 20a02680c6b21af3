import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { deleteBriefing } from "@/db/queries/briefings/delete-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingPrintSummary } from "@/db/queries/briefings/get-briefing-print-summary";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { listBriefings } from "@/db/queries/briefings/list-briefings";
import { startNewRevision } from "@/db/queries/briefings/start-new-revision";
import { approveClearance } from "@/db/queries/clearance/approve-clearance";
import { getClearanceStatus } from "@/db/queries/clearance/get-clearance-status";
import { listClearers } from "@/db/queries/clearance/list-clearers";
import { returnClearance } from "@/db/queries/clearance/return-clearance";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { withdrawClearance } from "@/db/queries/clearance/withdraw-clearance";
import { addComment } from "@/db/queries/comments/add-comment";
import { listComments } from "@/db/queries/comments/list-comments";
import { getFact } from "@/db/queries/facts/get-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { changeUserRole } from "@/db/queries/users/change-user-role";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, type TestDb } from "../helpers/db";
import { inputOf } from "../helpers/fact-input";
import { draftFor, outcome, saveAs, statusOf } from "../helpers/workflow";

let t: TestDb;
let owner: Actor;
let clearer: Actor;
let second: Actor;
let editor: Actor;
let admin: Actor;
let id: string;
beforeEach(async () => {
  t = await createSeededDb();
  owner = await makeActor(t.db, "staff", { name: "Olga Owner" });
  clearer = await makeActor(t.db, "staff", { clearer: true, name: "Hana Head" });
  second = await makeActor(t.db, "staff", { clearer: true, name: "Dmitri Deputy" });
  editor = await makeActor(t.db, "staff", { name: "Edith Editor" });
  admin = await makeActor(t.db, "admin", { name: "Ada Admin" });
  id = await draftFor(t.db, owner);
  await shareBriefing({ actor: owner, briefingId: id, userId: editor.userId, access: "edit", db: t.db });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  t.close();
});

const version = async (actor = owner) => (await getBriefingView({ actor, briefingId: id, db: t.db })).version;
const status = (actor = owner) => getClearanceStatus({ actor, briefingId: id, db: t.db });
const submit = async (clearerIds = [clearer.userId], note = "Please clear by Friday.") =>
  submitForClearance({ actor: owner, briefingId: id, clearerIds, note, version: await version(), db: t.db });
const finalise = async () => finaliseBriefing({ actor: owner, briefingId: id, version: await version(), db: t.db });
const today = () => new Date().toISOString().slice(0, 10);

describe("clearance", () => {
  it("submit → locked → returned with a comment → edited → resubmitted → approved → cleared → finalised, cover says so", async () => {
    expect(await listClearers({ actor: owner, db: t.db })).toEqual([
      { id: second.userId, name: "Dmitri Deputy", email: second.email, clearanceLevel: "OFFICIAL" },
      { id: clearer.userId, name: "Hana Head", email: clearer.email, clearanceLevel: "OFFICIAL" },
    ]);
    expect((await status()).finalise).toEqual({
      allowed: false,
      reason: "Only a cleared briefing can be finalised: submit it for clearance first.",
    });
    await submit();
    // Locked while awaiting clearance: for the owner and editors alike, with what to do.
    const view = await getBriefingView({ actor: owner, briefingId: id, db: t.db });
    expect(view.access.state).toBe("awaiting-clearance");
    expect(view.access.can).toMatchObject({ edit: false, withdrawClearance: true, finalise: false });
    for (const actor of [owner, editor])
      expect(await outcome(() => saveAs(t.db, actor, id))).toEqual({
        status: 400,
        message:
          "This briefing is awaiting clearance and cannot be changed until a clearer decides or the owner withdraws it.",
      });
    expect(await statusOf(() => submit())).toBe(400);
    expect(await statusOf(() => finalise())).toBe(400);
    expect(await statusOf(() => deleteBriefing({ actor: owner, briefingId: id, db: t.db }))).toBe(400);
    expect((await listBriefings({ actor: owner, db: t.db }))[0]).toMatchObject({ state: "awaiting-clearance" });

    // The clearer named may read, download and comment — not edit; another clearer, not named, sees nothing.
    const asClearer = await getBriefingView({ actor: clearer, briefingId: id, db: t.db });
    expect(asClearer.access).toMatchObject({ relationship: "clearer" });
    expect(asClearer.access.can).toMatchObject({ approve: true, return: true, edit: false, share: false });
    await getBriefingPrintSummary({ actor: clearer, briefingId: id, db: t.db });
    await addComment({ actor: clearer, briefingId: id, body: "Reading now.", db: t.db });
    expect(await statusOf(() => saveAs(t.db, clearer, id))).toBe(403);
    expect(await statusOf(() => getBriefingView({ actor: second, briefingId: id, db: t.db }))).toBe(404);
    expect(await statusOf(() => approveClearance({ actor: second, briefingId: id, db: t.db }))).toBe(404);
    expect(await statusOf(() => approveClearance({ actor: editor, briefingId: id, db: t.db }))).toBe(403);
    expect(await outcome(() => approveClearance({ actor: owner, briefingId: id, db: t.db }))).toEqual({
      status: 403,
      message: "No one clears their own briefing.",
    });

    const pending = await status();
    expect(pending).toMatchObject({ state: "pending", clearance: null, clearersAvailable: 2 });
    expect(pending.latest).toMatchObject({
      status: "pending",
      note: "Please clear by Friday.",
      submittedBy: { id: owner.userId, name: "Olga Owner" },
      clearers: [{ id: clearer.userId, name: "Hana Head" }],
      decidedBy: null,
    });

    // Returned: a comment is required, and it joins the briefing's comments.
    expect(await statusOf(() => returnClearance({ actor: clearer, briefingId: id, comment: "  ", db: t.db }))).toBe(
      400,
    );
    const { commentId } = await returnClearance({
      actor: clearer,
      briefingId: id,
      comment: "Add the latest trade figures.",
      db: t.db,
    });
    expect(await status()).toMatchObject({
      state: "returned",
      latest: {
        status: "returned",
        decidedBy: { name: "Hana Head" },
        decisionComment: "Add the latest trade figures.",
      },
    });
    const comments = await listComments({ actor: owner, briefingId: id, db: t.db });
    expect(comments.threads.find((c) => c.id === commentId)).toMatchObject({
      body: "Add the latest trade figures.",
      author: { name: "Hana Head" },
      anchor: { kind: "briefing" },
    });
    // The request is over: the clearer's access ends with it.
    expect(await statusOf(() => getBriefingView({ actor: clearer, briefingId: id, db: t.db }))).toBe(404);
    expect((await status()).finalise.reason).toMatch(/returned by its clearer/);

    // Edit, resubmit to both; either one decides.
    await saveAs(t.db, owner, id, { purpose: "With the trade figures." });
    await submit([clearer.userId, second.userId]);
    expect((await status()).history.map((r) => r.status)).toEqual(["pending", "returned"]);
    const cleared = await approveClearance({ actor: second, briefingId: id, db: t.db });
    expect(cleared).toEqual({ clearedBy: "Dmitri Deputy", clearedOn: today() });
    expect(await statusOf(() => approveClearance({ actor: clearer, briefingId: id, db: t.db }))).toBe(404);
    expect(await status()).toMatchObject({
      state: "cleared",
      clearance: { clearedBy: "Dmitri Deputy", clearedOn: today() },
      finalise: { allowed: true, reason: null },
    });
    const draft = await buildSavedDocument({ actor: owner, briefingId: id, db: t.db });
    expect(draft).toMatchObject({ status: "draft", clearance: { clearedBy: "Dmitri Deputy" } });
    // An editor cannot finalise; the owner can.
    expect(await statusOf(() => finaliseBriefing({ actor: editor, briefingId: id, version: 2, db: t.db }))).toBe(403);
    await finalise();
    const final = await buildSavedDocument({ actor: editor, briefingId: id, db: t.db });
    expect(final).toMatchObject({ status: "final", clearance: { clearedBy: "Dmitri Deputy", clearedOn: today() } });
    expect(await status(editor)).toMatchObject({ state: "cleared", clearance: { clearedBy: "Dmitri Deputy" } });

    const actions = (
      await read(t.db)
        .select()
        .from(s.auditLog)
        .where(and(eq(s.auditLog.entityId, id), eq(s.auditLog.entity, "briefing")))
    ).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith("clearance.") || a === "briefing.finalised")).toEqual([
      "clearance.submitted",
      "clearance.returned",
      "clearance.submitted",
      "clearance.approved",
      "briefing.finalised",
    ]);
    const finalised = await read(t.db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.entityId, id), eq(s.auditLog.action, "briefing.finalised")));
    expect(finalised[0].detail).toMatchObject({ revision: 1, clearanceRequestId: expect.any(String) });
  });

  it("withdrawing unlocks the draft and ends the clearer's access", async () => {
    await submit();
    expect(await statusOf(() => withdrawClearance({ actor: editor, briefingId: id, db: t.db }))).toBe(403);
    await withdrawClearance({ actor: owner, briefingId: id, db: t.db });
    expect(await status()).toMatchObject({ state: "withdrawn", latest: { decidedBy: { id: owner.userId } } });
    expect(await statusOf(() => withdrawClearance({ actor: owner, briefingId: id, db: t.db }))).toBe(400);
    expect(await statusOf(() => getBriefingView({ actor: clearer, briefingId: id, db: t.db }))).toBe(404);
    await saveAs(t.db, editor, id);
  });

  it("orders requests made within one millisecond as they were made: the last one counts", async () => {
    // Timestamps tie; the seq column (insertion order) decides, on both engines.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T10:00:00.000Z") });
    const notes = ["First.", "Second.", "Third.", "Fourth."];
    for (const note of notes.slice(0, -1)) {
      await submit([clearer.userId], note);
      await withdrawClearance({ actor: owner, briefingId: id, db: t.db });
    }
    await submit([clearer.userId], notes.at(-1));
    const now = await status();
    expect(now).toMatchObject({ state: "pending", latest: { note: "Fourth.", status: "pending" } });
    expect(now.history.map((r) => r.note)).toEqual([...notes].reverse());
    expect(new Set(now.history.map((r) => r.submittedAt)).size).toBe(1);
  });

  it("any save after approval voids it; finalising then refuses and says why", async () => {
    await submit();
    await approveClearance({ actor: clearer, briefingId: id, db: t.db });
    await saveAs(t.db, editor, id, { background: "A late addition." });
    expect(await status()).toMatchObject({ state: "voided", voidedBecause: "edited", clearance: null });
    expect((await buildSavedDocument({ actor: owner, briefingId: id, db: t.db })).clearance).toBeNull();
    expect(await outcome(() => finalise())).toEqual({
      status: 400,
      message:
        "The clearance no longer holds: the briefing was changed after it was approved. Submit it for clearance again.",
    });
  });

  it("an administrator's edit to one of its facts voids it, even one that prints the same words", async () => {
    await submit();
    await approveClearance({ actor: clearer, briefingId: id, db: t.db });
    const factId = (await getBriefingView({ actor: owner, briefingId: id, db: t.db })).sections[0].items[0].factId;
    const fact = await getFact({ actor: admin, id: factId, db: t.db });
    // The date note does not print; the fact's version is part of what was cleared all the same.
    await updateFact({
      actor: admin,
      id: fact.id,
      version: fact.version,
      input: inputOf(fact, { dateNote: "Checked again." }),
      db: t.db,
    });
    expect(await status()).toMatchObject({ state: "voided", voidedBecause: "document-changed" });
    expect(await outcome(() => finalise())).toEqual({
      status: 400,
      message:
        "The clearance no longer holds: facts in the briefing changed after it was approved. Submit it for clearance again.",
    });
    // Cleared again, the edited fact is what is cleared and finalised.
    await submit();
    await approveClearance({ actor: clearer, briefingId: id, db: t.db });
    await finalise();
  });

  it("holds across midnight: the day a draft is prepared on is not part of what is cleared", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T23:59:00Z"));
    await submit();
    expect(await approveClearance({ actor: clearer, briefingId: id, db: t.db })).toEqual({
      clearedBy: "Hana Head",
      clearedOn: "2026-11-30",
    });
    vi.setSystemTime(new Date("2027-03-02T08:00:00Z"));
    expect(await status()).toMatchObject({ state: "cleared", clearance: { clearedOn: "2026-11-30" } });
    await finalise();
    const doc = await buildSavedDocument({ actor: owner, briefingId: id, db: t.db });
    expect(doc).toMatchObject({ preparedOn: "2027-03-02", clearance: { clearedOn: "2026-11-30" } });
  });

  it("no one clears their own briefing: an owner who is a clearer cannot name or approve themselves", async () => {
    const mine = await draftFor(t.db, clearer);
    const v = (await getBriefingView({ actor: clearer, briefingId: mine, db: t.db })).version;
    expect(
      await outcome(() =>
        submitForClearance({ actor: clearer, briefingId: mine, clearerIds: [clearer.userId], version: v, db: t.db }),
      ),
    ).toEqual({ status: 400, message: "No one clears their own briefing: choose another clearer." });
    expect((await listClearers({ actor: clearer, db: t.db })).map((c) => c.id)).toEqual([second.userId]);
    await submitForClearance({ actor: clearer, briefingId: mine, clearerIds: [second.userId], db: t.db });
    expect(await outcome(() => approveClearance({ actor: clearer, briefingId: mine, db: t.db }))).toEqual({
      status: 403,
      message: "No one clears their own briefing.",
    });
    // Someone who is not a clearer cannot be named.
    await withdrawClearance({ actor: clearer, briefingId: mine, db: t.db });
    expect(
      await statusOf(() =>
        submitForClearance({ actor: clearer, briefingId: mine, clearerIds: [editor.userId], db: t.db }),
      ),
    ).toBe(400);
  });

  it("a clearer whose role is taken away can no longer clear, or see what was submitted to them", async () => {
    await submit();
    await changeUserRole({ actor: admin, userId: clearer.userId, clearer: false, db: t.db });
    const demoted = { ...clearer, clearer: false };
    expect(await statusOf(() => getBriefingView({ actor: demoted, briefingId: id, db: t.db }))).toBe(404);
    expect(await statusOf(() => approveClearance({ actor: demoted, briefingId: id, db: t.db }))).toBe(404);
  });

  it("with no active clearer, the owner is told why they cannot finalise", async () => {
    for (const c of [clearer, second])
      await setUserDisabled({ actor: SYSTEM_ACTOR, userId: c.userId, disabled: true, db: t.db });
    const message =
      "Finalising needs clearance, and there is no active clearer to submit this briefing to. Ask an administrator to give a colleague the clearer role.";
    expect(await outcome(() => finalise())).toEqual({ status: 400, message });
    expect(await status()).toMatchObject({ clearersAvailable: 0, finalise: { allowed: false, reason: message } });
    expect(await outcome(() => submit())).toEqual({
      status: 400,
      message:
        "There is no active clearer to submit this briefing to. Ask an administrator to give a colleague the clearer role.",
    });
  });

  it("with CHANCERY_REQUIRE_CLEARANCE off, finalising works as before (and records a clearance that holds)", async () => {
    vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "off");
    expect((await status()).finalise).toEqual({ allowed: true, reason: null });
    expect((await status()).required).toBe(false);
    await finalise();
    expect((await buildSavedDocument({ actor: owner, briefingId: id, db: t.db })).clearance).toBeNull();

    const other = await draftFor(t.db, owner, ["security"]);
    await submitForClearance({ actor: owner, briefingId: other, clearerIds: [clearer.userId], db: t.db });
    await approveClearance({ actor: clearer, briefingId: other, db: t.db });
    const v = (await getBriefingView({ actor: owner, briefingId: other, db: t.db })).version;
    await finaliseBriefing({ actor: owner, briefingId: other, version: v, db: t.db });
    expect((await buildSavedDocument({ actor: owner, briefingId: other, db: t.db })).clearance).toMatchObject({
      clearedBy: "Hana Head",
    });
  });

  it("a new revision starts uncleared", async () => {
    await submit();
    await approveClearance({ actor: clearer, briefingId: id, db: t.db });
    await finalise();
    const next = await startNewRevision({ actor: owner, briefingId: id, db: t.db });
    expect(await getClearanceStatus({ actor: owner, briefingId: next, db: t.db })).toMatchObject({
      state: "not-submitted",
      latest: null,
      history: [],
      clearance: null,
    });
    expect((await buildSavedDocument({ actor: owner, briefingId: next, db: t.db })).clearance).toBeNull();
    expect(await statusOf(() => finaliseBriefing({ actor: owner, briefingId: next, version: 1, db: t.db }))).toBe(400);
  });
});
