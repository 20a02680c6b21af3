import { sql, type SQL } from "drizzle-orm";
import { boolean, integer, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";

/*
 * The PostgreSQL schema (issue 17): the same tables, exported names and row types as db/schema
 * (tests/unit/schema-engines.test.ts proves it), so the query code can run on either engine.
 * Dates and times stay ISO text, as there; booleans are booleans, JSON is jsonb. The full-text
 * search column and its index are not declared here (they would change Fact's row type): the
 * hand-written migration drizzle-pg/0001_facts_search.sql adds them.
 */

const nowIso = () => new Date().toISOString();

/** Every curated row: optimistic-locking version, UTC timestamps, soft delete. */
export const curatedColumns = () => ({
  version: integer("version").notNull().default(1),
  createdAt: text("created_at").notNull().$defaultFn(nowIso),
  updatedAt: text("updated_at").notNull().$defaultFn(nowIso),
  deletedAt: text("deleted_at"),
});

/** A date ("date_*" columns) as its earliest day, latest day, precision and whether it was inferred. */
export const dateSpanColumns = () => ({
  dateStart: text("date_start").notNull(),
  dateEnd: text("date_end").notNull(),
  datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
  dateInferred: boolean("date_inferred").notNull().default(false),
  dateNote: text("date_note"),
});

/** The same, for a date that may be unknown (an event announced without one). */
export const optionalDateSpanColumns = () => ({
  dateStart: text("date_start"),
  dateEnd: text("date_end"),
  datePrecision: text("date_precision", { enum: DATE_PRECISIONS }),
  dateInferred: boolean("date_inferred").notNull().default(false),
  dateNote: text("date_note"),
});

/**
 * Whether a text is a real day, "YYYY-MM-DD" (2024-02-30 is not): what SQLite's
 * `date(x) IS x` says. By pattern and arithmetic rather than a cast to date, which would
 * raise an error instead of failing the check; CASE, because Postgres may evaluate AND's
 * operands in any order and the casts need the pattern to hold. Null is not a day.
 */
export function isoDayCheck(column: AnyPgColumn): SQL {
  const year = sql`substr(${column}, 1, 4)::int`;
  const month = sql`substr(${column}, 6, 2)`;
  return sql`CASE WHEN ${column} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr(${column}, 9, 2)::int <= CASE WHEN ${month} IN ('04', '06', '09', '11') THEN 30 WHEN ${month} <> '02' THEN 31
      WHEN ${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END`;
}

/**
 * Database-level guard for a date span: both ends real days, ordered, and a known precision,
 * or all three null. (SQLite's version lets a half-null span through, by NULL's logic; here
 * it is refused. Application code validates first; this is the backstop.)
 */
export function dateSpanCheck(start: AnyPgColumn, end: AnyPgColumn, precision: AnyPgColumn): SQL {
  return sql`(${start} IS NULL AND ${end} IS NULL AND ${precision} IS NULL) OR (
    ${isoDayCheck(start)} AND ${isoDayCheck(end)} AND ${start} <= ${end}
    AND ${precision} IN ('day', 'month', 'season', 'year'))`;
}

/**
 * Refuses the bidirectional override/isolate characters (U+202A–U+202E, U+2066–U+2069) in
 * stored text. NUL needs no check: Postgres text cannot hold it (the server refuses 0x00).
 */
export function cleanTextCheck(column: AnyPgColumn): SQL {
  return sql`${column} IS NULL OR ${column} !~ '[\\u202A-\\u202E\\u2066-\\u2069]'`;
}
