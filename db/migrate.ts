import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
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
