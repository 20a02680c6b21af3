import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { HANDLING_VALUES } from "@/lib/model/handling";
import { MEETING_FORMATS, MEETING_MODES, MEETING_REPORTS, MEETING_STATUSES } from "@/lib/model/meetings";
import { cleanTextCheck, curatedColumns, dateSpanCheck, optionalDateSpanColumns } from "./columns";
import { parties } from "./parties";
import { people } from "./people";
import { sources } from "./sources";

/** An event: one row however many articles report it (announced in one, held in a later one). */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The numbered series it belongs to ("eu-ca-ministerial"), when there is one. */
    series: text("series"),
    format: text("format", { enum: MEETING_FORMATS }).notNull(),
    ordinal: integer("ordinal"),
    ...optionalDateSpanColumns(),
    place: text("place"),
    /** The party whose territory hosts it; null when online or unknown. */
    hostPartyId: text("host_party_id").references(() => parties.id),
    mode: text("mode", { enum: MEETING_MODES }).notNull().default("unknown"),
    status: text("status", { enum: MEETING_STATUSES }).notNull(),
    /**
     * The parties an announced meeting is expected to bring together (ids), by its format or
     * as the announcing article says: what links an event nobody has yet reported held to the
     * countries it concerns. Held meetings record who came as participations instead.
     */
    expectedPartyIds: text("expected_party_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
    /**
     * Whether the meeting (its name, date, place, format and who took part in which capacity) may
     * be shown to the counterpart: only releasable meetings reach the counterpart copy's timeline,
     * events and who's who (lib/model/handling.ts); internal unless set.
     */
    handling: text("handling", { enum: HANDLING_VALUES }).notNull().default("internal"),
    ...curatedColumns(),
  },
  (t) => [
    check("meetings_date_valid", dateSpanCheck(t.dateStart, t.dateEnd, t.datePrecision)),
    check("meetings_name_clean", cleanTextCheck(t.name)),
    check("meetings_ordinal_positive", sql`${t.ordinal} IS NULL OR ${t.ordinal} > 0`),
    check("meetings_handling_known", sql`${t.handling} IN ('releasable', 'internal', 'not-for-disclosure')`),
    index("meetings_date_idx").on(t.dateStart),
  ],
);

/** Which articles report a meeting, and what each says of it (announced, held). */
export const meetingSources = sqliteTable(
  "meeting_sources",
  {
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    reports: text("reports", { enum: MEETING_REPORTS }).notNull(),
    quote: text("quote").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.sourceId] }), index("meeting_sources_source_idx").on(t.sourceId)],
);

/**
 * Who took part in a meeting, for which party, in which capacity. A participant the
 * article does not name ("first deputy foreign minister of Kyrgyzstan") has no person.
 */
export const participations = sqliteTable(
  "participations",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: text("person_id").references(() => people.id),
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id),
    /** The title in which they took part, as the source gives it at the time (normalised). */
    title: text("title").notNull(),
    leadsDelegation: integer("leads_delegation", { mode: "boolean" }).notNull().default(false),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    quote: text("quote").notNull(),
    ...curatedColumns(),
  },
  (t) => [
    index("participations_meeting_idx").on(t.meetingId),
    index("participations_person_idx").on(t.personId),
    check("participations_title_clean", cleanTextCheck(t.title)),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type MeetingSource = typeof meetingSources.$inferSelect;
export type Participation = typeof participations.$inferSelect;
