import type { BriefingSnapshot } from "@/lib/briefing/document";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { BRIEFING_STATUSES } from "@/lib/model/briefings";
import { curatedColumns } from "./columns";
import { facts } from "./facts";
import { parties, topics } from "./parties";
import { users } from "./users";

/** A user's briefing for one country; private to its owner. Finalised ones keep a snapshot. */
export const briefings = pgTable(
  "briefings",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    countryId: text("country_id")
      .notNull()
      .references(() => parties.id),
    title: text("title").notNull(),
    status: text("status", { enum: BRIEFING_STATUSES }).notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    /** The briefing this one is a revision of. */
    previousId: text("previous_id"),
    /** Everything the composer edits (occasion, purpose, messages, marking, filters) as JSON. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    /** Frozen at finalisation: the briefing and each fact as they were then. */
    // Written only by finaliseBriefing (db/queries/briefings/finalise-briefing.ts).
    snapshot: jsonb("snapshot").$type<BriefingSnapshot>(),
    finalisedAt: text("finalised_at"),
    ...curatedColumns(),
  },
  (t) => [index("briefings_owner_idx").on(t.ownerId, t.updatedAt)],
);

/** The sections (topics) of a briefing in the order the user arranged them. */
export const briefingSections = pgTable(
  "briefing_sections",
  {
    briefingId: text("briefing_id")
      .notNull()
      .references(() => briefings.id),
    topicId: text("topic_id")
      .notNull()
      .references(() => topics.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.briefingId, t.topicId] })],
);

/** A fact proposed for a briefing: included or not, its place in its section, the user's note. */
export const briefingItems = pgTable(
  "briefing_items",
  {
    briefingId: text("briefing_id")
      .notNull()
      .references(() => briefings.id),
    factId: text("fact_id")
      .notNull()
      .references(() => facts.id),
    topicId: text("topic_id")
      .notNull()
      .references(() => topics.id),
    position: integer("position").notNull(),
    included: boolean("included").notNull().default(true),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.briefingId, t.factId] })],
);

export type Briefing = typeof briefings.$inferSelect;
export type BriefingItem = typeof briefingItems.$inferSelect;
