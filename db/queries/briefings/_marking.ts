import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { derivedMarking, type Marking } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { briefingItems, briefings, facts } from "../../schema";

/**
 * A briefing's minimum marking (lib/model/handling.ts derivedMarking): the highest marking of
 * the facts it includes, deleted facts (which do not print) aside.
 */
export async function briefingMinimumMarking(tx: Tx, briefingId: string): Promise<Marking> {
  const rows = await tx
    .select({ marking: facts.marking })
    .from(briefingItems)
    .innerJoin(facts, eq(facts.id, briefingItems.factId))
    .where(and(eq(briefingItems.briefingId, briefingId), eq(briefingItems.included, true), isNull(facts.deletedAt)));
  return derivedMarking(rows);
}

/**
 * The highest marking among the facts briefings print: those included, live for a draft, and
 * for a finalised one every fact it froze (deleted since or not). What a colleague given them
 * (shared, asked to clear, handed over) must be cleared to. OFFICIAL for none.
 */
export async function highestPrintedMarking(tx: Tx, briefingIds: string[]): Promise<Marking> {
  if (briefingIds.length === 0) return derivedMarking([]);
  const rows = await tx
    .select({ marking: facts.marking })
    .from(briefingItems)
    .innerJoin(facts, eq(facts.id, briefingItems.factId))
    .innerJoin(briefings, eq(briefings.id, briefingItems.briefingId))
    .where(
      and(
        inArray(briefingItems.briefingId, briefingIds),
        eq(briefingItems.included, true),
        or(isNull(facts.deletedAt), eq(briefings.status, "final")),
      ),
    );
  return derivedMarking(rows);
}
