import { sql } from "drizzle-orm";
import { completablePrefix, ftsPartyQuery, ftsQuery, parseSearch } from "@/lib/search/fts";
import { hasMatch, MARK_CLOSE, MARK_OPEN } from "@/lib/search/highlight";
import { indexTokens, selectRows, type Tx } from "../client";
import type { FactMatch, FactSearch, FactSearchOptions } from "./_fact-search";

/**
 * SQLite's full-text search (see ./_fact-search.ts): the stemmed index `facts_fts` answers; the
 * last word is first completed from `facts_words_vocab`, the unstemmed words of every fact
 * (drizzle/0005).
 */

// The highest code point: `prefix || MAX` sorts after every term that begins with the prefix.
const MAX_CHAR = "\u{10FFFF}";

/** A word's tokens as the index folds them; ASCII needs no round trip to SQLite's tokenizer. */
function foldedTokens(word: string): string[] {
  // unicode61 keeps ASCII letters and digits, lower-cased, and splits at the rest.
  if (/^[\x20-\x7e]*$/.test(word))
    return word
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  return indexTokens(word);
}

/** The indexed words that begin with `prefix` (folded as the index folds). */
async function completions(tx: Tx, prefix: string): Promise<string[]> {
  const rows = await selectRows<{ term: string }>(
    tx,
    sql`SELECT term FROM facts_words_vocab WHERE term >= ${prefix} AND term <= ${prefix + MAX_CHAR} ORDER BY term`,
  );
  return rows.map((r) => r.term);
}

/** Relevance: text weighs twice the quote; the parties column, matched by every hit, not at all. */
const BM25 = sql.raw("bm25(facts_fts, 2.0, 1.0, 0.0)");

export async function sqliteFactSearch({ tx, q, partyId }: FactSearchOptions): Promise<FactSearch | null> {
  const search = parseSearch(q);
  if (!search) return null;
  const tokens = foldedTokens(search.words[search.words.length - 1]);
  const prefix = completablePrefix(tokens);
  const completion = prefix ? { tokens, completions: await completions(tx, prefix) } : undefined;
  const match = partyId ? ftsPartyQuery(partyId, search, completion) : ftsQuery(search, completion);
  return {
    hits: (seqAs, rankAs, { fenced = false } = {}) =>
      sql`SELECT rowid AS ${sql.raw(seqAs)}, ${BM25} AS ${sql.raw(rankAs)} FROM facts_fts WHERE facts_fts MATCH ${match}${fenced ? sql` LIMIT -1 OFFSET 0` : sql``}`,
    seqs: () => sql`SELECT rowid FROM facts_fts WHERE facts_fts MATCH ${match}`,
    pageMatches: (pageTx, seqs) => pageMatches(pageTx, match, seqs),
  };
}

/**
 * One scan of the matches (`+rowid` keeps the list out of FTS5's plan: as equality lookups it
 * would evaluate the query once per row), highlighting only the page's rows.
 */
async function pageMatches(tx: Tx, match: string, seqs: number[]): Promise<Map<number, FactMatch>> {
  if (seqs.length === 0) return new Map();
  const rows = await selectRows<{ seq: number; text: string; quote: string }>(
    tx,
    sql`
    SELECT rowid AS seq, highlight(facts_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS text,
      snippet(facts_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) AS quote
    FROM facts_fts WHERE facts_fts MATCH ${match} AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`,
  );
  return new Map(rows.map((r) => [r.seq, { text: r.text, quote: hasMatch(r.quote) ? r.quote : null }]));
}
