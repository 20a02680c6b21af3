import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { ShareAccess } from "@/lib/model/briefings";
import { clearedForBriefing } from "@/lib/briefing/clearance-level";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefingShares, users } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "../briefings/_access";
import { highestPrintedMarking } from "../briefings/_marking";

export interface ShareBriefingOptions {
  actor: Actor;
  briefingId: string;
  /** An active user other than the owner (findShareCandidates). */
  userId: string;
  /** "view": read, preview, download and comment; "edit": also change everything but the sharing and the clearance. */
  access: ShareAccess;
  db?: Database;
}

/**
 * The owner shares a briefing with a colleague, or changes their access (the owner only: 403
 * for those it is shared with, 404 for anyone else; allowed in every state). The colleague must
 * be an active user cleared to at least the highest marking of the facts it prints (400, saying
 * "NAME is cleared to OFFICIAL; this briefing includes facts marked SECRET."). Audited as share.added or share.changed; giving the access already
 * held changes nothing. Returns what was added or changed, or "unchanged".
 */
export async function shareBriefing({
  actor,
  briefingId,
  userId,
  access,
  db = getDb(),
}: ShareBriefingOptions): Promise<"added" | "changed" | "unchanged"> {
  return withWriteTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "share");
    const refuse = (message: string): never => {
      throw new ValidationError(message, { userId: [message] });
    };
    if (userId === row.ownerId) refuse("This is the briefing's owner: it is theirs already.");
    const [user] = await tx
      .select({ id: users.id, name: users.name, disabledAt: users.disabledAt, clearanceLevel: users.clearanceLevel })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .limit(1);
    if (!user || user.disabledAt) refuse("Choose an active colleague to share with.");
    const cleared = clearedForBriefing(user, await highestPrintedMarking(tx, [briefingId]));
    if (!cleared.ok) refuse(cleared.reason);
    const [existing] = await tx
      .select()
      .from(briefingShares)
      .where(and(eq(briefingShares.briefingId, briefingId), eq(briefingShares.userId, userId)))
      .limit(1);
    if (existing?.access === access) return "unchanged";
    const now = new Date().toISOString();
    if (existing) {
      await tx
        .update(briefingShares)
        .set({ access, sharedBy: actor.userId, updatedAt: now })
        .where(and(eq(briefingShares.briefingId, briefingId), eq(briefingShares.userId, userId)));
    } else {
      await tx
        .insert(briefingShares)
        .values({ briefingId, userId, access, sharedBy: actor.userId, createdAt: now, updatedAt: now });
    }
    await recordAudit(tx, {
      actor,
      action: existing ? "share.changed" : "share.added",
      entity: "briefing",
      entityId: briefingId,
      detail: { userId, access, ...(existing ? { from: existing.access } : {}) },
    });
    return existing ? "changed" : "added";
  });
}
