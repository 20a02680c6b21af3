import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { sql } from "drizzle-orm";
import { appRoot } from "@/lib/app-paths";
import { closeDatabase, openDatabase, readerOf, selectRows, type Database } from "./client";

/** The committed migrations, in the app's folder whatever the working directory. */
export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), "drizzle");
}

/** Applies every pending migration in drizzle/ (each in a transaction; already-applied ones are skipped). */
export async function migrateDatabase(db: Database): Promise<void> {
  // drizzle's SQLite migrator is synchronous and opens its own transactions: it gets a
  // connection of its own, which the in-process write lock knows nothing about, so
  // migrations run before the app serves anyone (start-up, the db:migrate script).
  const connection = openDatabase(db.file);
  try {
    migrate(connection.connections.writer, { migrationsFolder: migrationsFolder() });
  } finally {
    closeDatabase(connection);
  }
}

export interface MigrationState {
  /** Migrations shipped in drizzle/. */
  shipped: number;
  /** Shipped migrations this database has not applied yet (drizzle applies those newer than its last). */
  pending: number;
}

let shippedMigrations: { folderMillis: number }[] | undefined;

/** Whether the database is at the schema this code expects (for the readiness check). */
export async function migrationState(db: Database): Promise<MigrationState> {
  // The shipped files do not change while the process runs: read (and hash) them once.
  const shipped = (shippedMigrations ??= readMigrationFiles({ migrationsFolder: migrationsFolder() }));
  let last = -Infinity;
  try {
    const [row] = await selectRows<{ last: number | null }>(
      readerOf(db),
      sql`SELECT max(created_at) AS last FROM __drizzle_migrations`,
    );
    last = row.last === null ? -Infinity : Number(row.last);
  } catch {
    // No migrations table: nothing applied.
  }
  return { shipped: shipped.length, pending: shipped.filter((m) => m.folderMillis > last).length };
}
