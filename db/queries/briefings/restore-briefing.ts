import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefings } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";
import { restoreCutoff } from "./_briefing-rows";

export interface RestoreBriefingOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/** Brings back one of the actor's briefings deleted within the last 30 days (the owner only); a live one is left as it is. */
export async function restoreBriefing({ actor, briefingId, db = getDb() }: RestoreBriefingOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "restore");
    if (!row.deletedAt) return;
    if (row.deletedAt <= restoreCutoff())
      throw new NotFoundError("This briefing was deleted more than 30 days ago and can no longer be restored.");
    await tx.update(briefings).set({ deletedAt: null }).where(eq(briefings.id, briefingId));
    await recordAudit(tx, { actor, action: "briefing.restored", entity: "briefing", entityId: briefingId });
  });
}
