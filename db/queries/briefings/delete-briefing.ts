import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefings } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";

export interface DeleteBriefingOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * Moves one of the actor's briefings to the deleted list (the owner only: 403 for those it is
 * shared with, 404 for anyone else; 400 while awaiting clearance); restorable for 30 days.
 */
export async function deleteBriefing({ actor, briefingId, db = getDb() }: DeleteBriefingOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    await loadBriefingFor(tx, actor, briefingId, "delete");
    await tx.update(briefings).set({ deletedAt: new Date().toISOString() }).where(eq(briefings.id, briefingId));
    await recordAudit(tx, { actor, action: "briefing.deleted", entity: "briefing", entityId: briefingId });
  });
}
