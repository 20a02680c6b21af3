import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { createFact } from "@/db/queries/facts/create-fact";
import { deleteFact } from "@/db/queries/facts/delete-fact";
import { getFact, type FactRecord } from "@/db/queries/facts/get-fact";
import { listDeletedFacts } from "@/db/queries/facts/list-deleted-facts";
import { listFacts } from "@/db/queries/facts/list-facts";
import { restoreFactVersion } from "@/db/queries/facts/restore-fact-version";
import { undeleteFact } from "@/db/queries/facts/undelete-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import { createReferenceRecord } from "@/db/queries/reference-data/create-reference-record";
import { deleteReferenceRecord } from "@/db/queries/reference-data/delete-reference-record";
import { createUser } from "@/db/queries/users/create-user";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { factFormSchema } from "@/lib/validation/fact";
import { factFiltersSchema } from "@/lib/validation/fact-filters";
import { createSeededDb, read, type TestDb } from "../helpers/db";
import { inputOf } from "../helpers/fact-input";

let t: TestDb;
let admin: Actor;
let staff: Actor;
beforeAll(async () => {
  t = await createSeededDb();
  const mk = async (role: "admin" | "staff"): Promise<Actor> => {
    const u = await createUser({
      actor: SYSTEM_ACTOR,
      input: { email: `${role}@unit.example`, name: role, role, password: "a-long-enough-password" },
      db: t.db,
    });
    return { userId: u.id, email: u.email, name: u.name, role, clearer: false, clearanceLevel: "OFFICIAL", ip: null };
  };
  admin = await mk("admin");
  staff = await mk("staff");
});
afterAll(() => t.close());

const auditRows = (db: Database, id: string) => read(db).select().from(s.auditLog).where(eq(s.auditLog.entityId, id));
const filters = (q: Record<string, string>) => factFiltersSchema.parse(q);

describe("the fact list", () => {
  it("filters by country, kind, words and date overlap, with counts and pages", async () => {
    const all = await listFacts({ actor: admin, filters: filters({}), db: t.db });
    expect(all.total).toBeGreaterThan(50);
    expect(all.rows).toHaveLength(25);
    const figures = await listFacts({ actor: admin, filters: filters({ kind: "figure" }), db: t.db });
    expect(figures.total).toBeGreaterThan(0);
    expect(figures.rows.every((r) => r.kind === "figure")).toBe(true);
    const covid = await listFacts({ actor: admin, filters: filters({ q: "Covid-19 pandemic" }), db: t.db });
    expect(covid.rows.map((r) => r.id)).toContain("fact-000-02");
    const in2020 = await listFacts({
      actor: admin,
      filters: filters({ from: "2020-11-01", to: "2020-11-30" }),
      db: t.db,
    });
    expect(in2020.rows.every((r) => r.dateStart <= "2020-11-30" && r.dateEnd >= "2020-11-01")).toBe(true);
    const af = await listFacts({ actor: admin, filters: filters({ country: "AF" }), db: t.db });
    expect(af.rows.every((r) => r.partyIds.includes("AF"))).toBe(true);
  });

  it("treats FTS syntax in the words as text, never as a query", async () => {
    for (const q of ['"', "NEAR(", "text:EU", "a OR", "*", "-x", "'; DROP TABLE facts; --"]) {
      await expect(listFacts({ actor: admin, filters: filters({ q }), db: t.db })).resolves.toBeDefined();
    }
  });

  it("falls back on a bad sort or page instead of failing", () => {
    const f = filters({ sort: "password_hash", dir: "sideways", page: "-3" });
    expect(f).toMatchObject({ sort: "date", dir: "desc", page: 1 });
  });

  it("is for admins only", async () => {
    await expect(listFacts({ actor: staff, filters: filters({}), db: t.db })).rejects.toThrow(ForbiddenError);
    const loaded = await getFact({ actor: admin, id: "fact-000-01", db: t.db });
    await expect(
      updateFact({
        actor: staff,
        id: "fact-000-01",
        version: 1,
        input: inputOf(loaded),
        db: t.db,
      }),
    ).rejects.toThrow(ForbiddenError);
  });
});

