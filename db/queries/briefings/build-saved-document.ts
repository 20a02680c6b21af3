import type { Actor } from "@/lib/auth/actor";
import type { BriefingDocument } from "@/lib/briefing/document";
import { getDb, withReadTransaction, type Database } from "../../client";
import { buildLiveDocument } from "./_document";
import { loadOwnBriefing } from "./_own-briefing";
import { getBriefingView } from "./get-briefing-view";

export interface BuildSavedDocumentOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * One of the actor's briefings as printed (404 for anyone else's): a finalised one from its
 * frozen snapshot, a draft live, from one snapshot of the database so its many rows agree.
 */
export async function buildSavedDocument({
  actor,
  briefingId,
  db = getDb(),
}: BuildSavedDocumentOptions): Promise<BriefingDocument> {
  return withReadTransaction(db, async (tx) => {
    const row = await loadOwnBriefing(tx, actor, briefingId);
    if (row.status === "final" && row.snapshot) return row.snapshot.document;
    // Joins this read transaction: the view and the document are read from the same snapshot.
    const view = await getBriefingView({ actor, briefingId, db });
    return buildLiveDocument(tx, view);
  });
}
