import { and, asc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { counterpartDocument } from "@/lib/briefing/counterpart";
import type { BriefingDocument } from "@/lib/briefing/document";
import { briefingAsOf, datedAfterYears } from "@/lib/briefing/settings";
import { getDb, withReadTransaction, type Database } from "../../client";
import { briefingItems, briefings, briefingSections, facts, parties, topics } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";
import { loadBriefingFor } from "./_access";
import { parseContent } from "./_briefing-rows";
import { today } from "./_document";
import { loadCountryMeetings, loadSources } from "./_document-data";

export interface BuildCounterpartDocumentOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * The counterpart copy of a briefing the actor may download (the same people as the internal
 * PDF; 404 for anyone else): lib/briefing/counterpart.ts shapes it from what is read here, and
 * only releasable material is read — the included facts whose handling is releasable (live, and
 * within the actor's clearance level), never their notes; the country's releasable meetings;
 * the sources they cite; of the briefing's own text, only the counterpart title. A draft is
 * built as of today; a final briefing from the facts it was finalised with (its items no longer
 * change) as they are now, on the day it was finalised — a fact made internal since is left out.
 */
export async function buildCounterpartDocument({
  actor,
  briefingId,
  db = getDb(),
}: BuildCounterpartDocumentOptions): Promise<BriefingDocument> {
  return withReadTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "downloadCounterpart");
    const [named] = await tx
      .select({
        countryName: parties.name,
        // -> and ->> with keys read the snapshot's JSON on both engines (text on SQLite, jsonb on PostgreSQL).
        finalPreparedOn: sql<string | null>`(${briefings.snapshot} -> 'document' ->> 'preparedOn')`,
      })
      .from(briefings)
      .innerJoin(parties, eq(parties.id, briefings.countryId))
      .where(eq(briefings.id, briefingId))
      .limit(1);
    const preparedOn = (row.status === "final" ? named?.finalPreparedOn : null) ?? today();
    const content = parseContent(row);

    const sections = await tx
      .select({ topicId: briefingSections.topicId, title: topics.name })
      .from(briefingSections)
      .innerJoin(topics, eq(topics.id, briefingSections.topicId))
      .where(eq(briefingSections.briefingId, briefingId))
      .orderBy(asc(briefingSections.position));
    const items = await tx
      .select({ topicId: briefingItems.topicId, fact: getTableColumns(facts) })
      .from(briefingItems)
      .innerJoin(facts, eq(facts.id, briefingItems.factId))
      .where(
        and(
          eq(briefingItems.briefingId, briefingId),
          eq(briefingItems.included, true),
          eq(facts.handling, "releasable"),
          factVisibleTo(actor.clearanceLevel),
          isNull(facts.deletedAt),
        ),
      )
      .orderBy(asc(briefingItems.position));

    const meetings = await loadCountryMeetings(tx, row.countryId, actor.clearanceLevel, { releasableOnly: true });
    const sourceIds = new Set([
      ...items.map((i) => i.fact.sourceId),
      ...meetings.flatMap((m) => m.reports.map((r) => r.sourceId)),
    ]);
    return counterpartDocument({
      briefingId,
      country: { id: row.countryId, name: named?.countryName ?? row.countryId },
      status: row.status,
      revision: row.revision,
      preparedOn,
      counterpartTitle: content.counterpartTitle,
      asOf: briefingAsOf(content.occasion.date, preparedOn),
      sections: sections
        .map((s) => ({ ...s, facts: items.filter((i) => i.topicId === s.topicId).map((i) => i.fact) }))
        .filter((s) => s.facts.length > 0),
      meetings,
      sources: await loadSources(tx, [...sourceIds]),
      datedAfterYears: datedAfterYears(),
    });
  });
}
