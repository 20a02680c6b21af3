import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE } from "@/db/engine";
import { seedData } from "@/db/seed/data";
import { createSeededDb, refusalOf, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

/*
 * Handling per fact in the database (migration 0010): the columns, their defaults, the CHECKs that
 * refuse nonsense, the seed's values and the migration's update of an existing database's shipped facts.
 * A real database each, on the run's engine.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t.close());

const migration = fs.readdirSync("drizzle").find((f) => /^0010_handling\.sql$/.test(f))!;
const dataStatements = () =>
  fs
    .readFileSync(path.join("drizzle", migration), "utf8")
    .split("--> statement-breakpoint")
    .filter((q) => /^\s*(--.*\n\s*)*UPDATE/.test(q));

/** The engine's message for a refused CHECK, which names the constraint on both engines. */
async function refusal(write: Promise<unknown>): Promise<string> {
  const refused = await refusalOf(write);
  expect(refused.kind).toBe("check");
  return refused.message;
}

const insertFact = (id: string, handling: string, marking: string) =>
  sqlWrite(
    t.db,
    sql`INSERT INTO facts (id, kind, text, date_start, date_end, date_precision, source_id, quote, handling, marking, created_at, updated_at)
        VALUES (${id}, 'statement', 'A test fact.', '2024-01-01', '2024-01-01', 'day', 'src-000', 'a quote', ${handling}, ${marking}, 'now', 'now')`,
  );

describe("the handling columns", () => {
  it("give the shipped facts releasable and OFFICIAL, as the seed says", async () => {
    const rows = await sqlRows<{ handling: string; marking: string; n: number }>(
      t.db,
      sql`SELECT handling, marking, count(*) AS n FROM facts GROUP BY handling, marking`,
    );
    expect(rows).toEqual([{ handling: "releasable", marking: "OFFICIAL", n: seedData.facts.length }]);
  });

  it("default a new fact to internal and OFFICIAL, and a user to clearance OFFICIAL", async () => {
    await sqlWrite(
      t.db,
      sql`INSERT INTO facts (id, kind, text, date_start, date_end, date_precision, source_id, quote, created_at, updated_at)
          VALUES ('fact-defaults', 'statement', 'A test fact.', '2024-01-01', '2024-01-01', 'day', 'src-000', 'a quote', 'now', 'now')`,
    );
    expect(await sqlRows(t.db, sql`SELECT handling, marking FROM facts WHERE id = 'fact-defaults'`)).toEqual([
      { handling: "internal", marking: "OFFICIAL" },
    ]);
    await sqlWrite(
      t.db,
      sql`INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
          VALUES ('user-defaults', 'defaults@example.test', 'Defaults', 'x', 'now', 'now')`,
    );
    expect(await sqlRows(t.db, sql`SELECT clearance_level FROM users WHERE id = 'user-defaults'`)).toEqual([
      { clearance_level: "OFFICIAL" },
    ]);
  });

  it.each([
    ["releasable", "OFFICIAL"],
    ["releasable", "OFFICIAL-SENSITIVE"],
    ["internal", "SECRET"],
    ["not-for-disclosure", "SECRET"],
  ])("accept %s + %s", async (handling, marking) => {
    await insertFact(`fact-ok-${handling}-${marking}`, handling, marking);
  });

  it.each([
    ["releasable", "SECRET", "facts_releasable_not_secret"],
    ["public", "OFFICIAL", "facts_handling_known"],
    ["internal", "TOP-SECRET", "facts_marking_known"],
  ])("refuse %s + %s (%s)", async (handling, marking, constraint) => {
    expect(await refusal(insertFact(`fact-bad-${handling}-${marking}`, handling, marking))).toContain(constraint);
  });

  it("refuse making a releasable fact SECRET by update, and an unknown clearance level", async () => {
    expect(await refusal(sqlWrite(t.db, sql`UPDATE facts SET marking = 'SECRET' WHERE id = 'fact-000-01'`))).toContain(
      "facts_releasable_not_secret",
    );
    expect(
      await refusal(sqlWrite(t.db, sql`UPDATE users SET clearance_level = 'TOP-SECRET' WHERE id = 'user-defaults'`)),
    ).toContain("users_clearance_level_known");
  });

  it("keep full-text search working (the migration adds columns; it does not rebuild the table)", async () => {
    if (ENGINE === "sqlite") {
      // SQLite's index is kept by triggers on facts, which a table rebuild would have dropped.
      const triggers = await sqlRows<{ name: string }>(
        t.db,
        sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'facts' ORDER BY name`,
      );
      expect(triggers.length).toBeGreaterThan(0);
    }
    await sqlWrite(t.db, sql`UPDATE facts SET text = 'Zanzibarish wording.' WHERE id = 'fact-defaults'`);
    // PostgreSQL's index is facts.search, a generated column (drizzle-pg/0001_facts_search.sql).
    const hits = await sqlRows<{ id: string }>(
      t.db,
      ENGINE === "postgres"
        ? sql`SELECT id FROM facts WHERE search @@ to_tsquery('chancery_stemmed', 'zanzibarish')`
        : sql`SELECT f.id FROM facts_fts JOIN facts f ON f.seq = facts_fts.rowid WHERE facts_fts MATCH 'zanzibarish'`,
    );
    expect(hits.map((h) => h.id)).toEqual(["fact-defaults"]);
  });
});

describe("an existing database gets the shipped facts' handling from migration 0010", () => {
  // SQLite only: it runs SQLite's migration 0010 (strftime and all) on a database as an older
  // release left it. No PostgreSQL database predates handling: drizzle-pg/0000 creates the
  // columns and the seed gives the shipped facts their values (the first test above, on both).
  it.runIf(ENGINE === "sqlite")(
    "sets unedited shipped facts releasable, bumps their version, and leaves an admin's edit alone",
    async () => {
      const db2 = await createSeededDb();
      try {
        // As an older database stands after the ALTERs: every fact at the defaults; one edited by
        // an administrator; 0005's correction at version 2; one deleted.
        for (const statement of [
          `UPDATE facts SET handling = 'internal', marking = 'OFFICIAL'`,
          `INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
           VALUES ('user-admin', 'admin@example.test', 'Admin', 'x', 'now', 'now')`,
          `UPDATE facts SET version = 3, updated_by = 'user-admin', marking = 'OFFICIAL-SENSITIVE' WHERE id = 'fact-000-01'`,
          `UPDATE facts SET version = 2 WHERE id = 'fact-002-09'`,
          `UPDATE facts SET deleted_at = 'now' WHERE id = 'fact-000-02'`,
        ])
          await sqlWrite(db2.db, sql.raw(statement));
        const statements = dataStatements();
        expect(statements).toHaveLength(1);
        for (const q of statements) await sqlWrite(db2.db, sql.raw(q));
        const fact = async (id: string) =>
          (await sqlRows(db2.db, sql`SELECT handling, marking, version FROM facts WHERE id = ${id}`))[0];
        expect(await fact("fact-000-03")).toEqual({ handling: "releasable", marking: "OFFICIAL", version: 2 });
        expect(await fact("fact-002-09")).toEqual({ handling: "releasable", marking: "OFFICIAL", version: 3 });
        expect(await fact("fact-000-01")).toEqual({ handling: "internal", marking: "OFFICIAL-SENSITIVE", version: 3 });
        expect(await fact("fact-000-02")).toEqual({ handling: "internal", marking: "OFFICIAL", version: 1 });
        const [{ n }] = await sqlRows<{ n: number }>(
          db2.db,
          sql`SELECT count(*) AS n FROM facts WHERE handling = 'releasable'`,
        );
        expect(n).toBe(seedData.facts.length - 2);
      } finally {
        db2.close();
      }
    },
  );

  it("names every shipped fact in its update", () => {
    const text = dataStatements().join("\n");
    for (const f of seedData.facts) expect(text).toContain(`'${f.id}'`);
  });
});
