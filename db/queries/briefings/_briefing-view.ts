import { asc, eq, inArray } from "drizzle-orm";
import { sourceLabel } from "@/lib/briefing/labels";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { BriefingContent } from "@/lib/validation/briefing";
import type { Tx } from "../../client";
import { briefingItems, briefingSections, meetings, parties, topics, users, type Fact } from "../../schema";
import type { BriefingRow } from "./_access";
import { parseContent } from "./_briefing-rows";
import { canSeeFact, EVERY_FACT } from "../_fact-visibility";
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
  /**
   * Items left out because their fact is marked above the reader's clearance level (e.g. an
   * owner whose level was lowered): nothing of them is in the view, only this count.
   */
  withheld: number;
}

/**
 * Reads everything about a briefing the caller has already been allowed to see, on the
 * transaction given (a read transaction, so the sections, items and facts agree with the
 * version returned), as a reader cleared to `level` may see it: items whose fact is marked
 * above it are left out (counted in `withheld`), with their sources and meetings. EVERY_FACT
 * reads the whole briefing, for what is computed rather than shown (clearance, finalising).
 */
export async function readBriefingView(tx: Tx, row: BriefingRow, level: ClearanceLevel): Promise<BriefingRowsView> {
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
  const allFacts = await loadFacts(
    tx,
    items.map((i) => i.factId),
    EVERY_FACT,
  );
  const facts = new Map([...allFacts].filter(([, f]) => canSeeFact(level, f)));
  const hidden = (factId: string) => allFacts.has(factId) && !facts.has(factId);
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
        .filter((i) => i.topicId === s.topicId && !hidden(i.factId))
        .map((i) => ({
          factId: i.factId,
          included: i.included,
          note: i.note ?? "",
          fact: facts.get(i.factId) ?? null,
        })),
    })),
    meetingNames: new Map(meetingRows.map((m) => [m.id, m.name])),
    sourceLabels: new Map([...sources.values()].map((s) => [s.id, sourceLabel(s)])),
    withheld: items.filter((i) => hidden(i.factId)).length,
  };
}

/**
 * A view read whole (EVERY_FACT) narrowed to what a reader cleared to `level` may see, to build
 * their document from: the items of facts above it left out and counted. The source labels and
 * meeting names (of every fact) are dropped; the document reads its own from the facts kept.
 */
export function narrowView<V extends Pick<BriefingRowsView, "sections" | "withheld" | "sourceLabels" | "meetingNames">>(
  view: V,
  level: ClearanceLevel,
): Omit<V, "sourceLabels" | "meetingNames"> {
  const { sourceLabels: _labels, meetingNames: _names, ...rest } = view;
  let withheld = 0;
  const sections = view.sections.map((s) => ({
    ...s,
    items: s.items.filter((i) => {
      const visible = !i.fact || canSeeFact(level, i.fact);
      if (!visible) withheld++;
      return visible;
    }),
  }));
  return { ...rest, sections, withheld: view.withheld + withheld };
}

/** The versions of the facts a draft prints (included and live): part of what clearance fixes. */
export function printedFactVersions(view: Pick<BriefingRowsView, "sections">): Record<string, number> {
  const versions: Record<string, number> = {};
  for (const section of view.sections)
    for (const item of section.items)
      if (item.included && item.fact && !item.fact.deletedAt) versions[item.fact.id] = item.fact.version;
  return versions;
}
