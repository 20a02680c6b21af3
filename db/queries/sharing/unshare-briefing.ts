import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefingShares } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "../briefings/_access";

export interface UnshareBriefingOptions {
  actor: Actor;
  briefingId: string;
  userId: string;
  db?: Database;
}

/**
 * The owner stops sharing a briefing with a colleague (the owner only: 403 for those it is
 * shared with, 404 for anyone else). From then on the colleague gets 404 — with "This briefing
 * is no longer shared with you." where a message is shown, so a composer they left open says
 * why its save failed. Audited as share.removed. Returns whether there was a share to remove.
 */
export async function unshareBriefing({
  actor,
  briefingId,
  userId,
  db = getDb(),
}: UnshareBriefingOptions): Promise<boolean> {
  return withWriteTransaction(db, async (tx) => {
    await loadBriefingFor(tx, actor, briefingId, "share");
    const [removed] = await tx
      .delete(briefingShares)
      .where(and(eq(briefingShares.briefingId, briefingId), eq(briefingShares.userId, userId)))
      .returning({ access: briefingShares.access });
    if (!removed) return false;
    await recordAudit(tx, {
      actor,
      action: "share.removed",
      entity: "briefing",
      entityId: briefingId,
      detail: { userId, access: removed.access },
    });
    return true;
  });
}
