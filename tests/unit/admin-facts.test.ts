import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "@/db/client";
import { createFact, deleteFact, restoreFactVersion, undeleteFact, updateFact } from "@/db/queries/fact-changes";
import { getFact, listDeletedFacts, listFacts, type FactRecord } from "@/db/queries/facts";
import { createReferenceRecord } from "@/db/queries/reference-data/create-reference-record";
import { deleteReferenceRecord } from "@/db/queries/reference-data/delete-reference-record";
import { createUser } from "@/db/queries/users";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { factFormSchema, type FactInput } from "@/lib/validation/fact";
import { factFiltersSchema } from "@/lib/validation/fact-filters";
import { createSeededDb, type TestDb } from "../helpers/db";

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
    return { userId: u.id, email: u.email, name: u.name, role, ip: null };
  };
  admin = await mk("admin");
  staff = await mk("staff");
});
afterAll(() => t.close());

const inputOf = (f: FactRecord, change: Partial<FactInput> = {}): FactInput => ({
  id: f.id,
  version: f.version,
  kind: f.kind,
  text: f.text,
  sourceId: f.sourceId,
  quote: f.quote,
  meetingId: f.meetingId,
  dateStart: f.dateStart,
  dateEnd: f.dateEnd,
  datePrecision: f.datePrecision,
  dateInferred: f.dateInferred,
  dateNote: f.dateNote,
  partyIds: f.partyIds,
  topicIds: f.topicIds,
  metricKey: f.metricKey,
  value: f.value,
  unit: f.unit,
  currency: f.currency,
  periodLabel: f.periodLabel,
  approximate: f.approximate,
  rank: f.rank,
  ...change,
});
const auditRows = (db: DB, id: string) => db.select().from(s.auditLog).where(eq(s.auditLog.entityId, id)).all();
const filters = (q: Record<string, string>) => factFiltersSchema.parse(q);

describe("the fact list", () => {
  it("filters by country, kind, words and date overlap, with counts and pages", () => {
    const all = listFacts({ actor: admin, filters: filters({}), db: t.db });
    expect(all.total).toBeGreaterThan(50);
    expect(all.rows).toHaveLength(25);
    const figures = listFacts({ actor: admin, filters: filters({ kind: "figure" }), db: t.db });
    expect(figures.total).toBeGreaterThan(0);
    expect(figures.rows.every((r) => r.kind === "figure")).toBe(true);
    const covid = listFacts({ actor: admin, filters: filters({ q: "Covid-19 pandemic" }), db: t.db });
    expect(covid.rows.map((r) => r.id)).toContain("fact-000-02");
    const in2020 = listFacts({ actor: admin, filters: filters({ from: "2020-11-01", to: "2020-11-30" }), db: t.db });
    expect(in2020.rows.every((r) => r.dateStart <= "2020-11-30" && r.dateEnd >= "2020-11-01")).toBe(true);
    const af = listFacts({ actor: admin, filters: filters({ country: "AF" }), db: t.db });
    expect(af.rows.every((r) => r.partyIds.includes("AF"))).toBe(true);
  });

  it("treats FTS syntax in the words as text, never as a query", () => {
    for (const q of ['"', "NEAR(", "text:EU", "a OR", "*", "-x", "'; DROP TABLE facts; --"]) {
      expect(() => listFacts({ actor: admin, filters: filters({ q }), db: t.db })).not.toThrow();
    }
  });

  it("falls back on a bad sort or page instead of failing", () => {
    const f = filters({ sort: "password_hash", dir: "sideways", page: "-3" });
    expect(f).toMatchObject({ sort: "date", dir: "desc", page: 1 });
  });

  it("is for admins only", () => {
    expect(() => listFacts({ actor: staff, filters: filters({}), db: t.db })).toThrow(ForbiddenError);
    expect(() =>
      updateFact({
        actor: staff,
        id: "fact-000-01",
        version: 1,
        input: inputOf(getFact({ actor: admin, id: "fact-000-01", db: t.db })),
        db: t.db,
      }),
    ).toThrow(ForbiddenError);
  });
});

