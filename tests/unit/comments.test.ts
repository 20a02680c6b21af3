import { and, eq, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { startNewRevision } from "@/db/queries/briefings/start-new-revision";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { addComment } from "@/db/queries/comments/add-comment";
import { listComments } from "@/db/queries/comments/list-comments";
import { reopenComment } from "@/db/queries/comments/reopen-comment";
import { resolveComment } from "@/db/queries/comments/resolve-comment";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { unshareBriefing } from "@/db/queries/sharing/unshare-briefing";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeActor } from "../helpers/actors";
import { withWriteTransaction } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { createSeededDb, read, refusalOf, type TestDb } from "../helpers/db";
import { draftFor, outcome, statusOf } from "../helpers/workflow";

let t: TestDb;
let owner: Actor;
let viewer: Actor;
let editor: Actor;
let clearer: Actor;
let stranger: Actor;
let id: string;
let factId: string;
let topicId: string;
beforeEach(async () => {
  t = await createSeededDb();
  owner = await makeActor(t.db, "staff", { name: "Olga Owner" });
  viewer = await makeActor(t.db, "staff", { name: "Victor Viewer" });
  editor = await makeActor(t.db, "staff", { name: "Edith Editor" });
  clearer = await makeActor(t.db, "staff", { clearer: true, name: "Hana Head" });
  stranger = await makeActor(t.db, "admin", { name: "Ada Admin" });
  id = await draftFor(t.db, owner);
  await shareBriefing({ actor: owner, briefingId: id, userId: viewer.userId, access: "view", db: t.db });
  await shareBriefing({ actor: owner, briefingId: id, userId: editor.userId, access: "edit", db: t.db });
  const view = await getBriefingView({ actor: owner, briefingId: id, db: t.db });
  topicId = view.sections[1].topicId;
  factId = view.sections[1].items[0].factId;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  t.close();
});

const comments = (actor = owner, briefingId = id) => listComments({ actor, briefingId, db: t.db });

