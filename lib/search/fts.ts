/**
 * FTS5 query building. User words become quoted strings, so FTS5 operators and syntax
 * characters in the input (AND, NEAR, *, :, quotes) are searched for literally instead of
 * failing or changing the query. All words must match (in the text or the quote), each by
 * its stem (the index runs the Porter stemmer, drizzle/0006); the last word, when its last
 * token has at least PREFIX_MIN characters, also matches the words it begins. The caller
 * folds that word and looks its completions up in the index (db/queries/fact-search.ts):
 * SQLite folds, so the prefix is folded exactly as the indexed words are.
 */

/** The shortest last word that is completed as a prefix; shorter ones match whole words only. */
export const PREFIX_MIN = 3;

export interface ParsedSearch {
  /** The words as typed (trimmed of punctuation); FTS5 tokenises each as a phrase. */
  words: string[];
}

/**
 * The last word's completion: its tokens as the index folds them (unicode61 splits
 * "EU-Central" into "eu", "central") and the indexed words its last token begins.
 */
export interface Completion {
  tokens: string[];
  completions: readonly string[];
}

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

/** The words of a search, or null when nothing searchable is left (punctuation, operators' symbols). */
export function parseSearch(input: string | null | undefined): ParsedSearch | null {
  const list = words(input);
  return list.length ? { words: list } : null;
}

/** The last word's last folded token when it is long enough to be completed, else null. */
export function completablePrefix(tokens: readonly string[]): string | null {
  const last = tokens[tokens.length - 1];
  return last !== undefined && [...last].length >= PREFIX_MIN ? last : null;
}

const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** The last word as typed, or any of its completions in place of its last token. */
function lastWord(word: string, completion: Completion | undefined): string {
  if (!completion?.completions.length) return quoted(word);
  const head = completion.tokens.slice(0, -1);
  const phrases = [word, ...completion.completions.map((c) => [...head, c].join(" "))];
  return `(${[...new Set(phrases)].map(quoted).join(" OR ")})`;
}

/**
 * The search as a query on fact text and quotes, the last word completed when given.
 * `anyColumn`: the words in every column, with no column filter; the caller has made sure no
 * term can be a party token (partyTokenCandidates), so the parties column cannot match them and
 * the result is the same. Unfiltered, FTS5 need not read a common word's positions to weigh it:
 * 1.5 ms less for "cooperation" in 46 % of 100,000 facts, 3 ms for two such words.
 */
export function ftsQuery(search: ParsedSearch, completion?: Completion, { anyColumn = false } = {}): string {
  const { words: list } = search;
  const terms = [...list.slice(0, -1).map(quoted), lastWord(list[list.length - 1], completion)];
  return `${anyColumn ? "" : "{text quote} : "}(${terms.join(" AND ")})`;
}

/** The token under which the index records that a fact is about a party (see drizzle/0004). */
export function partyToken(partyId: string): string {
  return `p${Buffer.from(partyId, "utf8").toString("hex").toUpperCase()}`;
}

/** A party token as the index holds it: folded to lower case. */
export const INDEXED_PARTY_TOKEN = /^p(?:[0-9a-f]{2})+$/;

/**
 * Whether a word is printable ASCII only: unicode61 then keeps its letters and digits, lower-cased,
 * and splits at the rest, so JavaScript can fold it as the index does; other characters need
 * SQLite's own tokenizer (it keeps the diacritic of Cyrillic "ё", which a JavaScript fold strips).
 */
export const isPrintableAscii = (word: string) => /^[\x20-\x7e]*$/.test(word);

/**
 * The terms (words as typed, completions) that might be party tokens once the index has
 * folded and stemmed them, for the caller to stem and check against INDEXED_PARTY_TOKEN. The
 * Porter stemmer rewrites only a token's ending and keeps its first two letters, so an ASCII
 * term can hold one only if one of its tokens begins with "p" and a hex digit; a term with
 * other characters is always a candidate (its folding is SQLite's).
 */
export function partyTokenCandidates(terms: readonly string[]): string[] {
  return terms.filter((t) => !isPrintableAscii(t) || /(?:^|[^a-z0-9])p[0-9a-f]/i.test(t));
}

/** Facts about one party containing all the words (`anyColumn`: see ftsQuery). */
export function ftsPartyQuery(
  partyId: string,
  search: ParsedSearch,
  completion?: Completion,
  options: { anyColumn?: boolean } = {},
): string {
  return `{parties} : ${quoted(partyToken(partyId))} AND ${ftsQuery(search, completion, options)}`;
}