describe("saving a fact", () => {
  it("refuses a quote that is not in the source, at the quote field", () => {
    const f = getFact({ actor: admin, id: "fact-000-03", db: t.db });
    try {
      updateFact({
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
    const src = getFact({ actor: admin, id: "fact-000-01", db: t.db });
    const created = createFact({
      actor: admin,
      input: inputOf(src, { id: undefined, text: "On a short-lived topic.", topicIds: [topic.id] }),
      db: t.db,
    });
    const deleted = deleteFact({ actor: admin, id: created.id, version: created.version, db: t.db });
    await deleteReferenceRecord({ actor: admin, kind: "topic", id: topic.id, version: topic.version, db: t.db });
    expect(() => undeleteFact({ actor: admin, id: created.id, version: deleted.version - 1, db: t.db })).toThrow(
      ConflictError,
    );
    expect(() => undeleteFact({ actor: admin, id: created.id, version: deleted.version, db: t.db })).toThrow(
      /cannot be restored as it stands: One of the topics does not exist/,
    );
    expect(listDeletedFacts({ actor: admin, db: t.db }).map((f) => f.id)).toContain(created.id);
  });

  it("creates, updates, deletes, undeletes and restores, each with an audit row holding before and after", () => {
    const src = getFact({ actor: admin, id: "fact-000-01", db: t.db });
    const created = createFact({ actor: admin, input: inputOf(src, { id: undefined, text: "A new fact." }), db: t.db });
    const v2 = updateFact({
      actor: admin,
      id: created.id,
      version: 1,
      input: inputOf(created, { text: "Edited." }),
      db: t.db,
    });
    expect(v2.version).toBe(2);
    const deleted = deleteFact({ actor: admin, id: created.id, version: 2, db: t.db });
    expect(listDeletedFacts({ actor: admin, db: t.db }).map((f) => f.id)).toContain(created.id);
    const back = undeleteFact({ actor: admin, id: created.id, version: deleted.version, db: t.db });
    const rows = auditRows(t.db, created.id);
    expect(rows.map((r) => r.action)).toEqual(["fact.created", "fact.updated", "fact.deleted", "fact.undeleted"]);
    expect(rows[1].before).toMatchObject({ text: "A new fact." });
    expect(rows[1].after).toMatchObject({ text: "Edited." });
    expect(rows.slice(1).every((r) => r.before && r.after)).toBe(true);
    const restored = restoreFactVersion({
      actor: admin,
      id: created.id,
      version: back.version,
      auditId: rows[0].id,
      db: t.db,
    });
    expect(restored.text).toBe("A new fact.");
    expect(restored.version).toBe(back.version + 1);
    expect(auditRows(t.db, created.id).at(-1)).toMatchObject({
      action: "fact.version_restored",
      before: { text: "Edited." },
      after: { text: "A new fact." },
    });
  });
});

describe("no lost updates", () => {
  it("of 200 random concurrent edit pairs, exactly one wins and the other gets ConflictError", () => {
    // Two connections to the same file, as two server processes or requests would have.
    const a = openDatabase(t.file);
    const b = openDatabase(t.file);
    const ids = listFacts({ actor: admin, filters: filters({}), db: t.db }).rows.map((r) => r.id);
    let silent = 0;
    for (let i = 0; i < 200; i++) {
      const id = ids[Math.floor(Math.random() * ids.length)];
      const loadedA = getFact({ actor: admin, id, db: a });
      const loadedB = getFact({ actor: admin, id, db: b });
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
      const results = order.map(([db, who]) => {
        const loaded = who === "A" ? loadedA : loadedB;
        try {
          return {
            who,
            saved: updateFact({
              actor: admin,
              id,
              version: loaded.version,
              input: inputOf(loaded, { dateNote: `${who} ${i}` }),
              db,
            }),
          };
        } catch (e) {
          expect(e).toBeInstanceOf(ConflictError);
          expect((e as ConflictError<FactRecord>).current.dateNote).toBe(`${order[0][1]} ${i}`);
          return { who, saved: null };
        }
      });
      expect(results.filter((r) => r.saved).length).toBe(1);
      const stored = getFact({ actor: admin, id, db: t.db });
      expect(stored.version).toBe(loadedA.version + 1);
      if (stored.dateNote !== `${results.find((r) => r.saved)!.who} ${i}`) silent++;
    }
    expect(silent).toBe(0);
    a.$client.close();
    b.$client.close();
  });
});
