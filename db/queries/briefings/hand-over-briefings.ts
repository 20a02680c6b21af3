import { and, eq, inArray, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { clearedForBriefing } from "@/lib/briefing/clearance-level";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefings, briefingShares, users } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";
import { highestPrintedMarking } from "./_marking";

export interface HandOverBriefingsOptions {
  /** An administrator. */
  actor: Actor;
  /** A disabled user whose briefings are handed over. */
  fromUserId: string;
  /** The active user who owns them from now on. */
  toUserId: string;
  db?: Database;
}

/**
 * An administrator hands every briefing of a disabled user (deleted ones still restorable
 * included) over to another, active user, who owns them from then on (403 for anyone but an
 * administrator; 400 while the owner is still active, for a disabled or the same receiver, or one
 * not cleared to the highest marking the briefings print).
 * The administrator never sees their content; until the hand-over those the briefings are
 * shared with keep their access, and they keep it after. A share the receiver held on one
 * of them is dropped (they own it now). Nothing else changes — version, clearance requests and
 * comments stay — but a cleared draft prints "Prepared by" its new owner, so its clearance no
 * longer holds. Audited per briefing as briefing.handed_over. Returns the ids handed over.
 */
export async function handOverBriefings({
  actor,
  fromUserId,
  toUserId,
  db = getDb(),
}: HandOverBriefingsOptions): Promise<{ briefingIds: string[] }> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const person = async (id: string) => {
      const [user] = await tx
        .select({ id: users.id, name: users.name, disabledAt: users.disabledAt, clearanceLevel: users.clearanceLevel })
        .from(users)
        .where(and(eq(users.id, id), isNull(users.deletedAt)))
        .limit(1);
      if (!user) throw new NotFoundError("No such user.");
      return user;
    };
    const from = await person(fromUserId);
    if (!from.disabledAt)
      throw new ValidationError("Only a disabled user's briefings are handed over: disable the account first.");
    const to = await person(toUserId);
    if (to.id === from.id || to.disabledAt)
      throw new ValidationError("Hand the briefings over to another, active user.", {
        toUserId: ["Choose an active user."],
      });
    const owned = await tx.select({ id: briefings.id }).from(briefings).where(eq(briefings.ownerId, fromUserId));
    const briefingIds = owned.map((b) => b.id);
    for (const id of briefingIds) await loadBriefingFor(tx, actor, id, "handOver");
    if (briefingIds.length === 0) return { briefingIds };
    // The receiver will read them all: they must be cleared to what they print. The administrator
    // learns the highest marking only, never the content.
    const cleared = clearedForBriefing(to, await highestPrintedMarking(tx, briefingIds), "these briefings include");
    if (!cleared.ok) throw new ValidationError(cleared.reason, { toUserId: [cleared.reason] });
    await tx.update(briefings).set({ ownerId: toUserId }).where(inArray(briefings.id, briefingIds));
    await tx
      .delete(briefingShares)
      .where(and(inArray(briefingShares.briefingId, briefingIds), eq(briefingShares.userId, toUserId)));
    for (const id of briefingIds)
      await recordAudit(tx, {
        actor,
        action: "briefing.handed_over",
        entity: "briefing",
        entityId: id,
        detail: { from: fromUserId, to: toUserId },
      });
    return { briefingIds };
  });
}
