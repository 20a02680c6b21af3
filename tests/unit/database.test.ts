import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { seedDatabase } from "@/db/seed/seed";
import { ftsPartyQuery, ftsQuery, parseSearch, partyToken } from "@/lib/search/fts";
import { createMigratedDb, createSeededDb, type TestDb } from "../helpers/db";

let t: TestDb | undefined;
afterEach(() => t?.close());

const tableNames = (db: TestDb["db"]) =>
  db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all() as string[];

const counts = (db: TestDb["db"]) =>
  Object.fromEntries(tableNames(db).map((n) => [n, db.$client.prepare(`SELECT count(*) FROM "${n}"`).pluck().get()]));

describe("migrations", () => {
  it("give an empty file the full schema", async () => {
    t = await createMigratedDb();
    const names = tableNames(t.db);
    for (const table of [
      "parties",
      "topics",
      "sources",
      "people",
      "person_roles",
      "meetings",
      "meeting_sources",
      "participations",
      "facts",
      "fact_parties",
      "fact_topics",
      "users",
      "briefings",
      "briefing_items",
      "briefing_sections",
      "audit_log",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("open connections with the required pragmas", async () => {
    t = await createMigratedDb();
    const p = (name: string) => t!.db.$client.pragma(name, { simple: true });
    expect(p("journal_mode")).toBe("wal");
    expect(p("synchronous")).toBe(2); // FULL
    expect(p("foreign_keys")).toBe(1);
    expect(p("busy_timeout")).toBe(5000);
  });
});

describe("seeding", () => {
  it("twice changes nothing", async () => {
    t = await createSeededDb();
    const before = counts(t.db);
    const report = seedDatabase(t.db);
    expect(Object.values(report.inserted).every((n) => n === 0)).toBe(true);
    expect(counts(t.db)).toEqual(before);
  });

  it("never overwrites or revives a row an admin edited or retired", async () => {
    t = await createSeededDb();
    const [first, second] = t.db.select().from(s.facts).limit(2).all();
    t.db.update(s.facts).set({ text: "Edited by an admin.", version: 2 }).where(eq(s.facts.id, first.id)).run();
    t.db.update(s.facts).set({ deletedAt: "2026-01-01T00:00:00.000Z" }).where(eq(s.facts.id, second.id)).run();
    t.db.delete(s.factTopics).where(eq(s.factTopics.factId, first.id)).run();
    t.db.insert(s.factTopics).values({ factId: first.id, topicId: "health" }).onConflictDoNothing().run();
    seedDatabase(t.db);
    const after = (id: string) => t!.db.select().from(s.facts).where(eq(s.facts.id, id)).get()!;
    expect(after(first.id).text).toBe("Edited by an admin.");
    expect(after(second.id).deletedAt).not.toBeNull();
    const topicsOfFirst = t.db.select().from(s.factTopics).where(eq(s.factTopics.factId, first.id)).all();
    expect(topicsOfFirst.map((r) => r.topicId)).toEqual(["health"]);
  });
});

describe("constraints refuse bad data at the database", () => {
  const baseFact = {
    id: "fact-test",
    kind: "statement" as const,
    text: "A statement.",
    dateStart: "2024-02-01",
    dateEnd: "2024-02-29",
    datePrecision: "month" as const,
    sourceId: "src-000",
    quote: "NUR-SULTAN",
  };

  it("accepts a valid fact (so the refusals below are about the one bad field)", async () => {
    t = await createSeededDb();
    expect(() => t!.db.insert(s.facts).values(baseFact).run()).not.toThrow();
  });

  it.each([
    ["an impossible day", { dateEnd: "2024-02-30" }],
    ["29 February in a common year", { dateStart: "2023-02-29", dateEnd: "2023-02-29", datePrecision: "day" as const }],
    ["an end before the start", { dateStart: "2024-03-01", dateEnd: "2024-02-01" }],
    ["a NUL character", { text: "A state\u0000ment." }],
    ["a right-to-left override", { text: "Trade \u202Eenil\u202C figure." }],
    ["a bidi isolate in a quote", { quote: "NUR\u2066-SULTAN" }],
    ["a figure without its value", { kind: "figure" as const, metricKey: "trade-turnover:KZ-EU", unit: "billion" }],
  ])("refuses %s", (_label, patch) => {
    t = await createSeededDb();
    expect(() =>
      t!.db
        .insert(s.facts)
        .values({ ...baseFact, ...patch })
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it("refuses a fact citing an unknown source", async () => {
    t = await createSeededDb();
    expect(() =>
      t!.db
        .insert(s.facts)
        .values({ ...baseFact, sourceId: "src-nope" })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("keeps the SQLite date() roll-over from hiding an impossible date", async () => {
    t = await createMigratedDb();
    expect(t.db.get<{ d: string }>(sql`SELECT date('2024-02-30') AS d`)?.d).not.toBe("2024-02-30");
  });
});

describe("full-text search", () => {
  const search = (db: TestDb["db"], q: string) =>
    db.$client
      .prepare(
        "SELECT f.id FROM facts_fts JOIN facts f ON f.seq = facts_fts.rowid WHERE facts_fts MATCH ? ORDER BY f.id",
      )
      .pluck()
      .all(q) as string[];
  const words = (input: string) => ftsQuery(parseSearch(input)!);

  it("indexes every seeded fact and follows edits", async () => {
    t = await createSeededDb();
    const facts = t.db.select({ id: s.facts.id }).from(s.facts).all();
    expect(t.db.$client.prepare("SELECT count(*) FROM facts_fts").pluck().get()).toBe(facts.length);
    const id = facts[0].id;
    t.db.update(s.facts).set({ text: "Zanzibarian quokka statement." }).where(eq(s.facts.id, id)).run();
    expect(search(t.db, "quokka")).toEqual([id]);
    t.db.delete(s.factTopics).where(eq(s.factTopics.factId, id)).run();
    t.db.delete(s.factParties).where(eq(s.factParties.factId, id)).run();
    t.db.delete(s.facts).where(eq(s.facts.id, id)).run();
    expect(search(t.db, "quokka")).toEqual([]);
  });

  it("records each fact's parties, following link changes", async () => {
    t = await createSeededDb();
    const id = t.db.select({ id: s.facts.id }).from(s.facts).get()!.id;
    const about = (party: string) => search(t!.db, `{parties} : "${partyToken(party)}"`).includes(id);
    const linked = t.db
      .select()
      .from(s.factParties)
      .where(eq(s.factParties.factId, id))
      .all()
      .map((r) => r.partyId);
    expect(linked.every(about)).toBe(true);
    const other = ["KZ", "KG", "TJ", "TM", "UZ", "AF", "EU"].find((p) => !linked.includes(p))!;
    expect(about(other)).toBe(false);
    t.db.insert(s.factParties).values({ factId: id, partyId: other }).run();
    expect(about(other)).toBe(true);
    t.db
      .delete(s.factParties)
      .where(and(eq(s.factParties.factId, id), eq(s.factParties.partyId, other)))
      .run();
    expect(about(other)).toBe(false);
    expect(
      search(
        t.db,
        ftsPartyQuery(
          linked[0],
          parseSearch(t.db.select().from(s.facts).where(eq(s.facts.id, id)).get()!.text.split(" ")[0])!,
        ),
      ),
    ).toContain(id);
  });

  it("takes control characters as word breaks and every word as a condition", async () => {
    t = await createSeededDb();
    expect(() => search(t!.db, words("a\u0000b"))).not.toThrow();
    expect(search(t.db, words("pandemic\u0000ventilators"))).toEqual(search(t.db, words("pandemic ventilators")));
    const filler = Array.from({ length: 25 }, () => "the").join(" ");
    expect(search(t.db, words(`${filler} ventilators`)).length).toBeGreaterThan(0);
    expect(search(t.db, words(`${filler} zzzznothing`))).toEqual([]);
  });

  it("finds words in quotes, ignoring case and diacritics", async () => {
    t = await createSeededDb();
    expect(search(t.db, "ventilators").length).toBeGreaterThan(0);
    expect(search(t.db, "VÉNTILATORS")).toEqual(search(t.db, "ventilators"));
  });
});
