import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceRecord } from "@/db/queries/reference-data/create-reference-record";
import { deleteReferenceRecord } from "@/db/queries/reference-data/delete-reference-record";
import { getReferenceRecord } from "@/db/queries/reference-data/get-reference-record";
import { listDeletedReferenceRecords } from "@/db/queries/reference-data/list-deleted-reference-records";
import { undeleteReferenceRecord } from "@/db/queries/reference-data/undelete-reference-record";
import { updateReferenceRecord } from "@/db/queries/reference-data/update-reference-record";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import { meetingFormSchema, partyFormSchema, topicFormSchema } from "@/lib/validation/reference-data";
import { createSeededDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createSeededDb()));
afterAll(() => t.close());
const actor = SYSTEM_ACTOR;

describe("parties, topics, people, meetings", () => {
  it.each([
    ["party", "KZ", /fact fact-/],
    ["topic", "health", /fact fact-000-02/],
    [
      "person",
      async (db: TestDb) => (await read(db.db).select().from(s.participations).limit(1))[0]!.personId!,
      /participation/,
    ],
    ["meeting", "mtg-eu-ca-ministerial-16", /fact fact-000-01/],
  ] as const)("refuses to delete a referenced %s, listing what refers to it", async (kind, idOf, pattern) => {
    const id = typeof idOf === "string" ? idOf : await idOf(t);
    const row = await getReferenceRecord({ actor, kind, id, db: t.db });
    await expect(deleteReferenceRecord({ actor, kind, id, version: row.version, db: t.db })).rejects.toThrow(pattern);
    expect((await getReferenceRecord({ actor, kind, id, db: t.db })).deletedAt).toBeNull();
  });

  it("creates, updates (version-checked) and deletes an unreferenced topic, audited with before and after", async () => {
    const {
      id: _id,
      version: _v,
      ...values
    } = topicFormSchema.parse({ name: "Space", description: "Satellites", sortOrder: "20" });
    const created = await createReferenceRecord({ actor, kind: "topic", values, db: t.db });
    const updated = await updateReferenceRecord({
      actor,
      kind: "topic",
      id: created.id,
      version: 1,
      values: { ...values, name: "Space and satellites" },
      db: t.db,
    });
    expect(updated.version).toBe(2);
    try {
      await updateReferenceRecord({ actor, kind: "topic", id: created.id, version: 1, values, db: t.db });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError<{ name: string }>).current.name).toBe("Space and satellites");
    }
    await deleteReferenceRecord({ actor, kind: "topic", id: created.id, version: 2, db: t.db });
    const audit = await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(["topic.created", "topic.updated", "topic.deleted"]);
    expect(audit[1]).toMatchObject({ before: { name: "Space" }, after: { name: "Space and satellites" } });
  });

  it("reports a duplicate unique value at its field", async () => {
    const {
      id: _id,
      version: _v,
      ...values
    } = partyFormSchema.parse({ name: "Kazakhstan", kind: "country", isoCode: "xx", aliases: "" });
    try {
      await createReferenceRecord({ actor, kind: "party", values, db: t.db });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).fieldErrors).toHaveProperty("name");
    }
  });

  it("keeps a meeting's host a live party: on save, and when the meeting comes out of the trash", async () => {
    const {
      id: _pid,
      version: _pv,
      ...party
    } = partyFormSchema.parse({ name: "Short-lived party", kind: "organisation", isoCode: "", aliases: "" });
    const host = await createReferenceRecord({ actor, kind: "party", values: party, db: t.db });
    const {
      id: _mid,
      version: _mv,
      ...meeting
    } = meetingFormSchema.parse({
      name: "Hosted",
      format: "summit",
      mode: "online",
      status: "held",
      dateStart: "",
      dateEnd: "",
      datePrecision: "",
      hostPartyId: host.id,
    });
    const made = await createReferenceRecord({ actor, kind: "meeting", values: meeting, db: t.db });
    const gone = await deleteReferenceRecord({ actor, kind: "meeting", id: made.id, version: made.version, db: t.db });
    await deleteReferenceRecord({ actor, kind: "party", id: host.id, version: host.version, db: t.db });
    await expect(
      undeleteReferenceRecord({ actor, kind: "meeting", id: made.id, version: gone.version, db: t.db }),
    ).rejects.toThrow(/host party .* does not exist/);
    await expect(createReferenceRecord({ actor, kind: "meeting", values: meeting, db: t.db })).rejects.toThrow(
      ValidationError,
    );
  });

  it("validates meeting dates all-or-nothing and strictly", () => {
    const m = {
      name: "M",
      format: "summit",
      mode: "online",
      status: "held",
      dateStart: "",
      dateEnd: "",
      datePrecision: "",
    };
    expect(meetingFormSchema.parse(m).dateStart).toBeNull();
    expect(meetingFormSchema.safeParse({ ...m, dateStart: "2024-01-01" }).success).toBe(false);
    expect(
      meetingFormSchema.safeParse({ ...m, dateStart: "2023-02-29", dateEnd: "2023-02-29", datePrecision: "day" })
        .success,
    ).toBe(false);
  });
});

