import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { factSnapshot } from "@/lib/admin/fact-snapshot";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { markingAtMost, type Marking } from "@/lib/model/handling";
import type { FactInput } from "@/lib/validation/fact";
import type { Tx } from "../../client";
import { factParties, facts, factTopics, meetings, parties, sources, topics } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadFactRecord, type FactRecord } from "./_fact-record";

/*
 * Internal to db/queries/facts: the steps the fact operations share, each run inside the
 * write transaction the operation opened. They check no permission; the operations do.
 */

/** The fact's own columns from validated input (links are written separately). */
export type FactData = Omit<FactInput, "id" | "version" | "partyIds" | "topicIds">;
export type FactLinks = Pick<FactInput, "partyIds" | "topicIds">;

// The command line acts as "system", which has no users row for created_by to point at.
export const userRef = (actor: Actor) => (actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId);

export function splitFactInput(input: FactInput): { data: FactData; links: FactLinks } {
  const { id: _id, version: _version, partyIds, topicIds, ...data } = input;
  return { data, links: { partyIds, topicIds } };
}

/** Rules that need the database: the references exist and the quote is verbatim in its source. */
export async function checkFactReferences(tx: Tx, input: FactData & FactLinks): Promise<void> {
  const errors: Record<string, string[]> = {};
  const [source] = await tx
    .select({ fullText: sources.fullText })
    .from(sources)
    .where(and(eq(sources.id, input.sourceId), isNull(sources.deletedAt)))
    .limit(1);
  if (!source) errors.sourceId = ["No such source."];
  else if (!source.fullText.includes(input.quote)) {
    errors.quote = [
      "The quote is not in the source's text. Copy it exactly as the article has it (same words, punctuation and spacing).",
    ];
  }
  if (input.meetingId) {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), isNull(meetings.deletedAt)))
      .limit(1);
    if (!meeting) errors.meetingId = ["No such meeting."];
  }
  const known = async (table: typeof parties | typeof topics, ids: string[]) =>
    (
      await tx
        .select({ id: table.id })
        .from(table)
        .where(and(inArray(table.id, ids), isNull(table.deletedAt)))
    ).length === ids.length;
  if (!(await known(parties, input.partyIds))) errors.partyIds = ["One of the parties does not exist."];
  if (!(await known(topics, input.topicIds))) errors.topicIds = ["One of the topics does not exist."];
  if (Object.keys(errors).length) throw new ValidationError("Some fields need attention.", errors);
}

/**
 * An admin marks facts at most at their own clearance level: a fact they could not see
 * afterwards is refused at the marking field, saying why.
 */
export function checkMarkingWithinClearance(actor: Actor, marking: Marking): void {
  if (markingAtMost(marking, actor.clearanceLevel)) return;
  const reason = `You are cleared to ${actor.clearanceLevel}: you cannot mark a fact ${marking}.`;
  throw new ValidationError(reason, { marking: [reason] });
}

/** Replaces a fact's parties and topics. */
export async function writeFactLinks(tx: Tx, id: string, links: FactLinks): Promise<void> {
  await tx.delete(factParties).where(eq(factParties.factId, id));
  await tx.delete(factTopics).where(eq(factTopics.factId, id));
  for (const partyId of links.partyIds) await tx.insert(factParties).values({ factId: id, partyId });
  for (const topicId of links.topicIds) await tx.insert(factTopics).values({ factId: id, topicId });
}

export function factStaleError(current: FactRecord) {
  return new ConflictError<FactRecord>(
    `Someone else saved this fact while you were editing it (it is now at version ${current.version}). Compare and choose, then save again.`,
    current,
  );
}

/**
 * Applies `change` to the fact if it is still at `version` (compare-and-set in the UPDATE
 * itself, so two saves of the same version cannot both pass); otherwise ConflictError with
 * what is stored now. Audited with before and after in the same transaction. A fact marked
 * above the actor's clearance level is not found; a change marking it above that is refused.
 */
export async function changeFact(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  change: { data?: FactData; links?: FactLinks; deletedAt?: string | null },
  opts: { includeDeleted?: boolean } = {},
): Promise<FactRecord> {
  const before = await loadFactRecord(tx, id, { level: actor.clearanceLevel, includeDeleted: true });
  if (!before || (before.deletedAt && !opts.includeDeleted))
    throw new NotFoundError("No such fact (it may have been deleted).");
  if (before.version !== version) throw factStaleError(before);
  if (change.data) checkMarkingWithinClearance(actor, change.data.marking);
  const updated = await tx
    .update(facts)
    .set({
      ...change.data,
      ...(change.deletedAt !== undefined ? { deletedAt: change.deletedAt } : {}),
      version: sql`${facts.version} + 1`,
      updatedAt: new Date().toISOString(),
      updatedBy: userRef(actor),
    })
    .where(and(eq(facts.id, id), eq(facts.version, version)))
    .returning({ id: facts.id });
  if (updated.length !== 1)
    throw factStaleError((await loadFactRecord(tx, id, { level: actor.clearanceLevel, includeDeleted: true }))!);
  if (change.links) await writeFactLinks(tx, id, change.links);
  const after = (await loadFactRecord(tx, id, { level: actor.clearanceLevel, includeDeleted: true }))!;
  await recordAudit(tx, {
    actor,
    action,
    entity: "fact",
    entityId: id,
    before: factSnapshot(before),
    after: factSnapshot(after),
  });
  return after;
}
