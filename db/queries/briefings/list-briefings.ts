import { and, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { briefingState, type BriefingState } from "@/lib/briefing/permissions";
import { getDb, readerOf, type Database } from "../../client";
import { briefings, parties, topics } from "../../schema";
import { latestRequestStatus } from "./_list-rows";
import { parseContent, restoreCutoff } from "./_briefing-rows";

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
  /** draft, awaiting-clearance or final. */
  state: BriefingState;
  /**
   * Where its latest clearance request stands (null when never submitted): "returned" asks for
   * the owner's edit. "approved" is not checked against later edits here (that takes the
   * document): getClearanceStatus says whether the clearance still holds.
   */
  clearance: "pending" | "approved" | "returned" | "withdrawn" | null;
  revision: number;
  updatedAt: string;
  deletedAt: string | null;
}

/**
 * The actor's own briefings, and those deleted within the last 30 days (restorable). What is
 * shared with them is listed by listSharedWithMe (db/queries/sharing/list-shared-with-me.ts).
 */
export async function listBriefings({ actor, db = getDb() }: ListBriefingsOptions): Promise<BriefingListEntry[]> {
  const tx = readerOf(db);
  const cutoff = restoreCutoff();
  const rows = await tx
    .select({
      id: briefings.id,
      title: briefings.title,
      status: briefings.status,
      revision: briefings.revision,
      updatedAt: briefings.updatedAt,
      deletedAt: briefings.deletedAt,
      content: briefings.content,
      countryName: parties.name,
      clearance: latestRequestStatus(briefings.id),
    })
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
  return rows.map((b) => ({
    id: b.id,
    title: b.title,
    countryName: b.countryName,
    status: b.status,
    state: briefingState(b.status, b.clearance === "pending"),
    clearance: b.clearance,
    revision: b.revision,
    updatedAt: b.updatedAt,
    deletedAt: b.deletedAt,
    topicNames: parseContent(b).filters.topicIds.map((id) => topicNames.get(id) ?? id),
  }));
}
