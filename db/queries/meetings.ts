import { and, asc, eq, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, type DB } from "../client";
import { meetingSources, participations, people, sources } from "../schema";

/** Which sources report a meeting and who took part, for the meeting's admin page. */
export function meetingLinks({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: DB }) {
  assertAdmin(actor);
  return {
    reports: db
      .select({
        sourceId: meetingSources.sourceId,
        title: sources.title,
        reports: meetingSources.reports,
        quote: meetingSources.quote,
      })
      .from(meetingSources)
      .leftJoin(sources, eq(sources.id, meetingSources.sourceId))
      .where(eq(meetingSources.meetingId, id))
      .orderBy(asc(meetingSources.sourceId))
      .all(),
    participants: db
      .select({
        id: participations.id,
        version: participations.version,
        personId: participations.personId,
        personName: people.name,
        partyId: participations.partyId,
        title: participations.title,
        leadsDelegation: participations.leadsDelegation,
      })
      .from(participations)
      .leftJoin(people, eq(people.id, participations.personId))
      .where(and(eq(participations.meetingId, id), isNull(participations.deletedAt)))
      .orderBy(asc(participations.partyId), asc(participations.id))
      .all(),
  };
}
