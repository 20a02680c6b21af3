import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { FactInput } from "@/lib/validation/fact";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { FactRecord } from "./_fact-record";
import { changeFact, checkFactReferences, splitFactInput } from "./_fact-writes";

export interface UpdateFactOptions {
  actor: Actor;
  id: string;
  /** The version the form was loaded at: a save over a newer one is a ConflictError. */
  version: number;
  input: FactInput;
  db?: Database;
}

/** Saves a form's edit of a live fact; version-checked and audited; admins only. */
export async function updateFact({ actor, id, version, input, db = getDb() }: UpdateFactOptions): Promise<FactRecord> {
  assertAdmin(actor);
  const { data, links } = splitFactInput(input);
  return withWriteTransaction(db, async (tx) => {
    await checkFactReferences(tx, { ...data, ...links });
    return changeFact(tx, actor, id, version, "fact.updated", { data, links });
  });
}
