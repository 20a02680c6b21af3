import { PREFIX_MIN, type ParsedSearch } from "./fts";

/**
 * The PostgreSQL counterpart of ftsQuery (./fts.ts), for the generated `facts.search` column
 * (drizzle-pg/0001_facts_search.sql): the same words, the same rules. Every word must match
 * by its stem in the text or the quote (weights A and B, under the `chancery_stemmed`
 * configuration); the last word, when its last token has at least PREFIX_MIN characters, may
 * instead begin an indexed word (weight D, unstemmed, under `chancery_words`). Postgres folds
 * case and diacritics as it indexed them, so unlike SQLite no completion list is looked up
 * first. Each word is a quoted lexeme: operators and syntax characters in the input (&, |, !,
 * <->, :*, parentheses) are searched for as text, never obeyed. The caller
 * (db/queries/_fact-search-postgres.ts) combines them:
 *
 *   search @@ (to_tsquery('chancery_stemmed', head) && (to_tsquery('chancery_stemmed', last)
 *     || to_tsquery('chancery_words', lastPrefix)))
 */
export interface TsSearch {
  /** Every word but the last, as to_tsquery text for `chancery_stemmed` (null when there is one word). */
  head: string | null;
  /** The last word, whole, for `chancery_stemmed`. */
  last: string;
  /** The last word as a prefix, for `chancery_words`; null when its last token is shorter than PREFIX_MIN. */
  lastPrefix: string | null;
}

/**
 * A word as one quoted lexeme (a phrase when it holds several tokens, as "Covid-19"). What is
 * not a letter or digit becomes a space, as the index reads the text (drizzle-pg/0005): the
 * parser would otherwise read "a.b" as one host name where the index has two words.
 */
function lexeme(word: string, label: string): string {
  const words = word.replace(/[^\p{L}\p{N}]/gu, " ");
  return `'${words.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${label ? `:${label}` : ""}`;
}

/** The last token of a word as the parsers split it (at anything but letters and digits). */
function lastToken(word: string): string {
  const tokens = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return tokens[tokens.length - 1] ?? "";
}

export function tsSearch(search: ParsedSearch): TsSearch {
  const words = search.words;
  const last = words[words.length - 1];
  const head = words.slice(0, -1);
  return {
    head: head.length ? head.map((w) => lexeme(w, "AB")).join(" & ") : null,
    last: lexeme(last, "AB"),
    lastPrefix: [...lastToken(last)].length >= PREFIX_MIN ? lexeme(last, "*D") : null,
  };
}

/** What ts_headline marks (db/queries/_fact-search-postgres.ts). */
export interface TsHighlight {
  /**
   * Any of the words, as to_tsquery text for `chancery_stemmed`: any word, not the whole query,
   * so a passage of the quote is found wherever one of them stands (as SQLite's snippet()).
   */
  words: string;
  /**
   * The last word's last token when it is completed (null otherwise): the page's indexed words
   * beginning with it are marked too. A stem's prefix would not do: "cooperat" stems to itself,
   * "cooperation" to "cooper".
   */
  prefix: string | null;
}

export function tsHighlight(search: ParsedSearch): TsHighlight {
  const { words } = search;
  const token = lastToken(words[words.length - 1]);
  return {
    words: words.map((w) => lexeme(w, "")).join(" | "),
    prefix: [...token].length >= PREFIX_MIN ? token : null,
  };
}
