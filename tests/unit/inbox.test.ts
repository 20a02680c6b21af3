import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteBriefing } from "@/db/queries/briefings/delete-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { approveClearance } from "@/db/queries/clearance/approve-clearance";
import { returnClearance } from "@/db/queries/clearance/return-clearance";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { addComment } from "@/db/queries/comments/add-comment";
import { getInbox } from "@/db/queries/inbox/get-inbox";
import { getInboxCounts } from "@/db/queries/inbox/get-inbox-counts";
import { markInboxSeen } from "@/db/queries/inbox/mark-inbox-seen";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import type { Actor } from "@/lib/auth/actor";
import { makeActor } from "../helpers/actors";
import { createSeededDb, type TestDb } from "../helpers/db";
import { draftFor } from "../helpers/workflow";

let t: TestDb;
let owner: Actor;
let viewer: Actor;
let editor: Actor;
let clearer: Actor;
let id: string;
beforeEach(async () => {
  t = await createSeededDb();
  owner = await makeActor(t.db, "staff", { name: "Olga Owner" });
  viewer = await makeActor(t.db, "staff", { name: "Victor Viewer" });
  editor = await makeActor(t.db, "staff", { name: "Edith Editor" });
  clearer = await makeActor(t.db, "staff", { clearer: true, name: "Hana Head" });
  id = await draftFor(t.db, owner);
});
afterEach(() => {
  vi.useRealTimers();
  t.close();
});

const inbox = (actor: Actor) => getInbox({ actor, db: t.db });
/** Each step of these tests happens a millisecond later: "since I last looked" compares instants. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe("the inbox", () => {
  it("starts empty", async () => {
    const empty = await inbox(owner);
    expect(empty).toMatchObject({ sharedWithMe: [], awaitingMyClearance: [], returnedToMe: [], newComments: [] });
    expect(empty.counts).toEqual({
      sharedWithMe: 0,
      newShares: 0,
      awaitingMyClearance: 0,
      returnedToMe: 0,
      newComments: 0,
      total: 0,
    });
  });

  it("lists what is shared with me, new until I mark the inbox seen", async () => {
    await shareBriefing({ actor: owner, briefingId: id, userId: viewer.userId, access: "view", db: t.db });
    const first = await inbox(viewer);
    expect(first.sharedWithMe).toEqual([
      expect.objectContaining({ id, ownerName: "Olga Owner", access: "view", isNew: true }),
    ]);
    expect(first.counts).toMatchObject({ sharedWithMe: 1, newShares: 1, total: 1 });
    expect(await getInboxCounts({ actor: viewer, db: t.db })).toEqual(first.counts);

    await tick();
    await markInboxSeen({ actor: viewer, seenAt: first.readAt, db: t.db });
    const seen = await inbox(viewer);
    expect(seen.sharedWithMe[0].isNew).toBe(false);
    expect(seen.counts).toMatchObject({ sharedWithMe: 1, newShares: 0, total: 0 });
    expect(seen.seenAt).toBe(first.readAt);
    // The marker never moves back.
    await markInboxSeen({ actor: viewer, seenAt: "2000-01-01T00:00:00.000Z", db: t.db });
    expect((await inbox(viewer)).seenAt).toBe(first.readAt);
  });

  it("shows others' comments on briefings I own or edit since I last looked — not my own, not as a viewer", async () => {
    await shareBriefing({ actor: owner, briefingId: id, userId: viewer.userId, access: "view", db: t.db });
    await shareBriefing({ actor: owner, briefingId: id, userId: editor.userId, access: "edit", db: t.db });
    const factId = (await getBriefingView({ actor: owner, briefingId: id, db: t.db })).sections[0].items[0].factId;
    const read = await inbox(owner);
    await markInboxSeen({ actor: owner, seenAt: read.readAt, db: t.db });
    await markInboxSeen({ actor: editor, db: t.db });
    await tick();
    const onFact = await addComment({
      actor: viewer,
      briefingId: id,
      body: "Is this figure current?",
      factId,
      db: t.db,
    });
    await addComment({ actor: owner, briefingId: id, body: "My own note.", db: t.db });

    const forOwner = await inbox(owner);
    expect(forOwner.newComments).toEqual([
      expect.objectContaining({
        commentId: onFact,
        briefingId: id,
        authorName: "Victor Viewer",
        excerpt: "Is this figure current?",
        anchor: "fact",
        isReply: false,
      }),
    ]);
    expect(forOwner.counts).toMatchObject({ newComments: 1, total: 1 });
    const forEditor = await inbox(editor);
    expect(forEditor.newComments.map((c) => c.authorName).sort()).toEqual(["Olga Owner", "Victor Viewer"]);
    expect((await inbox(viewer)).counts.newComments).toBe(0); // a viewer is not told of comments

    await tick();
    await markInboxSeen({ actor: owner, seenAt: forOwner.readAt, db: t.db });
    expect((await inbox(owner)).counts.newComments).toBe(0);
    // A comment that arrives after the inbox was read stays new when it is marked seen with that read's time.
    const before = await inbox(owner);
    await tick();
    await addComment({ actor: editor, briefingId: id, body: "Late.", db: t.db });
    await markInboxSeen({ actor: owner, seenAt: before.readAt, db: t.db });
    expect((await inbox(owner)).counts.newComments).toBe(1);
    // A deleted briefing's comments no longer count.
    await deleteBriefing({ actor: owner, briefingId: id, db: t.db });
    expect((await inbox(owner)).counts.newComments).toBe(0);
  });

  it("shows what awaits my clearance, and my drafts returned to me with the clearer's comment", async () => {
    await submitForClearance({
      actor: owner,
      briefingId: id,
      clearerIds: [clearer.userId],
      note: "By Friday, please.",
      db: t.db,
    });
    const forClearer = await inbox(clearer);
    expect(forClearer.awaitingMyClearance).toEqual([
      expect.objectContaining({
        briefingId: id,
        ownerName: "Olga Owner",
        submittedByName: "Olga Owner",
        note: "By Friday, please.",
        countryName: "Kazakhstan",
      }),
    ]);
    expect(forClearer.counts).toMatchObject({ awaitingMyClearance: 1, total: 1 });
    // Taken away, the clearer role takes the list with it.
    expect((await inbox({ ...clearer, clearer: false })).counts.awaitingMyClearance).toBe(0);

    await returnClearance({ actor: clearer, briefingId: id, comment: "Add the trade figures.", db: t.db });
    expect((await inbox(clearer)).counts.awaitingMyClearance).toBe(0);
    const forOwner = await inbox(owner);
    expect(forOwner.returnedToMe).toEqual([
      expect.objectContaining({ briefingId: id, returnedByName: "Hana Head", comment: "Add the trade figures." }),
    ]);
    // The return's comment is also a new comment on the owner's briefing.
    expect(forOwner.counts).toMatchObject({ returnedToMe: 1, newComments: 1, total: 2 });

    await submitForClearance({ actor: owner, briefingId: id, clearerIds: [clearer.userId], db: t.db });
    expect((await inbox(owner)).counts.returnedToMe).toBe(0);
    await approveClearance({ actor: clearer, briefingId: id, db: t.db });
    expect((await inbox(owner)).counts.returnedToMe).toBe(0);
    expect((await inbox(clearer)).counts.awaitingMyClearance).toBe(0);
  });
});
