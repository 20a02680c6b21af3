import type { Actor } from "@/lib/auth/actor";
import { withClearance, type BriefingDocument, type BriefingSnapshot } from "@/lib/briefing/document";
import { withholdFacts } from "@/lib/briefing/withhold";
import { markingAtMost, type ClearanceLevel } from "@/lib/model/handling";
import { getDb, withReadTransaction, type Database, type Tx } from "../../client";
import { canSeeFact, EVERY_FACT } from "../_fact-visibility";
import { checkClearance } from "../clearance/_clearance-check";
import { loadBriefingFor, loadSnapshot } from "./_access";
import { narrowView, readBriefingView } from "./_briefing-view";
import { buildLiveDocument } from "./_document";
import { loadFacts } from "./_document-data";

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
 * holds — from one snapshot of the database so its many rows agree. Facts marked above the
 * actor's clearance level are left out of either, counted in `withheld` (see withheldLine).
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
    if (snapshot)
      return withholdFacts(
        withClearance(snapshot.document),
        await hiddenInSnapshot(tx, snapshot, actor.clearanceLevel),
      );
    // The clearance holds for the whole briefing; the reader's document is built from what they may see.
    const whole = await readBriefingView(tx, access.row, EVERY_FACT);
    const { clearance } = await checkClearance(tx, whole, access.latestRequest);
    const printed = whole.sections.flatMap((s) => s.items).filter((i) => i.included && i.fact && !i.fact.deletedAt);
    const withheld = printed.filter((i) => !canSeeFact(actor.clearanceLevel, i.fact!)).length;
    const doc = await buildLiveDocument(
      tx,
      narrowView(whole, actor.clearanceLevel),
      actor.clearanceLevel,
      undefined,
      clearance,
    );
    return withheld ? { ...doc, withheld } : doc;
  });
}

/**
 * The facts of a finalised briefing a reader cleared to `level` may not see: marked above it
 * when finalised, or now (a marking raised since counts; one lowered since does not reveal).
 */
async function hiddenInSnapshot(tx: Tx, snapshot: BriefingSnapshot, level: ClearanceLevel): Promise<Set<string>> {
  const ids = Object.keys(snapshot.facts);
  const now = await loadFacts(tx, ids, EVERY_FACT);
  return new Set(
    ids.filter((id) => {
      const then = snapshot.facts[id]!.marking;
      const current = now.get(id);
      return (
        (then !== undefined && !markingAtMost(then, level)) || (current !== undefined && !canSeeFact(level, current))
      );
    }),
  );
}
