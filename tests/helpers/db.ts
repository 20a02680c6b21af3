import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SQL } from "drizzle-orm";
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
