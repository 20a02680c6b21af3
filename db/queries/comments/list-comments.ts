import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { isAdmin, type Actor } from "@/lib/auth/actor";
import { briefingPermissionForAny } from "@/lib/briefing/permissions";
import { getDb, withReadTransaction, type Database, type Tx } from "../../client";
import { briefingComments, briefings, facts, topics, users } from "../../schema";
import { canSeeFact } from "../_fact-visibility";
import { loadBriefingFor } from "../briefings/_access";

export interface ListCommentsOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/** Where a comment is: the whole briefing, a section (its topic), or one fact in a section. */
export interface CommentAnchor {
  kind: "briefing" | "section" | "fact";
  topicId: string | null;
  topicTitle: string | null;
  factId: string | null;
  /** The fact's text now, to quote beside the comment. */
  factText: string | null;
}

export interface CommentView {
  id: string;
  briefingId: string;
  /** The revision of the briefing it was made on. */
  revision: number;
  author: { id: string; name: string };
  body: string;
  createdAt: string;
  anchor: CommentAnchor;
}

/** A comment and its replies (oldest first); resolving and reopening act on the thread. */
export interface CommentThread extends CommentView {
  replies: CommentView[];
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  /** An earlier revision's thread, or this briefing is final: shown, never changed. */
  readOnly: boolean;
  /** Whether the actor may resolve or reopen it (owner, editors, its author) now. */
  canResolve: boolean;
  /** Whether the actor may reply now. */
  canReply: boolean;
}

export interface CommentList {
  /** This revision's threads, oldest first. */
  threads: CommentThread[];
  /** The earlier revisions' threads (following briefings.previous_id), newest revision first: history, read-only. */
  earlier: CommentThread[];
  /** Whether the actor may add a comment to this revision now. */
  canComment: boolean;
}

/** The revisions before a briefing, newest first, following previous_id (at most 100). */
async function earlierRevisions(tx: Tx, previousId: string | null): Promise<string[]> {
  const ids: string[] = [];
  for (let id = previousId; id && ids.length < 100 && !ids.includes(id);) {
    ids.push(id);
    const [row] = await tx.select({ previousId: briefings.previousId }).from(briefings).where(eq(briefings.id, id));
    id = row?.previousId ?? null;
  }
  return ids;
}

/**
 * A briefing's comments for anyone who may view it (404 for anyone else): its own threads, and
 * those of its earlier revisions as read-only history, each with its anchor, author and replies,
 * and what the actor may do with them. Comments never print.
 */
export async function listComments({ actor, briefingId, db = getDb() }: ListCommentsOptions): Promise<CommentList> {
  return withReadTransaction(db, async (tx) => {
    const access = await loadBriefingFor(tx, actor, briefingId, "view");
    const may = (operation: "comment" | "resolveComment") =>
      briefingPermissionForAny({
        relationships: access.relationships,
        operation,
        state: access.state,
        isAdmin: isAdmin(actor),
      }).allowed;
    const canComment = may("comment");
    const canResolveAny = may("resolveComment");
    const ids = [briefingId, ...(await earlierRevisions(tx, access.row.previousId))];
    const resolver = alias(users, "resolver");
    const rows = await tx
      .select({
        c: briefingComments,
        authorName: users.name,
        resolverName: resolver.name,
        topicTitle: topics.name,
        factText: facts.text,
        factMarking: facts.marking,
      })
      .from(briefingComments)
      .innerJoin(users, eq(users.id, briefingComments.authorId))
      .leftJoin(resolver, eq(resolver.id, briefingComments.resolvedBy))
      .leftJoin(topics, eq(topics.id, briefingComments.topicId))
      .leftJoin(facts, eq(facts.id, briefingComments.factId))
      .where(inArray(briefingComments.briefingId, ids))
      // seq breaks a tie of two comments within one millisecond: the later insert is later (a
      // random id would order them by chance).
      .orderBy(asc(briefingComments.createdAt), asc(briefingComments.seq));
    // A thread on a fact marked above the actor's level goes with the fact: its text and what
    // was said about it are theirs to read only if the fact is.
    const hiddenThreads = new Set(
      rows
        .filter((r) => r.factMarking && !canSeeFact(actor.clearanceLevel, { marking: r.factMarking }))
        .map((r) => r.c.id),
    );
    const view = (r: (typeof rows)[number]): CommentView => ({
      id: r.c.id,
      briefingId: r.c.briefingId,
      revision: r.c.revision,
      author: { id: r.c.authorId, name: r.authorName },
      body: r.c.body,
      createdAt: r.c.createdAt,
      anchor: {
        kind: r.c.factId ? "fact" : r.c.topicId ? "section" : "briefing",
        topicId: r.c.topicId,
        topicTitle: r.topicTitle,
        factId: r.c.factId,
        factText: r.factText,
      },
    });
    const threads = rows
      .filter((r) => r.c.parentId === null && !hiddenThreads.has(r.c.id))
      .map((r): CommentThread => {
        const current = r.c.briefingId === briefingId;
        const readOnly = !current || !canComment;
        return {
          ...view(r),
          replies: rows.filter((x) => x.c.parentId === r.c.id).map(view),
          resolvedAt: r.c.resolvedAt,
          resolvedBy: r.c.resolvedBy ? { id: r.c.resolvedBy, name: r.resolverName ?? "" } : null,
          readOnly,
          canResolve: !readOnly && (canResolveAny || r.c.authorId === actor.userId),
          canReply: !readOnly,
        };
      });
    return {
      threads: threads.filter((t) => t.briefingId === briefingId),
      earlier: threads
        .filter((t) => t.briefingId !== briefingId)
        .sort((a, b) => b.revision - a.revision || a.createdAt.localeCompare(b.createdAt)),
      canComment,
    };
  });
}
