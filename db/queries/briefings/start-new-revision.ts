import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefings } from "../../schema";
import { recordAudit } from "../_record-audit";
import { copyBriefing, loadOwnBriefing } from "./_own-briefing";

export interface StartNewRevisionOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * A new draft from one of the actor's finalised briefings (404 for anyone else's), with the
 * next revision number and the current facts. Returns its id.
 */
export async function startNewRevision({ actor, briefingId, db = getDb() }: StartNewRevisionOptions): Promise<string> {
  return withWriteTransaction(db, async (tx) => {
    const source = await loadOwnBriefing(tx, actor, briefingId);
    if (source.status !== "final")
      throw new ValidationError("Only a finalised briefing gets a new revision; edit this draft instead.");
    // A second click (or a replayed request) opens the draft the first one started.
    const [started] = await tx
      .select({ id: briefings.id })
      .from(briefings)
      .where(
        and(
          eq(briefings.previousId, source.id),
          eq(briefings.ownerId, actor.userId),
          eq(briefings.status, "draft"),
          isNull(briefings.deletedAt),
        ),
      )
      .limit(1);
    if (started) return started.id;
    const id = await copyBriefing(tx, actor, source, {
      revision: source.revision + 1,
      previousId: source.id,
      title: source.title,
    });
    await recordAudit(tx, {
      actor,
      action: "briefing.revision_started",
      entity: "briefing",
      entityId: id,
      detail: { revision: source.revision + 1, from: source.id },
    });
    return id;
  });
}
