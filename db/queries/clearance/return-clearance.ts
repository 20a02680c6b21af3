import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { commentBodySchema } from "@/lib/validation/workflow";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { clearanceRequests } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "../briefings/_access";
import { insertComment } from "../comments/_comment-rows";

export interface ReturnClearanceOptions {
  actor: Actor;
  briefingId: string;
  /** What to change: required, and added to the briefing's comments (on the whole briefing). */
  comment: string;
  db?: Database;
}

/**
 * A clearer named on the briefing's pending request returns it to its owner with a comment
 * (403 for the owner and those it is only shared with; 404 for anyone else; 400 when not
 * awaiting clearance, or without a comment). The draft can be edited again and shows under
 * "Returned to me" in the owner's inbox until it is submitted again. Audited as
 * clearance.returned (and comment.added). Returns the comment's id.
 */
export async function returnClearance({
  actor,
  briefingId,
  comment,
  db = getDb(),
}: ReturnClearanceOptions): Promise<{ commentId: string }> {
  const words = commentBodySchema.safeParse(comment);
  if (!words.success) {
    const message = comment.trim()
      ? words.error.issues[0].message
      : "Say what to change: a comment is required to return a briefing.";
    throw new ValidationError(message, { comment: [message] });
  }
  return withWriteTransaction(db, async (tx) => {
    const { row, latestRequest } = await loadBriefingFor(tx, actor, briefingId, "return");
    const requestId = latestRequest!.id;
    await tx
      .update(clearanceRequests)
      .set({
        status: "returned",
        decidedBy: actor.userId,
        decidedAt: new Date().toISOString(),
        decisionComment: words.data,
      })
      .where(and(eq(clearanceRequests.id, requestId), eq(clearanceRequests.status, "pending")));
    const commentId = await insertComment(tx, actor, { briefingId, revision: row.revision, body: words.data });
    await recordAudit(tx, {
      actor,
      action: "clearance.returned",
      entity: "briefing",
      entityId: briefingId,
      detail: { requestId, commentId, revision: row.revision },
    });
    return { commentId };
  });
}
