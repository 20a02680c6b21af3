import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { users } from "../../schema";
import { recordAudit } from "../_record-audit";

export type SignOutEverywhereOptions = { actor: Actor; db?: Database };

/**
 * The actor signs out everywhere: a new session version, so every copy of every session
 * cookie issued so far stops working; audited. Anyone may, for themselves only.
 */
export async function signOutEverywhere({ actor, db = getDb() }: SignOutEverywhereOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, { actor, action: "auth.signed_out", entity: "session", entityId: actor.userId });
  });
}
