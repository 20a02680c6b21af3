import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { MeetingReportInput, ParticipationInput } from "@/lib/validation/participation";
import { getDb, withWriteTransaction, type Database, type Tx } from "../client";
import { meetings, meetingSources, participations, parties, people, sources } from "../schema";
import { recordAudit } from "./_record-audit";

/** The quote must stand verbatim in the (live) source, as for facts. */
async function checkQuote(tx: Tx, sourceId: string, quote: string): Promise<void> {
  const [source] = await tx
    .select({ fullText: sources.fullText })
    .from(sources)
    .where(and(eq(sources.id, sourceId), isNull(sources.deletedAt)))
    .limit(1);
  if (!source) throw new ValidationError("No such source.", { sourceId: ["Choose an existing source."] });
  if (!source.fullText.includes(quote))
    throw new ValidationError("The quote is not in the source.", {
      quote: ["This quote is not in the source's text, word for word. Copy it exactly."],
    });
}

async function checkMeeting(tx: Tx, meetingId: string): Promise<void> {
  const [meeting] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt)))
    .limit(1);
  if (!meeting) throw new NotFoundError("No such meeting.");
}

export async function addParticipation({
  actor,
  input,
  db = getDb(),
}: {
  actor: Actor;
  input: ParticipationInput;
  db?: Database;
}) {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    await checkMeeting(tx, input.meetingId);
    const [party] = await tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.id, input.partyId), isNull(parties.deletedAt)))
      .limit(1);
    if (!party) throw new ValidationError("No such party.", { partyId: ["Choose an existing party."] });
    if (input.personId) {
      const [person] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, input.personId), isNull(people.deletedAt)))
        .limit(1);
      if (!person)
        throw new ValidationError("No such person.", {
          personId: ["Choose an existing person, or none for an unnamed participant."],
        });
    }
    await checkQuote(tx, input.sourceId, input.quote);
    const [row] = await tx
      .insert(participations)
      .values({ id: `prt-${randomUUID()}`, ...input })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "participation.created",
      entity: "participation",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function removeParticipation({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: Database;
}) {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(participations)
      .where(and(eq(participations.id, id), isNull(participations.deletedAt)))
      .limit(1);
    if (!before) throw new NotFoundError("No such participant.");
    const stale = () =>
      new ConflictError("Someone else changed this participant meanwhile; reload the meeting.", before);
    if (before.version !== version) throw stale();
    const [after] = await tx
      .update(participations)
      .set({
        deletedAt: new Date().toISOString(),
        version: sql`${participations.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(participations.id, id), eq(participations.version, version)))
      .returning();
    if (!after) throw stale();
    await recordAudit(tx, {
      actor,
      action: "participation.deleted",
      entity: "participation",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function addMeetingReport({
  actor,
  input,
  db = getDb(),
}: {
  actor: Actor;
  input: MeetingReportInput;
  db?: Database;
}) {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    await checkMeeting(tx, input.meetingId);
    const [existing] = await tx
      .select()
      .from(meetingSources)
      .where(and(eq(meetingSources.meetingId, input.meetingId), eq(meetingSources.sourceId, input.sourceId)))
      .limit(1);
    if (existing)
      throw new ValidationError("This source already reports the meeting.", {
        sourceId: ["This source already reports the meeting; remove that report first to change it."],
      });
    await checkQuote(tx, input.sourceId, input.quote);
    const [row] = await tx.insert(meetingSources).values(input).returning();
    await recordAudit(tx, {
      actor,
      action: "meeting_source.created",
      entity: "meeting_source",
      entityId: `${input.meetingId}:${input.sourceId}`,
      after: row,
    });
    return row;
  });
}

export async function removeMeetingReport({
  actor,
  meetingId,
  sourceId,
  db = getDb(),
}: {
  actor: Actor;
  meetingId: string;
  sourceId: string;
  db?: Database;
}): Promise<void> {
  assertAdmin(actor);
  await withWriteTransaction(db, async (tx) => {
    const where = and(eq(meetingSources.meetingId, meetingId), eq(meetingSources.sourceId, sourceId));
    const [before] = await tx.select().from(meetingSources).where(where).limit(1);
    if (!before) throw new NotFoundError("No such report.");
    await tx.delete(meetingSources).where(where);
    await recordAudit(tx, {
      actor,
      action: "meeting_source.deleted",
      entity: "meeting_source",
      entityId: `${meetingId}:${sourceId}`,
      before,
    });
  });
}
