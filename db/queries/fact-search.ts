import { sql } from "drizzle-orm";
import { completablePrefix, ftsPartyQuery, ftsQuery, parseSearch } from "@/lib/search/fts";
import { hasMatch, MARK_CLOSE, MARK_OPEN } from "@/lib/search/highlight";
import type { DB } from "../client";

/**
 * Full-text search over facts, shared by the proposals and the admin fact list (internal:
 * the callers check permissions). The stemmed index `facts_fts` answers; the last word is
 * first completed from `facts_words_vocab`, the unstemmed words of every fact (drizzle/0005).
 */

// The highest code point: `prefix || MAX` sorts after every term that begins with the prefix.
const MAX_CHAR = "\u{10FFFF}";

const folders = new WeakMap<DB, (word: string) => string[]>();

/**
 * A word's tokens as the index folds them (lower case, Latin diacritics removed, split at
 * punctuation), by SQLite's own tokenizer: a JavaScript fold differs (it would strip the
 * diacritic from Cyrillic "ё", which unicode61 keeps). A per-connection temporary table
 * (never in the database file) holds the word for the time of one read.
 */
function foldedTokens(db: DB, word: string): string[] {
  // ASCII needs no round trip: unicode61 keeps letters and digits, lower-cased, and splits at the rest.
  if (/^[\x20-\x7e]*$/.test(word))
    return word
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  let fold = folders.get(db);
  if (!fold) {
    const raw = db.$client;
    raw.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold USING fts5(word, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold_tokens USING fts5vocab(temp, search_fold, instance);`);
    const put = raw.prepare("INSERT INTO temp.search_fold (rowid, word) VALUES (1, ?)");
    const read = raw.prepare("SELECT term FROM temp.search_fold_tokens ORDER BY offset").pluck();
    const clear = raw.prepare("DELETE FROM temp.search_fold");
    fold = (w) => {
      clear.run();
      put.run(w);
      const tokens = read.all() as string[];
      clear.run();
      return tokens;
    };
    folders.set(db, fold);
  }
  return fold(word);
}

/** The indexed words that begin with `prefix` (folded as the index folds). */
function completions(db: DB, prefix: string): string[] {
  return db.$client
    .prepare("SELECT term FROM facts_words_vocab WHERE term >= ? AND term <= ? ORDER BY term")
    .pluck()
    .all(prefix, prefix + MAX_CHAR) as string[];
}

/** The MATCH expression for a search (about one party when given), or null when nothing is searched. */
export function factSearchMatch({
  db,
  q,
  partyId,
}: {
  db: DB;
  q: string | null | undefined;
  partyId?: string;
}): string | null {
  const search = parseSearch(q);
  if (!search) return null;
  const tokens = foldedTokens(db, search.words[search.words.length - 1]);
  const prefix = completablePrefix(tokens);
  const completion = prefix ? { tokens, completions: completions(db, prefix) } : undefined;
  return partyId ? ftsPartyQuery(partyId, search, completion) : ftsQuery(search, completion);
}

/** Relevance: text weighs twice the quote; the parties column, matched by every hit, not at all. */
export const BM25 = sql.raw("bm25(facts_fts, 2.0, 1.0, 0.0)");

export interface FactMatch {
  /** The text with its matched words between MARK_OPEN and MARK_CLOSE. */
  text: string;
  /** A passage of the quote around its matched words, marked likewise; null when the quote holds none. */
  quote: string | null;
}

/**
 * The marked text and quote passage of a page of facts, by seq. One scan of the matches
 * (`+rowid` keeps the list out of FTS5's plan: as equality lookups it would evaluate the
 * query once per row), highlighting only the page's rows.
 */
export function pageMatches(db: DB, match: string, seqs: number[]): Map<number, FactMatch> {
  if (seqs.length === 0) return new Map();
  const rows = db.all<{ seq: number; text: string; quote: string }>(sql`
    SELECT rowid AS seq, highlight(facts_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS text,
      snippet(facts_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) AS quote
    FROM facts_fts WHERE facts_fts MATCH ${match} AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`);
  return new Map(rows.map((r) => [r.seq, { text: r.text, quote: hasMatch(r.quote) ? r.quote : null }]));
}
