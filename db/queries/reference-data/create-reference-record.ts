import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { checkHost, snapshot, tableOf, withUniqueFields, type ReferenceRecord, type ReferenceValues } from "./_records";

/** Adds a record, with the given id or a new one ("topic-<uuid>"); audited. Admins only. */
export async function createReferenceRecord<K extends ReferenceKind>({
  actor,
  kind,
  id,
  values,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  id?: string;
  values: ReferenceValues<K>;
  db?: Database;
}): Promise<ReferenceRecord<K>> {
  assertAdmin(actor);
  const t = tableOf(kind);
  const newId = id ?? `${kind}-${randomUUID()}`;
  return withWriteTransaction(db, async (tx) => {
    const [taken] = await tx.select({ id: t.id }).from(t).where(eq(t.id, newId)).limit(1);
    if (taken) throw new ValidationError("This id is taken.", { id: ["This id is taken."] });
    await checkHost(tx, kind, values);
    const [row] = await withUniqueFields(kind, () =>
      tx
        .insert(t)
        .values({ ...values, id: newId })
        .returning(),
    );
    await recordAudit(tx, { actor, action: `${kind}.created`, entity: kind, entityId: newId, after: snapshot(row) });
    return row;
  });
}
