import type { Actor } from "@/lib/auth/actor";
import { withClearance, type BriefingDocument } from "@/lib/briefing/document";
import { getDb, withReadTransaction, type Database } from "../../client";
import { checkClearance } from "../clearance/_clearance-check";
import { loadBriefingFor, loadSnapshot } from "./_access";
import { readBriefingView } from "./_briefing-view";
import { buildLiveDocument } from "./_document";

export interface BuildSavedDocumentOptions {
  actor: Actor;
  briefingId: string;
  /** What the document is for: the preview ("view", the default) or the PDF ("download"). */
  operation?: "view" | "download";
  db?: Database;
}

/**
 * A briefing the actor may see as printed (404 for anyone else's, admins included): a
 * finalised one from its frozen snapshot, a draft live — with "Cleared by" while its clearance
 * holds — from one snapshot of the database so its many rows agree.
 */
export async function buildSavedDocument({
  actor,
  briefingId,
  operation = "view",
  db = getDb(),
}: BuildSavedDocumentOptions): Promise<BriefingDocument> {
  return withReadTransaction(db, async (tx) => {
    const access = await loadBriefingFor(tx, actor, briefingId, operation);
    const snapshot = access.row.status === "final" ? await loadSnapshot(tx, briefingId) : null;
    if (snapshot) return withClearance(snapshot.document);
    const view = await readBriefingView(tx, access.row);
    const { clearance } = await checkClearance(tx, view, access.latestRequest);
    return buildLiveDocument(tx, view, undefined, clearance);
  });
}