describe("saving a fact", () => {
  it("refuses a quote that is not in the source, at the quote field", async () => {
    const f = await getFact({ actor: admin, id: "fact-000-03", db: t.db });
    try {
      await updateFact({
        actor: admin,
        id: f.id,
        version: f.version,
        input: inputOf(f, { quote: "words the article never printed" }),
        db: t.db,
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors.quote?.[0]).toMatch(/not in the source/);
    }
  });

  it("validates the form: figure fields iff figure, at least one party and topic, strict dates, no bidi", () => {
    const base = {
      kind: "statement",
      text: "T",
      sourceId: "src-000",
      quote: "Q",
      dateStart: "2024-02-30",
      dateEnd: "2024-02-30",
      datePrecision: "day",
      partyIds: "",
      topicIds: "KZ",
      value: "12",
    };
    const r = factFormSchema.safeParse(base);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["partyIds", "dateStart", "value"]));
    const fig = factFormSchema.safeParse({
      ...base,
      kind: "figure",
      dateStart: "2024-02-29",
      dateEnd: "2024-02-29",
      partyIds: "KZ",
      text: "evil\u202Etxt",
    });
    expect(fig.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["text", "metricKey", "unit"]),
    );
    const ok = factFormSchema.parse({
      ...base,
      dateStart: "2024-02-29",
      dateEnd: "2024-02-29",
      partyIds: "KZ,EU,KZ",
      value: "",
      text: "Cafe\u0301",
    });
    expect(ok.partyIds).toEqual(["EU", "KZ"]);
    expect(ok.text).toBe("Café");
  });

  it("refuses to take a fact out of the trash while something it refers to is gone", async () => {
    const topic = await createReferenceRecord({
      actor: admin,
      kind: "topic",
      values: { name: "Short-lived topic", description: "", sortOrder: 99 },
      db: t.db,
    });
    const src = await getFact({ actor: admin, id: "fact-000-01", db: t.db });
    const created = await createFact({
      actor: admin,
      input: inputOf(src, { id: undefined, text: "On a short-lived topic.", topicIds: [topic.id] }),
      db: t.db,
    });
    const deleted = await deleteFact({ actor: admin, id: created.id, version: created.version, db: t.db });
    await deleteReferenceRecord({ actor: admin, kind: "topic", id: topic.id, version: topic.version, db: t.db });
    await expect(
      undeleteFact({ actor: admin, id: created.id, version: deleted.version - 1, db: t.db }),
    ).rejects.toThrow(ConflictError);
    await expect(undeleteFact({ actor: admin, id: created.id, version: deleted.version, db: t.db })).rejects.toThrow(
      /cannot be restored as it stands: One of the topics does not exist/,
    );
    expect((await listDeletedFacts({ actor: admin, db: t.db })).map((f) => f.id)).toContain(created.id);
  });

  it("creates, updates, deletes, undeletes and restores, each with an audit row holding before and after", async () => {
    const src = await getFact({ actor: admin, id: "fact-000-01", db: t.db });
    const created = await createFact({
      actor: admin,
      input: inputOf(src, { id: undefined, text: "A new fact." }),
      db: t.db,
    });
    const v2 = await updateFact({
      actor: admin,
      id: created.id,
      version: 1,
      input: inputOf(created, { text: "Edited." }),
      db: t.db,
    });
    expect(v2.version).toBe(2);
    const deleted = await deleteFact({ actor: admin, id: created.id, version: 2, db: t.db });
    expect((await listDeletedFacts({ actor: admin, db: t.db })).map((f) => f.id)).toContain(created.id);
    const back = await undeleteFact({ actor: admin, id: created.id, version: deleted.version, db: t.db });
    const rows = await auditRows(t.db, created.id);
    expect(rows.map((r) => r.action)).toEqual(["fact.created", "fact.updated", "fact.deleted", "fact.undeleted"]);
    expect(rows[1].before).toMatchObject({ text: "A new fact." });
    expect(rows[1].after).toMatchObject({ text: "Edited." });
    expect(rows.slice(1).every((r) => r.before && r.after)).toBe(true);
    const restored = await restoreFactVersion({
      actor: admin,
      id: created.id,
      version: back.version,
      auditId: rows[0].id,
      db: t.db,
    });
    expect(restored.text).toBe("A new fact.");
    expect(restored.version).toBe(back.version + 1);
    expect((await auditRows(t.db, created.id)).at(-1)).toMatchObject({
      action: "fact.version_restored",
      before: { text: "Edited." },
      after: { text: "A new fact." },
    });
  });
});

describe("no lost updates", () => {
  it("of 200 random concurrent edit pairs, exactly one wins and the other gets ConflictError", async () => {
    // Two connections to the same file, as two server processes or requests would have.
    const a = openDatabase(t.file);
    const b = openDatabase(t.file);
    const ids = (await listFacts({ actor: admin, filters: filters({}), db: t.db })).rows.map((r) => r.id);
    let silent = 0;
    for (let i = 0; i < 200; i++) {
      const id = ids[Math.floor(Math.random() * ids.length)];
      const loadedA = await getFact({ actor: admin, id, db: a });
      const loadedB = await getFact({ actor: admin, id, db: b });
      expect(loadedA.version).toBe(loadedB.version);
      const order =
        Math.random() < 0.5
          ? ([
              [a, "A"],
              [b, "B"],
            ] as const)
          : ([
              [b, "B"],
              [a, "A"],
            ] as const);
      const results: { who: "A" | "B"; saved: FactRecord | null }[] = [];
      for (const [db, who] of order) {
        const loaded = who === "A" ? loadedA : loadedB;
        try {
          results.push({
            who,
            saved: await updateFact({
              actor: admin,
              id,
              version: loaded.version,
              input: inputOf(loaded, { dateNote: `${who} ${i}` }),
              db,
            }),
          });
        } catch (e) {
          expect(e).toBeInstanceOf(ConflictError);
          expect((e as ConflictError<FactRecord>).current.dateNote).toBe(`${order[0][1]} ${i}`);
          results.push({ who, saved: null });
        }
      }
      expect(results.filter((r) => r.saved).length).toBe(1);
      const stored = await getFact({ actor: admin, id, db: t.db });
      expect(stored.version).toBe(loadedA.version + 1);
      if (stored.dateNote !== `${results.find((r) => r.saved)!.who} ${i}`) silent++;
    }
    expect(silent).toBe(0);
    closeDatabase(a);
    closeDatabase(b);
  });
});
