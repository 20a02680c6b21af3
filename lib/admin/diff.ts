/** One changed field between two audit snapshots, both sides as display text. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const IGNORED = new Set(["id", "version"]);

export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields that differ between `before` and `after` (either may be null: created, purged). */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f));
  return fields
    .map((field) => ({ field, before: displayValue(b[field]), after: displayValue(a[field]) }))
    .filter((c) => c.before !== c.after);
}
