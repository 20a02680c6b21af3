import { and, eq, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { briefings } from "../../schema";
import { restoreCutoff } from "./_briefing-rows";

export interface CountOwnedBriefingsOptions {
  /** An administrator. */
  actor: Actor;
  userId: string;
  db?: Database;
}

/**
 * How many briefings a user owns (live, and deleted but still restorable), without anything
 * about them: what the users page shows beside a disabled account, to offer the hand-over.
 * Administrators only (403).
 */
export async function countOwnedBriefings({
  actor,
  userId,
  db = getDb(),
}: CountOwnedBriefingsOptions): Promise<number> {
  assertAdmin(actor);
  const [row] = await readerOf(db)
    .select({ n: sql<number>`count(*)` })
    .from(briefings)
    .where(
      and(
        eq(briefings.ownerId, userId),
        sql`(${briefings.deletedAt} IS NULL OR ${briefings.deletedAt} > ${restoreCutoff()})`,
      ),
    );
  return row?.n ?? 0;
}
