import type { Actor } from "@/lib/auth/actor";
import { getDb, withReadTransaction, type Database } from "../../client";
import { accessView, loadBriefingFor, type BriefingAccessView } from "./_access";
import { readBriefingView, type BriefingRowsView } from "./_briefing-view";

export type { BriefingItemView, BriefingSectionView } from "./_briefing-view";

export interface GetBriefingViewOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

export interface BriefingView extends BriefingRowsView {
  /**
   * How the actor stands to it, its state (draft, awaiting-clearance, final) and what the rule
   * lets them do now (`access.can.edit`, `.share`, `.approve`…). Whether a draft may be
   * finalised also depends on its clearance: ask getClearanceStatus (`finalise.allowed`, `reason`).
   */
  access: BriefingAccessView;
}

/**
 * Everything the composer and preview need about a briefing the actor may view — its owner,
 * editors, viewers and pending clearers (404 for anyone else, admins included) — from one
 * snapshot: the sections, items and facts read agree with the version returned. Items whose
 * fact is marked above the actor's clearance level are left out (counted in `withheld`).
 */
export async function getBriefingView({
  actor,
  briefingId,
  db = getDb(),
}: GetBriefingViewOptions): Promise<BriefingView> {
  return withReadTransaction(db, async (tx) => {
    const access = await loadBriefingFor(tx, actor, briefingId, "view");
    return { ...(await readBriefingView(tx, access.row, actor.clearanceLevel)), access: accessView(actor, access) };
  });
}
