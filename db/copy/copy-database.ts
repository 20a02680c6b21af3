import path from "node:path";
import { getTableColumns } from "drizzle-orm";
import { engineOf } from "@/lib/database-engine";
import { openSource, openTarget, rowsPerInsert, type End } from "./ends";
import { compareEnds, type TableCheck } from "./table-hashes";
import { copiedTables, type CopiedTable } from "./tables";

/*
 * npm run db:copy (scripts/db-copy.ts): every row of one database into another, SQLite or
 * PostgreSQL at either end, ids and seq kept.
 *
 * All or nothing: the source is read in one snapshot (so a live app may keep writing to it),
 * the target written in one transaction, which also holds the count-and-hash check: the copy
 * commits only if every table matches, and any failure (a refused row, a lost connection, a
 * mismatch) rolls the target back to what it held before — empty, or with --replace its old
 * rows. A SQLite target file that did not exist stays, migrated and empty.
 */

export const DEFAULT_BATCH_SIZE = 1000;

export interface CopyOptions {
  /** A SQLite path or a PostgreSQL URL. */
  from: string;
  to: string;
  /** Delete the target's rows first (in the same transaction) instead of refusing a non-empty target. */
  replace?: boolean;
  /** Rows read and written at once (memory stays within one batch per table). */
  batchSize?: number;
  /** One line per table copied, for the operator. */
  progress?: (line: string) => void;
}

export interface CopyReport {
  /** Whether every table's count and hash matched, and so whether the copy was committed. */
  ok: boolean;
  /** Identity columns moved past their highest value (PostgreSQL target). */
  identities: string[];
  checks: TableCheck[];
}

/** The target already holds rows, and --replace was not given. Nothing was written. */
export class TargetNotEmptyError extends Error {
  constructor(
    readonly target: string,
    readonly tables: { name: string; rows: number }[],
  ) {
    super(
      `${target} already holds data (${tables.map((t) => `${t.name}: ${t.rows}`).join(", ")}). ` +
        `Nothing was copied. Copy into an empty database, or pass --replace to delete its rows first.`,
    );
  }
}

/**
 * Ending a transaction or connection after the work is done or failed: a broken connection
 * must not hide the error that broke it (the server rolls back an open transaction whose
 * connection is gone).
 */
async function quietly(end: () => Promise<void>): Promise<void> {
  try {
    await end();
  } catch {
    // Nothing more to undo.
  }
}

function sameDatabase(a: string, b: string): boolean {
  if (engineOf(a) !== engineOf(b)) return false;
  return engineOf(a) === "postgres" ? a === b : path.resolve(a) === path.resolve(b);
}

export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  if (sameDatabase(options.from, options.to)) throw new Error("--from and --to name the same database.");
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const source = await openSource(options.from);
  let target: End | undefined;
  try {
    await refuseUnmigrated(source);
    target = await openTarget(options.to);
    await source.beginSnapshot();
    await target.beginWrite();
    try {
      await emptyTarget(target, options.replace ?? false);
      await target.suspendDerived();
      for (const table of copiedTables()) {
        const rows = await copyTable(source, target, table, batchSize);
        if (rows > 0) options.progress?.(`copied ${table.name}: ${rows}`);
      }
      await target.rebuildDerived();
      const identities = await target.resetIdentities();
      const checks = await compareEnds(source, target, batchSize);
      const ok = checks.every((c) => c.ok);
      if (ok) await target.commit();
      else await target.rollback();
      return { ok, identities, checks };
    } catch (error) {
      await quietly(() => target!.rollback());
      throw error;
    }
  } finally {
    await quietly(() => source.rollback());
    await quietly(() => source.close());
    if (target) await quietly(() => target!.close());
  }
}

/** One table's rows, a batch at a time (keyset paging: each batch starts after the last row's keys). */
async function copyTable(source: End, target: End, table: CopiedTable, batchSize: number): Promise<number> {
  const perInsert = rowsPerInsert(Object.keys(getTableColumns(table.sqlite)).length, batchSize);
  let rows = 0;
  let after: unknown[] | undefined;
  for (;;) {
    const batch = await source.readBatch(table, after, batchSize);
    if (batch.length === 0) return rows;
    for (let i = 0; i < batch.length; i += perInsert) await target.insert(table, batch.slice(i, i + perInsert));
    rows += batch.length;
    after = table.orderKeys.map((k) => batch[batch.length - 1][k]);
  }
}

/** A database at an older schema: its rows would not fit the tables db:copy reads through. */
async function refuseUnmigrated(end: End): Promise<void> {
  const pending = await end.pendingMigrations();
  if (pending > 0) {
    throw new Error(
      `${end.label} has ${pending} migration(s) not applied yet: migrate it first (DATABASE_URL=… npm run db:migrate).`,
    );
  }
}

async function emptyTarget(target: End, replace: boolean): Promise<void> {
  const tables = copiedTables();
  const held: { name: string; rows: number }[] = [];
  for (const table of tables) {
    const rows = await target.count(table);
    if (rows > 0) held.push({ name: table.name, rows });
  }
  if (held.length === 0) return;
  if (!replace) throw new TargetNotEmptyError(target.label, held);
  for (const table of [...tables].reverse()) await target.deleteAll(table);
}

/**
 * Compares two existing databases table by table without writing (db:copy --verify): after a
 * copy, or to check one made earlier still matches its source.
 */
export async function verifyCopy(options: {
  from: string;
  to: string;
  batchSize?: number;
}): Promise<{ ok: boolean; checks: TableCheck[] }> {
  const source = await openSource(options.from);
  let target: End | undefined;
  try {
    target = await openSource(options.to);
    await refuseUnmigrated(source);
    await refuseUnmigrated(target);
    await source.beginSnapshot();
    await target.beginSnapshot();
    const checks = await compareEnds(source, target, options.batchSize ?? DEFAULT_BATCH_SIZE);
    return { ok: checks.every((c) => c.ok), checks };
  } finally {
    await quietly(() => source.rollback());
    await quietly(() => source.close());
    if (target) {
      await quietly(() => target!.rollback());
      await quietly(() => target!.close());
    }
  }
}
