import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { setThreadResolved } from "./_comment-rows";

export interface ReopenCommentOptions {
  actor: Actor;
  /** A thread's first comment (or one of its replies, which stands for the thread). */
  commentId: string;
  db?: Database;
}

/**
 * Reopens a comment thread: the briefing's owner and editors, or the thread's author (see
 * setThreadResolved in ./_comment-rows.ts for the refusals). Audited as comment.reopened.
 */
export async function reopenComment({ actor, commentId, db = getDb() }: ReopenCommentOptions): Promise<void> {
  await withWriteTransaction(db, (tx) => setThreadResolved(tx, actor, commentId, false));
}
