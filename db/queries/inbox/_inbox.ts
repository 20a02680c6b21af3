import { and, eq, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Actor } from "@/lib/auth/actor";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { Tx } from "../../client";
import {
  briefingComments,
  briefings,
  briefingShares,
  clearanceRequestClearers,
  clearanceRequests,
  users,
} from "../../schema";
import { factAliasVisibleTo } from "../_fact-visibility";
import { latestRequestStatus } from "../briefings/_list-rows";

/*
 * The inbox's queries, on the transaction given; they check nothing beyond "the actor's own":
 * every list is of what concerns the actor. Kept apart from the page so mail can later be sent
 * from the same lists.
 */

/** When the actor last marked their inbox seen (null: never, so everything counts as new). */
export async function inboxSeenAt(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.select({ seenAt: users.inboxSeenAt }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.seenAt ?? null;
}

const after = (column: SQLiteColumn, seenAt: string | null) => (seenAt ? gt(column, seenAt) : undefined);

/** Shares of live briefings with the user; `since` keeps those made after it. */
export function sharesWhere(userId: string, since: string | null = null): SQL | undefined {
  return and(eq(briefingShares.userId, userId), isNull(briefings.deletedAt), after(briefingShares.createdAt, since));
}

/** Pending requests naming the actor on live briefings not their own: only while they hold the clearer role. */
export function awaitingWhere(actor: Actor): SQL | undefined {
  return and(
    eq(clearanceRequestClearers.userId, actor.userId),
    eq(clearanceRequests.status, "pending"),
    isNull(briefings.deletedAt),
    ne(briefings.ownerId, actor.userId),
    // `false`, not `0`: PostgreSQL wants a boolean condition; SQLite reads FALSE as 0.
    actor.clearer ? undefined : sql`false`,
  );
}

/** The actor's live drafts whose latest clearance request was returned. */
export function returnedWhere(userId: string): SQL | undefined {
  return and(
    eq(briefings.ownerId, userId),
    isNull(briefings.deletedAt),
    eq(briefings.status, "draft"),
    sql`${latestRequestStatus(briefings.id)} = 'returned'`,
  );
}

/**
 * Others' comments on live briefings the actor owns or edits, made after `seenAt`; not those on
 * a fact marked above the actor's `level` (a reply carries its thread's fact).
 */
export function newCommentsWhere(userId: string, seenAt: string | null, level: ClearanceLevel): SQL | undefined {
  return and(
    sql`NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = ${briefingComments.factId} AND NOT ${factAliasVisibleTo("f", level)})`,
    ne(briefingComments.authorId, userId),
    isNull(briefings.deletedAt),
    or(
      eq(briefings.ownerId, userId),
      sql`EXISTS (SELECT 1 FROM briefing_shares s WHERE s.briefing_id = ${briefings.id} AND s.user_id = ${userId} AND s.access = 'edit')`,
    ),
    after(briefingComments.createdAt, seenAt),
  );
}

export interface InboxCounts {
  /** Every live briefing shared with the user. */
  sharedWithMe: number;
  /** Of them, shared since the inbox was last seen. */
  newShares: number;
  awaitingMyClearance: number;
  returnedToMe: number;
  /** Others' comments on briefings the user owns or edits since the inbox was last seen. */
  newComments: number;
  /** What needs the user, for the header: new shares + awaiting my clearance + returned to me + new comments. */
  total: number;
}

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]?.n ?? 0;
}

export async function inboxCounts(tx: Tx, actor: Actor, seenAt: string | null): Promise<InboxCounts> {
  const n = sql<number>`count(*)`;
  const shares = (since: string | null) =>
    countOf(
      tx
        .select({ n })
        .from(briefingShares)
        .innerJoin(briefings, eq(briefings.id, briefingShares.briefingId))
        .where(sharesWhere(actor.userId, since)),
    );
  const sharedWithMe = await shares(null);
  const newShares = seenAt ? await shares(seenAt) : sharedWithMe;
  const awaitingMyClearance = await countOf(
    tx
      .select({ n })
      .from(clearanceRequestClearers)
      .innerJoin(clearanceRequests, eq(clearanceRequests.id, clearanceRequestClearers.requestId))
      .innerJoin(briefings, eq(briefings.id, clearanceRequests.briefingId))
      .where(awaitingWhere(actor)),
  );
  const returnedToMe = await countOf(tx.select({ n }).from(briefings).where(returnedWhere(actor.userId)));
  const newComments = await countOf(
    tx
      .select({ n })
      .from(briefingComments)
      .innerJoin(briefings, eq(briefings.id, briefingComments.briefingId))
      .where(newCommentsWhere(actor.userId, seenAt, actor.clearanceLevel)),
  );
  return {
    sharedWithMe,
    newShares,
    awaitingMyClearance,
    returnedToMe,
    newComments,
    total: newShares + awaitingMyClearance + returnedToMe + newComments,
  };
}
