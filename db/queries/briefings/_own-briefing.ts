import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { briefingContentSchema, type BriefingContent } from "@/lib/validation/briefing";
import type { Tx } from "../../client";
import { briefingItems, briefings, briefingSections, type Briefing } from "../../schema";

/*
 * Helpers of the briefing operations in this folder, on the transaction they are given. They
 * check nothing beyond ownership: only the operations (each exported from its own file) are
 * called from outside the data layer.
 */

/** How long a deleted briefing stays in the list and can be restored. */
export const RESTORE_DAYS = 30;

/** Deleted at or before this instant: gone for good (not listed, not restorable). */
export const restoreCutoff = () => new Date(Date.now() - RESTORE_DAYS * 86_400_000).toISOString();

/** A briefing is only ever visible to its owner — admins included; anyone else gets 404. */
export async function loadOwnBriefing(
  tx: Tx,
  actor: Actor,
  briefingId: string,
  opts: { includeDeleted?: boolean } = {},
): Promise<Briefing> {
  const [row] = await tx
    .select()
    .from(briefings)
    .where(and(eq(briefings.id, briefingId), eq(briefings.ownerId, actor.userId)))
    .limit(1);
  if (!row || (row.deletedAt && !opts.includeDeleted)) throw new NotFoundError("No such briefing.");
  return row;
}

export function parseContent(row: Pick<Briefing, "content">): BriefingContent {
  return briefingContentSchema.parse(row.content ?? {});
}

/** Copies a briefing (its text, sections, items and notes) into a new draft of the actor's. */
export async function copyBriefing(
  tx: Tx,
  actor: Actor,
  source: Briefing,
  opts: { revision: number; previousId: string | null; title: string },
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
  return id;
}
