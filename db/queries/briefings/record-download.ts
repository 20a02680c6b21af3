import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";

export interface RecordDownloadOptions {
  actor: Actor;
  briefingId: string;
  /** The revision that was printed. */
  revision: number;
  db?: Database;
}

/**
 * Records a download of a briefing the actor may download (who, when, which revision; never its
 * content). 404 for anyone it is not shared with.
 */
export async function recordDownload({
  actor,
  briefingId,
  revision,
  db = getDb(),
}: RecordDownloadOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    await loadBriefingFor(tx, actor, briefingId, "download");
    await recordAudit(tx, {
      actor,
      action: "briefing.downloaded",
      entity: "briefing",
      entityId: briefingId,
      detail: { revision },
    });
  });
}
