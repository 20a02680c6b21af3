import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { dataDir } from "@/lib/app-paths";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** DATABASE_URL (a relative one from the working directory), else chancery.db in the data directory. */
export function databasePath(): string {
  const configured = process.env.DATABASE_URL;
  return configured ? path.resolve(/*turbopackIgnore: true*/ configured) : path.join(dataDir(), "chancery.db");
}

/**
 * Opens a SQLite file with the settings every connection must have. WAL lets readers
 * run beside a writer; synchronous=FULL makes a committed transaction survive power loss.
 */
export function openDatabase(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 64 MB of page cache (the default is 2 MB): proposal queries touch a country's whole index.
  sqlite.pragma("cache_size = -65536");
  // SQLite's lower() and LIKE fold ASCII only; list filters must match "мурат" to "Мурат".
  sqlite.function("casefold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? value.normalize("NFC").toLowerCase() : value));
  return drizzle(sqlite, { schema }) as DB;
}

// Cached on globalThis so Next's dev reloads and the many route modules share one connection.
const globalForDb = globalThis as unknown as { chanceryDb?: DB; chanceryDbPath?: string };

/** The app's one connection, opened on first use (never at import, so `next build` touches no file). */
export function getDb(): DB {
  const file = databasePath();
  if (!globalForDb.chanceryDb || globalForDb.chanceryDbPath !== file) {
    globalForDb.chanceryDb?.$client.close();
    globalForDb.chanceryDb = openDatabase(file);
    globalForDb.chanceryDbPath = file;
  }
  return globalForDb.chanceryDb;
}

/** Closes the cached connection (scripts and tests call this before exiting or deleting the file). */
export function closeDb(): void {
  globalForDb.chanceryDb?.$client.close();
  globalForDb.chanceryDb = undefined;
  globalForDb.chanceryDbPath = undefined;
}

/**
 * Reads that must agree with each other (an export of several tables): one snapshot, so a
 * write from another process cannot land between them.
 */
export function readTransaction<T>(db: DB, fn: (tx: DB) => T): T {
  return db.$client.transaction(() => fn(db)).deferred();
}

/**
 * Runs `fn` in a write transaction that takes the write lock up front (BEGIN IMMEDIATE),
 * so two writers queue on busy_timeout instead of one failing mid-way with SQLITE_BUSY.
 */
export function writeTransaction<T>(db: DB, fn: (tx: DB) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}
