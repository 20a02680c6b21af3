import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type DB } from "../client";
import {
  facts,
  meetings,
  meetingSources,
  parties,
  participations,
  people,
  sources,
  type Fact,
  type Meeting,
  type Source,
} from "../schema";

/**
 * Read-only loaders for building a briefing document. They take no actor: callers
 * (db/queries/briefings.ts, the CLI) have already decided the reader may see the briefing,
 * and the fact base itself is readable by every signed-in user.
 */
export interface MeetingWithPeople extends Meeting {
  participants: {
    personId: string | null;
    personName: string | null;
    partyName: string;
    title: string;
    leadsDelegation: boolean;
    sourceId: string;
  }[];
  reports: { sourceId: string; reports: "held" | "announced" | "mentioned" }[];
}

export function loadFacts({ ids, db = getDb() }: { ids: string[]; db?: DB }): Map<string, Fact> {
  if (ids.length === 0) return new Map();
  const rows: Fact[] = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...db
        .select()
        .from(facts)
        .where(inArray(facts.id, ids.slice(i, i + 500)))
        .all(),
    );
  return new Map(rows.map((f) => [f.id, f]));
}

export function loadSources({ ids, db = getDb() }: { ids: string[]; db?: DB }): Map<string, Source> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(sources)
      .where(inArray(sources.id, ids))
      .all()
      .map((s) => [s.id, s]),
  );
}

export function loadParty({ id, db = getDb() }: { id: string; db?: DB }) {
  return db
    .select()
    .from(parties)
    .where(and(eq(parties.id, id), isNull(parties.deletedAt)))
    .get();
}

/**
 * Meetings that concern a country: it took part, hosted, is expected at an announced one, or a
 * live fact about it cites the meeting.
 */
export function loadCountryMeetings({ countryId, db = getDb() }: { countryId: string; db?: DB }): MeetingWithPeople[] {
  const rows = db
    .select()
    .from(meetings)
    .where(
      and(
        isNull(meetings.deletedAt),
        or(
          eq(meetings.hostPartyId, countryId),
          sql`EXISTS (SELECT 1 FROM json_each(${meetings.expectedPartyIds}) WHERE value = ${countryId})`,
          sql`${meetings.id} IN (SELECT meeting_id FROM participations WHERE party_id = ${countryId} AND deleted_at IS NULL)`,
          sql`${meetings.id} IN (SELECT f.meeting_id FROM facts f JOIN fact_parties fp ON fp.fact_id = f.id
                                 WHERE fp.party_id = ${countryId} AND f.deleted_at IS NULL AND f.meeting_id IS NOT NULL)`,
        ),
      ),
    )
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const people_ = db
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
    .where(and(inArray(participations.meetingId, ids), isNull(participations.deletedAt)))
    .all();
  const reports = db.select().from(meetingSources).where(inArray(meetingSources.meetingId, ids)).all();
  return rows.map((m) => ({
    ...m,
    participants: people_.filter((p) => p.meetingId === m.id),
    reports: reports.filter((r) => r.meetingId === m.id).map((r) => ({ sourceId: r.sourceId, reports: r.reports })),
  }));
}
