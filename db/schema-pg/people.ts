import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";
import { cleanTextCheck, curatedColumns, isoDayCheck } from "./columns";
import { parties } from "./parties";
import { sources } from "./sources";

/** A named person, spelled as they spell themselves; misspellings in sources go to aliases. */
export const people = pgTable(
  "people",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
    ...curatedColumns(),
  },
  (t) => [check("people_name_clean", cleanTextCheck(t.name))],
);

/**
 * A title a person held for a period. `validFrom`/`validTo` are days (null: not known);
 * when `attestedOnly` is set they are only the first and last days a source shows the
 * title in use, not appointment dates. The same person can hold a post twice: two rows.
 * Each end has a precision, as date spans do: at "month" `validFrom` is the month's first
 * day and `validTo` its last ("Mar 2025"), so no day is claimed that no source prints, and a
 * lookup at any day inside the period finds the role.
 */
export const personRoles = pgTable(
  "person_roles",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id),
    title: text("title").notNull(),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    validFromPrecision: text("valid_from_precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
    validToPrecision: text("valid_to_precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
    attestedOnly: boolean("attested_only").notNull().default(true),
    sourceId: text("source_id").references(() => sources.id),
    quote: text("quote"),
    ...curatedColumns(),
  },
  (t) => [
    index("person_roles_person_idx").on(t.personId),
    check("person_roles_title_clean", cleanTextCheck(t.title)),
    check(
      "person_roles_dates_valid",
      sql`(${t.validFrom} IS NULL OR ${isoDayCheck(t.validFrom)})
        AND (${t.validTo} IS NULL OR ${isoDayCheck(t.validTo)})
        AND (${t.validFrom} IS NULL OR ${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo})`,
    ),
  ],
);

export type Person = typeof people.$inferSelect;
export type PersonRole = typeof personRoles.$inferSelect;
