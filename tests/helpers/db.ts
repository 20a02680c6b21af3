import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import {
  closeDatabase,
  openDatabase,
  readerOf,
  runStatement,
  selectRows,
  withWriteTransaction,
  type Database,
} from "@/db/client";
import { ENGINE } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/seed";
import { databaseFromTemplate, MIGRATED_TEMPLATE, SEEDED_TEMPLATE } from "./pg-databases";

export interface TestDb {
  db: Database;
  /** The SQLite file, or the PostgreSQL URL: either opens with openDatabase or as DATABASE_URL. */
  file: string;
  close(): void;
}

/**
 * A fresh migrated database on the run's engine: a real SQLite file in a new temporary folder
 * (removed on close()), or on PostgreSQL (CHANCERY_TEST_ENGINE=postgres) a new database copied
 * from the run's migrated template (dropped after the test file).
 */
export async function createMigratedDb(): Promise<TestDb> {
  if (ENGINE === "postgres") return postgresTestDb(MIGRATED_TEMPLATE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  await migrateDatabase(db);
  return {
    db,
    file,
    close() {
      closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** As createMigratedDb, with the shipped fact base seeded. */
export async function createSeededDb(): Promise<TestDb> {
  if (ENGINE === "postgres") return postgresTestDb(SEEDED_TEMPLATE);
  const t = await createMigratedDb();
  await seedDatabase(t.db);
  return t;
}

async function postgresTestDb(template: string): Promise<TestDb> {
  const url = await databaseFromTemplate(template);
  const db = openDatabase(url);
  return { db, file: url, close: () => closeDatabase(db) };
}

/**
 * Hand-written SQL for tests that look under the data layer (counts, pragmas, shadow
 * tables). Reads see committed rows; writes run in their own write transaction.
 */
export async function sqlRows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  return selectRows<T>(readerOf(db), query);
}

export async function sqlWrite(db: Database, query: SQL): Promise<void> {
  await withWriteTransaction(db, (tx) => runStatement(tx, query));
}

/** Reads through drizzle's builders: `await read(t.db).select().from(s.facts)`. */
export const read = readerOf;

/** The app's tables (not the engine's own, nor drizzle's migrations table), sorted. */
export async function tableNames(db: Database): Promise<string[]> {
  const query =
    ENGINE === "postgres"
      ? sql`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY name`
      : sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name`;
  return (await sqlRows<{ name: string }>(db, query)).map((r) => r.name);
}

/** Which rule of the database refused a write (the same rule reads differently per engine). */
export type Refusal = "check" | "foreign-key" | "unique" | "not-null" | "invalid-text";

// The engines' error codes: better-sqlite3's SqliteError.code, PostgreSQL's SQLSTATE.
const REFUSALS: Record<string, Refusal> = {
  SQLITE_CONSTRAINT_CHECK: "check",
  SQLITE_CONSTRAINT_FOREIGNKEY: "foreign-key",
  SQLITE_CONSTRAINT_UNIQUE: "unique",
  SQLITE_CONSTRAINT_PRIMARYKEY: "unique",
  SQLITE_CONSTRAINT_NOTNULL: "not-null",
  "23514": "check",
  "23503": "foreign-key",
  "23505": "unique",
  "23502": "not-null",
  // PostgreSQL text cannot hold NUL: refused before any CHECK (SQLite's CHECK refuses it).
  "22021": "invalid-text",
};

/**
 * The database's refusal of `write`, found under drizzle's "Failed query" wrapper by the
 * engine's error code; `message` is the engine's own, which names the constraint on both.
 * Rethrows any other error; throws if the write went through.
 */
export async function refusalOf(write: Promise<unknown>): Promise<{ kind: Refusal; message: string }> {
  try {
    await write;
  } catch (error) {
    for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
      const kind = "code" in e && typeof e.code === "string" ? REFUSALS[e.code] : undefined;
      if (kind) return { kind, message: e.message };
    }
    throw error;
  }
  throw new Error("The write was not refused.");
}

/**
 * Everything the database holds, as text, to search for what must never be stored: on SQLite
 * every byte of its folder (the file, its WAL, anything beside it); on PostgreSQL, whose files
 * are the server's, every row of every table.
 */
export async function storedText(t: TestDb): Promise<string> {
  if (ENGINE === "postgres") {
    const rows: string[] = [];
    for (const name of await tableNames(t.db))
      for (const r of await sqlRows<{ row: string }>(
        t.db,
        sql`SELECT row_to_json(x)::text AS row FROM ${sql.identifier(name)} x`,
      ))
        rows.push(r.row);
    return rows.join("\n");
  }
  const dir = path.dirname(t.file);
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f)).toString("latin1"))
    .join("\n");
}
