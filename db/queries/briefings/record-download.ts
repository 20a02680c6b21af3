import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { loadOwnBriefing } from "./_own-briefing";

export interface RecordDownloadOptions {
  actor: Actor;
  briefingId: string;
  /** The revision that was printed. */
  revision: number;
  db?: Database;
}

/** Records a download of the actor's own briefing (who, when, which revision; never its content). 404 for anyone else's. */
export async function recordDownload({
  actor,
  briefingId,
  revision,
  db = getDb(),
}: RecordDownloadOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    await loadOwnBriefing(tx, actor, briefingId);
    await recordAudit(tx, {
      actor,
      action: "briefing.downloaded",
      entity: "briefing",
      entityId: briefingId,
      detail: { revision },
    });
  });
}
