import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefings } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";
import { copyBriefing } from "./_briefing-rows";

export interface StartNewRevisionOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * A new draft from one of the actor's finalised briefings (the owner only: 403 for those it is
 * shared with, 404 for anyone else; 400 for a draft), with the next revision number and the
 * current facts. It keeps the sharing (the same colleagues, the same access) and starts
 * uncleared; the earlier revisions' comments show in it read-only. Returns its id.
 */
export async function startNewRevision({ actor, briefingId, db = getDb() }: StartNewRevisionOptions): Promise<string> {
  return withWriteTransaction(db, async (tx) => {
    const { row: source } = await loadBriefingFor(tx, actor, briefingId, "startNewRevision");
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
      copyShares: true,
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
