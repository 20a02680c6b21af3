import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { MeetingWithPeople } from "@/lib/briefing/build-meetings";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { dialect } from "../../dialect";
import {
  facts,
  meetings,
  meetingSources,
  parties,
  participations,
  people,
  sources,
  type Fact,
  type Party,
  type Source,
} from "../../schema";
import { factAliasVisibleTo, factVisibleTo } from "../_fact-visibility";

/*
 * Read-only loaders for building a briefing document, on the transaction they are given. They
 * take no actor: the operations that call them have already decided the reader may see the
 * briefing. The fact base is readable by every signed-in user up to their clearance level,
 * which the fact loaders are given (EVERY_FACT only for what is never shown as it is read).
 */

/**
 * Facts by id marked at most `level`, deleted ones included (the caller decides what a retired
 * fact means); a fact above `level` is absent from the map.
 */
export async function loadFacts(tx: Tx, ids: string[], level: ClearanceLevel): Promise<Map<string, Fact>> {
  const rows: Fact[] = [];
  // 500 ids a statement, well under SQLite's limit on bound values.
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await tx
        .select()
        .from(facts)
        .where(and(inArray(facts.id, ids.slice(i, i + 500)), factVisibleTo(level)))),
    );
  return new Map(rows.map((f) => [f.id, f]));
}

export async function loadSources(tx: Tx, ids: string[]): Promise<Map<string, Source>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(sources).where(inArray(sources.id, ids));
  return new Map(rows.map((s) => [s.id, s]));
}

/** A live party, or undefined. */
export async function loadParty(tx: Tx, id: string): Promise<Party | undefined> {
  const [row] = await tx
    .select()
    .from(parties)
    .where(and(eq(parties.id, id), isNull(parties.deletedAt)))
    .limit(1);
  return row;
}

/**
 * Meetings that concern a country: it took part, hosted, is expected at an announced one, or a
 * live fact about it marked at most `level` (the reader's) cites the meeting. With
 * `releasableOnly` (the counterpart copy), only the meetings whose handling is releasable: the
 * others, and their participants, are not read.
 */
export async function loadCountryMeetings(
  tx: Tx,
  countryId: string,
  level: ClearanceLevel,
  { releasableOnly = false }: { releasableOnly?: boolean } = {},
): Promise<MeetingWithPeople[]> {
  const rows = await tx
    .select()
    .from(meetings)
    .where(
      and(
        isNull(meetings.deletedAt),
        releasableOnly ? eq(meetings.handling, "releasable") : undefined,
        or(
          eq(meetings.hostPartyId, countryId),
          dialect.jsonArrayContains(meetings.expectedPartyIds, countryId),
          sql`${meetings.id} IN (SELECT meeting_id FROM participations WHERE party_id = ${countryId} AND deleted_at IS NULL)`,
          sql`${meetings.id} IN (SELECT f.meeting_id FROM facts f JOIN fact_parties fp ON fp.fact_id = f.id
                                 WHERE fp.party_id = ${countryId} AND f.deleted_at IS NULL AND f.meeting_id IS NOT NULL
                                   AND ${factAliasVisibleTo("f", level)})`,
        ),
      ),
    );
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const people_ = await tx
    .select({
      meetingId: participations.meetingId,
      personId: participations.personId,
      personName: people.name,
      partyName: parties.name,
      title: participations.title,
      leadsDelegation: participations.leadsDelegation,
      sourceId: participations.sourceId,
    })
    .from(participations)
    .leftJoin(people, eq(people.id, participations.personId))
    .innerJoin(parties, eq(parties.id, participations.partyId))
    .where(and(inArray(participations.meetingId, ids), isNull(participations.deletedAt)));
  const reports = await tx.select().from(meetingSources).where(inArray(meetingSources.meetingId, ids));
  return rows.map((m) => ({
    ...m,
    participants: people_.filter((p) => p.meetingId === m.id),
    reports: reports.filter((r) => r.meetingId === m.id).map((r) => ({ sourceId: r.sourceId, reports: r.reports })),
  }));
}
