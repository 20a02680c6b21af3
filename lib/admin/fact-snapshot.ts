import { z } from "zod";
import type { Fact } from "@/db/schema/facts";
import { FACT_KINDS, FIGURE_RANKS } from "@/lib/model/facts";
import { DEFAULT_HANDLING, DEFAULT_MARKING, HANDLING_VALUES, MARKINGS } from "@/lib/model/handling";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";

type Snapshotable = Fact & { partyIds: string[]; topicIds: string[] };

/** What the audit log keeps of a fact: every curated field, its links and its version; no timestamps but deletion. */
export function factSnapshot(f: Snapshotable) {
  return {
    id: f.id,
    version: f.version,
    kind: f.kind,
    text: f.text,
    sourceId: f.sourceId,
    quote: f.quote,
    meetingId: f.meetingId,
    dateStart: f.dateStart,
    dateEnd: f.dateEnd,
    datePrecision: f.datePrecision,
    dateInferred: f.dateInferred,
    dateNote: f.dateNote,
    partyIds: f.partyIds,
    topicIds: f.topicIds,
    metricKey: f.metricKey,
    value: f.value,
    unit: f.unit,
    currency: f.currency,
    periodLabel: f.periodLabel,
    approximate: f.approximate,
    rank: f.rank,
    handling: f.handling,
    marking: f.marking,
    deletedAt: f.deletedAt,
  };
}
export type FactSnapshot = ReturnType<typeof factSnapshot>;

/** Reads a snapshot back from the audit log (JSON written by an older version of the code, so parsed, not trusted). */
export const storedFactSnapshotSchema = z.object({
  kind: z.enum(FACT_KINDS),
  text: z.string(),
  sourceId: z.string(),
  quote: z.string(),
  meetingId: z.string().nullable().default(null),
  dateStart: z.string(),
  dateEnd: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  dateInferred: z.boolean().default(false),
  dateNote: z.string().nullable().default(null),
  partyIds: z.array(z.string()),
  topicIds: z.array(z.string()),
  metricKey: z.string().nullable().default(null),
  value: z.number().nullable().default(null),
  unit: z.string().nullable().default(null),
  currency: z.string().nullable().default(null),
  periodLabel: z.string().nullable().default(null),
  approximate: z.boolean().default(false),
  rank: z.enum(FIGURE_RANKS).default("normal"),
  // Snapshots from before handling existed: the stored defaults.
  handling: z.enum(HANDLING_VALUES).default(DEFAULT_HANDLING),
  marking: z.enum(MARKINGS).default(DEFAULT_MARKING),
});
