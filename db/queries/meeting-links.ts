import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { MeetingReportInput, ParticipationInput } from "@/lib/validation/participation";
import { getDb, writeTransaction, type DB } from "../client";
import { meetings, meetingSources, participations, parties, people, sources } from "../schema";
import { recordAudit } from "./audit";

/** The quote must stand verbatim in the (live) source, as for facts. */
function checkQuote(tx: DB, sourceId: string, quote: string): void {
  const source = tx
    .select({ fullText: sources.fullText })
    .from(sources)
    .where(and(eq(sources.id, sourceId), isNull(sources.deletedAt)))
    .get();
  if (!source) throw new ValidationError("No such source.", { sourceId: ["Choose an existing source."] });
  if (!source.fullText.includes(quote))
    throw new ValidationError("The quote is not in the source.", {
      quote: ["This quote is not in the source's text, word for word. Copy it exactly."],
    });
}

function checkMeeting(tx: DB, meetingId: string): void {
  if (
    !tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt)))
      .get()
  )
    throw new NotFoundError("No such meeting.");
}

export function addParticipation({ actor, input, db = getDb() }: { actor: Actor; input: ParticipationInput; db?: DB }) {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    checkMeeting(tx, input.meetingId);
    if (
      !tx
        .select({ id: parties.id })
        .from(parties)
        .where(and(eq(parties.id, input.partyId), isNull(parties.deletedAt)))
        .get()
    ) {
      throw new ValidationError("No such party.", { partyId: ["Choose an existing party."] });
    }
    if (
      input.personId &&
      !tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, input.personId), isNull(people.deletedAt)))
        .get()
    ) {
      throw new ValidationError("No such person.", {
        personId: ["Choose an existing person, or none for an unnamed participant."],
      });
    }
    checkQuote(tx, input.sourceId, input.quote);
    const row = tx
      .insert(participations)
      .values({ id: `prt-${randomUUID()}`, ...input })
      .returning()
      .get();
    recordAudit(tx, { actor, action: "participation.created", entity: "participation", entityId: row.id, after: row });
    return row;
  });
}

export function removeParticipation({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: DB;
}) {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const before = tx
      .select()
      .from(participations)
      .where(and(eq(participations.id, id), isNull(participations.deletedAt)))
      .get();
    if (!before) throw new NotFoundError("No such participant.");
    if (before.version !== version)
      throw new ConflictError("Someone else changed this participant meanwhile; reload the meeting.", before);
    const after = tx
      .update(participations)
      .set({
        deletedAt: new Date().toISOString(),
        version: sql`${participations.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(participations.id, id), eq(participations.version, version)))
      .returning()
      .get();
    recordAudit(tx, { actor, action: "participation.deleted", entity: "participation", entityId: id, before, after });
    return after;
  });
}

export function addMeetingReport({ actor, input, db = getDb() }: { actor: Actor; input: MeetingReportInput; db?: DB }) {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    checkMeeting(tx, input.meetingId);
    if (
      tx
        .select()
        .from(meetingSources)
        .where(and(eq(meetingSources.meetingId, input.meetingId), eq(meetingSources.sourceId, input.sourceId)))
        .get()
    ) {
      throw new ValidationError("This source already reports the meeting.", {
        sourceId: ["This source already reports the meeting; remove that report first to change it."],
      });
    }
    checkQuote(tx, input.sourceId, input.quote);
    const row = tx.insert(meetingSources).values(input).returning().get();
    recordAudit(tx, {
      actor,
      action: "meeting_source.created",
      entity: "meeting_source",
      entityId: `${input.meetingId}:${input.sourceId}`,
      after: row,
    });
    return row;
  });
}

export function removeMeetingReport({
  actor,
  meetingId,
  sourceId,
  db = getDb(),
}: {
  actor: Actor;
  meetingId: string;
  sourceId: string;
  db?: DB;
}) {
  assertAdmin(actor);
  writeTransaction(db, (tx) => {
    const where = and(eq(meetingSources.meetingId, meetingId), eq(meetingSources.sourceId, sourceId));
    const before = tx.select().from(meetingSources).where(where).get();
    if (!before) throw new NotFoundError("No such report.");
    tx.delete(meetingSources).where(where).run();
    recordAudit(tx, {
      actor,
      action: "meeting_source.deleted",
      entity: "meeting_source",
      entityId: `${meetingId}:${sourceId}`,
      before,
    });
  });
}
