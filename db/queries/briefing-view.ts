import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { sourceLabel } from "@/lib/briefing/labels";
import { NotFoundError } from "@/lib/errors";
import type { BriefingContent } from "@/lib/validation/briefing";
import { getDb, type DB } from "../client";
import {
  briefingItems,
  briefings,
  briefingSections,
  facts as factsTable,
  meetings,
  parties,
  topics,
  users,
  type Fact,
} from "../schema";
import { loadFacts, loadSources } from "./briefing-data";
import { loadOwnBriefing, parseContent } from "./briefings";

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

/** Everything the composer and preview need about one of the actor's briefings (404 for anyone else). */
export function getBriefingView({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): BriefingView {
  const row = loadOwnBriefing(db, actor, briefingId);
  const country = db.select({ name: parties.name }).from(parties).where(eq(parties.id, row.countryId)).get();
  const owner = db.select({ name: users.name }).from(users).where(eq(users.id, row.ownerId)).get();
  const sections = db
    .select({ topicId: briefingSections.topicId, title: topics.name })
    .from(briefingSections)
    .innerJoin(topics, eq(topics.id, briefingSections.topicId))
    .where(eq(briefingSections.briefingId, briefingId))
    .orderBy(asc(briefingSections.position))
    .all();
  const items = db
    .select()
    .from(briefingItems)
    .where(and(eq(briefingItems.briefingId, briefingId)))
    .orderBy(asc(briefingItems.position))
    .all();
  const facts = loadFacts({ ids: items.map((i) => i.factId), db });
  const sources = loadSources({ ids: [...new Set([...facts.values()].map((f) => f.sourceId))], db });
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
    meetingNames: new Map(
      db
        .select({ id: meetings.id, name: meetings.name })
        .from(meetings)
        .where(
          inArray(meetings.id, [...new Set([...facts.values()].flatMap((f) => (f.meetingId ? [f.meetingId] : [])))]),
        )
        .all()
        .map((m) => [m.id, m.name]),
    ),
    sourceLabels: new Map([...sources.values()].map((s) => [s.id, sourceLabel(s)])),
  };
}

/** What the PDF route reads before it asks the render pool for room: the headers' facts and the print's size. */
export interface BriefingPrintSummary {
  status: "draft" | "final";
  revision: number;
  countryName: string;
  /** The day a finalised briefing was prepared on (from its snapshot); null for a draft (printed as of today). */
  finalPreparedOn: string | null;
  /** Included live facts, and the characters of their text and notes. */
  facts: number;
  characters: number;
}

/**
 * One of the actor's briefings in two small reads (404 for anyone else's, as everywhere):
 * nothing is assembled, so a refused download costs next to nothing.
 */
export function getBriefingPrintSummary({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): BriefingPrintSummary {
  const row = db
    .select({
      status: briefings.status,
      revision: briefings.revision,
      countryName: parties.name,
      finalPreparedOn: sql<string | null>`json_extract(${briefings.snapshot}, '$.document.preparedOn')`,
    })
    .from(briefings)
    .innerJoin(parties, eq(parties.id, briefings.countryId))
    .where(and(eq(briefings.id, briefingId), eq(briefings.ownerId, actor.userId), isNull(briefings.deletedAt)))
    .get();
  if (!row) throw new NotFoundError("No such briefing.");
  const size = db
    .select({
      facts: sql<number>`count(*)`,
      characters: sql<number>`coalesce(sum(length(${factsTable.text}) + coalesce(length(${briefingItems.note}), 0)), 0)`,
    })
    .from(briefingItems)
    .innerJoin(factsTable, eq(factsTable.id, briefingItems.factId))
    .where(
      and(eq(briefingItems.briefingId, briefingId), eq(briefingItems.included, true), isNull(factsTable.deletedAt)),
    )
    .get();
  return {
    ...row,
    finalPreparedOn: row.status === "final" ? row.finalPreparedOn : null,
    facts: size?.facts ?? 0,
    characters: size?.characters ?? 0,
  };
}
