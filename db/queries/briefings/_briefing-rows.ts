import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { briefingContentSchema, type BriefingContent } from "@/lib/validation/briefing";
import type { Tx } from "../../client";
import { briefingItems, briefings, briefingSections, briefingShares, type Briefing } from "../../schema";
import type { BriefingRow } from "./_access";

/*
 * Helpers of the briefing operations, on the transaction they are given. They check nothing:
 * the operations (each exported from its own file) decide who may, through loadBriefingFor
 * (./_access.ts), before calling them.
 */

/** How long a deleted briefing stays in the list and can be restored. */
export const RESTORE_DAYS = 30;

/** Deleted at or before this instant: gone for good (not listed, not restorable). */
export const restoreCutoff = () => new Date(Date.now() - RESTORE_DAYS * 86_400_000).toISOString();

export function parseContent(row: Pick<Briefing, "content">): BriefingContent {
  return briefingContentSchema.parse(row.content ?? {});
}

/**
 * Copies a briefing (its text, sections, items and notes) into a new draft of the actor's.
 * With `copyShares` (a new revision) the colleagues it is shared with keep their access to the
 * new draft; a duplicate starts private. Comments and clearance are never copied: the new
 * revision shows the earlier revisions' comments read-only, and starts uncleared.
 */
export async function copyBriefing(
  tx: Tx,
  actor: Actor,
  source: BriefingRow,
  opts: { revision: number; previousId: string | null; title: string; copyShares?: boolean },
): Promise<string> {
  const id = randomUUID();
  await tx.insert(briefings).values({
    id,
    ownerId: actor.userId,
    countryId: source.countryId,
    title: opts.title,
    content: parseContent(source),
    revision: opts.revision,
    previousId: opts.previousId,
  });
  await tx.insert(briefingSections).select(
    tx
      .select({
        briefingId: sql<string>`${id}`.as("briefing_id"),
        topicId: briefingSections.topicId,
        position: briefingSections.position,
      })
      .from(briefingSections)
      .where(eq(briefingSections.briefingId, source.id)),
  );
  await tx.insert(briefingItems).select(
    tx
      .select({
        briefingId: sql<string>`${id}`.as("briefing_id"),
        factId: briefingItems.factId,
        topicId: briefingItems.topicId,
        position: briefingItems.position,
        included: briefingItems.included,
        note: briefingItems.note,
      })
      .from(briefingItems)
      .where(eq(briefingItems.briefingId, source.id)),
  );
  if (opts.copyShares) {
    const now = new Date().toISOString();
    await tx.insert(briefingShares).select(
      tx
        .select({
          briefingId: sql<string>`${id}`.as("briefing_id"),
          userId: briefingShares.userId,
          access: briefingShares.access,
          sharedBy: briefingShares.sharedBy,
          createdAt: sql<string>`${now}`.as("created_at"),
          updatedAt: sql<string>`${now}`.as("updated_at"),
        })
        .from(briefingShares)
        .where(eq(briefingShares.briefingId, source.id)),
    );
  }
  return id;
}
