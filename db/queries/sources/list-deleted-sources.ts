import { desc, isNotNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { sources, type Source } from "../../schema";

export interface ListDeletedSourcesOptions {
  actor: Actor;
  db?: Database;
}

/** Soft-deleted sources, newest deletion first: the trash; admins only. */
export async function listDeletedSources({ actor, db = getDb() }: ListDeletedSourcesOptions): Promise<Source[]> {
  assertAdmin(actor);
  return readerOf(db).select().from(sources).where(isNotNull(sources.deletedAt)).orderBy(desc(sources.deletedAt));
}
