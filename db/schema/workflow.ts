import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { CLEARANCE_STATUSES, COMMENT_MAX_CHARS, SHARE_ACCESS } from "@/lib/model/briefings";
import { briefings } from "./briefings";
import { cleanTextCheck } from "./columns";
import { facts } from "./facts";
import { topics } from "./parties";
import { users } from "./users";

/*
 * The ministry's workflow around a briefing (issue 15): sharing it with colleagues, comments,
 * and clearance. Who may do what is one rule, lib/briefing/permissions.ts, applied by
 * db/queries/briefings/_access.ts.
 */

const nowIso = () => new Date().toISOString();

/** Colleagues a briefing is shared with, by its owner: each can view (and comment) or also edit. */
export const briefingShares = sqliteTable(
  "briefing_shares",
  {
    briefingId: text("briefing_id")
      .notNull()
      .references(() => briefings.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    access: text("access", { enum: SHARE_ACCESS }).notNull(),
    sharedBy: text("shared_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull().$defaultFn(nowIso),
    updatedAt: text("updated_at").notNull().$defaultFn(nowIso),
  },
  (t) => [
    primaryKey({ columns: [t.briefingId, t.userId] }),
    // "Shared with me" and the inbox: one user's shares, newest first.
    index("briefing_shares_user_idx").on(t.userId, t.createdAt),
    check("briefing_shares_access_known", sql`${t.access} IN ('view', 'edit')`),
  ],
);

/**
 * A comment on a briefing: on the whole of it (no topic, no fact), on a section (topic_id) or
 * on one fact in it (fact_id and its section's topic_id). A reply names its thread's first
 * comment as parent and has its anchor. Comments keep the revision they were made on and never
 * print. Only a thread's first comment is resolved or reopened.
 */
export const briefingComments = sqliteTable(
  "briefing_comments",
  {
    id: text("id").primaryKey(),
    /**
     * Insertion order, assigned by a trigger on insert (drizzle/0013): breaks a tie of two
     * comments within one millisecond (the later insert is later) on both engines, where a
     * rowid would not exist (PostgreSQL) or could be renumbered by VACUUM. Never set by
     * application code.
     */
    seq: integer("seq").unique(),
    briefingId: text("briefing_id")
      .notNull()
      .references(() => briefings.id),
    revision: integer("revision").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    topicId: text("topic_id").references(() => topics.id),
    factId: text("fact_id").references(() => facts.id),
    parentId: text("parent_id").references((): AnySQLiteColumn => briefingComments.id),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().$defaultFn(nowIso),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id),
  },
  (t) => [
    index("briefing_comments_briefing_idx").on(t.briefingId, t.createdAt),
    // The inbox's "new comments": the newest first, for briefings the user owns or edits.
    index("briefing_comments_created_idx").on(t.createdAt),
    check("briefing_comments_body_clean", cleanTextCheck(t.body)),
    check(
      "briefing_comments_body_length",
      sql`length(trim(${t.body})) > 0 AND length(${t.body}) <= ${sql.raw(String(COMMENT_MAX_CHARS))}`,
    ),
    check("briefing_comments_fact_in_section", sql`${t.factId} IS NULL OR ${t.topicId} IS NOT NULL`),
    check("briefing_comments_resolved_by_whom", sql`(${t.resolvedAt} IS NULL) = (${t.resolvedBy} IS NULL)`),
  ],
);

/**
 * A briefing submitted for clearance to one or more clearers (clearance_request_clearers), any
 * one of whom decides. Approval records the briefing's version and the SHA-256 of its document
 * as it would print (lib/briefing/clearance.ts): the briefing is cleared while its latest
 * request is approved and both still match.
 */
export const clearanceRequests = sqliteTable(
  "clearance_requests",
  {
    id: text("id").primaryKey(),
    /**
     * Insertion order, assigned by a trigger on insert (drizzle/0013): breaks a tie of two
     * requests within one millisecond (the later insert is later) on both engines, where a
     * rowid would not exist (PostgreSQL) or could be renumbered by VACUUM. Never set by
     * application code.
     */
    seq: integer("seq").unique(),
    briefingId: text("briefing_id")
      .notNull()
      .references(() => briefings.id),
    submittedBy: text("submitted_by")
      .notNull()
      .references(() => users.id),
    note: text("note"),
    submittedAt: text("submitted_at").notNull().$defaultFn(nowIso),
    status: text("status", { enum: CLEARANCE_STATUSES }).notNull().default("pending"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    decisionComment: text("decision_comment"),
    /** The briefing's version when submitted (it cannot change while pending), so when approved. */
    briefingVersion: integer("briefing_version").notNull(),
    /** Set on approval: SHA-256 of the document as it would print (lib/briefing/clearance.ts). */
    documentHash: text("document_hash"),
  },
  (t) => [
    // A briefing's latest request.
    index("clearance_requests_briefing_idx").on(t.briefingId, t.submittedAt),
    check("clearance_requests_status_known", sql`${t.status} IN ('pending', 'approved', 'returned', 'withdrawn')`),
    check("clearance_requests_note_clean", cleanTextCheck(t.note)),
    check("clearance_requests_comment_clean", cleanTextCheck(t.decisionComment)),
    check(
      "clearance_requests_decided",
      sql`(${t.status} = 'pending') = (${t.decidedAt} IS NULL) AND (${t.decidedAt} IS NULL) = (${t.decidedBy} IS NULL)`,
    ),
    check("clearance_requests_approved_hash", sql`${t.status} <> 'approved' OR ${t.documentHash} IS NOT NULL`),
  ],
);

/** The clearers a request names. */
export const clearanceRequestClearers = sqliteTable(
  "clearance_request_clearers",
  {
    requestId: text("request_id")
      .notNull()
      .references(() => clearanceRequests.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.userId] }),
    // "Awaiting my clearance": a clearer's requests.
    index("clearance_request_clearers_user_idx").on(t.userId, t.requestId),
  ],
);

export type BriefingShare = typeof briefingShares.$inferSelect;
export type BriefingComment = typeof briefingComments.$inferSelect;
export type ClearanceRequest = typeof clearanceRequests.$inferSelect;
