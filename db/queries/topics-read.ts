import { asc, isNull } from "drizzle-orm";
import { getDb, type DB } from "../client";
import { parties, topics, type Party, type Topic } from "../schema";

/** Live topics in their display order; readable by every signed-in user and the command line. */
export function listTopics({ db = getDb() }: { db?: DB } = {}): Topic[] {
  return db.select().from(topics).where(isNull(topics.deletedAt)).orderBy(asc(topics.sortOrder), asc(topics.id)).all();
}

/** Live parties, countries first, by name. */
export function listParties({ db = getDb() }: { db?: DB } = {}): Party[] {
  return db.select().from(parties).where(isNull(parties.deletedAt)).orderBy(asc(parties.kind), asc(parties.name)).all();
}
