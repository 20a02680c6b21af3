import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { setThreadResolved } from "./_comment-rows";

export interface ResolveCommentOptions {
  actor: Actor;
  /** A thread's first comment (or one of its replies, which stands for the thread). */
  commentId: string;
  db?: Database;
}

/**
 * Resolves a comment thread: the briefing's owner and editors, or the thread's author (see
 * setThreadResolved in ./_comment-rows.ts for the refusals). Audited as comment.resolved.
 */
export async function resolveComment({ actor, commentId, db = getDb() }: ResolveCommentOptions): Promise<void> {
  await withWriteTransaction(db, (tx) => setThreadResolved(tx, actor, commentId, true));
}
