import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { checkHost, findRecord, snapshot, updateAtVersion, type ReferenceRecord } from "./_records";

/** Brings a record back from the trash: version-checked and audited like any change. */
export async function undeleteReferenceRecord<K extends ReferenceKind>({
  actor,
  kind,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  id: string;
  version: number;
  db?: Database;
}): Promise<ReferenceRecord<K>> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const before = await findRecord(tx, kind, id, "trash");
    if (!before) throw new NotFoundError(`No such ${kind} in the trash.`);
    const stale = (current: ReferenceRecord) =>
      new ConflictError(`Someone else changed this ${kind} meanwhile; reload the trash.`, current);
    if (before.version !== version) throw stale(before);
    await checkHost(tx, kind, before);
    const after = await updateAtVersion(tx, kind, id, version, { deletedAt: null });
    if (!after) throw stale((await findRecord(tx, kind, id, "trash")) ?? before);
    await recordAudit(tx, {
      actor,
      action: `${kind}.undeleted`,
      entity: kind,
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
