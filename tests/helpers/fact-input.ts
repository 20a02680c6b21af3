import type { FactRecord } from "@/db/queries/facts/get-fact";
import type { FactInput } from "@/lib/validation/fact";

/** A stored fact as the input that would save it again, with `change` applied (the tests' edits). */
export const inputOf = (f: FactRecord, change: Partial<FactInput> = {}): FactInput => ({
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
  ...change,
});