describe("restoring an earlier version", () => {
  it("puts a party back as an audit row recorded it, as a new version-checked change", async () => {
    const { restoreReferenceRecordVersion } =
      await import("@/db/queries/reference-data/restore-reference-record-version");
    const kz = await getReferenceRecord({ actor, kind: "party", id: "AF", db: t.db });
    const {
      id: _id,
      version: _v,
      ...values
    } = partyFormSchema.parse({ name: "Afghanistan (renamed)", kind: "country", isoCode: "AF", aliases: "Afghan" });
    const v2 = await updateReferenceRecord({ actor, kind: "party", id: "AF", version: kz.version, values, db: t.db });
    const v3 = await updateReferenceRecord({
      actor,
      kind: "party",
      id: "AF",
      version: v2.version,
      values: { ...values, name: "Afghanistan (again)" },
      db: t.db,
    });
    const [first] = await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, "AF"));
    await expect(
      restoreReferenceRecordVersion({
        actor,
        kind: "party",
        id: "AF",
        version: v2.version,
        auditId: first.id,
        db: t.db,
      }),
    ).rejects.toThrow(ConflictError);
    const restored = await restoreReferenceRecordVersion({
      actor,
      kind: "party",
      id: "AF",
      version: v3.version,
      auditId: first.id,
      db: t.db,
    });
    expect(restored).toMatchObject({ name: "Afghanistan (renamed)", version: v3.version + 1 });
    expect((await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, "AF"))).at(-1)).toMatchObject({
      action: "party.version_restored",
      before: { name: "Afghanistan (again)" },
      after: { name: "Afghanistan (renamed)" },
    });
  });
});

describe("the trash", () => {
  it("lists deleted records and restores them, version-checked and audited", async () => {
    const made = await createReferenceRecord({
      actor,
      kind: "topic",
      id: "topic-trash",
      values: { name: "Trash me", description: "", sortOrder: 50 },
      db: t.db,
    });
    const gone = await deleteReferenceRecord({ actor, kind: "topic", id: made.id, version: made.version, db: t.db });
    expect((await listDeletedReferenceRecords({ actor, kind: "topic", db: t.db })).map((r) => r.id)).toContain(made.id);
    await expect(
      undeleteReferenceRecord({ actor, kind: "topic", id: made.id, version: made.version, db: t.db }),
    ).rejects.toThrow(/changed this topic/);
    const back = await undeleteReferenceRecord({ actor, kind: "topic", id: made.id, version: gone.version, db: t.db });
    expect(back.deletedAt).toBeNull();
    expect((await listDeletedReferenceRecords({ actor, kind: "topic", db: t.db })).map((r) => r.id)).not.toContain(
      made.id,
    );
    expect(
      (await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, made.id))).map((a) => a.action),
    ).toEqual(["topic.created", "topic.deleted", "topic.undeleted"]);
  });
});
