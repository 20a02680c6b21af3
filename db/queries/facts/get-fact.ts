import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getDb, withReadTransaction, type Database } from "../../client";
import { loadFactRecord, type FactRecord } from "./_fact-record";

export type { FactRecord };

export interface GetFactOptions {
  actor: Actor;
  id: string;
  /** Deleted ones too, so the trash and the history can show them. */
  includeDeleted?: boolean;
  db?: Database;
}

/**
 * One fact with its parties and topics, for the edit form and its history; admins only. A fact
 * marked above the admin's clearance level is "No such fact.", as one that does not exist.
 */
export async function getFact({
  actor,
  id,
  includeDeleted = false,
  db = getDb(),
}: GetFactOptions): Promise<FactRecord> {
  assertAdmin(actor);
  // One snapshot: the links shown must be those of the version the form will send back.
  const record = await withReadTransaction(db, (tx) =>
    loadFactRecord(tx, id, { level: actor.clearanceLevel, includeDeleted }),
  );
  if (!record) throw new NotFoundError("No such fact.");
  return record;
}
