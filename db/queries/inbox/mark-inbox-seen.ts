import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { users } from "../../schema";
import { recordAudit } from "../_record-audit";

export interface MarkInboxSeenOptions {
  actor: Actor;
  /**
   * Up to when the user has seen it: the inbox's `readAt`, so what arrived after the page was
   * read stays new. Default now; never later than now, and the marker never moves back.
   */
  seenAt?: string;
  db?: Database;
}

/**
 * Marks the actor's inbox seen: comments and shares up to then stop counting as new. Any
 * signed-in user, for themselves; audited as inbox.seen. Changes neither the user's version
 * nor their sessions. Returns the marker as stored.
 */
export async function markInboxSeen({ actor, seenAt, db = getDb() }: MarkInboxSeenOptions): Promise<string> {
  const now = new Date().toISOString();
  const given = seenAt && !Number.isNaN(Date.parse(seenAt)) ? new Date(seenAt).toISOString() : now;
  const at = given < now ? given : now;
  return withWriteTransaction(db, async (tx) => {
    const [user] = await tx.select({ seenAt: users.inboxSeenAt }).from(users).where(eq(users.id, actor.userId));
    if (user?.seenAt && user.seenAt >= at) return user.seenAt;
    await tx.update(users).set({ inboxSeenAt: at }).where(eq(users.id, actor.userId));
    await recordAudit(tx, {
      actor,
      action: "inbox.seen",
      entity: "user",
      entityId: actor.userId,
      detail: { seenAt: at },
    });
    return at;
  });
}
