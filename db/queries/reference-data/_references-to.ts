import { and, count, eq, isNull } from "drizzle-orm";
import type { ReferenceKind } from "@/lib/model/reference-data";
import type { ClearanceLevel, Marking } from "@/lib/model/handling";
import type { Tx } from "../../client";
import {
  briefingItems,
  briefings,
  briefingSections,
  facts,
  factParties,
  factTopics,
  meetings,
  meetingSources,
  participations,
  personRoles,
} from "../../schema";
import { nameFacts } from "../_fact-visibility";

const named = (label: string, rows: { id: string }[]) => rows.map((r) => `${label} ${r.id}`);
const counted = (label: string, rows: { n: number }[]) => (rows[0]?.n ? [`${rows[0].n} ${label}`] : []);

/**
 * What still refers to a record (live rows only); a record is deleted only when this is empty.
 * Facts marked above `level` (the reader's) count, but are not named.
 */
export async function referencesTo(tx: Tx, kind: ReferenceKind, id: string, level: ClearanceLevel): Promise<string[]> {
  const facts_ = (rows: { id: string; marking: Marking }[]) => nameFacts(level, rows);
  switch (kind) {
    case "party":
      return [
        ...facts_(
          await tx
            .select({ id: facts.id, marking: facts.marking })
            .from(facts)
            .innerJoin(factParties, eq(factParties.factId, facts.id))
            .where(and(eq(factParties.partyId, id), isNull(facts.deletedAt))),
        ),
        ...named(
          "meeting",
          await tx
            .select({ id: meetings.id })
            .from(meetings)
            .where(and(eq(meetings.hostPartyId, id), isNull(meetings.deletedAt))),
        ),
        ...counted(
          "participation(s)",
          await tx
            .select({ n: count() })
            .from(participations)
            .where(and(eq(participations.partyId, id), isNull(participations.deletedAt))),
        ),
        ...counted(
          "person role(s)",
          await tx
            .select({ n: count() })
            .from(personRoles)
            .where(and(eq(personRoles.partyId, id), isNull(personRoles.deletedAt))),
        ),
        ...counted("briefing(s)", await tx.select({ n: count() }).from(briefings).where(eq(briefings.countryId, id))),
      ];
    case "topic":
      return [
        ...facts_(
          await tx
            .select({ id: facts.id, marking: facts.marking })
            .from(facts)
            .innerJoin(factTopics, eq(factTopics.factId, facts.id))
            .where(and(eq(factTopics.topicId, id), isNull(facts.deletedAt))),
        ),
        ...counted(
          "briefing section(s)",
          await tx.select({ n: count() }).from(briefingSections).where(eq(briefingSections.topicId, id)),
        ),
        ...counted(
          "briefing item(s)",
          await tx.select({ n: count() }).from(briefingItems).where(eq(briefingItems.topicId, id)),
        ),
      ];
    case "person":
      return [
        ...named(
          "participation",
          await tx
            .select({ id: participations.id })
            .from(participations)
            .where(and(eq(participations.personId, id), isNull(participations.deletedAt))),
        ),
        ...named(
          "role",
          await tx
            .select({ id: personRoles.id })
            .from(personRoles)
            .where(and(eq(personRoles.personId, id), isNull(personRoles.deletedAt))),
        ),
      ];
    case "meeting":
      return [
        ...facts_(
          await tx
            .select({ id: facts.id, marking: facts.marking })
            .from(facts)
            .where(and(eq(facts.meetingId, id), isNull(facts.deletedAt))),
        ),
        ...named(
          "participation",
          await tx
            .select({ id: participations.id })
            .from(participations)
            .where(and(eq(participations.meetingId, id), isNull(participations.deletedAt))),
        ),
        ...counted(
          "source report(s)",
          await tx.select({ n: count() }).from(meetingSources).where(eq(meetingSources.meetingId, id)),
        ),
      ];
  }
}
