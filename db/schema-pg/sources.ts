import { boolean, check, pgTable, text } from "drizzle-orm/pg-core";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";
import { cleanTextCheck, curatedColumns, dateSpanCheck } from "./columns";

/** A published article facts are taken from, with its full text for provenance. */
export const sources = pgTable(
  "sources",
  {
    id: text("id").primaryKey(),
    /** Null when the article names no publisher; publisherNote then says what is known. */
    publisher: text("publisher"),
    publisherNote: text("publisher_note"),
    /** Null when the article carries no headline. */
    title: text("title"),
    /** The place line as printed ("NUR-SULTAN"), if any. */
    dateline: text("dateline"),
    publishedStart: text("published_start").notNull(),
    publishedEnd: text("published_end").notNull(),
    publishedPrecision: text("published_precision", { enum: DATE_PRECISIONS }).notNull(),
    publishedInferred: boolean("published_inferred").notNull().default(false),
    publishedNote: text("published_note"),
    url: text("url"),
    fileName: text("file_name"),
    addedAt: text("added_at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
    fullText: text("full_text").notNull(),
    ...curatedColumns(),
  },
  (t) => [
    check("sources_published_valid", dateSpanCheck(t.publishedStart, t.publishedEnd, t.publishedPrecision)),
    check("sources_title_clean", cleanTextCheck(t.title)),
    check("sources_text_clean", cleanTextCheck(t.fullText)),
  ],
);

export type Source = typeof sources.$inferSelect;
