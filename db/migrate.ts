import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { DB } from "./client";

/** The committed migrations; resolved from the working directory so Next, scripts and tests agree. */
export const MIGRATIONS_FOLDER = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

/** Applies every pending migration in drizzle/ (each in a transaction; already-applied ones are skipped). */
export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