describe("comments", () => {
  it("anchor on the whole briefing, a section or one fact (its section worked out); replies join the thread", async () => {
    const whole = await addComment({ actor: viewer, briefingId: id, body: "Overall fine.", db: t.db });
    const section = await addComment({ actor: editor, briefingId: id, body: "Tighten this.", topicId, db: t.db });
    const fact = await addComment({ actor: viewer, briefingId: id, body: "Is this current?", factId, db: t.db });
    const reply = await addComment({ actor: owner, briefingId: id, body: "Yes, checked.", parentId: fact, db: t.db });
    // A reply to a reply answers the thread's first comment, with its anchor.
    const again = await addComment({ actor: viewer, briefingId: id, body: "Thanks.", parentId: reply, db: t.db });

    const list = await comments();
    expect(list.canComment).toBe(true);
    expect(list.threads.map((c) => [c.id, c.anchor.kind, c.author.name, c.revision])).toEqual([
      [whole, "briefing", "Victor Viewer", 1],
      [section, "section", "Edith Editor", 1],
      [fact, "fact", "Victor Viewer", 1],
    ]);
    const factThread = list.threads[2];
    expect(factThread.anchor).toMatchObject({ topicId, factId, topicTitle: expect.any(String) });
    expect(factThread.anchor.factText?.length).toBeGreaterThan(10);
    expect(factThread.replies.map((r) => [r.id, r.body, r.anchor.kind, r.anchor.factId])).toEqual([
      [reply, "Yes, checked.", "fact", factId],
      [again, "Thanks.", "fact", factId],
    ]);
    expect(list.threads[1].anchor).toMatchObject({ kind: "section", topicId, factId: null });
  });

  it("made within one millisecond keep the order they were made in", async () => {
    // Timestamps tie and ids are random; the seq column (insertion order) decides, on both engines.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T10:00:00.000Z") });
    const bodies = ["One.", "Two.", "Three.", "Four.", "Five.", "Six."];
    const first = await addComment({ actor: viewer, briefingId: id, body: "Thread.", db: t.db });
    for (const body of bodies) await addComment({ actor: viewer, briefingId: id, body, db: t.db });
    for (const body of bodies) await addComment({ actor: owner, briefingId: id, body, parentId: first, db: t.db });
    const list = await comments();
    expect(list.threads.map((c) => c.body)).toEqual(["Thread.", ...bodies]);
    expect(list.threads[0].replies.map((r) => r.body)).toEqual(bodies);
  });

  it("refuse an anchor not in the briefing, a reply to another briefing's comment, and text that cannot be stored", async () => {
    const other = await draftFor(t.db, owner, ["security"]);
    const elsewhere = await addComment({ actor: owner, briefingId: other, body: "Elsewhere.", db: t.db });
    expect(
      await outcome(() => addComment({ actor: owner, briefingId: id, body: "x", factId: "fact-nope", db: t.db })),
    ).toEqual({ status: 400, message: "That fact is not in this briefing." });
    expect(
      await statusOf(() => addComment({ actor: owner, briefingId: id, body: "x", topicId: "nope", db: t.db })),
    ).toBe(400);
    expect(
      await statusOf(() => addComment({ actor: owner, briefingId: id, body: "x", parentId: elsewhere, db: t.db })),
    ).toBe(404);
    for (const body of ["", "   ", "a\u0000b", "a\u202Eb", "x".repeat(4001)])
      expect(await statusOf(() => addComment({ actor: owner, briefingId: id, body, db: t.db }))).toBe(400);
    await addComment({ actor: owner, briefingId: id, body: "x".repeat(4000), db: t.db });
  });

  it("are resolved and reopened by the owner, editors and their author — not by other viewers or clearers", async () => {
    const byViewer = await addComment({ actor: viewer, briefingId: id, body: "Mine.", db: t.db });
    const byEditor = await addComment({ actor: editor, briefingId: id, body: "Editor's.", db: t.db });
    await submitForClearance({ actor: owner, briefingId: id, clearerIds: [clearer.userId], db: t.db });
    const byClearer = await addComment({ actor: clearer, briefingId: id, body: "Clearer's.", db: t.db });

    expect(await statusOf(() => resolveComment({ actor: viewer, commentId: byEditor, db: t.db }))).toBe(403);
    expect(await statusOf(() => resolveComment({ actor: clearer, commentId: byViewer, db: t.db }))).toBe(403);
    expect(await statusOf(() => resolveComment({ actor: stranger, commentId: byViewer, db: t.db }))).toBe(404);
    expect(await statusOf(() => resolveComment({ actor: owner, commentId: "no-such-comment", db: t.db }))).toBe(404);
    await resolveComment({ actor: viewer, commentId: byViewer, db: t.db }); // their own
    await resolveComment({ actor: clearer, commentId: byClearer, db: t.db }); // their own
    await resolveComment({ actor: editor, commentId: byEditor, db: t.db });
    await resolveComment({ actor: editor, commentId: byEditor, db: t.db }); // already: nothing changes
    const resolved = (await comments(viewer)).threads;
    expect(resolved.map((c) => [c.id, c.resolvedBy?.name, c.canResolve])).toEqual([
      [byViewer, "Victor Viewer", true],
      [byEditor, "Edith Editor", false],
      [byClearer, "Hana Head", false],
    ]);
    await reopenComment({ actor: owner, commentId: byViewer, db: t.db });
    expect((await comments()).threads[0]).toMatchObject({ resolvedAt: null, resolvedBy: null, canResolve: true });

    const actions = (
      await read(t.db)
        .select()
        .from(s.auditLog)
        .where(and(eq(s.auditLog.entityId, id), like(s.auditLog.action, "comment.%")))
    ).map((a) => a.action);
    expect(actions).toEqual([
      "comment.added",
      "comment.added",
      "comment.added",
      "comment.resolved",
      "comment.resolved",
      "comment.resolved",
      "comment.reopened",
    ]);
  });

  it("are audited without their text, and never print", async () => {
    await addComment({ actor: viewer, briefingId: id, body: "A secret remark about the minister.", factId, db: t.db });
    const audit = await read(t.db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.entityId, id), eq(s.auditLog.action, "comment.added")));
    expect(JSON.stringify(audit)).not.toContain("secret remark");
    expect(audit[0].detail).toMatchObject({ factId, topicId, parentId: null, revision: 1 });
    expect(JSON.stringify(await buildSavedDocument({ actor: owner, briefingId: id, db: t.db }))).not.toContain(
      "secret remark",
    );
  });

  it("keep their revision: a new revision shows the earlier ones read-only, and a final briefing's are frozen", async () => {
    vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "0");
    const first = await addComment({ actor: viewer, briefingId: id, body: "On revision 1.", factId, db: t.db });
    await finaliseBriefing({ actor: owner, briefingId: id, version: 1, db: t.db });
    expect(await statusOf(() => addComment({ actor: viewer, briefingId: id, body: "Too late.", db: t.db }))).toBe(400);
    expect(await statusOf(() => resolveComment({ actor: owner, commentId: first, db: t.db }))).toBe(400);
    expect((await comments(owner, id)).threads[0]).toMatchObject({ readOnly: true, canResolve: false });

    const next = await startNewRevision({ actor: owner, briefingId: id, db: t.db });
    const second = await addComment({ actor: viewer, briefingId: next, body: "On revision 2.", db: t.db });
    const list = await comments(viewer, next);
    expect(list.threads.map((c) => [c.id, c.revision, c.readOnly, c.canReply])).toEqual([[second, 2, false, true]]);
    expect(list.earlier.map((c) => [c.id, c.revision, c.readOnly, c.canReply, c.canResolve])).toEqual([
      [first, 1, true, false, false],
    ]);
    // Replying to an earlier revision's comment from the new one: not a comment of this briefing.
    expect(
      await statusOf(() => addComment({ actor: viewer, briefingId: next, body: "Re.", parentId: first, db: t.db })),
    ).toBe(404);
    // Without access to the new revision, no history either.
    await unshareBriefing({ actor: owner, briefingId: next, userId: viewer.userId, db: t.db });
    expect(await statusOf(() => comments(viewer, next))).toBe(404);
  });

  it("stored text is refused by the database too (CHECK constraints)", async () => {
    const base = { briefingId: id, revision: 1, authorId: owner.userId, body: "ok" };
    const insert = (values: Partial<typeof s.briefingComments.$inferInsert>) =>
      withWriteTransaction(t.db, async (tx) => {
        await tx.insert(s.briefingComments).values({ ...base, id: `c-${Math.random()}`, ...values });
      });
    await expect(insert({})).resolves.toBeUndefined();
    for (const bad of [
      { body: "a\u202Eb" },
      { body: "a\u0000b" },
      { body: "  " },
      { body: "x".repeat(4001) },
      { factId },
    ])
      // PostgreSQL refuses a NUL in any text before a CHECK sees it (invalid byte sequence).
      expect((await refusalOf(insert(bad))).kind).toBe(
        ENGINE === "postgres" && bad.body?.includes("\u0000") ? "invalid-text" : "check",
      );
  });
});
