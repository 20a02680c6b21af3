import { and, count, gte, inArray, lt, min } from "drizzle-orm";
import { getDb, writeTransaction, type DB } from "../client";
import { loginFailures } from "../schema";

/** Failures per key since `since` (ms), for the keys given. */
export function countRecentFailures({ keys, since, db = getDb() }: { keys: string[]; since: number; db?: DB }): Map<string, { count: number; oldest: number }> {
  const rows = db
    .select({ key: loginFailures.key, count: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key)
    .all();
  return new Map(rows.map((r) => [r.key, { count: r.count, oldest: r.oldest ?? since }]));
}

/** Records one failure under each key, and prunes rows older than `pruneBefore`. */
export function recordFailure({ keys, at, pruneBefore, db = getDb() }: { keys: string[]; at: number; pruneBefore: number; db?: DB }): void {
  writeTransaction(db, (tx) => {
    for (const key of keys) tx.insert(loginFailures).values({ key, at }).run();
    tx.delete(loginFailures).where(lt(loginFailures.at, pruneBefore)).run();
  });
}

/** Forgets the failures of a key (after a successful sign-in to that account). */
export function clearFailures({ key, db = getDb() }: { key: string; db?: DB }): void {
  db.delete(loginFailures).where(inArray(loginFailures.key, [key])).run();
}
