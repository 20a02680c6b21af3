import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { changeRecord, type ReferenceRecord, type ReferenceValues } from "./_records";

/** Saves an admin's values over a record still at `version` (ConflictError if not); audited. */
export async function updateReferenceRecord<K extends ReferenceKind>({
  actor,
  kind,
  id,
  version,
  values,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  id: string;
  version: number;
  values: ReferenceValues<K>;
  db?: Database;
}): Promise<ReferenceRecord<K>> {
  assertAdmin(actor);
  return withWriteTransaction(db, (tx) =>
    changeRecord(tx, { actor, kind, id, version, action: `${kind}.updated`, values }),
  );
}
