import { sql } from "drizzle-orm";
import {
  completablePrefix,
  ftsPartyQuery,
  ftsQuery,
  INDEXED_PARTY_TOKEN,
  isPrintableAscii,
  parseSearch,
  partyTokenCandidates,
} from "@/lib/search/fts";
import { hasMatch } from "@/lib/search/highlight";
import { FACTS_FTS_TOKENIZER, indexTokens, markPassages, selectRows, type Passage, type Tx } from "../client";
import type { FactMatch, FactSearch, FactSearchOptions } from "./_fact-search";

/**
 * SQLite's full-text search (see ./_fact-search.ts): the stemmed index `facts_fts` answers; the
 * last word is first completed from `facts_words_vocab`, the unstemmed words of every fact
 * (drizzle/0006).
 */

// The highest code point: `prefix || MAX` sorts after every term that begins with the prefix.
const MAX_CHAR = "\u{10FFFF}";
// Below every character a term can hold (unicode61 keeps no control characters): `prefix ||
// AFTER` sorts after the prefix and before every longer term that begins with it.
const AFTER = "\u0001";

/** A word's tokens as the index folds them; ASCII needs no round trip to SQLite's tokenizer. */
function foldedTokens(word: string): string[] {
  if (isPrintableAscii(word))
    return word
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  return indexTokens(word);
}

/**
 * The indexed words longer than `prefix` that begin with it (folded as the index folds). The
 * prefix itself is left out: the query always holds the word as typed. fts5vocab counts the
 * documents of every term it visits, so the word itself, when it is common, cost a read of its
 * whole list of documents (1.4 ms for a word in 46,000 of 100,000 facts).
 */
async function completions(tx: Tx, prefix: string): Promise<string[]> {
  const rows = await selectRows<{ term: string }>(
    tx,
    sql`SELECT term FROM facts_words_vocab WHERE term >= ${prefix + AFTER} AND term <= ${prefix + MAX_CHAR} ORDER BY term`,
  );
  return rows.map((r) => r.term);
}

/** Whether any of the terms is a party token once facts_fts has folded and stemmed it. */
function mayBePartyTokens(terms: string[]): boolean {
  const candidates = partyTokenCandidates(terms);
  if (candidates.length === 0) return false;
  return indexTokens(candidates.join(" "), FACTS_FTS_TOKENIZER).some((t) => INDEXED_PARTY_TOKEN.test(t));
}

/** Relevance: text weighs twice the quote; the parties column, matched by every hit, not at all. */
const BM25 = sql.raw("bm25(facts_fts, 2.0, 1.0, 0.0)");

export async function sqliteFactSearch({ tx, q, partyId }: FactSearchOptions): Promise<FactSearch | null> {
  const search = parseSearch(q);
  if (!search) return null;
  const tokens = foldedTokens(search.words[search.words.length - 1]);
  const prefix = completablePrefix(tokens);
  const completion = prefix ? { tokens, completions: await completions(tx, prefix) } : undefined;
  const words = ftsQuery(search, completion);
  const options = { anyColumn: !mayBePartyTokens([...search.words, ...(completion?.completions ?? [])]) };
  const match = partyId ? ftsPartyQuery(partyId, search, completion, options) : ftsQuery(search, completion, options);
  return {
    hits: (seqAs, rankAs, { fenced = false, rankOnly } = {}) =>
      sql`SELECT rowid AS ${sql.raw(seqAs)}, ${rankOnly ? sql`CASE WHEN rowid IN (${rankOnly}) THEN ${BM25} END` : BM25} AS ${sql.raw(rankAs)}
        FROM facts_fts WHERE facts_fts MATCH ${match}${fenced ? sql` LIMIT -1 OFFSET 0` : sql``}`,
    seqs: () => sql`SELECT rowid FROM facts_fts WHERE facts_fts MATCH ${match}`,
    terms: search.words.length + (completion?.completions.length ?? 0),
    pageMatches: (pageTx, seqs) => pageMatches(pageTx, words, seqs),
  };
}

/**
 * The page's facts marked as facts_fts would mark them: their text and quote, read in the
 * caller's snapshot, searched for the words in a scratch index of the page alone (the party, a
 * column of its own, marks nothing). Marking them in facts_fts would read every match of the
 * search, not only the page's: 1.6 ms for a common word at 100,000 facts, against 0.4.
 */
async function pageMatches(tx: Tx, words: string, seqs: number[]): Promise<Map<number, FactMatch>> {
  if (seqs.length === 0) return new Map();
  const page = await selectRows<Passage>(
    tx,
    sql`SELECT seq, text, quote FROM facts WHERE seq IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`,
  );
  return new Map(
    markPassages(page, words).map((r) => [r.seq, { text: r.text, quote: hasMatch(r.quote) ? r.quote : null }]),
  );
}
