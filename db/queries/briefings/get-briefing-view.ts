import { asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { sourceLabel } from "@/lib/briefing/labels";
import type { BriefingContent } from "@/lib/validation/briefing";
import { getDb, withReadTransaction, type Database } from "../../client";
import { briefingItems, briefingSections, meetings, parties, topics, users, type Fact } from "../../schema";
import { loadFacts, loadSources } from "./_document-data";
import { loadOwnBriefing, parseContent } from "./_own-briefing";

export interface GetBriefingViewOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

export interface BriefingItemView {
  factId: string;
  included: boolean;
  note: string;
  fact: Fact | null;
}
export interface BriefingSectionView {
  topicId: string;
  title: string;
  items: BriefingItemView[];
}
export interface BriefingView {
  id: string;
  title: string;
  status: "draft" | "final";
  revision: number;
  version: number;
  previousId: string | null;
  countryId: string;
  countryName: string;
  ownerName: string;
  content: BriefingContent;
  updatedAt: string;
  finalisedAt: string | null;
  snapshot: BriefingSnapshot | null;
  sections: BriefingSectionView[];
  sourceLabels: Map<string, string>;
  meetingNames: Map<string, string>;
}

/**
 * Everything the composer and preview need about one of the actor's briefings (404 for anyone
 * else), from one snapshot: the sections, items and facts read agree with the version returned.
 */
export async function getBriefingView({
  actor,
  briefingId,
  db = getDb(),
}: GetBriefingViewOptions): Promise<BriefingView> {
  return withReadTransaction(db, async (tx) => {
    const row = await loadOwnBriefing(tx, actor, briefingId);
    const [country] = await tx.select({ name: parties.name }).from(parties).where(eq(parties.id, row.countryId));
    const [owner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, row.ownerId));
    const sections = await tx
      .select({ topicId: briefingSections.topicId, title: topics.name })
      .from(briefingSections)
      .innerJoin(topics, eq(topics.id, briefingSections.topicId))
      .where(eq(briefingSections.briefingId, briefingId))
      .orderBy(asc(briefingSections.position));
    const items = await tx
      .select()
      .from(briefingItems)
      .where(eq(briefingItems.briefingId, briefingId))
      .orderBy(asc(briefingItems.position));
    const facts = await loadFacts(
      tx,
      items.map((i) => i.factId),
    );
    const sources = await loadSources(tx, [...new Set([...facts.values()].map((f) => f.sourceId))]);
    const meetingIds = [...new Set([...facts.values()].flatMap((f) => (f.meetingId ? [f.meetingId] : [])))];
    const meetingRows = meetingIds.length
      ? await tx.select({ id: meetings.id, name: meetings.name }).from(meetings).where(inArray(meetings.id, meetingIds))
      : [];
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      revision: row.revision,
      version: row.version,
      previousId: row.previousId,
      countryId: row.countryId,
      countryName: country?.name ?? row.countryId,
      ownerName: owner?.name ?? "",
      content: parseContent(row),
      updatedAt: row.updatedAt,
      finalisedAt: row.finalisedAt,
      snapshot: row.snapshot ?? null,
      sections: sections.map((s) => ({
        ...s,
        items: items
          .filter((i) => i.topicId === s.topicId)
          .map((i) => ({
            factId: i.factId,
            included: i.included,
            note: i.note ?? "",
            fact: facts.get(i.factId) ?? null,
          })),
      })),
      meetingNames: new Map(meetingRows.map((m) => [m.id, m.name])),
      sourceLabels: new Map([...sources.values()].map((s) => [s.id, sourceLabel(s)])),
    };
  });
}
