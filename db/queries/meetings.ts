import { and, asc, eq, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, withReadTransaction, type Database } from "../client";
import { meetingSources, participations, people, sources } from "../schema";

/** Which sources report a meeting and who took part, for the meeting's admin page. */
export async function meetingLinks({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Database }) {
  assertAdmin(actor);
  // One snapshot, so the page shows both lists as they stood at one moment.
  return withReadTransaction(db, async (tx) => ({
    reports: await tx
      .select({
        sourceId: meetingSources.sourceId,
        title: sources.title,
        reports: meetingSources.reports,
        quote: meetingSources.quote,
      })
      .from(meetingSources)
      .leftJoin(sources, eq(sources.id, meetingSources.sourceId))
      .where(eq(meetingSources.meetingId, id))
      .orderBy(asc(meetingSources.sourceId)),
    participants: await tx
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
      .orderBy(asc(participations.partyId), asc(participations.id)),
  }));
}
