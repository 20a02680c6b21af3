import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { countOwnedBriefings } from "@/db/queries/briefings/count-owned-briefings";
import { deleteBriefing } from "@/db/queries/briefings/delete-briefing";
import { duplicateBriefing } from "@/db/queries/briefings/duplicate-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingPrintSummary } from "@/db/queries/briefings/get-briefing-print-summary";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { handOverBriefings } from "@/db/queries/briefings/hand-over-briefings";
import { listBriefings } from "@/db/queries/briefings/list-briefings";
import { recordDownload } from "@/db/queries/briefings/record-download";
import { saveBriefing, type SaveConflict } from "@/db/queries/briefings/save-briefing";
import { startNewRevision } from "@/db/queries/briefings/start-new-revision";
import { addComment } from "@/db/queries/comments/add-comment";
import { listComments } from "@/db/queries/comments/list-comments";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { findShareCandidates } from "@/db/queries/sharing/find-share-candidates";
import { listSharedWithMe } from "@/db/queries/sharing/list-shared-with-me";
import { listShares } from "@/db/queries/sharing/list-shares";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { unshareBriefing } from "@/db/queries/sharing/unshare-briefing";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { isConflictError } from "@/lib/errors";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, type TestDb } from "../helpers/db";
import { draftFor, editOf, outcome, saveAs, statusOf } from "../helpers/workflow";

let t: TestDb;
let owner: Actor;
let viewer: Actor;
let editor: Actor;
let stranger: Actor;
let admin: Actor;
let id: string;
beforeEach(async () => {
  t = await createSeededDb();
  owner = await makeActor(t.db, "staff", { name: "Olga Owner" });
  viewer = await makeActor(t.db, "staff", { name: "Victor Viewer" });
  editor = await makeActor(t.db, "staff", { name: "Edith Editor" });
  stranger = await makeActor(t.db, "staff", { name: "Stan Stranger" });
  admin = await makeActor(t.db, "admin", { name: "Ada Admin" });
  id = await draftFor(t.db, owner);
  await shareBriefing({ actor: owner, briefingId: id, userId: viewer.userId, access: "view", db: t.db });
  await shareBriefing({ actor: owner, briefingId: id, userId: editor.userId, access: "edit", db: t.db });
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.close();
});

const audit = async (action: string) =>
  read(t.db)
    .select()
    .from(s.auditLog)
    .where(and(eq(s.auditLog.entityId, id), eq(s.auditLog.action, action)));

