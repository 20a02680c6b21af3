import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { getDb, readerOf, type Database } from "../../client";
import { findRecord, type ReferenceRecord } from "./_records";

/** A live record; NotFoundError when there is none (or it is in the trash). Admins only. */
export async function getReferenceRecord<K extends ReferenceKind>({
  actor,
  kind,
  id,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  id: string;
  db?: Database;
}): Promise<ReferenceRecord<K>> {
  assertAdmin(actor);
  const row = await findRecord(readerOf(db), kind, id);
  if (!row) throw new NotFoundError(`No such ${kind}.`);
  return row;
}
