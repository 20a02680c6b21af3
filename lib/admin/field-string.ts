/** A stored value as a form field's string. */
export function fieldString(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "boolean") return v ? "true" : "";
  return String(v);
}
