import { asc, eq, inArray } from "drizzle-orm";
import { sourceLabel } from "@/lib/briefing/labels";
import type { BriefingContent } from "@/lib/validation/briefing";
import type { Tx } from "../../client";
import { briefingItems, briefingSections, meetings, parties, topics, users, type Fact } from "../../schema";
import type { BriefingRow } from "./_access";
import { parseContent } from "./_briefing-rows";
import { loadFacts, loadSources } from "./_document-data";

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

/** A briefing's rows as the composer, the preview and the document builder read them. */
export interface BriefingRowsView {
  id: string;
  title: string;
  status: "draft" | "final";
  revision: number;
  version: number;
  previousId: string | null;
  countryId: string;
  countryName: string;
  ownerId: string;
  ownerName: string;
  content: BriefingContent;
  updatedAt: string;
  finalisedAt: string | null;
  sections: BriefingSectionView[];
  sourceLabels: Map<string, string>;
  meetingNames: Map<string, string>;
}

/**
 * Reads everything about a briefing the caller has already been allowed to see, on the
 * transaction given (a read transaction, so the sections, items and facts agree with the
 * version returned). Checks nothing.
 */
export async function readBriefingView(tx: Tx, row: BriefingRow): Promise<BriefingRowsView> {
  const briefingId = row.id;
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
    ownerId: row.ownerId,
    ownerName: owner?.name ?? "",
    content: parseContent(row),
    updatedAt: row.updatedAt,
    finalisedAt: row.finalisedAt,
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
}

/** The versions of the facts a draft prints (included and live): part of what clearance fixes. */
export function printedFactVersions(view: Pick<BriefingRowsView, "sections">): Record<string, number> {
  const versions: Record<string, number> = {};
  for (const section of view.sections)
    for (const item of section.items)
      if (item.included && item.fact && !item.fact.deletedAt) versions[item.fact.id] = item.fact.version;
  return versions;
}
