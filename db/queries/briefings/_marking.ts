import { and, eq, isNull } from "drizzle-orm";
import { derivedMarking, type Marking } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { briefingItems, facts } from "../../schema";

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
