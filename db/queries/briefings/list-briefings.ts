import { and, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { briefings, parties, topics } from "../../schema";
import { parseContent, restoreCutoff } from "./_own-briefing";

export interface ListBriefingsOptions {
  actor: Actor;
  db?: Database;
}

export interface BriefingListEntry {
  id: string;
  title: string;
  countryName: string;
  topicNames: string[];
  status: "draft" | "final";
  revision: number;
  updatedAt: string;
  deletedAt: string | null;
}

/** The actor's own briefings, and those deleted within the last 30 days (restorable). */
export async function listBriefings({ actor, db = getDb() }: ListBriefingsOptions): Promise<BriefingListEntry[]> {
  const tx = readerOf(db);
  const cutoff = restoreCutoff();
  const rows = await tx
    .select({ b: briefings, countryName: parties.name })
    .from(briefings)
    .innerJoin(parties, eq(parties.id, briefings.countryId))
    .where(
      and(
        eq(briefings.ownerId, actor.userId),
        sql`(${briefings.deletedAt} IS NULL OR ${briefings.deletedAt} > ${cutoff})`,
      ),
    )
    .orderBy(desc(briefings.updatedAt));
  // Topic names only label the rows: a rename committed between the two reads shows either name.
  const topicNames = new Map(
    (await tx.select({ id: topics.id, name: topics.name }).from(topics)).map((t) => [t.id, t.name]),
  );
  return rows.map(({ b, countryName }) => ({
    id: b.id,
    title: b.title,
    countryName,
    status: b.status,
    revision: b.revision,
    updatedAt: b.updatedAt,
    deletedAt: b.deletedAt,
    topicNames: parseContent(b).filters.topicIds.map((id) => topicNames.get(id) ?? id),
  }));
}
