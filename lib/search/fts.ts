/**
 * FTS5 query building. User words become quoted strings, so FTS5 operators and syntax
 * characters in the input (AND, NEAR, *, :, quotes) are searched for literally instead of
 * failing or changing the query. All words must match (in the text or the quote).
 */
function words(input: string | null | undefined): string[] {
  // Control characters (NUL among them) separate words: inside an FTS5 string they end it.
  // Every word counts: the callers' schemas bound the input's length, not its word count.
  return (input ?? "")
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** Words as a query on fact text and quotes, or null when nothing searchable is left. */
export function ftsQuery(input: string | null | undefined): string | null {
  const list = words(input);
  return list.length ? `{text quote} : (${list.map(quoted).join(" AND ")})` : null;
}

/** The token under which the index records that a fact is about a party (see drizzle/0004). */
export function partyToken(partyId: string): string {
  return `p${Buffer.from(partyId, "utf8").toString("hex").toUpperCase()}`;
}

/** Facts about one party containing all the words. */
export function ftsPartyQuery(partyId: string, input: string | null | undefined): string | null {
  const text = ftsQuery(input);
  return text ? `{parties} : ${quoted(partyToken(partyId))} AND ${text}` : null;
}
