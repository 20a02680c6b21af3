import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { count, sql, type Column, type SQL } from "drizzle-orm";
import { drizzle as sqliteDrizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as pgDrizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { engineOf, withoutPassword, type Engine } from "@/lib/database-engine";
import { connectSqlite, createPrivateFile, OPTIMIZE_FULL_TEXT_INDEXES } from "../client";
import { migratePostgresDatabase, migrationsFolder } from "../migrate";
import { SETUP_LOCK_KEY } from "../setup/setup-lock";
import { DERIVED_TABLES, type CopiedTable } from "./tables";

/*
 * One end of a copy: a SQLite file or a PostgreSQL database, opened on a single connection of
 * its own with drizzle and the engine's own tables (db/schema/sqlite.ts, db/schema-pg), not
 * through db/client.ts: a process's data layer runs on the one engine DATABASE_URL chose
 * (db/engine.ts), and a copy needs both. Rows are drizzle's JavaScript values, so a row read
 * from one engine's table is written as it is into the other's (the row types are equal:
 * booleans, JSON, millisecond numbers convert in the drivers' mapping).
 */
export type Row = Record<string, unknown>;

export interface End {
  readonly engine: Engine;
  /** The SQLite path or the PostgreSQL URL without its password. */
  readonly label: string;
  /** One snapshot for every read until commit/rollback (the source, or a verified pair). */
  beginSnapshot(): Promise<void>;
  /** The copy's one write transaction (the target), holding off app set-up on PostgreSQL. */
  beginWrite(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Up to `limit` rows after `after` (the values of the table's order keys), in that order. */
  readBatch(table: CopiedTable, after: unknown[] | undefined, limit: number): Promise<Row[]>;
  insert(table: CopiedTable, rows: Row[]): Promise<void>;
  count(table: CopiedTable): Promise<number>;
  deleteAll(table: CopiedTable): Promise<void>;
  /** Rows of a hand-written statement (the derived tables), as the driver returns them. */
  rawRows(query: SQL): Promise<Row[]>;
  /**
   * Before the rows go in: stops the triggers that keep the derived tables, where keeping them
   * row by row is slow (PostgreSQL: each link rebuilds its fact's rows, planned without
   * statistics for tables filled in this transaction — minutes for 100,000 facts).
   */
  suspendDerived(): Promise<void>;
  /** After: the derived tables rebuilt from their views at once, and the triggers back on (SQLite: its full-text indexes merged). */
  rebuildDerived(): Promise<void>;
  /** Shipped migrations (drizzle/ or drizzle-pg/) this database has not applied. */
  pendingMigrations(): Promise<number>;
  /** PostgreSQL: each identity column moved past its table's highest value. */
  resetIdentities(): Promise<string[]>;
  close(): Promise<void>;
}

/** SQLite allows 32766 bound values per statement, PostgreSQL 65535: stay under both. */
const MAX_PARAMETERS = 30_000;

export function rowsPerInsert(columns: number, batch: number): number {
  return Math.max(1, Math.min(batch, Math.floor(MAX_PARAMETERS / columns)));
}

const joined = (parts: SQL[]) => sql.join(parts, sql`, `);

/** How many shipped migrations are newer than the last one applied (drizzle's own rule, as db/migrate.ts). */
async function pendingOf(engine: Engine, lastApplied: () => Promise<Row[]>): Promise<number> {
  const shipped = readMigrationFiles({ migrationsFolder: migrationsFolder(engine) });
  let last = -Infinity;
  try {
    const [row] = await lastApplied();
    if (row?.last !== null && row?.last !== undefined) last = Number(row.last);
  } catch {
    // No migrations table: nothing applied.
  }
  return shipped.filter((m) => m.folderMillis > last).length;
}

class SqliteEnd implements End {
  readonly engine = "sqlite" as const;
  readonly label: string;
  private readonly client: BetterSqlite3.Database;
  private readonly db: BetterSQLite3Database;

  constructor(file: string, client: BetterSqlite3.Database) {
    this.label = file;
    this.client = client;
    this.db = sqliteDrizzle(client);
  }

  async beginSnapshot() {
    this.client.exec("BEGIN");
    // A deferred transaction's snapshot starts at its first read: take it now.
    this.client.prepare("SELECT count(*) FROM sqlite_master").get();
  }

  async beginWrite() {
    this.client.exec("BEGIN IMMEDIATE");
  }

  async commit() {
    if (this.client.inTransaction) this.client.exec("COMMIT");
  }

  async rollback() {
    if (this.client.inTransaction) this.client.exec("ROLLBACK");
  }

  private columns(table: CopiedTable): SQL[] {
    return table.orderKeys.map((key) => sql`${(table.sqlite as unknown as Record<string, Column>)[key]}`);
  }

  async readBatch(table: CopiedTable, after: unknown[] | undefined, limit: number) {
    const columns = this.columns(table);
    const where = after ? sql`(${joined(columns)}) > (${joined(after.map((v) => sql`${v}`))})` : undefined;
    return (await this.db
      .select()
      .from(table.sqlite)
      .where(where)
      .orderBy(...columns)
      .limit(limit)) as Row[];
  }

  async insert(table: CopiedTable, rows: Row[]) {
    await this.db.insert(table.sqlite).values(rows as SQLiteTable["$inferInsert"][]);
  }

  async count(table: CopiedTable) {
    const [row] = await this.db.select({ n: count() }).from(table.sqlite);
    return row.n;
  }

  async deleteAll(table: CopiedTable) {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- --replace empties the target, table by table
    await this.db.delete(table.sqlite);
  }

  async rawRows(query: SQL) {
    return this.db.all<Row>(query);
  }

  async suspendDerived() {
    // SQLite's triggers find the rows by key, one lookup each: kept on.
  }

  async rebuildDerived() {
    // The triggers kept the full-text indexes row by row, which leaves them in many segments:
    // merged, as an import of many facts ends (db/queries/optimize-search-index.ts).
    for (const statement of OPTIMIZE_FULL_TEXT_INDEXES) this.client.exec(statement);
  }

  async pendingMigrations() {
    return pendingOf("sqlite", () => this.rawRows(sql`SELECT max(created_at) AS last FROM __drizzle_migrations`));
  }

  async resetIdentities() {
    return []; // AUTOINCREMENT and the seq triggers continue from the highest value by themselves
  }

  async close() {
    if (this.client.open) this.client.close();
  }
}

class PgEnd implements End {
  readonly engine = "postgres" as const;
  readonly label: string;
  private readonly client: pg.Client;
  private readonly db: NodePgDatabase;

  constructor(url: string, client: pg.Client) {
    this.label = withoutPassword(url);
    this.client = client;
    this.db = pgDrizzle(client);
  }

  async beginSnapshot() {
    await this.client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  async beginWrite() {
    await this.client.query("BEGIN");
    // An app instance starting on this database meanwhile would seed it: it waits instead
    // (db/setup/setup-lock.ts), and finds the copy.
    await this.client.query("SELECT pg_advisory_xact_lock($1::bigint)", [SETUP_LOCK_KEY]);
  }

  async commit() {
    await this.client.query("COMMIT");
  }

  async rollback() {
    await this.client.query("ROLLBACK");
  }

  /** Text compared byte by byte, as SQLite's BINARY collation does, whatever the database's locale. */
  private ordered(table: CopiedTable): SQL[] {
    return table.orderKeys.map((key) => {
      const column = (table.pg as unknown as Record<string, Column>)[key];
      return column.dataType === "string" ? sql`${column} COLLATE "C"` : sql`${column}`;
    });
  }

  async readBatch(table: CopiedTable, after: unknown[] | undefined, limit: number) {
    const columns = this.ordered(table);
    const where = after ? sql`(${joined(columns)}) > (${joined(after.map((v) => sql`${v}`))})` : undefined;
    return (await this.db
      .select()
      .from(table.pg)
      .where(where)
      .orderBy(...columns)
      .limit(limit)) as Row[];
  }

  async insert(table: CopiedTable, rows: Row[]) {
    await this.db.insert(table.pg).values(rows as PgTable["$inferInsert"][]);
  }

  async count(table: CopiedTable) {
    const [row] = await this.db.select({ n: count() }).from(table.pg);
    return row.n;
  }

  async deleteAll(table: CopiedTable) {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- --replace empties the target, table by table
    await this.db.delete(table.pg);
  }

  async rawRows(query: SQL) {
    return (await this.db.execute(query)).rows as Row[];
  }

  private suspended: { table: string; trigger: string }[] = [];

  async suspendDerived() {
    for (const derived of DERIVED_TABLES) {
      const { rows } = await this.client.query<{ table: string; trigger: string }>(
        `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND t.tgname LIKE $1
         ORDER BY 1, 2`,
        [`${derived.name}%`],
      );
      for (const { table, trigger } of rows) {
        await this.client.query(
          `ALTER TABLE ${pg.escapeIdentifier(table)} DISABLE TRIGGER ${pg.escapeIdentifier(trigger)}`,
        );
        this.suspended.push({ table, trigger });
      }
    }
  }

  async rebuildDerived() {
    for (const derived of DERIVED_TABLES) {
      const name = pg.escapeIdentifier(derived.name);
      await this.client.query(`DELETE FROM ${name}`);
      await this.client.query(`INSERT INTO ${name} SELECT * FROM ${pg.escapeIdentifier(derived.view)}`);
    }
    for (const { table, trigger } of this.suspended.splice(0)) {
      await this.client.query(
        `ALTER TABLE ${pg.escapeIdentifier(table)} ENABLE TRIGGER ${pg.escapeIdentifier(trigger)}`,
      );
    }
  }

  async pendingMigrations() {
    return pendingOf("postgres", () =>
      this.rawRows(sql`SELECT max(created_at) AS last FROM drizzle.__drizzle_migrations`),
    );
  }

  async resetIdentities() {
    const { rows } = await this.client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name, column_name`,
    );
    for (const { table_name: table, column_name: column } of rows) {
      // The next value is the highest + 1 (1 on an empty table): is_called false.
      await this.client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${pg.escapeIdentifier(column)}), 0) + 1, false)
         FROM ${pg.escapeIdentifier(table)}`,
        [table, column],
      );
    }
    return rows.map((r) => `${r.table_name}.${r.column_name}`);
  }

  async close() {
    await this.client.end();
  }
}

/**
 * Opens a copy's source: an existing SQLite file (never created) or a PostgreSQL database.
 * Throws with a message naming the database when it cannot be opened.
 */
export async function openSource(location: string): Promise<End> {
  if (engineOf(location) === "postgres") return openPg(location);
  const file = path.resolve(location);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  // Not connectSqlite: that would switch a source not yet in WAL mode to it. The source is
  // only read (query_only), and waits for the app's writes rather than failing at once.
  const client = new BetterSqlite3(file, { fileMustExist: true });
  client.pragma("query_only = ON");
  client.pragma("busy_timeout = 5000");
  return new SqliteEnd(file, client);
}

/**
 * Opens a copy's target and brings it to the current schema with the engine's own migrator
 * (drizzle/ or drizzle-pg/; a no-op when up to date). A missing SQLite file is created private.
 */
export async function openTarget(location: string): Promise<End> {
  if (engineOf(location) === "postgres") {
    await migratePostgresDatabase(location);
    return openPg(location);
  }
  const file = path.resolve(location);
  createPrivateFile(file);
  const client = connectSqlite(file, { queryOnly: false });
  try {
    migrateSqlite(sqliteDrizzle(client), { migrationsFolder: migrationsFolder("sqlite") });
  } catch (error) {
    client.close();
    throw error;
  }
  return new SqliteEnd(file, client);
}

async function openPg(url: string): Promise<End> {
  const client = new pg.Client({ connectionString: url, application_name: "chancery-db-copy" });
  await client.connect();
  return new PgEnd(url, client);
}
