import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { commentBodySchema } from "@/lib/validation/workflow";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefingComments, briefingItems, briefingSections, facts } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";
import { loadBriefingFor } from "../briefings/_access";
import { insertComment } from "./_comment-rows";

export interface AddCommentOptions {
  actor: Actor;
  briefingId: string;
  body: string;
  /** On a section: its topic. Leave out (with factId) for a comment on the whole briefing. */
  topicId?: string;
  /** On one fact of the briefing; its section is the one it is in now. */
  factId?: string;
  /** A reply: the comment answered. The reply joins its thread (replies to a reply join the same one) and takes its anchor. */
  parentId?: string;
  db?: Database;
}

/**
 * Adds a comment to a briefing — on the whole of it, on a section or on one fact — or a reply,
 * for anyone who may view it: owner, editors, viewers and pending clearers (404 for anyone else;
 * 400 once final, whose comments are kept as they were). The comment keeps the revision it was
 * made on. A fact or section not in the briefing, or a comment to reply to that is not on it, is
 * refused (400, 404). Audited as comment.added (ids and anchor, never the text). Returns its id.
 */
export async function addComment({
  actor,
  briefingId,
  body,
  topicId,
  factId,
  parentId,
  db = getDb(),
}: AddCommentOptions): Promise<string> {
  const words = commentBodySchema.safeParse(body);
  if (!words.success)
    throw new ValidationError(words.error.issues[0].message, { body: [words.error.issues[0].message] });
  return withWriteTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "comment");
    let anchor: { topicId: string | null; factId: string | null; parentId: string | null };
    // A fact above the actor's level (and a thread on one) is not in the briefing as they see it.
    const visibleFact = async (id: string | null) =>
      !id ||
      (
        await tx
          .select({ id: facts.id })
          .from(facts)
          .where(and(eq(facts.id, id), factVisibleTo(actor.clearanceLevel)))
          .limit(1)
      ).length > 0;
    if (parentId) {
      const [parent] = await tx
        .select()
        .from(briefingComments)
        .where(and(eq(briefingComments.id, parentId), eq(briefingComments.briefingId, briefingId)))
        .limit(1);
      if (!parent || !(await visibleFact(parent.factId))) throw new NotFoundError("No such comment on this briefing.");
      // Threads are one level deep: a reply to a reply answers the thread's first comment.
      anchor = { topicId: parent.topicId, factId: parent.factId, parentId: parent.parentId ?? parent.id };
    } else if (factId) {
      const [item] = await tx
        .select({ topicId: briefingItems.topicId })
        .from(briefingItems)
        .where(and(eq(briefingItems.briefingId, briefingId), eq(briefingItems.factId, factId)))
        .limit(1);
      if (!item || !(await visibleFact(factId))) throw new ValidationError("That fact is not in this briefing.");
      anchor = { topicId: item.topicId, factId, parentId: null };
    } else if (topicId) {
      const [section] = await tx
        .select({ topicId: briefingSections.topicId })
        .from(briefingSections)
        .where(and(eq(briefingSections.briefingId, briefingId), eq(briefingSections.topicId, topicId)))
        .limit(1);
      if (!section) throw new ValidationError("That section is not in this briefing.");
      anchor = { topicId, factId: null, parentId: null };
    } else anchor = { topicId: null, factId: null, parentId: null };
    return insertComment(tx, actor, { briefingId, revision: row.revision, body: words.data, ...anchor });
  });
}
