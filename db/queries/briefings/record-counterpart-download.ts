import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";

export interface RecordCounterpartDownloadOptions {
  actor: Actor;
  briefingId: string;
  /** The revision that was printed. */
  revision: number;
  db?: Database;
}

/**
 * Records a download of a briefing's counterpart copy (who, when, which revision; never its
 * content), apart from downloads of the internal copy: the audit tells which copy left. 404 for
 * anyone the briefing is not shared with.
 */
export async function recordCounterpartDownload({
  actor,
  briefingId,
  revision,
  db = getDb(),
}: RecordCounterpartDownloadOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    await loadBriefingFor(tx, actor, briefingId, "downloadCounterpart");
    await recordAudit(tx, {
      actor,
      action: "briefing.counterpart_downloaded",
      entity: "briefing",
      entityId: briefingId,
      detail: { revision },
    });
  });
}
