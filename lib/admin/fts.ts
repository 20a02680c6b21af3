/**
 * Turns what a user typed into an FTS5 query that means "all these words": each word
 * becomes a quoted phrase token (inner quotes doubled), so FTS operators, column filters
 * and stray punctuation in the input are matched as text and never parsed as syntax.
 */
export function ftsQuery(input: string): string | null {
  const words = input.normalize("NFC").split(/\s+/).map((w) => w.replace(/[\u0000-\u001F\u007F]/g, "")).filter(Boolean).slice(0, 20);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" ");
}
