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
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/seed";

export interface TestDb {
  db: Database;
  file: string;
  close(): void;
}

/** A real SQLite file in a fresh temporary folder, migrated; removed on close(). */
export async function createMigratedDb(): Promise<TestDb> {
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
  const t = await createMigratedDb();
  await seedDatabase(t.db);
  return t;
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
