import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { appRoot } from "@/lib/app-paths";
import type { DB } from "./client";

/** The committed migrations, in the app's folder whatever the working directory. */
export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), "drizzle");
}

/** Applies every pending migration in drizzle/ (each in a transaction; already-applied ones are skipped). */
export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}

export interface MigrationState {
  /** Migrations shipped in drizzle/. */
  shipped: number;
  /** Shipped migrations this database has not applied yet (drizzle applies those newer than its last). */
  pending: number;
}

let shippedMigrations: { folderMillis: number }[] | undefined;

/** Whether the database is at the schema this code expects (for the readiness check). */
export function migrationState(db: DB): MigrationState {
  // The shipped files do not change while the process runs: read (and hash) them once.
  const shipped = (shippedMigrations ??= readMigrationFiles({ migrationsFolder: migrationsFolder() }));
  let last = -Infinity;
  try {
    const row = db.$client.prepare("SELECT max(created_at) AS last FROM __drizzle_migrations").get() as {
      last: number | null;
    };
    last = row.last === null ? -Infinity : Number(row.last);
  } catch {
    // No migrations table: nothing applied.
  }
  return { shipped: shipped.length, pending: shipped.filter((m) => m.folderMillis > last).length };
}
