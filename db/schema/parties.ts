import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PARTY_KINDS } from "@/lib/model/parties";
import { cleanTextCheck, curatedColumns } from "./columns";

/** The countries and organisations facts are about. */
export const parties = sqliteTable(
  "parties",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: PARTY_KINDS }).notNull(),
    /** ISO 3166-1 alpha-2 code; "EU" is the code ISO reserves for the European Union. */
    isoCode: text("iso_code").unique(),
    /** Other names the sources use ("Kazakh", "Kazakhstani") — for search, not display. */
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default([]),
    ...curatedColumns(),
  },
  (t) => [check("parties_name_clean", cleanTextCheck(t.name))],
);

/** The subjects a briefing is organised by. */
export const topics = sqliteTable(
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
