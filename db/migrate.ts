import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import pg from "pg";
import { appRoot } from "@/lib/app-paths";
import { closeDatabase, openDatabase, readerOf, selectRows, type Database } from "./client";

/** The committed migrations of the database's engine (drizzle/ or drizzle-pg/), in the app's folder. */
export function migrationsFolder(engine: Database["engine"] = "sqlite"): string {
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), engine === "postgres" ? "drizzle-pg" : "drizzle");
}

/** Applies every pending migration (each in a transaction; already-applied ones are skipped). */
export async function migrateDatabase(db: Database): Promise<void> {
  if (db.engine === "postgres") return migratePostgresDatabase(db.file);
  // drizzle's SQLite migrator is synchronous and opens its own transactions: it gets a
  // connection of its own, which the in-process write lock knows nothing about, so
  // migrations run before the app serves anyone (start-up, the db:migrate script).
  const connection = openDatabase(db.file);
  try {
    if (connection.connections.engine !== "sqlite") throw new Error("unreachable: a SQLite file opened as PostgreSQL");
    migrate(connection.connections.writer, { migrationsFolder: migrationsFolder() });
  } finally {
    closeDatabase(connection);
  }
}

/**
 * drizzle's node-postgres migrator on a connection of its own: it records applied migrations
 * in drizzle.__drizzle_migrations and runs the pending ones in one transaction. Two instances
 * starting at once are kept apart by the advisory lock around the whole set-up
 * (db/setup/prepare-database.ts), not here.
 */
export async function migratePostgresDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "chancery-migrate" });
  await client.connect();
  try {
    await migratePostgres(drizzle(client), { migrationsFolder: migrationsFolder("postgres") });
  } finally {
    await client.end();
  }
}

export interface MigrationState {
  /** Migrations shipped in drizzle/ (drizzle-pg/ on PostgreSQL). */
  shipped: number;
  /** Shipped migrations this database has not applied yet (drizzle applies those newer than its last). */
  pending: number;
}

const shippedMigrations = new Map<string, { folderMillis: number }[]>();

/** Whether the database is at the schema this code expects (for the readiness check). */
export async function migrationState(db: Database): Promise<MigrationState> {
  // The shipped files do not change while the process runs: read (and hash) them once.
  const folder = migrationsFolder(db.engine);
  let shipped = shippedMigrations.get(folder);
  if (!shipped) shippedMigrations.set(folder, (shipped = readMigrationFiles({ migrationsFolder: folder })));
  // drizzle keeps PostgreSQL's record in its own schema, SQLite's beside the tables.
  const table = db.engine === "postgres" ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
  let last = -Infinity;
  try {
    const [row] = await selectRows<{ last: number | string | null }>(
      readerOf(db),
      sql`SELECT max(created_at) AS last FROM ${table}`,
    );
    last = row.last === null ? -Infinity : Number(row.last);
  } catch {
    // No migrations table: nothing applied.
  }
  return { shipped: shipped.length, pending: shipped.filter((m) => m.folderMillis > last).length };
}
