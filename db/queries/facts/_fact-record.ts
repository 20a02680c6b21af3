import { and, eq, isNull } from "drizzle-orm";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { factParties, facts, factTopics, type Fact } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";

/*
 * Internal to db/queries/facts: reading one fact inside a transaction the caller opened.
 * It checks no permission; the exported operations beside it do.
 */

/** A fact with the ids of its parties and topics (sorted), as the admin pages and history see it. */
export type FactRecord = Fact & { partyIds: string[]; topicIds: string[] };

/**
 * Reads one fact with its links through `tx`; deleted ones only when asked. A fact marked above
 * `level` (the reader's clearance level) is not there for them: undefined, as for no such fact.
 */
export async function loadFactRecord(
  tx: Tx,
  id: string,
  opts: { level: ClearanceLevel; includeDeleted?: boolean },
): Promise<FactRecord | undefined> {
  const [fact] = await tx
    .select()
    .from(facts)
    .where(and(eq(facts.id, id), factVisibleTo(opts.level), opts.includeDeleted ? undefined : isNull(facts.deletedAt)))
    .limit(1);
  if (!fact) return undefined;
  const partyRows = await tx.select({ id: factParties.partyId }).from(factParties).where(eq(factParties.factId, id));
  const topicRows = await tx.select({ id: factTopics.topicId }).from(factTopics).where(eq(factTopics.factId, id));
  return { ...fact, partyIds: partyRows.map((r) => r.id).sort(), topicIds: topicRows.map((r) => r.id).sort() };
}
