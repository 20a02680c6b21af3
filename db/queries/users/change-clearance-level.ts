import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { ClearanceLevel } from "@/lib/model/handling";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { PublicUser } from "./_public-user";
import { applyChange, checkLevelWithinOwn, loadForChange } from "./_user-change";

export type ChangeClearanceLevelOptions = {
  actor: Actor;
  userId: string;
  /** The highest marking the user may see from their next request on. */
  clearanceLevel: ClearanceLevel;
  db?: Database;
};

/**
 * Sets a user's clearance level (admins only, to at most their own level: refused at the field,
 * saying why); audited as user.clearance_changed with the level before and after. Every request
 * reads the level afresh, so it holds from the user's next request without signing them out.
 * Lowering it hides the facts above it from them everywhere at once, in briefings already shared
 * with them too. A change to the same level is no change: no audit row.
 */
export async function changeClearanceLevel({
  actor,
  userId,
  clearanceLevel,
  db = getDb(),
}: ChangeClearanceLevelOptions): Promise<PublicUser> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const before = await loadForChange(tx, userId);
    if (before.clearanceLevel === clearanceLevel) return before;
    checkLevelWithinOwn(actor, clearanceLevel);
    return applyChange(tx, {
      actor,
      before,
      change: { clearanceLevel },
      action: "user.clearance_changed",
      keepSessions: true,
    });
  });
}
