import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { FactRecord } from "./_fact-record";
import { changeFact } from "./_fact-writes";

export interface DeleteFactOptions {
  actor: Actor;
  id: string;
  version: number;
  db?: Database;
}

/** Moves a fact to the trash (soft delete); version-checked and audited; admins only. */
export async function deleteFact({ actor, id, version, db = getDb() }: DeleteFactOptions): Promise<FactRecord> {
  assertAdmin(actor);
  return withWriteTransaction(db, (tx) =>
    changeFact(tx, actor, id, version, "fact.deleted", { deletedAt: new Date().toISOString() }),
  );
}
