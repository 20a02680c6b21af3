import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCurated,
  deleteCurated,
  getCurated,
  listDeletedCurated,
  undeleteCurated,
  updateCurated,
} from "@/db/queries/curated";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import { meetingFormSchema, partyFormSchema, topicFormSchema } from "@/lib/validation/reference-data";
import { createSeededDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createSeededDb()));
afterAll(() => t.close());
const actor = SYSTEM_ACTOR;

describe("parties, topics, people, meetings", () => {
  it.each([
    ["party", "KZ", /fact fact-/],
    ["topic", "health", /fact fact-000-02/],
    ["person", (db: TestDb) => db.db.select().from(s.participations).get()!.personId!, /participation/],
    ["meeting", "mtg-eu-ca-ministerial-16", /fact fact-000-01/],
  ] as const)("refuses to delete a referenced %s, listing what refers to it", (entity, idOf, pattern) => {
    const id = typeof idOf === "string" ? idOf : idOf(t);
    const row = getCurated({ actor, entity, id, db: t.db });
    expect(() => deleteCurated({ actor, entity, id, version: row.version, db: t.db })).toThrow(pattern);
    expect(getCurated({ actor, entity, id, db: t.db }).deletedAt).toBeNull();
  });

  it("creates, updates (version-checked) and deletes an unreferenced topic, audited with before and after", () => {
    const {
      id: _id,
      version: _v,
      ...values
    } = topicFormSchema.parse({ name: "Space", description: "Satellites", sortOrder: "20" });
    const created = createCurated({ actor, entity: "topic", values, db: t.db });
    const updated = updateCurated({
      actor,
      entity: "topic",
      id: created.id,
      version: 1,
      values: { ...values, name: "Space and satellites" },
      db: t.db,
    });
    expect(updated.version).toBe(2);
    try {
      updateCurated({ actor, entity: "topic", id: created.id, version: 1, values, db: t.db });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError<{ name: string }>).current.name).toBe("Space and satellites");
    }
    deleteCurated({ actor, entity: "topic", id: created.id, version: 2, db: t.db });
    const audit = t.db.select().from(s.auditLog).where(eq(s.auditLog.entityId, created.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["topic.created", "topic.updated", "topic.deleted"]);
    expect(audit[1]).toMatchObject({ before: { name: "Space" }, after: { name: "Space and satellites" } });
  });

  it("reports a duplicate unique value at its field", () => {
    const {
      id: _id,
      version: _v,
      ...values
    } = partyFormSchema.parse({ name: "Kazakhstan", kind: "country", isoCode: "xx", aliases: "" });
    try {
      createCurated({ actor, entity: "party", values, db: t.db });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).fieldErrors).toHaveProperty("name");
    }
  });

  it("keeps a meeting's host a live party: on save, and when the meeting comes out of the trash", () => {
    const {
      id: _pid,
      version: _pv,
      ...party
    } = partyFormSchema.parse({ name: "Short-lived party", kind: "organisation", isoCode: "", aliases: "" });
    const host = createCurated({ actor, entity: "party", values: party, db: t.db });
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
    const made = createCurated({ actor, entity: "meeting", values: meeting, db: t.db });
    const gone = deleteCurated({ actor, entity: "meeting", id: made.id, version: made.version, db: t.db });
    deleteCurated({ actor, entity: "party", id: host.id, version: host.version, db: t.db });
    expect(() => undeleteCurated({ actor, entity: "meeting", id: made.id, version: gone.version, db: t.db })).toThrow(
      /host party .* does not exist/,
    );
    expect(() => createCurated({ actor, entity: "meeting", values: meeting, db: t.db })).toThrow(ValidationError);
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
    const { restoreCuratedVersion } = await import("@/db/queries/curated");
    const kz = getCurated({ actor, entity: "party", id: "AF", db: t.db });
    const {
      id: _id,
      version: _v,
      ...values
    } = partyFormSchema.parse({ name: "Afghanistan (renamed)", kind: "country", isoCode: "AF", aliases: "Afghan" });
    const v2 = updateCurated({ actor, entity: "party", id: "AF", version: kz.version, values, db: t.db });
    const v3 = updateCurated({
      actor,
      entity: "party",
      id: "AF",
      version: v2.version,
      values: { ...values, name: "Afghanistan (again)" },
      db: t.db,
    });
    const first = t.db.select().from(s.auditLog).where(eq(s.auditLog.entityId, "AF")).all()[0];
    expect(() =>
      restoreCuratedVersion({ actor, entity: "party", id: "AF", version: v2.version, auditId: first.id, db: t.db }),
    ).toThrow(ConflictError);
    const restored = restoreCuratedVersion({
      actor,
      entity: "party",
      id: "AF",
      version: v3.version,
      auditId: first.id,
      db: t.db,
    });
    expect(restored).toMatchObject({ name: "Afghanistan (renamed)", version: v3.version + 1 });
    expect(t.db.select().from(s.auditLog).where(eq(s.auditLog.entityId, "AF")).all().at(-1)).toMatchObject({
      action: "party.version_restored",
      before: { name: "Afghanistan (again)" },
      after: { name: "Afghanistan (renamed)" },
    });
  });
});

describe("the trash", () => {
  it("lists deleted records and restores them, version-checked and audited", () => {
    const made = createCurated({
      actor,
      entity: "topic",
      id: "topic-trash",
      values: { name: "Trash me", description: "", sortOrder: 50 },
      db: t.db,
    });
    const gone = deleteCurated({ actor, entity: "topic", id: made.id, version: made.version, db: t.db });
    expect(listDeletedCurated({ actor, entity: "topic", db: t.db }).map((r) => r.id)).toContain(made.id);
    expect(() => undeleteCurated({ actor, entity: "topic", id: made.id, version: made.version, db: t.db })).toThrow(
      /changed this topic/,
    );
    const back = undeleteCurated({ actor, entity: "topic", id: made.id, version: gone.version, db: t.db });
    expect(back.deletedAt).toBeNull();
    expect(listDeletedCurated({ actor, entity: "topic", db: t.db }).map((r) => r.id)).not.toContain(made.id);
    expect(
      t.db
        .select()
        .from(s.auditLog)
        .where(eq(s.auditLog.entityId, made.id))
        .all()
        .map((a) => a.action),
    ).toEqual(["topic.created", "topic.deleted", "topic.undeleted"]);
  });
});
