import type { SQL, SQLWrapper } from "drizzle-orm";
import type { Engine } from "../engine";

/**
 * The raw SQL that differs between the engines, one implementation per engine (./sqlite.ts,
 * ./postgres.ts) with these same functions; ./index.ts picks the running engine's. Query code
 * uses drizzle's builders where it can and these where it must. Each function is run on both
 * engines by tests/unit/dialect.test.ts.
 */
export interface Dialect {
  readonly engine: Engine;
  /**
   * `expression` folded for a case-insensitive comparison in every script (NFC, then lower
   * case): SQLite's own lower() folds ASCII only, so it calls the connection's casefold()
   * (db/client.ts); PostgreSQL's lower() folds Cyrillic too under the cluster's C.UTF-8 ctype.
   */
  casefold(expression: SQLWrapper): SQL;
  /** The JSON array in `column` (text on SQLite, jsonb on PostgreSQL) holds `value`. */
  jsonArrayContains(column: SQLWrapper, value: string | number): SQL;
  /** `true`/`false` as the engine stores a boolean column (SQLite: 1/0). */
  booleanLiteral(value: boolean): SQL;
  /**
   * A boolean column's value as a hand-written statement returns it (selectRows): SQLite gives
   * 1/0 (drizzle's builders map it, raw SQL does not), PostgreSQL true/false.
   */
  readBoolean(value: unknown): boolean;
  /** Skips `count` rows without a limit (SQLite needs `LIMIT -1`; it also fences a subquery off from the planner). */
  offsetOnly(count: number): SQL;
  /**
   * `column` in a condition the planner must not answer from an index on it (SQLite's unary
   * `+`, which proposals use to keep SQLite on a better index); PostgreSQL's planner needs no hint.
   */
  withoutIndex(column: SQLWrapper): SQL;
  /**
   * The column whose UNIQUE constraint a failed write broke, or null for any other error:
   * SQLite names it in the message ("UNIQUE constraint failed: parties.name"), PostgreSQL in
   * the error's code 23505 and detail ("Key (name)=(…) already exists."), behind drizzle's
   * "Failed query" error.
   */
  uniqueViolationColumn(error: unknown): string | null;
  /** Full-text search: still in db/queries/_fact-search.ts (FTS5); moves here with the db/queries conversion. */
  factSearchCondition(): never;
}
