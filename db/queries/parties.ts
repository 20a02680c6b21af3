import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../client";
import { factParties, facts, parties } from "../schema";
import { factVisibleTo } from "./_fact-visibility";

export interface PartyWithCount {
  id: string;
  name: string;
  kind: "country" | "organisation";
  isoCode: string | null;
  factCount: number;
}

/**
 * Every party that is not retired, with the number of live facts about it the actor may see (at
 * most their clearance level); any signed-in user.
 */
export async function listPartiesWithFactCounts({
  actor,
  db = getDb(),
}: {
  actor: Actor;
  db?: Database;
}): Promise<PartyWithCount[]> {
  return readerOf(db)
    .select({
      id: parties.id,
      name: parties.name,
      kind: parties.kind,
      isoCode: parties.isoCode,
      factCount: sql<number>`count(${facts.id})`.mapWith(Number),
    })
    .from(parties)
    .leftJoin(factParties, eq(factParties.partyId, parties.id))
    .leftJoin(
      facts,
      and(sql`${facts.id} = ${factParties.factId} AND ${facts.deletedAt} IS NULL`, factVisibleTo(actor.clearanceLevel)),
    )
    .where(isNull(parties.deletedAt))
    .groupBy(parties.id)
    .orderBy(asc(parties.kind), asc(parties.name));
}
