import { sql, type SQL } from "drizzle-orm";
import { integer, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";

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
  dateInferred: integer("date_inferred", { mode: "boolean" }).notNull().default(false),
  dateNote: text("date_note"),
});

/** The same, for a date that may be unknown (an event announced without one). */
export const optionalDateSpanColumns = () => ({
  dateStart: text("date_start"),
  dateEnd: text("date_end"),
  datePrecision: text("date_precision", { enum: DATE_PRECISIONS }),
  dateInferred: integer("date_inferred", { mode: "boolean" }).notNull().default(false),
  dateNote: text("date_note"),
});

/**
 * Database-level guard for a date span: both ends real days (SQLite's date() rolls
 * 2024-02-30 over to 2024-03-02, so a value that does not survive it is impossible),
 * ordered, and a known precision. Application code validates first; this is the backstop.
 */
export function dateSpanCheck(start: AnySQLiteColumn, end: AnySQLiteColumn, precision: AnySQLiteColumn): SQL {
  return sql`(${start} IS NULL AND ${end} IS NULL AND ${precision} IS NULL) OR (
    date(${start}) IS ${start} AND date(${end}) IS ${end} AND ${start} <= ${end}
    AND ${precision} IN ('day', 'month', 'season', 'year'))`;
}

/** Refuses NUL and the bidirectional override/isolate characters in stored text. */
export function cleanTextCheck(column: AnySQLiteColumn): SQL {
  return sql`${column} IS NULL OR (instr(${column}, char(0)) = 0 AND ${column} NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))`;
}
