import { asc, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, readerOf, type Database } from "../../client";
import { tableOf, type ReferenceRecord } from "./_records";

/** Every live record of a kind, by id (the choices of a select field); admins only. */
export async function listReferenceRecords<K extends ReferenceKind>({
  actor,
  kind,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  db?: Database;
}): Promise<ReferenceRecord<K>[]> {
  assertAdmin(actor);
  const t = tableOf(kind);
  return readerOf(db).select().from(t).where(isNull(t.deletedAt)).orderBy(asc(t.id));
}
