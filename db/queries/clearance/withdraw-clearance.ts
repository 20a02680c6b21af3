import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { clearanceRequests } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "../briefings/_access";

export interface WithdrawClearanceOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * The owner takes a pending submission back (the owner only: 403 for others it is shared with,
 * 404 for anyone else; 400 when not awaiting clearance): the draft can be edited again, and the
 * clearers named lose their access unless it is also shared with them. Audited as
 * clearance.withdrawn.
 */
export async function withdrawClearance({ actor, briefingId, db = getDb() }: WithdrawClearanceOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    const { latestRequest } = await loadBriefingFor(tx, actor, briefingId, "withdrawClearance");
    // Awaiting clearance: the latest request is pending.
    const requestId = latestRequest!.id;
    await tx
      .update(clearanceRequests)
      .set({ status: "withdrawn", decidedBy: actor.userId, decidedAt: new Date().toISOString() })
      .where(and(eq(clearanceRequests.id, requestId), eq(clearanceRequests.status, "pending")));
    await recordAudit(tx, {
      actor,
      action: "clearance.withdrawn",
      entity: "briefing",
      entityId: briefingId,
      detail: { requestId },
    });
  });
}
