import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { End, Row } from "./ends";
import { copiedTables, DERIVED_TABLES, type CopiedTable, type DerivedTable } from "./tables";

/*
 * What proves a copy: per table, the row count and a SHA-256 over every row, computed the same
 * way at both ends. Rows are read in batches in one order both engines agree on (the table's
 * order keys, text byte by byte), and each row becomes canonical JSON: keys sorted at every
 * depth (jsonb reorders an object's keys; SQLite's JSON text keeps them as written), booleans
 * as true/false (SQLite's derived tables store 0/1), integers as plain numbers (-0 as 0),
 * millisecond bigints as numbers, int8 beyond 2^53 as its digits.
 */

export interface TableSummary {
  rows: number;
  hash: string;
}

export interface TableCheck {
  name: string;
  /** Filled by the target's triggers, not copied. */
  derived: boolean;
  source: TableSummary;
  target: TableSummary;
  ok: boolean;
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return Object.is(value, -0) ? "0" : JSON.stringify(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return JSON.stringify(Buffer.from(value).toString("base64"));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new Error(`Cannot hash a value of type ${typeof value}.`);
}

/** Every row of one batch-read table into a running hash; `readBatch` gets the last row's keys. */
async function summarise(
  readBatch: (after: unknown[] | undefined) => Promise<Row[]>,
  keysOf: (row: Row) => unknown[],
  normalise: (row: Row) => Row = (row) => row,
): Promise<TableSummary> {
  const hash = createHash("sha256");
  let rows = 0;
  let after: unknown[] | undefined;
  for (;;) {
    const batch = await readBatch(after);
    for (const row of batch) hash.update(`${canonicalJson(normalise(row))}\n`);
    rows += batch.length;
    if (batch.length === 0) break;
    after = keysOf(batch[batch.length - 1]);
  }
  return { rows, hash: hash.digest("hex") };
}

export function summariseTable(end: End, table: CopiedTable, batchSize: number): Promise<TableSummary> {
  return summarise(
    (after) => end.readBatch(table, after, batchSize),
    (row) => table.orderKeys.map((k) => row[k]),
  );
}

function derivedBatchQuery(end: End, table: DerivedTable, after: unknown[] | undefined, limit: number): SQL {
  const columns = table.orderColumns.map((c) =>
    end.engine === "postgres" && c.text ? sql`${sql.identifier(c.name)} COLLATE "C"` : sql.identifier(c.name),
  );
  const list = sql.join(columns, sql`, `);
  const where = after
    ? sql`WHERE (${list}) > (${sql.join(
        after.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql``;
  return sql`SELECT * FROM ${sql.identifier(table.name)} ${where} ORDER BY ${list} LIMIT ${limit}`;
}

export function summariseDerived(end: End, table: DerivedTable, batchSize: number): Promise<TableSummary> {
  return summarise(
    (after) => end.rawRows(derivedBatchQuery(end, table, after, batchSize)),
    (row) => table.orderColumns.map((c) => row[c.name]),
    (row) => {
      const normal = { ...row };
      for (const c of table.booleanColumns) normal[c] = normal[c] === true || normal[c] === 1;
      return normal;
    },
  );
}

/** Counts and hashes every copied and derived table at both ends (each end read as it stands). */
export async function compareEnds(source: End, target: End, batchSize: number): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  const check = (name: string, derived: boolean, s: TableSummary, t: TableSummary) =>
    checks.push({ name, derived, source: s, target: t, ok: s.rows === t.rows && s.hash === t.hash });
  for (const table of copiedTables()) {
    check(
      table.name,
      false,
      await summariseTable(source, table, batchSize),
      await summariseTable(target, table, batchSize),
    );
  }
  for (const table of DERIVED_TABLES) {
    check(
      table.name,
      true,
      await summariseDerived(source, table, batchSize),
      await summariseDerived(target, table, batchSize),
    );
  }
  return checks;
}

/** The checks as a table for the terminal: counts at each end and whether the hashes match. */
export function formatChecks(checks: TableCheck[]): string {
  const names = checks.map((c) => (c.derived ? `${c.name} (derived)` : c.name));
  const width = Math.max("table".length, ...names.map((n) => n.length));
  const lines = [`${"table".padEnd(width)}  ${"source".padStart(8)}  ${"target".padStart(8)}  hash`];
  checks.forEach((c, i) => {
    const hash = c.ok
      ? `${c.source.hash.slice(0, 12)} ok`
      : `MISMATCH ${c.source.hash.slice(0, 12)} ≠ ${c.target.hash.slice(0, 12)}`;
    lines.push(
      `${names[i].padEnd(width)}  ${String(c.source.rows).padStart(8)}  ${String(c.target.rows).padStart(8)}  ${hash}`,
    );
  });
  return lines.join("\n");
}