describe("sharing a briefing", () => {
  it("lets a viewer read, preview, download and comment, but not save (403)", async () => {
    const view = await getBriefingView({ actor: viewer, briefingId: id, db: t.db });
    expect(view.access).toMatchObject({ relationship: "viewer", state: "draft" });
    expect(view.access.can).toMatchObject({ view: true, download: true, comment: true, edit: false, share: false });
    expect((await buildSavedDocument({ actor: viewer, briefingId: id, db: t.db })).title).toBe(view.title);
    expect((await getBriefingPrintSummary({ actor: viewer, briefingId: id, db: t.db })).status).toBe("draft");
    await recordDownload({ actor: viewer, briefingId: id, revision: 1, db: t.db });
    await addComment({ actor: viewer, briefingId: id, body: "Looks right to me.", db: t.db });
    expect(await outcome(() => saveAs(t.db, viewer, id))).toEqual({
      status: 403,
      message: "You can view this briefing but not edit it.",
    });
  });

  it("lets an editor save, but not share, delete, duplicate, submit or finalise (403)", async () => {
    await saveAs(t.db, editor, id, { title: "Edited by the editor" });
    expect((await getBriefingView({ actor: owner, briefingId: id, db: t.db })).title).toBe("Edited by the editor");
    const v = (await getBriefingView({ actor: editor, briefingId: id, db: t.db })).version;
    for (const run of [
      () => shareBriefing({ actor: editor, briefingId: id, userId: stranger.userId, access: "view", db: t.db }),
      () => unshareBriefing({ actor: editor, briefingId: id, userId: viewer.userId, db: t.db }),
      () => findShareCandidates({ actor: editor, briefingId: id, q: "", db: t.db }),
      () => deleteBriefing({ actor: editor, briefingId: id, db: t.db }),
      () => duplicateBriefing({ actor: editor, briefingId: id, db: t.db }),
      () => submitForClearance({ actor: editor, briefingId: id, clearerIds: [stranger.userId], db: t.db }),
      () => finaliseBriefing({ actor: editor, briefingId: id, version: v, db: t.db }),
    ])
      expect(await outcome(run)).toEqual({ status: 403, message: "Only the briefing's owner can do that." });
  });

  it("keeps it private to everyone else — an unshared admin too: 404 on view, save, PDF summary, document, download, comments", async () => {
    for (const actor of [stranger, admin]) {
      const edit = editOf(await getBriefingView({ actor: owner, briefingId: id, db: t.db }));
      for (const run of [
        () => getBriefingView({ actor, briefingId: id, db: t.db }),
        () => saveBriefing({ actor, briefingId: id, edit, db: t.db }),
        () => getBriefingPrintSummary({ actor, briefingId: id, db: t.db }),
        () => buildSavedDocument({ actor, briefingId: id, operation: "download", db: t.db }),
        () => recordDownload({ actor, briefingId: id, revision: 1, db: t.db }),
        () => listComments({ actor, briefingId: id, db: t.db }),
        () => addComment({ actor, briefingId: id, body: "Hello", db: t.db }),
        () => listShares({ actor, briefingId: id, db: t.db }),
        () => deleteBriefing({ actor, briefingId: id, db: t.db }),
      ])
        expect(await outcome(run)).toEqual({ status: 404, message: "No such briefing." });
      expect(await listSharedWithMe({ actor, db: t.db })).toEqual([]);
    }
    expect(await statusOf(() => getBriefingView({ actor: owner, briefingId: "no-such-id", db: t.db }))).toBe(404);
  });

  it("lists what is shared with me, with the owner and my access, and whom it is shared with", async () => {
    const mine = await listSharedWithMe({ actor: viewer, db: t.db });
    expect(mine).toEqual([
      expect.objectContaining({
        id,
        ownerName: "Olga Owner",
        access: "view",
        state: "draft",
        countryName: "Kazakhstan",
      }),
    ]);
    expect((await listBriefings({ actor: viewer, db: t.db })).map((b) => b.id)).not.toContain(id);
    const shares = await listShares({ actor: viewer, briefingId: id, db: t.db });
    expect(shares.map((x) => [x.name, x.access, x.sharedByName])).toEqual([
      ["Edith Editor", "edit", "Olga Owner"],
      ["Victor Viewer", "view", "Olga Owner"],
    ]);
  });

  it("changes and removes access, audited; a removed colleague's next save says the briefing is no longer shared", async () => {
    expect(await shareBriefing({ actor: owner, briefingId: id, userId: viewer.userId, access: "edit", db: t.db })).toBe(
      "changed",
    );
    expect(await shareBriefing({ actor: owner, briefingId: id, userId: viewer.userId, access: "edit", db: t.db })).toBe(
      "unchanged",
    );
    await saveAs(t.db, viewer, id); // an editor now
    // The editor's composer is open on this version when the share is removed.
    const open = editOf(await getBriefingView({ actor: editor, briefingId: id, db: t.db }));
    expect(await unshareBriefing({ actor: owner, briefingId: id, userId: editor.userId, db: t.db })).toBe(true);
    expect(await unshareBriefing({ actor: owner, briefingId: id, userId: editor.userId, db: t.db })).toBe(false);
    expect(await outcome(() => saveBriefing({ actor: editor, briefingId: id, edit: open, db: t.db }))).toEqual({
      status: 404,
      message: "This briefing is no longer shared with you.",
    });
    expect(await statusOf(() => getBriefingView({ actor: editor, briefingId: id, db: t.db }))).toBe(404);
    expect((await audit("share.added")).map((a) => a.detail)).toEqual([
      { userId: viewer.userId, access: "view" },
      { userId: editor.userId, access: "edit" },
    ]);
    expect((await audit("share.changed")).map((a) => a.detail)).toEqual([
      { userId: viewer.userId, access: "edit", from: "view" },
    ]);
    expect((await audit("share.removed")).map((a) => [a.actorId, a.detail])).toEqual([
      [owner.userId, { userId: editor.userId, access: "edit" }],
    ]);
  });

  it("shares only with active colleagues other than the owner, found by name or email", async () => {
    const ghost = await makeActor(t.db, "staff", { name: "Gina Gone" });
    await setUserDisabled({ actor: SYSTEM_ACTOR, userId: ghost.userId, disabled: true, db: t.db });
    expect(
      await statusOf(() =>
        shareBriefing({ actor: owner, briefingId: id, userId: ghost.userId, access: "view", db: t.db }),
      ),
    ).toBe(400);
    expect(
      await statusOf(() =>
        shareBriefing({ actor: owner, briefingId: id, userId: owner.userId, access: "edit", db: t.db }),
      ),
    ).toBe(400);
    const byName = await findShareCandidates({ actor: owner, briefingId: id, q: "VICTOR", db: t.db });
    expect(byName.map((c) => [c.name, c.access])).toEqual([["Victor Viewer", "view"]]);
    const byEmail = await findShareCandidates({ actor: owner, briefingId: id, q: stranger.email, db: t.db });
    expect(byEmail.map((c) => [c.id, c.access])).toEqual([[stranger.userId, null]]);
    const all = (await findShareCandidates({ actor: owner, briefingId: id, q: "", db: t.db })).map((c) => c.id);
    expect(all).not.toContain(owner.userId);
    expect(all).not.toContain(ghost.userId);
    expect(all).toContain(admin.userId);
  });

  it("two editors: a stale save is refused (409) with the briefing as it now is, to merge by hand", async () => {
    const mine = editOf(await getBriefingView({ actor: owner, briefingId: id, db: t.db }));
    await saveAs(t.db, editor, id, { title: "The editor's title" });
    try {
      await saveBriefing({ actor: owner, briefingId: id, edit: { ...mine, purpose: "Mine" }, db: t.db });
      expect.unreachable();
    } catch (error) {
      expect(isConflictError(error)).toBe(true);
      const current = (error as { current: SaveConflict }).current;
      expect(current.version).toBe(mine.version + 1);
      expect(current.edit.title).toBe("The editor's title");
      expect(current.edit.sections.map((x) => x.topicId)).toEqual(mine.sections.map((x) => x.topicId));
    }
  });

  it("a new revision keeps the sharing; a duplicate starts private; a deleted briefing is gone for those shared", async () => {
    vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "0");
    await finaliseBriefing({ actor: owner, briefingId: id, version: 1, db: t.db });
    const next = await startNewRevision({ actor: owner, briefingId: id, db: t.db });
    const sharesOf = async (b: string) =>
      (await listShares({ actor: owner, briefingId: b, db: t.db })).map((x) => [x.userId, x.access]);
    expect(await sharesOf(next)).toEqual(await sharesOf(id));
    await saveAs(t.db, editor, next);
    const copy = await duplicateBriefing({ actor: owner, briefingId: id, db: t.db });
    expect(await sharesOf(copy)).toEqual([]);
    expect(await statusOf(() => getBriefingView({ actor: viewer, briefingId: copy, db: t.db }))).toBe(404);
    await deleteBriefing({ actor: owner, briefingId: next, db: t.db });
    expect(await statusOf(() => getBriefingView({ actor: editor, briefingId: next, db: t.db }))).toBe(404);
    expect((await listSharedWithMe({ actor: editor, db: t.db })).map((b) => b.id)).toEqual([id]);
  });
});

