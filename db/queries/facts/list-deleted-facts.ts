import { and, desc, isNotNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { facts } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";

export interface ListDeletedFactsOptions {
  actor: Actor;
  db?: Database;
}

/** Facts in the trash the admin is cleared to see, newest deletion first; admins only. */
export async function listDeletedFacts({ actor, db = getDb() }: ListDeletedFactsOptions) {
  assertAdmin(actor);
  return readerOf(db)
    .select({ id: facts.id, kind: facts.kind, text: facts.text, deletedAt: facts.deletedAt, version: facts.version })
    .from(facts)
    .where(and(isNotNull(facts.deletedAt), factVisibleTo(actor.clearanceLevel)))
    .orderBy(desc(facts.deletedAt));
}
