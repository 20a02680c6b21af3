import { eq } from "drizzle-orm";
import { meetingRecordShape, partyRecord, personRecord, topicRecord } from "@/lib/admin/fact-base-format";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { auditLog } from "../../schema";
import { changeRecord, type ReferenceRecord } from "./_records";

/** What an audit row keeps of each kind (see `snapshot`): the record but its timestamps. */
const SNAPSHOT_SCHEMAS = {
  party: partyRecord.omit({ createdAt: true, updatedAt: true }),
  topic: topicRecord.omit({ createdAt: true, updatedAt: true }),
  person: personRecord.omit({ createdAt: true, updatedAt: true }),
  meeting: meetingRecordShape.omit({ createdAt: true, updatedAt: true, sources: true }),
} as const;

/**
 * Puts a record back to how an audit row recorded it (its `after`): a new change, audited
 * and version-checked like any edit. Deletion state is not restored (the trash does that).
 */
export async function restoreReferenceRecordVersion<K extends ReferenceKind>({
  actor,
  kind,
  id,
  version,
  auditId,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  id: string;
  version: number;
  auditId: number;
  db?: Database;
}): Promise<ReferenceRecord<K>> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const [entry] = await tx.select().from(auditLog).where(eq(auditLog.id, auditId)).limit(1);
    const parsed =
      entry?.entity === kind && entry.entityId === id ? SNAPSHOT_SCHEMAS[kind].safeParse(entry.after) : undefined;
    if (!parsed?.success) throw new NotFoundError(`No such version of this ${kind}.`);
    const { id: _id, version: _v, deletedAt: _d, ...values } = parsed.data;
    return changeRecord(tx, { actor, kind, id, version, action: `${kind}.version_restored`, values });
  });
}
