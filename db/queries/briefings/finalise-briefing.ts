import { and, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getDb, withReadTransaction, withWriteTransaction, type Database } from "../../client";
import { briefings } from "../../schema";
import { recordAudit } from "../_record-audit";
import { buildLiveDocument } from "./_document";
import { loadOwnBriefing } from "./_own-briefing";
import { getBriefingView } from "./get-briefing-view";

export interface FinaliseBriefingOptions {
  actor: Actor;
  briefingId: string;
  /** The version the user saw: finalising anything newer would issue text they have not read. */
  version: number;
  db?: Database;
}

/** Refuses what cannot be finalised: a final briefing (400), or one changed since the user opened it (409). */
function assertFinalisable(row: { status: "draft" | "final"; version: number }, version: number): void {
  if (row.status !== "draft") throw new ValidationError("This briefing is already final.");
  if (row.version !== version)
    throw new ConflictError("This briefing changed since you opened it; reload before finalising.", {
      version: row.version,
    });
}

/**
 * Finalising freezes one of the actor's drafts (404 for anyone else's): the printed document
 * and each included fact's version are stored, so later edits to the fact base never change
 * what was issued. Audited with the revision only, never the content.
 */
export async function finaliseBriefing({
  actor,
  briefingId,
  version,
  db = getDb(),
}: FinaliseBriefingOptions): Promise<void> {
  // The document is built from one snapshot, outside the write lock; the write then succeeds
  // only if the briefing is still that version (optimistic locking).
  const snapshot = await withReadTransaction(db, async (tx): Promise<BriefingSnapshot> => {
    const view = await getBriefingView({ actor, briefingId, db });
    assertFinalisable(view, version);
    const document = await buildLiveDocument(tx, { ...view, status: "final" });
    const facts: BriefingSnapshot["facts"] = {};
    for (const section of view.sections) {
      for (const item of section.items)
        if (item.included && item.fact)
          facts[item.fact.id] = { version: item.fact.version, text: item.fact.text, updatedAt: item.fact.updatedAt };
    }
    return { document, facts };
  });
  await withWriteTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const [finalised] = await tx
      .update(briefings)
      .set({ status: "final", snapshot, finalisedAt: now, version: sql`${briefings.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(briefings.id, briefingId),
          eq(briefings.ownerId, actor.userId),
          eq(briefings.version, version),
          eq(briefings.status, "draft"),
          isNull(briefings.deletedAt),
        ),
      )
      .returning({ revision: briefings.revision });
    if (!finalised) {
      // Changed since the snapshot was read: deleted (404), finalised (400) or saved elsewhere (409).
      const row = await loadOwnBriefing(tx, actor, briefingId);
      assertFinalisable(row, version);
      throw new ConflictError("This briefing changed since you opened it; reload before finalising.", {
        version: row.version,
      });
    }
    await recordAudit(tx, {
      actor,
      action: "briefing.finalised",
      entity: "briefing",
      entityId: briefingId,
      detail: { revision: finalised.revision },
    });
  });
}
