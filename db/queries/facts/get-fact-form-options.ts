import { asc, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { meetings, parties, sources, topics } from "../../schema";

export interface GetFactFormOptionsOptions {
  actor: Actor;
  db?: Database;
}

/** What the fact form and the list's filters offer to choose from: live sources, parties, topics, meetings. */
export async function getFactFormOptions({ actor, db = getDb() }: GetFactFormOptionsOptions) {
  assertAdmin(actor);
  // Four independent lists: a choice added meanwhile in one need not agree with the others.
  const tx = readerOf(db);
  return {
    sources: await tx
      .select({
        id: sources.id,
        title: sources.title,
        publisher: sources.publisher,
        publishedStart: sources.publishedStart,
      })
      .from(sources)
      .where(isNull(sources.deletedAt))
      .orderBy(asc(sources.publishedStart)),
    parties: await tx
      .select({ id: parties.id, name: parties.name })
      .from(parties)
      .where(isNull(parties.deletedAt))
      .orderBy(asc(parties.kind), asc(parties.name)),
    topics: await tx
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .where(isNull(topics.deletedAt))
      .orderBy(asc(topics.sortOrder), asc(topics.name)),
    meetings: await tx
      .select({ id: meetings.id, name: meetings.name, dateStart: meetings.dateStart })
      .from(meetings)
      .where(isNull(meetings.deletedAt))
      .orderBy(asc(meetings.dateStart)),
  };
}
export type FactFormOptions = Awaited<ReturnType<typeof getFactFormOptions>>;
