import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { SourceInput } from "@/lib/validation/source";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { Source } from "../../schema";
import { changeSource } from "./_source-record";

export interface UpdateSourceOptions {
  actor: Actor;
  id: string;
  /** The version the form was loaded at: a save over a newer one is a ConflictError. */
  version: number;
  input: SourceInput;
  db?: Database;
}

/** Version-checked, audited update; refused if a live quote would no longer be in the text; admins only. */
export async function updateSource({ actor, id, version, input, db = getDb() }: UpdateSourceOptions): Promise<Source> {
  assertAdmin(actor);
  return withWriteTransaction(db, (tx) => changeSource(tx, actor, id, version, input, "source.updated"));
}
