// The data layer runs on the server only: a client component that imported it would fail the
// build. Plain Node runs (scripts, tests) resolve this to an empty module (scripts/server-only/).
import "server-only";
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
 * Creates a missing database file empty with mode 0600 (its folder 0700 when missing) before
 * SQLite opens it: SQLite would create it 0644, world-readable, and gives the -wal and -shm
 * files the database file's mode. An existing file or folder keeps the mode its operator set.
 */
function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", 0o600);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") return;
    throw error;
  }
  try {
    fs.fchmodSync(fd, 0o600); // exactly 0600 whatever the umask
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens a SQLite file with the settings every connection must have. WAL lets readers
 * run beside a writer; synchronous=FULL makes a committed transaction survive power loss.
 */
export function openDatabase(file: string): DB {
  createPrivateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 64 MB of page cache (the default is 2 MB): proposal queries touch a country's whole index.
  sqlite.pragma("cache_size = -65536");
  // SQLite's lower() and LIKE fold ASCII only; list filters must match "мурат" to "Мурат".
  sqlite.function("casefold", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? value.normalize("NFC").toLowerCase() : value,
  );
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