describe("handing briefings over", () => {
  it("an admin gives a disabled owner's briefings to an active user, unseen; those shared keep their access", async () => {
    const second = await draftFor(t.db, owner, ["security"]);
    await shareBriefing({ actor: owner, briefingId: second, userId: stranger.userId, access: "view", db: t.db });
    const to = { fromUserId: owner.userId, toUserId: stranger.userId };
    expect(await statusOf(() => handOverBriefings({ actor: admin, ...to, db: t.db }))).toBe(400); // owner still active
    await setUserDisabled({ actor: admin, userId: owner.userId, disabled: true, db: t.db });
    // Until the hand-over, the briefing stays reachable by those it is shared with.
    await saveAs(t.db, editor, id);
    expect(await statusOf(() => handOverBriefings({ actor: editor, ...to, db: t.db }))).toBe(403);
    expect(await statusOf(() => handOverBriefings({ actor: admin, ...to, toUserId: owner.userId, db: t.db }))).toBe(
      400,
    );
    expect(await countOwnedBriefings({ actor: admin, userId: owner.userId, db: t.db })).toBe(2);

    const { briefingIds } = await handOverBriefings({ actor: admin, ...to, db: t.db });
    expect(briefingIds.sort()).toEqual([id, second].sort());
    expect(await countOwnedBriefings({ actor: admin, userId: stranger.userId, db: t.db })).toBe(2);
    expect((await listBriefings({ actor: stranger, db: t.db })).map((b) => b.id).sort()).toEqual([id, second].sort());
    // The receiver's own share was dropped: they own it now.
    expect(await listSharedWithMe({ actor: stranger, db: t.db })).toEqual([]);
    const view = await getBriefingView({ actor: stranger, briefingId: id, db: t.db });
    expect(view).toMatchObject({ ownerId: stranger.userId, ownerName: "Stan Stranger" });
    expect(view.access.relationship).toBe("owner");
    await saveAs(t.db, editor, id);
    expect((await getBriefingView({ actor: viewer, briefingId: id, db: t.db })).access.relationship).toBe("viewer");
    // The admin never saw it, and still cannot.
    expect(await statusOf(() => getBriefingView({ actor: admin, briefingId: id, db: t.db }))).toBe(404);
    expect((await audit("briefing.handed_over")).map((a) => [a.actorId, a.detail])).toEqual([
      [admin.userId, { from: owner.userId, to: stranger.userId }],
    ]);
  });
});
