import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ReferenceKind } from "@/lib/model/reference-data";
import type { Tx } from "../../client";
import { dialect } from "../../dialect";
import { meetings, parties, people, topics } from "../../schema";
import { recordAudit } from "../_record-audit";

/*
 * What the reference-data operations (one per file in this folder) share. Admins edit the
 * four kinds with the rules facts have: a version checked on every change, an audit row per
 * change, soft delete refused while anything live refers to the record.
 *
 * The operations are generic in the kind, so a caller naming "party" passes a party's values
 * and gets a Party back. Inside, a table is the union of the four: drizzle then checks every
 * query against all of them (a column only one table has is refused), with no casts.
 */

const REFERENCE_TABLES = { party: parties, topic: topics, person: people, meeting: meetings } as const;
type ReferenceTable = (typeof REFERENCE_TABLES)[ReferenceKind];

/** A stored record of one kind: Party, Topic, Person or Meeting. */
export type ReferenceRecord<K extends ReferenceKind = ReferenceKind> = (typeof REFERENCE_TABLES)[K]["$inferSelect"];

/** What an admin sets on a record of one kind: its columns but the id and the bookkeeping. */
export type ReferenceValues<K extends ReferenceKind> = Omit<
  (typeof REFERENCE_TABLES)[K]["$inferInsert"],
  "id" | "version" | "createdAt" | "updatedAt" | "deletedAt"
>;

/** Columns a change sets, of any kind (deletion and the trash set `deletedAt`). */
export type ReferenceChange = Partial<ReferenceTable["$inferInsert"]>;

/** The table of a kind, typed as the union of the four so queries are checked against each. */
export function tableOf(kind: ReferenceKind): ReferenceTable {
  return REFERENCE_TABLES[kind];
}

/** The record of `kind` with `id`, live or in the trash. */
export async function findRecord(
  tx: Tx,
  kind: ReferenceKind,
  id: string,
  where: "live" | "trash" = "live",
): Promise<ReferenceRecord | undefined> {
  const t = tableOf(kind);
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.id, id), where === "live" ? isNull(t.deletedAt) : isNotNull(t.deletedAt)))
    .limit(1);
  return row;
}

/** What the audit log keeps of a record: all but its timestamps. */
export function snapshot({ createdAt: _c, updatedAt: _u, ...rest }: ReferenceRecord) {
  return rest;
}

/** Runs a write, answering a broken UNIQUE constraint (a party's name or ISO code) at its field. */
export async function withUniqueFields<T>(kind: ReferenceKind, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const column = dialect.uniqueViolationColumn(error);
    if (!column) throw error;
    const field = column.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
    throw new ValidationError("Another record already has this value.", {
      [field]: [`Another ${kind} already has this value.`],
    });
  }
}

/**
 * A meeting's host must be a live party, whether the meeting is created, changed, restored
 * to an earlier version or taken out of the trash (the host may have been deleted since).
 */
export async function checkHost(tx: Tx, kind: ReferenceKind, values: object): Promise<void> {
  const host = kind === "meeting" && "hostPartyId" in values ? values.hostPartyId : undefined;
  if (typeof host !== "string") return;
  const [live] = await tx
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.id, host), isNull(parties.deletedAt)))
    .limit(1);
  if (!live)
    throw new ValidationError(`The host party ${host} does not exist (it may have been deleted).`, {
      hostPartyId: ["No such party (it may have been deleted)."],
    });
}

/**
 * Sets `values` on the record if it is still at `version`, moving it to the next version.
 * Undefined when it is not (someone else saved first).
 */
export async function updateAtVersion(
  tx: Tx,
  kind: ReferenceKind,
  id: string,
  version: number,
  values: ReferenceChange,
): Promise<ReferenceRecord | undefined> {
  const t = tableOf(kind);
  const [row] = await withUniqueFields(kind, () =>
    tx
      .update(t)
      .set({ ...values, version: sql`${t.version} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(t.id, id), eq(t.version, version)))
      .returning(),
  );
  return row;
}

/**
 * Changes a live record that is still at `version` and audits it as `action`. A stale
 * version is a ConflictError carrying what is stored now, which the form shows beside the
 * admin's values.
 */
export async function changeRecord(
  tx: Tx,
  change: {
    actor: Actor;
    kind: ReferenceKind;
    id: string;
    version: number;
    action: string;
    values: ReferenceChange;
  },
): Promise<ReferenceRecord> {
  const { actor, kind, id, version, action, values } = change;
  const before = await findRecord(tx, kind, id);
  if (!before) throw new NotFoundError(`No such ${kind}.`);
  const stale = (current: ReferenceRecord) =>
    new ConflictError(
      `Someone else saved this ${kind} meanwhile (now version ${current.version}). Their values are shown beside yours; save again to keep yours.`,
      current,
    );
  if (before.version !== version) throw stale(before);
  await checkHost(tx, kind, values);
  const after = await updateAtVersion(tx, kind, id, version, values);
  if (!after) throw stale((await findRecord(tx, kind, id)) ?? before);
  await recordAudit(tx, {
    actor,
    action,
    entity: kind,
    entityId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}
