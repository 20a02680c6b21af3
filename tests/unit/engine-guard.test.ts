import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb, readerOf, selectRows } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { createMigratedDb, sqlRows } from "../helpers/db";
import { testEngine } from "../helpers/pg-databases";

// The suite runs twice in CI, once per engine (CHANCERY_TEST_ENGINE). A misconfigured run —
// DATABASE_URL not reaching the workers, a helper that opens SQLite whatever the engine —
// would test SQLite twice and pass: this file fails it.

afterAll(() => closeDb());

describe("the engine under test", () => {
  it("is the one CHANCERY_TEST_ENGINE asks for", () => {
    expect(ENGINE).toBe(testEngine());
  });

  it("answers test databases from that engine's server", async () => {
    const t = await createMigratedDb();
    try {
      expect(t.db.engine).toBe(testEngine());
      const [row] = await sqlRows<{ version: string }>(
        t.db,
        testEngine() === "postgres"
          ? sql`SELECT version() AS version`
          : sql`SELECT 'SQLite ' || sqlite_version() AS version`,
      );
      expect(row.version).toMatch(
        testEngine() === "postgres" ? /^PostgreSQL 1[5-9]|^PostgreSQL [2-9]\d/ : /^SQLite 3\./,
      );
    } finally {
      t.close();
    }
  });

  it("is the app's database engine too (getDb, from DATABASE_URL)", async () => {
    if (testEngine() === "sqlite") {
      const t = await createMigratedDb();
      process.env.DATABASE_URL = t.file;
      try {
        expect(getDb().engine).toBe("sqlite");
        expect(await selectRows(readerOf(getDb()), sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
      } finally {
        closeDb();
        t.close();
      }
      return;
    }
    expect(getDb().engine).toBe("postgres");
    expect(await selectRows(readerOf(getDb()), sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });
});
