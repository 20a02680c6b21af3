import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { clearedForBriefing } from "@/lib/briefing/clearance-level";
import { checkBriefingMarking, DEFAULT_MARKING, derivedMarking, type Marking } from "@/lib/model/handling";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { BriefingContent, BriefingEdit } from "@/lib/validation/briefing";
import { getDb, withWriteTransaction, type Database, type Tx } from "../../client";
import { briefingItems, briefings, briefingSections, briefingShares, facts, users } from "../../schema";
import { canSeeFact } from "../_fact-visibility";
import { loadBriefingFor, type BriefingRow } from "./_access";
import { briefingMinimumMarking } from "./_marking";
import { parseContent } from "./_briefing-rows";

export interface SaveBriefingOptions {
  actor: Actor;
  briefingId: string;
  edit: BriefingEdit;
  db?: Database;
}

/** What a refused stale save sends back: the stored version, and the briefing as it now is, to merge by hand. */
export interface SaveConflict {
  version: number;
  edit: BriefingEdit;
}

/** The briefing as the composer would post it now: what the other save left. */
async function storedEdit(tx: Tx, row: BriefingRow): Promise<BriefingEdit> {
  const content = parseContent(row);
  const sections = await tx
    .select({ topicId: briefingSections.topicId })
    .from(briefingSections)
    .where(eq(briefingSections.briefingId, row.id))
    .orderBy(asc(briefingSections.position));
  const items = await tx
    .select()
    .from(briefingItems)
    .where(eq(briefingItems.briefingId, row.id))
    .orderBy(asc(briefingItems.position));
  return {
    version: row.version,
    title: row.title,
    counterpartTitle: content.counterpartTitle,
    marking: content.marking,
    purpose: content.purpose,
    keyMessages: content.keyMessages,
    background: content.background,
    occasion: content.occasion,
    sections: sections.map((s) => ({
      topicId: s.topicId,
      items: items
        .filter((i) => i.topicId === s.topicId)
        .map((i) => ({ factId: i.factId, included: i.included, note: i.note ?? "" })),
    })),
  };
}

/**
 * A save may not newly include a fact marked above the level of anyone else the briefing is for
 * (its owner, the colleagues it is shared with): refused at the marking field, naming who and why.
 * Facts included before stay (the data layer hides them from whoever may not see them).
 */
async function checkColleaguesCleared(
  tx: Tx,
  actor: Actor,
  row: BriefingRow,
  before: { factId: string; included: boolean; marking: Marking | null }[],
  edit: BriefingEdit,
): Promise<void> {
  const wasIncluded = new Map(before.map((i) => [i.factId, i.included]));
  const markingOf = new Map(before.map((i) => [i.factId, i.marking ?? DEFAULT_MARKING]));
  const added = edit.sections
    .flatMap((s) => s.items)
    .filter((i) => i.included && !wasIncluded.get(i.factId))
    .map((i) => ({ marking: markingOf.get(i.factId) ?? DEFAULT_MARKING }));
  if (added.length === 0) return;
  const highest = derivedMarking(added);
  const colleagues = await tx
    .select({ id: users.id, name: users.name, clearanceLevel: users.clearanceLevel })
    .from(users)
    .where(
      or(
        eq(users.id, row.ownerId),
        inArray(
          users.id,
          tx.select({ id: briefingShares.userId }).from(briefingShares).where(eq(briefingShares.briefingId, row.id)),
        ),
      ),
    )
    .orderBy(asc(users.name));
  for (const colleague of colleagues.filter((c) => c.id !== actor.userId)) {
    const cleared = clearedForBriefing(colleague, highest, "this save would include");
    if (!cleared.ok) {
      const reason = `${cleared.reason} Exclude them, or remove the share.`;
      throw new ValidationError(reason, { marking: [reason] });
    }
  }
}

/**
 * Saves the composer's state to a draft the actor may edit: its owner or an editor (403 for a
 * viewer or clearer; 404 for anyone else, "This briefing is no longer shared with you." for
 * someone whose share was removed). Refused while awaiting clearance or once final (400), and
 * from a stale version (409, with the briefing as it now is: SaveConflict): the edit carries the
 * version it was made on, and the row is updated only while it still has that version. A save
 * bumps the version, which voids an approved clearance.
 */
export async function saveBriefing({
  actor,
  briefingId,
  edit,
  db = getDb(),
}: SaveBriefingOptions): Promise<{ version: number }> {
  return withWriteTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "edit");
    const stored = parseContent(row);
    const content: BriefingContent = {
      ...stored,
      counterpartTitle: edit.counterpartTitle ?? stored.counterpartTitle,
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
      throw new ConflictError<SaveConflict>(
        "This briefing was saved elsewhere since you opened it. Reload to see that version; your changes are still on this page.",
        { version: row.version, edit: await storedEdit(tx, row) },
      );

    const existing = await tx
      .select({ factId: briefingItems.factId, included: briefingItems.included, marking: facts.marking })
      .from(briefingItems)
      .leftJoin(facts, eq(facts.id, briefingItems.factId))
      .where(eq(briefingItems.briefingId, briefingId));
    // Items of facts above the saver's level were never shown to them: not expected back, kept as they are.
    const visible = existing.filter((i) => !i.marking || canSeeFact(actor.clearanceLevel, { marking: i.marking }));
    const known = new Set(visible.map((i) => i.factId));
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
    await checkColleaguesCleared(tx, actor, row, visible, edit);
    // The marking may be raised above the included facts' highest, never lowered below it.
    const minimum = await briefingMinimumMarking(tx, briefingId);
    const marking = checkBriefingMarking(edit.marking, minimum);
    if (!marking.ok) throw new ValidationError(marking.reason, { marking: [marking.reason] });
    return { version: updated.version };
  });
}
