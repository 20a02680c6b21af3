import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { seedDatabase } from "@/db/seed/seed";
import { ftsPartyQuery, ftsQuery, parseSearch, partyToken } from "@/lib/search/fts";
import {
  closeDatabase,
  openDatabase,
  selectRows,
  withReadTransaction,
  withWriteTransaction,
  type Tx,
} from "@/db/client";
import { ENGINE } from "@/db/engine";
import { migrationsFolder } from "@/db/migrate";
import { createMigratedDb, createSeededDb, read, refusalOf, sqlRows, tableNames, type TestDb } from "../helpers/db";

let t: TestDb | undefined;
afterEach(() => t?.close());
const write = (fn: (tx: Tx) => Promise<unknown>) => withWriteTransaction(t!.db, fn);

const counts = async (db: TestDb["db"]) => {
  const result: Record<string, number> = {};
  for (const name of await tableNames(db)) {
    const [row] = await sqlRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(name)}`);
    result[name] = row.n;
  }
  return result;
};

describe("migrations", () => {
  it("give an empty file the full schema", async () => {
    t = await createMigratedDb();
    const names = await tableNames(t.db);
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
      "briefing_shares",
      "briefing_comments",
      "clearance_requests",
      "clearance_request_clearers",
      "user_second_factors",
      "recovery_codes",
      "second_factor_failures",
      "audit_log",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("index what the inbox and a briefing's access look up (migration 0008)", async () => {
    t = await createMigratedDb();
    const plan = async (query: string) =>
      ENGINE === "postgres"
        ? // An empty table is read whole whatever its indexes; with that off, the plan names the
          // index that can answer, as SQLite's does.
          withReadTransaction(t!.db, async (tx) => {
            await selectRows(tx, sql`SET LOCAL enable_seqscan = off`);
            const rows = await selectRows<{ "QUERY PLAN": string }>(tx, sql.raw(`EXPLAIN ${query}`));
            return rows.map((r) => r["QUERY PLAN"]).join(" | ");
          })
        : (await sqlRows<{ detail: string }>(t!.db, sql.raw(`EXPLAIN QUERY PLAN ${query}`)))
            .map((r) => r.detail)
            .join(" | ");
    expect(await plan("SELECT * FROM briefing_shares WHERE user_id = 'u' ORDER BY created_at")).toContain(
      "briefing_shares_user_idx",
    );
    // The primary key's index: SQLite names it itself, drizzle names PostgreSQL's.
    expect(await plan("SELECT * FROM briefing_shares WHERE briefing_id = 'b' AND user_id = 'u'")).toContain(
      ENGINE === "postgres" ? "briefing_shares_briefing_id_user_id_pk" : "sqlite_autoindex_briefing_shares_1",
    );
    expect(await plan("SELECT * FROM clearance_request_clearers WHERE user_id = 'u'")).toContain(
      "clearance_request_clearers_user_idx",
    );
    expect(
      await plan("SELECT * FROM clearance_requests WHERE briefing_id = 'b' ORDER BY submitted_at DESC LIMIT 1"),
    ).toContain("clearance_requests_briefing_idx");
    expect(await plan("SELECT * FROM briefing_comments WHERE briefing_id = 'b' ORDER BY created_at")).toContain(
      "briefing_comments_briefing_idx",
    );
  });

  it("open connections with the required settings", async () => {
    t = await createMigratedDb();
    if (ENGINE === "postgres") {
      // PostgreSQL's equivalents: text UTF-8 with a ctype that folds case beyond ASCII
      // (dialect.casefold relies on it), and plain reads on read-only sessions. Foreign keys are
      // always enforced there; durability (fsync, synchronous_commit) is the server's
      // configuration, not the connection's (the test cluster turns it off for speed).
      const show = async (name: string) => Object.values((await sqlRows(t!.db, sql.raw(`SHOW ${name}`)))[0])[0];
      expect(await show("server_encoding")).toBe("UTF8");
      expect(await sqlRows(t.db, sql`SELECT lower('ÉTÉ ПРИВЕТ') AS folded`)).toEqual([{ folded: "été привет" }]);
      expect(await show("default_transaction_read_only")).toBe("on");
      return;
    }
    const p = async (name: string) => Object.values((await sqlRows(t!.db, sql.raw(`PRAGMA ${name}`)))[0])[0];
    expect(await p("journal_mode")).toBe("wal");
    expect(await p("synchronous")).toBe(2); // FULL
    expect(await p("foreign_keys")).toBe(1);
    expect(await p("busy_timeout")).toBe(5000);
  });
});

// SQLite only: an existing SQLite database upgraded by 0013. PostgreSQL's 0004 numbers existing
// rows by time (no insertion order survives there); new rows' order is pinned on both engines by
// comments.test.ts and clearance.test.ts.
describe.runIf(ENGINE === "sqlite")("migration 0013 (seq on clearance requests and comments)", () => {
  it("numbers existing rows in their insertion order, and each new row after them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-seq-upgrade-"));
    try {
      const before = path.join(dir, "drizzle");
      fs.cpSync(migrationsFolder(), before, { recursive: true });
      const journalFile = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8"));
      journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < "0013");
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      // A database as an older release left it, on a bare connection (foreign keys off: the
      // rows need no briefing or user), with rows sharing one instant, ids against their order.
      const file = path.join(dir, "old.db");
      const raw = new BetterSqlite3(file);
      raw.pragma("foreign_keys = OFF"); // better-sqlite3 turns them on by default
      const at = "2026-06-01T10:00:00.000Z";
      const comments = (ids: string[]) =>
        raw.exec(
          ids
            .map(
              (id) =>
                `INSERT INTO briefing_comments (id, briefing_id, revision, author_id, body, created_at) VALUES ('${id}', 'b', 1, 'u', 'x', '${at}');`,
            )
            .join("\n"),
        );
      const requests = (ids: string[]) =>
        raw.exec(
          ids
            .map(
              (id) =>
                `INSERT INTO clearance_requests (id, briefing_id, submitted_by, submitted_at, briefing_version) VALUES ('${id}', 'b', 'u', '${at}', 1);`,
            )
            .join("\n"),
        );
      try {
        migrate(drizzle(raw), { migrationsFolder: before });
        comments(["c-z", "c-m", "c-a"]);
        requests(["r-z", "r-a"]);
        migrate(drizzle(raw), { migrationsFolder: migrationsFolder() });
        comments(["c-b"]);
        requests(["r-b"]);
      } finally {
        raw.close();
      }
      const db = openDatabase(file);
      try {
        const bySeq = (table: string) =>
          sqlRows<{ id: string; seq: number }>(db, sql`SELECT id, seq FROM ${sql.identifier(table)} ORDER BY seq`);
        expect(await bySeq("briefing_comments")).toEqual([
          { id: "c-z", seq: 1 },
          { id: "c-m", seq: 2 },
          { id: "c-a", seq: 3 },
          { id: "c-b", seq: 4 },
        ]);
        expect(await bySeq("clearance_requests")).toEqual([
          { id: "r-z", seq: 1 },
          { id: "r-a", seq: 2 },
          { id: "r-b", seq: 3 },
        ]);
      } finally {
        closeDatabase(db);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("seeding", () => {
  it("twice changes nothing", async () => {
    t = await createSeededDb();
    const before = await counts(t.db);
    const report = await seedDatabase(t.db);
    expect(Object.values(report.inserted).every((n) => n === 0)).toBe(true);
    expect(await counts(t.db)).toEqual(before);
  });

  it("never overwrites or revives a row an admin edited or retired", async () => {
    t = await createSeededDb();
    const [first, second] = await read(t.db).select().from(s.facts).limit(2);
    await withWriteTransaction(t.db, async (tx) => {
      await tx.update(s.facts).set({ text: "Edited by an admin.", version: 2 }).where(eq(s.facts.id, first.id));
      await tx.update(s.facts).set({ deletedAt: "2026-01-01T00:00:00.000Z" }).where(eq(s.facts.id, second.id));
      await tx.delete(s.factTopics).where(eq(s.factTopics.factId, first.id));
      await tx.insert(s.factTopics).values({ factId: first.id, topicId: "health" }).onConflictDoNothing();
    });
    await seedDatabase(t.db);
    const after = async (id: string) => (await read(t!.db).select().from(s.facts).where(eq(s.facts.id, id)))[0];
    expect((await after(first.id)).text).toBe("Edited by an admin.");
    expect((await after(second.id)).deletedAt).not.toBeNull();
    const topicsOfFirst = await read(t.db).select().from(s.factTopics).where(eq(s.factTopics.factId, first.id));
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
  const insertFact = async (values: typeof s.facts.$inferInsert) => {
    await write((tx) => tx.insert(s.facts).values(values));
  };

  it("accepts a valid fact (so the refusals below are about the one bad field)", async () => {
    t = await createSeededDb();
    await expect(insertFact(baseFact)).resolves.toBeUndefined();
  });

  it.each([
    ["an impossible day", { dateEnd: "2024-02-30" }],
    ["29 February in a common year", { dateStart: "2023-02-29", dateEnd: "2023-02-29", datePrecision: "day" as const }],
    ["an end before the start", { dateStart: "2024-03-01", dateEnd: "2024-02-01" }],
    ["a NUL character", { text: "A state\u0000ment." }],
    ["a right-to-left override", { text: "Trade \u202Eenil\u202C figure." }],
    ["a bidi isolate in a quote", { quote: "NUR\u2066-SULTAN" }],
    ["a figure without its value", { kind: "figure" as const, metricKey: "trade-turnover:KZ-EU", unit: "billion" }],
  ])("refuses %s", async (_label, patch) => {
    t = await createSeededDb();
    const refused = await refusalOf(insertFact({ ...baseFact, ...patch }));
    // PostgreSQL refuses a NUL in any text before a CHECK sees it (invalid byte sequence).
    const nul = Object.values(patch).some((v) => typeof v === "string" && v.includes("\u0000"));
    expect(refused.kind).toBe(ENGINE === "postgres" && nul ? "invalid-text" : "check");
  });

  it("refuses a fact citing an unknown source", async () => {
    t = await createSeededDb();
    expect((await refusalOf(insertFact({ ...baseFact, sourceId: "src-nope" }))).kind).toBe("foreign-key");
  });

  // SQLite only: its CHECK reads a day as `date(x) IS x`, which relies on this. PostgreSQL's
  // checks read the pattern and the calendar instead (db/schema-pg/columns.ts), and the
  // impossible days above are refused on both engines.
  it.runIf(ENGINE === "sqlite")("keeps the SQLite date() roll-over from hiding an impossible date", async () => {
    t = await createMigratedDb();
    const [row] = await sqlRows<{ d: string }>(t.db, sql`SELECT date('2024-02-30') AS d`);
    expect(row.d).not.toBe("2024-02-30");
  });
});

// SQLite only: FTS5's index (facts_fts, its triggers and its party tokens). PostgreSQL searches
// a generated tsvector column instead, pinned to the same matches by postgres-search.test.ts and
// kept in step with edits per postgres-schema.test.ts, both run on every run, SQLite's included.
describe.runIf(ENGINE === "sqlite")("full-text search (SQLite's FTS5 index)", () => {
  const search = async (db: TestDb["db"], q: string) =>
    (
      await sqlRows<{ id: string }>(
        db,
        sql`SELECT f.id FROM facts_fts JOIN facts f ON f.seq = facts_fts.rowid WHERE facts_fts MATCH ${q} ORDER BY f.id`,
      )
    ).map((r) => r.id);
  const words = (input: string) => ftsQuery(parseSearch(input)!);

  it("indexes every seeded fact and follows edits", async () => {
    t = await createSeededDb();
    const facts = await read(t.db).select({ id: s.facts.id }).from(s.facts);
    const [indexed] = await sqlRows<{ n: number }>(t.db, sql`SELECT count(*) AS n FROM facts_fts`);
    expect(indexed.n).toBe(facts.length);
    const id = facts[0].id;
    await write((tx) => tx.update(s.facts).set({ text: "Zanzibarian quokka statement." }).where(eq(s.facts.id, id)));
    expect(await search(t.db, "quokka")).toEqual([id]);
    await write(async (tx) => {
      await tx.delete(s.factTopics).where(eq(s.factTopics.factId, id));
      await tx.delete(s.factParties).where(eq(s.factParties.factId, id));
      await tx.delete(s.facts).where(eq(s.facts.id, id));
    });
    expect(await search(t.db, "quokka")).toEqual([]);
  });

  it("records each fact's parties, following link changes", async () => {
    t = await createSeededDb();
    const [fact] = await read(t.db).select().from(s.facts).limit(1);
    const id = fact.id;
    const about = async (party: string) => (await search(t!.db, `{parties} : "${partyToken(party)}"`)).includes(id);
    const linked = (await read(t.db).select().from(s.factParties).where(eq(s.factParties.factId, id))).map(
      (r) => r.partyId,
    );
    for (const party of linked) expect(await about(party)).toBe(true);
    const other = ["KZ", "KG", "TJ", "TM", "UZ", "AF", "EU"].find((p) => !linked.includes(p))!;
    expect(await about(other)).toBe(false);
    await write((tx) => tx.insert(s.factParties).values({ factId: id, partyId: other }));
    expect(await about(other)).toBe(true);
    await write((tx) =>
      tx.delete(s.factParties).where(and(eq(s.factParties.factId, id), eq(s.factParties.partyId, other))),
    );
    expect(await about(other)).toBe(false);
    expect(await search(t.db, ftsPartyQuery(linked[0], parseSearch(fact.text.split(" ")[0])!))).toContain(id);
  });

  it("takes control characters as word breaks and every word as a condition", async () => {
    t = await createSeededDb();
    await expect(search(t!.db, words("a\u0000b"))).resolves.toBeDefined();
    expect(await search(t.db, words("pandemic\u0000ventilators"))).toEqual(
      await search(t.db, words("pandemic ventilators")),
    );
    const filler = Array.from({ length: 25 }, () => "the").join(" ");
    expect((await search(t.db, words(`${filler} ventilators`))).length).toBeGreaterThan(0);
    expect(await search(t.db, words(`${filler} zzzznothing`))).toEqual([]);
  });

  it("finds words in quotes, ignoring case and diacritics", async () => {
    t = await createSeededDb();
    expect((await search(t.db, "ventilators")).length).toBeGreaterThan(0);
    expect(await search(t.db, "VÉNTILATORS")).toEqual(await search(t.db, "ventilators"));
  });
});
