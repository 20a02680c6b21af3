import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { assertAdmin, SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { factSnapshot, storedFactSnapshotSchema } from "@/lib/admin/fact-snapshot";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { FactInput } from "@/lib/validation/fact";
import { getDb, writeTransaction, type DB } from "../client";
import { auditLog, factParties, facts, factTopics, meetings, parties, sources, topics } from "../schema";
import { recordAudit } from "./audit";
import { loadFactRecord, type FactRecord } from "./facts";

/** The fact's own columns from validated input (links are written separately). */
type FactData = Omit<FactInput, "id" | "version" | "partyIds" | "topicIds">;
type Links = Pick<FactInput, "partyIds" | "topicIds">;

// The command line acts as "system", which has no users row for created_by to point at.
const userRef = (actor: Actor) => (actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId);

/** Rules that need the database: the references exist and the quote is verbatim in its source. */
function checkReferences(tx: DB, input: FactData & Links): void {
  const errors: Record<string, string[]> = {};
  const source = tx
    .select({ fullText: sources.fullText })
    .from(sources)
    .where(and(eq(sources.id, input.sourceId), isNull(sources.deletedAt)))
    .get();
  if (!source) errors.sourceId = ["No such source."];
  else if (!source.fullText.includes(input.quote)) {
    errors.quote = [
      "The quote is not in the source's text. Copy it exactly as the article has it (same words, punctuation and spacing).",
    ];
  }
  if (
    input.meetingId &&
    !tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), isNull(meetings.deletedAt)))
      .get()
  ) {
    errors.meetingId = ["No such meeting."];
  }
  const known = (table: typeof parties | typeof topics, ids: string[]) =>
    tx
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, ids), isNull(table.deletedAt)))
      .all().length === ids.length;
  if (!known(parties, input.partyIds)) errors.partyIds = ["One of the parties does not exist."];
  if (!known(topics, input.topicIds)) errors.topicIds = ["One of the topics does not exist."];
  if (Object.keys(errors).length) throw new ValidationError("Some fields need attention.", errors);
}

function writeLinks(tx: DB, id: string, links: Links): void {
  tx.delete(factParties).where(eq(factParties.factId, id)).run();
  tx.delete(factTopics).where(eq(factTopics.factId, id)).run();
  for (const partyId of links.partyIds) tx.insert(factParties).values({ factId: id, partyId }).run();
  for (const topicId of links.topicIds) tx.insert(factTopics).values({ factId: id, topicId }).run();
}

function splitInput(input: FactInput): { data: FactData; links: Links } {
  const { id: _id, version: _version, partyIds, topicIds, ...data } = input;
  return { data, links: { partyIds, topicIds } };
}

export function createFact({ actor, input, db = getDb() }: { actor: Actor; input: FactInput; db?: DB }): FactRecord {
  assertAdmin(actor);
  const { data, links } = splitInput(input);
  return writeTransaction(db, (tx) => {
    checkReferences(tx, { ...data, ...links });
    const id = input.id ?? `fact-${randomUUID()}`;
    if (tx.select({ id: facts.id }).from(facts).where(eq(facts.id, id)).get())
      throw new ValidationError("A fact with this id exists.", { id: ["A fact with this id exists."] });
    tx.insert(facts)
      .values({ id, ...data, createdBy: userRef(actor), updatedBy: userRef(actor) })
      .run();
    writeLinks(tx, id, links);
    const after = loadFactRecord(tx, id)!;
    recordAudit(tx, { actor, action: "fact.created", entity: "fact", entityId: id, after: factSnapshot(after) });
    return after;
  });
}

/**
 * Applies `change` to the fact if it is still at `version` (compare-and-set in the UPDATE
 * itself, so two saves of the same version cannot both pass); otherwise ConflictError with
 * what is stored now. Audited with before and after in the same transaction.
 */
function changeFact(
  tx: DB,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  change: { data?: FactData; links?: Links; deletedAt?: string | null },
  opts: { includeDeleted?: boolean } = {},
): FactRecord {
  const before = loadFactRecord(tx, id, { includeDeleted: true });
  if (!before || (before.deletedAt && !opts.includeDeleted))
    throw new NotFoundError("No such fact (it may have been deleted).");
  if (before.version !== version) throw staleError(before);
  const updated = tx
    .update(facts)
    .set({
      ...change.data,
      ...(change.deletedAt !== undefined ? { deletedAt: change.deletedAt } : {}),
      version: sql`${facts.version} + 1`,
      updatedAt: new Date().toISOString(),
      updatedBy: userRef(actor),
    })
    .where(and(eq(facts.id, id), eq(facts.version, version)))
    .run();
  if (updated.changes !== 1) throw staleError(loadFactRecord(tx, id, { includeDeleted: true })!);
  if (change.links) writeLinks(tx, id, change.links);
  const after = loadFactRecord(tx, id, { includeDeleted: true })!;
  recordAudit(tx, {
    actor,
    action,
    entity: "fact",
    entityId: id,
    before: factSnapshot(before),
    after: factSnapshot(after),
  });
  return after;
}

function staleError(current: FactRecord) {
  return new ConflictError<FactRecord>(
    `Someone else saved this fact while you were editing it (it is now at version ${current.version}). Compare and choose, then save again.`,
    current,
  );
}

export function updateFact({
  actor,
  id,
  version,
  input,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  input: FactInput;
  db?: DB;
}): FactRecord {
  assertAdmin(actor);
  const { data, links } = splitInput(input);
  return writeTransaction(db, (tx) => {
    checkReferences(tx, { ...data, ...links });
    return changeFact(tx, actor, id, version, "fact.updated", { data, links });
  });
}

/** Moves a fact to the trash (soft delete); version-checked. */
export function deleteFact({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: DB;
}): FactRecord {
  assertAdmin(actor);
  return writeTransaction(db, (tx) =>
    changeFact(tx, actor, id, version, "fact.deleted", { deletedAt: new Date().toISOString() }),
  );
}

/**
 * Takes a fact back out of the trash; version-checked. Refused while what it refers to has
 * changed under it meanwhile (its source deleted or its quote edited out of it, its meeting,
 * a party or a topic deleted): restoring it would put a fact without provenance back.
 */
export function undeleteFact({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: DB;
}): FactRecord {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const stored = loadFactRecord(tx, id, { includeDeleted: true });
    if (stored && stored.version !== version) throw staleError(stored);
    if (stored) {
      try {
        checkReferences(tx, stored);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const reasons = Object.values(error.fieldErrors).flat().join(" ");
        throw new ValidationError(
          `This fact cannot be restored as it stands: ${reasons} Restore or fix what it refers to first.`,
          error.fieldErrors,
        );
      }
    }
    return changeFact(tx, actor, id, version, "fact.undeleted", { deletedAt: null }, { includeDeleted: true });
  });
}

/** Puts a fact back to how an earlier audit row recorded it: a new, audited, version-checked change. */
export function restoreFactVersion({
  actor,
  id,
  version,
  auditId,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  auditId: number;
  db?: DB;
}): FactRecord {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(auditLog).where(eq(auditLog.id, auditId)).get();
    const parsed =
      row?.entity === "fact" && row.entityId === id ? storedFactSnapshotSchema.safeParse(row.after) : undefined;
    if (!parsed?.success) throw new NotFoundError("No such version of this fact.");
    const { partyIds, topicIds, ...data } = parsed.data;
    checkReferences(tx, { ...data, partyIds, topicIds });
    return changeFact(tx, actor, id, version, "fact.version_restored", { data, links: { partyIds, topicIds } });
  });
}
