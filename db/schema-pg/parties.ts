import { check, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { PARTY_KINDS } from "@/lib/model/parties";
import { cleanTextCheck, curatedColumns } from "./columns";

/** The countries and organisations facts are about. */
export const parties = pgTable(
  "parties",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: PARTY_KINDS }).notNull(),
    /** ISO 3166-1 alpha-2 code; "EU" is the code ISO reserves for the European Union. */
    isoCode: text("iso_code").unique(),
    /** Other names the sources use ("Kazakh", "Kazakhstani") — for search, not display. */
    aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
    ...curatedColumns(),
  },
  (t) => [check("parties_name_clean", cleanTextCheck(t.name))],
);

/** The subjects a briefing is organised by. */
export const topics = pgTable(
  "topics",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    ...curatedColumns(),
  },
  (t) => [check("topics_name_clean", cleanTextCheck(t.name))],
);

export type Party = typeof parties.$inferSelect;
export type Topic = typeof topics.$inferSelect;
