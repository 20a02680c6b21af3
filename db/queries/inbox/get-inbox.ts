import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withReadTransaction, type Database } from "../../client";
import { briefingComments, briefings, clearanceRequestClearers, clearanceRequests, parties, users } from "../../schema";
import { sharedWith, type SharedBriefingEntry } from "../sharing/_shared-with";
import { awaitingWhere, inboxCounts, inboxSeenAt, newCommentsWhere, returnedWhere, type InboxCounts } from "./_inbox";

export type { InboxCounts } from "./_inbox";

export interface GetInboxOptions {
  actor: Actor;
  /** The most new comments listed (the count is of all). */
  commentLimit?: number;
  db?: Database;
}

export interface InboxShared extends SharedBriefingEntry {
  /** Shared since the inbox was last seen. */
  isNew: boolean;
}

export interface InboxAwaiting {
  requestId: string;
  briefingId: string;
  title: string;
  countryName: string;
  ownerName: string;
  revision: number;
  submittedByName: string;
  submittedAt: string;
  note: string | null;
}

export interface InboxReturned {
  briefingId: string;
  title: string;
  countryName: string;
  revision: number;
  returnedByName: string;
  returnedAt: string;
  /** What the clearer asked to change. */
  comment: string | null;
}

export interface InboxComment {
  commentId: string;
  briefingId: string;
  briefingTitle: string;
  revision: number;
  authorName: string;
  createdAt: string;
  /** The comment's first 200 characters. */
  excerpt: string;
  anchor: "briefing" | "section" | "fact";
  isReply: boolean;
}

export interface Inbox {
  /** "Shared with me": every live briefing shared with the actor, most recently changed first. */
  sharedWithMe: InboxShared[];
  /** "Awaiting my clearance": pending requests naming the actor (while they hold the clearer role), oldest first. */
  awaitingMyClearance: InboxAwaiting[];
  /** "Returned to me": the actor's drafts whose latest request was returned, newest first. */
  returnedToMe: InboxReturned[];
  /** Others' comments on briefings the actor owns or edits since the inbox was last seen, newest first. */
  newComments: InboxComment[];
  counts: InboxCounts;
  /** When the inbox was last marked seen (null: never). */
  seenAt: string | null;
  /** When this was read: pass it to markInboxSeen, so what arrives meanwhile stays new. */
  readAt: string;
}

/**
 * What needs the actor, in-app (the lists would serve mail as well): briefings shared with them,
 * requests awaiting their clearance, their drafts returned by a clearer, and others' comments on
 * briefings they own or edit since they last marked the inbox seen — with counts. Any signed-in
 * user, for themselves; read from one snapshot so the lists and counts agree.
 */
export async function getInbox({ actor, commentLimit = 50, db = getDb() }: GetInboxOptions): Promise<Inbox> {
  const readAt = new Date().toISOString();
  return withReadTransaction(db, async (tx) => {
    const seenAt = await inboxSeenAt(tx, actor.userId);
    const shared = await sharedWith(tx, actor.userId);

    const owner = alias(users, "owner");
    const submitter = alias(users, "submitter");
    const awaiting = await tx
      .select({
        requestId: clearanceRequests.id,
        briefingId: briefings.id,
        title: briefings.title,
        countryName: parties.name,
        ownerName: owner.name,
        revision: briefings.revision,
        submittedByName: submitter.name,
        submittedAt: clearanceRequests.submittedAt,
        note: clearanceRequests.note,
      })
      .from(clearanceRequestClearers)
      .innerJoin(clearanceRequests, eq(clearanceRequests.id, clearanceRequestClearers.requestId))
      .innerJoin(briefings, eq(briefings.id, clearanceRequests.briefingId))
      .innerJoin(parties, eq(parties.id, briefings.countryId))
      .innerJoin(owner, eq(owner.id, briefings.ownerId))
      .innerJoin(submitter, eq(submitter.id, clearanceRequests.submittedBy))
      .where(awaitingWhere(actor))
      .orderBy(clearanceRequests.submittedAt, clearanceRequests.seq);

    const returnedRows = await tx
      .select({
        briefingId: briefings.id,
        title: briefings.title,
        countryName: parties.name,
        revision: briefings.revision,
      })
      .from(briefings)
      .innerJoin(parties, eq(parties.id, briefings.countryId))
      .where(returnedWhere(actor.userId));
    const decider = alias(users, "decider");
    const decisions = returnedRows.length
      ? await tx
          .select({
            briefingId: clearanceRequests.briefingId,
            returnedByName: decider.name,
            returnedAt: clearanceRequests.decidedAt,
            comment: clearanceRequests.decisionComment,
          })
          .from(clearanceRequests)
          .innerJoin(decider, eq(decider.id, clearanceRequests.decidedBy))
          .where(
            and(
              inArray(
                clearanceRequests.briefingId,
                returnedRows.map((r) => r.briefingId),
              ),
              eq(clearanceRequests.status, "returned"),
            ),
          )
          .orderBy(desc(clearanceRequests.decidedAt))
      : [];
    const returnedToMe = returnedRows
      .map((r): InboxReturned => {
        // The latest return of each: the latest request is returned, and decided after any earlier one.
        const d = decisions.find((x) => x.briefingId === r.briefingId);
        return {
          ...r,
          returnedByName: d?.returnedByName ?? "",
          returnedAt: d?.returnedAt ?? "",
          comment: d?.comment ?? null,
        };
      })
      .sort((a, b) => b.returnedAt.localeCompare(a.returnedAt));

    const author = alias(users, "author");
    const comments = await tx
      .select({
        commentId: briefingComments.id,
        briefingId: briefings.id,
        briefingTitle: briefings.title,
        revision: briefingComments.revision,
        authorName: author.name,
        createdAt: briefingComments.createdAt,
        excerpt: sql<string>`substr(${briefingComments.body}, 1, 200)`,
        topicId: briefingComments.topicId,
        factId: briefingComments.factId,
        parentId: briefingComments.parentId,
      })
      .from(briefingComments)
      .innerJoin(briefings, eq(briefings.id, briefingComments.briefingId))
      .innerJoin(author, eq(author.id, briefingComments.authorId))
      .where(newCommentsWhere(actor.userId, seenAt, actor.clearanceLevel))
      .orderBy(desc(briefingComments.createdAt), desc(briefingComments.seq))
      .limit(commentLimit);

    return {
      sharedWithMe: shared.map((s) => ({ ...s, isNew: seenAt === null || s.sharedAt > seenAt })),
      awaitingMyClearance: awaiting,
      returnedToMe,
      newComments: comments.map(({ topicId, factId, parentId, ...c }) => ({
        ...c,
        anchor: factId ? "fact" : topicId ? "section" : "briefing",
        isReply: parentId !== null,
      })),
      counts: await inboxCounts(tx, actor, seenAt),
      seenAt,
      readAt,
    };
  });
}
