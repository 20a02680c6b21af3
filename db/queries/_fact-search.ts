import type { SQL } from "drizzle-orm";
import { ENGINE } from "../engine";
import type { Tx } from "../client";
import { postgresFactSearch } from "./_fact-search-postgres";
import { sqliteFactSearch } from "./_fact-search-sqlite";

/**
 * Full-text search over facts, shared by the proposals and the admin fact list (internal: the
 * callers check permissions). The statements differ whole between the engines, so each has a
 * module: ./_fact-search-sqlite.ts (FTS5) and ./_fact-search-postgres.ts (facts.search). Both
 * find the same facts (tests/unit/search.test.ts runs on both); ranks and marked passages may
 * differ in detail.
 */

export interface FactMatch {
  /** The text with its matched words between MARK_OPEN and MARK_CLOSE. */
  text: string;
  /** A passage of the quote around its matched words, marked likewise; null when the quote holds none. */
  quote: string | null;
}

/** A parsed search, ready to be placed in a statement. */
export interface FactSearch {
  /**
   * `SELECT` of the matching facts (about the party, when one was given): their seq and their
   * rank (lower is better) under the names given (written by the caller's code, never input).
   * `fenced`: kept from being flattened into the statement around it. SQLite needs it below a
   * GROUP BY, which would call bm25() after the index's cursor has moved on ("unable to use
   * function bm25"); PostgreSQL's ts_rank has no such limit, and its planner, left free, reads
   * a country's facts first and tests each against the query rather than every fact matching
   * a common word.
   * `rankOnly`: a `SELECT` of seqs; only those facts are ranked, the others' rank is NULL
   * (ranking is most of the cost of a common word, and a page needs only its sections ranked).
   */
  hits(seqAs: string, rankAs: string, options?: { fenced?: boolean; rankOnly?: SQL }): SQL;
  /** `SELECT` of the matching facts' seq, for an `IN`. */
  seqs(): SQL;
  /**
   * How many terms the index looks up: each word, and on SQLite each completion of the last
   * (what evaluating the search, and weighing its terms for the ranks, costs in proportion to).
   */
  terms: number;
  /** The marked text and quote passage of a page of facts, by seq. */
  pageMatches(tx: Tx, seqs: number[]): Promise<Map<number, FactMatch>>;
}

export interface FactSearchOptions {
  tx: Tx;
  q: string | null | undefined;
  /** Only the facts about this party. */
  partyId?: string;
}

/** The search for the words of `q`, or null when nothing is searched. */
export const factSearch: (options: FactSearchOptions) => Promise<FactSearch | null> =
  ENGINE === "postgres" ? postgresFactSearch : sqliteFactSearch;
