import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { sourceListQuery } from "./_source-record";

export interface ListSourcesOptions {
  actor: Actor;
  db?: Database;
}

/** Every live source with its number of live facts, oldest first (the pickers in other forms); admins only. */
export async function listSources({ actor, db = getDb() }: ListSourcesOptions) {
  assertAdmin(actor);
  return sourceListQuery(readerOf(db), actor.clearanceLevel);
}
