import { DEFAULT_HANDLING, DEFAULT_MARKING } from "@/lib/model/handling";
import { FACT_FIELDS, type FactField } from "@/lib/validation/fact";

/** The fact form's state: every field as the string its input holds (lists comma-joined, sorted). */
export type FactFormValues = Record<FactField, string>;

export const FACT_FIELD_LABELS: Record<FactField, string> = {
  kind: "Kind",
  text: "Text",
  sourceId: "Source",
  quote: "Quote (verbatim from the source)",
  meetingId: "Meeting",
  dateStart: "Earliest day",
  dateEnd: "Latest day",
  datePrecision: "Precision",
  dateInferred: "Date inferred",
  dateNote: "Date note",
  partyIds: "Parties",
  topicIds: "Topics",
  metricKey: "Metric key",
  value: "Value",
  unit: "Unit",
  currency: "Currency",
  periodLabel: "Period label",
  approximate: 'Approximate ("about")',
  rank: "Rank among conflicting values",
  handling: "Handling",
  marking: "Marking",
};

export const EMPTY_FACT_VALUES: FactFormValues = {
  ...(Object.fromEntries(FACT_FIELDS.map((f) => [f, ""])) as FactFormValues),
  rank: "normal",
  handling: DEFAULT_HANDLING,
  marking: DEFAULT_MARKING,
};

const str = (v: unknown): string =>
  v === null || v === undefined
    ? ""
    : Array.isArray(v)
      ? [...v].map(String).sort().join(",")
      : typeof v === "boolean"
        ? v
          ? "true"
          : ""
        : String(v);

/** A stored fact (or an audit snapshot of one, or the saved fact a conflict sends back) as form values. */
export function factToFormValues(f: Readonly<Record<string, unknown>>): FactFormValues {
  const out = { ...EMPTY_FACT_VALUES };
  for (const field of FACT_FIELDS) out[field] = str(f[field]);
  // Snapshots from before ranks existed carry none: the stored default.
  if (out.rank === "") out.rank = "normal";
  // …nor handling or marking before those existed.
  if (out.handling === "") out.handling = DEFAULT_HANDLING;
  if (out.marking === "") out.marking = DEFAULT_MARKING;
  return out;
}

/** What a submitted form sent back (ActionState.values), as form values. */
export function submittedToFormValues(values: Record<string, string>): FactFormValues {
  const out = { ...EMPTY_FACT_VALUES };
  for (const field of FACT_FIELDS) out[field] = values[field] ?? "";
  return out;
}

/**
 * After a conflict: for each field, keep the admin's value if they changed it since they
 * loaded the form, else take the newer stored value. Fields both changed keep the admin's
 * and are flagged, so the admin decides; nothing they typed is dropped.
 */
export function mergeOnConflict(base: FactFormValues, mine: FactFormValues, theirs: FactFormValues) {
  const merged = { ...mine };
  const differing: { field: FactField; both: boolean }[] = [];
  for (const field of FACT_FIELDS) {
    if (mine[field] === theirs[field]) continue;
    const mineChanged = mine[field] !== base[field];
    const theirsChanged = theirs[field] !== base[field];
    if (!mineChanged) merged[field] = theirs[field];
    differing.push({ field, both: mineChanged && theirsChanged });
  }
  return { merged, differing };
}
