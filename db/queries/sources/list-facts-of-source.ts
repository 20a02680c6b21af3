import { and, asc, eq, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { facts } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";

export interface ListFactsOfSourceOptions {
  actor: Actor;
  /** The source's id. */
  id: string;
  db?: Database;
}

/**
 * The live facts taken from a source that the admin is cleared to see, with their quotes (for
 * highlighting what is covered); admins only.
 */
export async function listFactsOfSource({ actor, id, db = getDb() }: ListFactsOfSourceOptions) {
  assertAdmin(actor);
  return readerOf(db)
    .select({ id: facts.id, quote: facts.quote, text: facts.text })
    .from(facts)
    .where(and(eq(facts.sourceId, id), isNull(facts.deletedAt), factVisibleTo(actor.clearanceLevel)))
    .orderBy(asc(facts.id));
}
