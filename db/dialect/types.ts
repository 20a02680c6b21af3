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
  /**
   * A join the planner must not reorder: the left side is read first (a page cut from sorted
   * ids, then only its rows looked up). SQLite's `CROSS JOIN` fixes the order; PostgreSQL has
   * no `CROSS JOIN … ON` and its planner, costing the small left side, reads it first anyway.
   */
  fixedOrderJoin(): SQL;
  /** How many rows of a group satisfy `condition`: SQLite sums the 1/0 it gives, PostgreSQL counts with FILTER. */
  countWhere(condition: SQLWrapper): SQL;
  /**
   * A SELECT of one row per `key` value: the one with the lowest `lowest` (ties: the lowest
   * `tieBreak`). `columns` is the select list, given `lowest` as it must be selected. SQLite
   * answers with a GROUP BY and min(): its bare columns come from the row holding the minimum
   * (ties: the first row read, so the rows must be read in `tieBreak` order within a key);
   * PostgreSQL allows no bare columns, so it uses DISTINCT ON with an ORDER BY.
   */
  selectFirstPer(o: {
    key: SQLWrapper;
    lowest: SQLWrapper;
    tieBreak: SQLWrapper;
    columns: (lowest: SQL) => SQL;
    /** `FROM … WHERE …` */
    from: SQL;
  }): SQL;
}
