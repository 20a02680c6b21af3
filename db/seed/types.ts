/**
 * The shape of the curated fact base as it ships in db/seed/data. Every id is a stable
 * key: seeding inserts what is missing by id and never touches a row that exists.
 */
import type { DatePrecision, DateSpan } from "@/lib/dates/date-span";
import type { FACT_KINDS, FIGURE_RANKS } from "@/lib/model/facts";
import type { MEETING_FORMATS, MEETING_MODES, MEETING_REPORTS, MEETING_STATUSES } from "@/lib/model/meetings";
import type { PARTY_KINDS } from "@/lib/model/parties";
import type { Handling, Marking } from "@/lib/model/handling";

/** A date as curated: inferred and note default to false/null. */
export type SeedDate = Omit<DateSpan, "inferred" | "note"> & { inferred?: boolean; note?: string };

export interface SeedParty {
  id: string;
  name: string;
  kind: (typeof PARTY_KINDS)[number];
  isoCode: string | null;
  aliases?: string[];
}
export interface SeedTopic {
  id: string;
  name: string;
  description: string;
  sortOrder: number;
}

export interface SeedSource {
  id: string;
  /** File under db/seed/sources holding the article's full text, verbatim. */
  fileName: string;
  publisher: string | null;
  publisherNote?: string;
  title: string | null;
  dateline: string | null;
  published: SeedDate;
  url: string | null;
}

export interface SeedPerson {
  id: string;
  name: string;
  aliases?: string[];
}

export interface SeedRole {
  id: string;
  personId: string;
  partyId: string;
  title: string;
  validFrom?: string;
  validTo?: string;
  /** Default "day". At "month" or "year" the end is the whole month or year. */
  validFromPrecision?: DatePrecision;
  validToPrecision?: DatePrecision;
  /** Default true: the dates are only when a source shows the title in use. */
  attestedOnly?: boolean;
  sourceId?: string;
  quote?: string;
}

export interface SeedMeeting {
  id: string;
  name: string;
  series?: string;
  format: (typeof MEETING_FORMATS)[number];
  ordinal?: number;
  date: SeedDate | null;
  place: string | null;
  hostPartyId?: string;
  mode: (typeof MEETING_MODES)[number];
  status: (typeof MEETING_STATUSES)[number];
  /** Announced events: the parties expected to take part (default none). */
  expectedPartyIds?: string[];
  sources: { sourceId: string; reports: (typeof MEETING_REPORTS)[number]; quote: string }[];
  /** Default "releasable" (SEED_HANDLING): the curated meetings are reported by public press articles. */
  handling?: Handling;
}

export interface SeedParticipation {
  id: string;
  meetingId: string;
  personId: string | null;
  partyId: string;
  title: string;
  leadsDelegation?: boolean;
  sourceId: string;
  quote: string;
}

export interface SeedFigure {
  metricKey: string;
  value: number;
  unit: string;
  currency?: string;
  periodLabel: string;
  /** The source gives the value as an approximation ("about"); default false. */
  approximate?: boolean;
  /** Default "normal"; "preferred" among conflicting values for the same metric and period. */
  rank?: (typeof FIGURE_RANKS)[number];
}

export interface SeedFact {
  id: string;
  kind: (typeof FACT_KINDS)[number];
  text: string;
  date: SeedDate;
  meetingId?: string;
  sourceId: string;
  quote: string;
  parties: string[];
  topics: string[];
  figure?: SeedFigure;
  /** Default "releasable" (SEED_HANDLING): the curated facts come from public press articles. */
  handling?: Handling;
  /** Default "OFFICIAL" (SEED_MARKING). */
  marking?: Marking;
}

/** What a curated fact is handled as unless it says otherwise (migration 0010 sets the shipped ones so). */
export const SEED_HANDLING: Handling = "releasable";
export const SEED_MARKING: Marking = "OFFICIAL";

export interface SeedData {
  parties: SeedParty[];
  topics: SeedTopic[];
  sources: SeedSource[];
  people: SeedPerson[];
  roles: SeedRole[];
  meetings: SeedMeeting[];
  participations: SeedParticipation[];
  facts: SeedFact[];
}
