import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addMeetingReport,
  addParticipation,
  removeMeetingReport,
  removeParticipation,
} from "@/db/queries/meeting-links";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR as actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { meetingReportFormSchema, participationFormSchema } from "@/lib/validation/participation";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createSeededDb()));
afterAll(() => t.close());
const MEETING = "mtg-eu-ca-ministerial-16";
const participant = (over: Record<string, string> = {}) =>
  participationFormSchema.parse({
    meetingId: MEETING,
    personId: "",
    partyId: "KG",
    title: "First Deputy Minister of Foreign Affairs of Kyrgyzstan",
    sourceId: "src-000",
    quote: "first deputy foreign minister of Kyrgyzstan",
    ...over,
  });

describe("participants and reports of a meeting", () => {
  it("adds an unnamed participant with a verbatim quote, and removes it, both audited", async () => {
    const row = await addParticipation({ actor, input: participant(), db: t.db });
    expect(row.personId).toBeNull();
    await removeParticipation({ actor, id: row.id, version: row.version, db: t.db });
    const [removed] = await read(t.db).select().from(s.participations).where(eq(s.participations.id, row.id));
    expect(removed?.deletedAt).not.toBeNull();
    expect(
      (await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, row.id))).map((a) => a.action),
    ).toEqual(["participation.created", "participation.deleted"]);
  });

  it("refuses a quote that is not in the source, at the quote field", async () => {
    try {
      await addParticipation({ actor, input: participant({ quote: "words the article never printed" }), db: t.db });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors.quote?.[0]).toMatch(/not in the source/);
    }
  });

  it("adds and removes a source's report of a meeting, refusing a second report by the same source", async () => {
    const input = meetingReportFormSchema.parse({
      meetingId: MEETING,
      sourceId: "src-003",
      reports: "mentioned",
      quote: "Enrique Mora",
    });
    await addMeetingReport({ actor, input, db: t.db });
    await expect(addMeetingReport({ actor, input, db: t.db })).rejects.toThrow(/already reports/);
    await removeMeetingReport({ actor, meetingId: MEETING, sourceId: "src-003", db: t.db });
    expect(
      (await read(t.db).select().from(s.meetingSources).where(eq(s.meetingSources.sourceId, "src-003"))).some(
        (r) => r.meetingId === MEETING,
      ),
    ).toBe(false);
  });

  it("is refused to staff", async () => {
    const staff = await makeActor(t.db, "staff");
    await expect(addParticipation({ actor: staff, input: participant(), db: t.db })).rejects.toThrow(ForbiddenError);
    await expect(
      removeMeetingReport({ actor: staff, meetingId: MEETING, sourceId: "src-000", db: t.db }),
    ).rejects.toThrow(ForbiddenError);
  });
});
