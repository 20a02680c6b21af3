import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { FACT_KINDS, FIGURE_RANKS } from "@/lib/model/facts";
import { HANDLING_VALUES, MARKINGS } from "@/lib/model/handling";
import { cleanTextCheck, curatedColumns, dateSpanCheck, dateSpanColumns } from "./columns";
import { meetings } from "./meetings";
import { parties, topics } from "./parties";
import { sources } from "./sources";
import { users } from "./users";

/**
 * One curated statement with its provenance: the source and the verbatim quote that
 * supports it. `date*` is when it happened or was said; for a figure, the period it covers.
 */
export const facts = pgTable(
  "facts",
  {
    id: text("id").primaryKey(),
    /**
     * A stable integer key, never set or changed by application code: an identity column here
     * (SQLite's trigger assigns it after insert, so the row type there says it may be null; it
     * says so here too, though Postgres fills it on insert). After copying rows in with their
     * seq, move the identity past the highest (docs/postgres.md).
     */
    seq: integer("seq").$type<number | null>().generatedByDefaultAsIdentity().unique(),
    kind: text("kind", { enum: FACT_KINDS }).notNull(),
    text: text("text").notNull(),
    ...dateSpanColumns(),
    meetingId: text("meeting_id").references(() => meetings.id),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    quote: text("quote").notNull(),
    /** Figures only: what is measured, between whom ("trade-turnover:KZ-EU"). */
    metricKey: text("metric_key"),
    value: doublePrecision("value"),
    unit: text("unit"),
    currency: text("currency"),
    /** The period as a reader should see it ("2022", "2005 to Sep 2024"). */
    periodLabel: text("period_label"),
    /** Figures only: the source gives the value as an approximation ("about 105 billion euros"). */
    approximate: boolean("approximate").notNull().default(false),
    /** Figures only: preferred among conflicting values for the same metric and period. */
    rank: text("rank", { enum: FIGURE_RANKS }).notNull().default("normal"),
    /** Whether it may be shared with the counterpart (lib/model/handling.ts); internal unless set. */
    handling: text("handling", { enum: HANDLING_VALUES }).notNull().default("internal"),
    /** The marking it needs: a briefing including it is marked at least so. */
    marking: text("marking", { enum: MARKINGS }).notNull().default("OFFICIAL"),
    createdBy: text("created_by").references(() => users.id),
    updatedBy: text("updated_by").references(() => users.id),
    ...curatedColumns(),
  },
  (t) => [
    check("facts_date_valid", dateSpanCheck(t.dateStart, t.dateEnd, t.datePrecision)),
    check("facts_text_clean", cleanTextCheck(t.text)),
    check("facts_quote_clean", cleanTextCheck(t.quote)),
    check("facts_text_present", sql`length(trim(${t.text})) > 0 AND length(trim(${t.quote})) > 0`),
    check(
      "facts_figure_complete",
      sql`(${t.kind} = 'figure') = (${t.metricKey} IS NOT NULL AND ${t.value} IS NOT NULL AND ${t.unit} IS NOT NULL)`,
    ),
    check("facts_handling_known", sql`${t.handling} IN ('releasable', 'internal', 'not-for-disclosure')`),
    check("facts_marking_known", sql`${t.marking} IN ('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET')`),
    // lib/model/handling.ts checkHandling: what goes to the counterpart cannot be SECRET.
    check("facts_releasable_not_secret", sql`NOT (${t.handling} = 'releasable' AND ${t.marking} = 'SECRET')`),
    index("facts_date_idx").on(t.dateStart),
    index("facts_source_idx").on(t.sourceId),
    index("facts_meeting_idx").on(t.meetingId),
    index("facts_metric_idx").on(t.metricKey),
  ],
);

/** A fact about several parties belongs to each. */
export const factParties = pgTable(
  "fact_parties",
  {
    factId: text("fact_id")
      .notNull()
      .references(() => facts.id),
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id),
  },
  (t) => [primaryKey({ columns: [t.factId, t.partyId] }), index("fact_parties_party_idx").on(t.partyId, t.factId)],
);

export const factTopics = pgTable(
  "fact_topics",
  {
    factId: text("fact_id")
      .notNull()
      .references(() => facts.id),
    topicId: text("topic_id")
      .notNull()
      .references(() => topics.id),
  },
  (t) => [primaryKey({ columns: [t.factId, t.topicId] }), index("fact_topics_topic_idx").on(t.topicId, t.factId)],
);

export type Fact = typeof facts.$inferSelect;
export type NewFact = typeof facts.$inferInsert;
