import { desc, isNotNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, readerOf, type Database } from "../../client";
import { tableOf, type ReferenceRecord } from "./_records";

/** Soft-deleted records of a kind, newest deletion first: the trash. Admins only. */
export async function listDeletedReferenceRecords<K extends ReferenceKind>({
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
  return readerOf(db).select().from(t).where(isNotNull(t.deletedAt)).orderBy(desc(t.deletedAt));
}
