import { asc, isNull } from "drizzle-orm";
import { getDb, readerOf, type Database } from "../client";
import { parties, topics, type Party, type Topic } from "../schema";

/** Live topics in their display order; readable by every signed-in user and the command line. */
export async function listTopics({ db = getDb() }: { db?: Database } = {}): Promise<Topic[]> {
  return readerOf(db)
    .select()
    .from(topics)
    .where(isNull(topics.deletedAt))
    .orderBy(asc(topics.sortOrder), asc(topics.id));
}

/** Live parties, countries first, by name. */
export async function listParties({ db = getDb() }: { db?: Database } = {}): Promise<Party[]> {
  return readerOf(db)
    .select()
    .from(parties)
    .where(isNull(parties.deletedAt))
    .orderBy(asc(parties.kind), asc(parties.name));
}
