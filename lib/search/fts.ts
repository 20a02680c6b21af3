/**
 * Turns words typed by a user into an FTS5 query that matches facts containing all of
 * them. Every word becomes a quoted string, so FTS5 operators and syntax characters in the
 * input (AND, NEAR, *, :, quotes) are searched for literally instead of failing or changing
 * the query. Returns null when nothing searchable is left.
 */
export function ftsQuery(input: string | null | undefined): string | null {
  const words = (input ?? "")
    .normalize("NFC")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean)
    .slice(0, 20);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" ");
}
