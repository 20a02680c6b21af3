import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { changeRecord, type ReferenceRecord } from "./_records";
import { referencesTo } from "./_references-to";

/** Soft delete, version-checked; refused with the list of what still refers to the record. */
export async function deleteReferenceRecord<K extends ReferenceKind>({
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
    const refs = await referencesTo(tx, kind, id, actor.clearanceLevel);
    if (refs.length)
      throw new ValidationError(
        `This ${kind} is still referred to, so it cannot be deleted: ${refs.slice(0, 30).join(", ")}${refs.length > 30 ? ` and ${refs.length - 30} more` : ""}.`,
      );
    const values = { deletedAt: new Date().toISOString() };
    return changeRecord(tx, { actor, kind, id, version, action: `${kind}.deleted`, values });
  });
}
