import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getDb, readerOf, type Database } from "../../client";
import type { Source } from "../../schema";
import { loadLiveSource } from "./_source-record";

export interface GetSourceOptions {
  actor: Actor;
  id: string;
  db?: Database;
}

/** One live source with its full text; admins only. */
export async function getSource({ actor, id, db = getDb() }: GetSourceOptions): Promise<Source> {
  assertAdmin(actor);
  const row = await loadLiveSource(readerOf(db), id);
  if (!row) throw new NotFoundError("No such source.");
  return row;
}
