import type { Actor } from "@/lib/auth/actor";
import { getDb, withReadTransaction, type Database } from "../../client";
import { inboxCounts, inboxSeenAt, type InboxCounts } from "./_inbox";

export type { InboxCounts } from "./_inbox";

export interface GetInboxCountsOptions {
  actor: Actor;
  db?: Database;
}

/**
 * The inbox's counts alone — a few COUNT queries, cheap enough for the header on every page;
 * `total` is what needs the user (new shares, awaiting my clearance, returned to me, new
 * comments). Any signed-in user, for themselves.
 */
export async function getInboxCounts({ actor, db = getDb() }: GetInboxCountsOptions): Promise<InboxCounts> {
  return withReadTransaction(db, async (tx) => inboxCounts(tx, actor, await inboxSeenAt(tx, actor.userId)));
}
