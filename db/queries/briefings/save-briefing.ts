import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { BriefingContent, BriefingEdit } from "@/lib/validation/briefing";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { briefingItems, briefings, briefingSections } from "../../schema";
import { loadOwnBriefing, parseContent } from "./_own-briefing";

export interface SaveBriefingOptions {
  actor: Actor;
  briefingId: string;
  edit: BriefingEdit;
  db?: Database;
}

/**
 * Saves the composer's state to the actor's own draft (404 for anyone else's). Refused for a
 * finalised briefing (400), or from a stale version (409): the edit carries the version it
 * was made on, and the row is updated only while it still has that version.
 */
export async function saveBriefing({
  actor,
  briefingId,
  edit,
  db = getDb(),
}: SaveBriefingOptions): Promise<{ version: number }> {
  return withWriteTransaction(db, async (tx) => {
    const row = await loadOwnBriefing(tx, actor, briefingId);
    if (row.status !== "draft")
      throw new ValidationError("A finalised briefing cannot be changed; start a new revision.");
    const content: BriefingContent = {
      ...parseContent(row),
      marking: edit.marking,
      purpose: edit.purpose,
      keyMessages: edit.keyMessages,
      background: edit.background,
      occasion: edit.occasion,
    };
    // Optimistic locking: no row back means another save moved the version on. The checks
    // below run after it, and a refusal there rolls this update back with the rest.
    const [updated] = await tx
      .update(briefings)
      .set({
        title: edit.title,
        content,
        version: sql`${briefings.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(briefings.id, briefingId), eq(briefings.version, edit.version)))
      .returning({ version: briefings.version });
    if (!updated)
      throw new ConflictError(
        "This briefing was saved elsewhere since you opened it. Reload to see that version; your changes are still on this page.",
        { version: row.version },
      );

    const existing = await tx
      .select({ factId: briefingItems.factId })
      .from(briefingItems)
      .where(eq(briefingItems.briefingId, briefingId));
    const known = new Set(existing.map((i) => i.factId));
    const sent = edit.sections.flatMap((s) => s.items.map((i) => i.factId));
    if (sent.length !== known.size || new Set(sent).size !== sent.length || sent.some((id) => !known.has(id))) {
      throw new ValidationError("The facts sent do not match this briefing; reload the page.");
    }
    // The sections are rearranged, never added: the same topics come back, each once.
    const topicsBefore = new Set(
      (
        await tx
          .select({ topicId: briefingSections.topicId })
          .from(briefingSections)
          .where(eq(briefingSections.briefingId, briefingId))
      ).map((s) => s.topicId),
    );
    const topicsSent = edit.sections.map((s) => s.topicId);
    if (
      topicsSent.length !== topicsBefore.size ||
      new Set(topicsSent).size !== topicsSent.length ||
      topicsSent.some((id) => !topicsBefore.has(id))
    ) {
      throw new ValidationError("The sections sent do not match this briefing; reload the page.");
    }

    await tx.delete(briefingSections).where(eq(briefingSections.briefingId, briefingId));
    if (edit.sections.length)
      await tx
        .insert(briefingSections)
        .values(edit.sections.map((s, position) => ({ briefingId, topicId: s.topicId, position })));
    for (const s of edit.sections) {
      for (const [position, item] of s.items.entries()) {
        await tx
          .update(briefingItems)
          .set({ topicId: s.topicId, position, included: item.included, note: item.note || null })
          .where(and(eq(briefingItems.briefingId, briefingId), eq(briefingItems.factId, item.factId)));
      }
    }
    return { version: updated.version };
  });
}
