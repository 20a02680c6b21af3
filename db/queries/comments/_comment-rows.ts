import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { Tx } from "../../client";
import { briefingComments } from "../../schema";
import { recordAudit } from "../_record-audit";
import { decideBriefingAccess, enforce, loadBriefingFor } from "../briefings/_access";

/**
 * Writes one comment and its audit row (ids and anchor, never the text), on the transaction
 * given; checks nothing: the operations decide who may and validate the body and anchor.
 */
export async function insertComment(
  tx: Tx,
  actor: Actor,
  comment: {
    briefingId: string;
    revision: number;
    body: string;
    topicId?: string | null;
    factId?: string | null;
    parentId?: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  const row = {
    id,
    briefingId: comment.briefingId,
    revision: comment.revision,
    authorId: actor.userId,
    topicId: comment.topicId ?? null,
    factId: comment.factId ?? null,
    parentId: comment.parentId ?? null,
    body: comment.body,
  };
  await tx.insert(briefingComments).values(row);
  await recordAudit(tx, {
    actor,
    action: "comment.added",
    entity: "briefing",
    entityId: comment.briefingId,
    detail: { commentId: id, parentId: row.parentId, topicId: row.topicId, factId: row.factId, revision: row.revision },
  });
  return id;
}

/**
 * Resolves or reopens a thread (a reply stands for its thread's first comment): for the
 * briefing's owner and editors, and for the thread's author while they may still comment on it
 * (a viewer or clearer resolving their own). 404 for a comment that does not exist or a
 * briefing the actor cannot see; 400 once the briefing is final (an earlier revision's comments
 * are read-only). Audited as comment.resolved or comment.reopened; a thread already so is left.
 */
export async function setThreadResolved(tx: Tx, actor: Actor, commentId: string, resolved: boolean): Promise<void> {
  const [comment] = await tx.select().from(briefingComments).where(eq(briefingComments.id, commentId)).limit(1);
  if (!comment) throw new NotFoundError("No such comment.");
  const [root] = comment.parentId
    ? await tx.select().from(briefingComments).where(eq(briefingComments.id, comment.parentId)).limit(1)
    : [comment];
  const decided = await decideBriefingAccess(tx, actor, root.briefingId, "resolveComment");
  const ownThread =
    root.authorId === actor.userId && decided?.answer.allowed === false && decided.answer.status === 403;
  if (ownThread) await loadBriefingFor(tx, actor, root.briefingId, "comment");
  else await enforce(tx, actor, root.briefingId, decided);
  if ((root.resolvedAt !== null) === resolved) return;
  await tx
    .update(briefingComments)
    .set(
      resolved
        ? { resolvedAt: new Date().toISOString(), resolvedBy: actor.userId }
        : { resolvedAt: null, resolvedBy: null },
    )
    .where(eq(briefingComments.id, root.id));
  await recordAudit(tx, {
    actor,
    action: resolved ? "comment.resolved" : "comment.reopened",
    entity: "briefing",
    entityId: root.briefingId,
    detail: { commentId: root.id, revision: root.revision },
  });
}
