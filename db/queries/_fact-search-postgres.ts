import { sql, type SQL } from "drizzle-orm";
import { parseSearch } from "@/lib/search/fts";
import { hasMatch, MARK_CLOSE, MARK_OPEN, splitMarked } from "@/lib/search/highlight";
import { tsHighlight, tsSearch, type TsHighlight } from "@/lib/search/tsquery";
import { selectRows, type Tx } from "../client";
import type { FactMatch, FactSearch, FactSearchOptions } from "./_fact-search";

/**
 * PostgreSQL's full-text search (see ./_fact-search.ts) over the generated `facts.search`
 * tsvector and its GIN index (drizzle-pg/0001). The last word is completed by the index itself:
 * its unstemmed words (weight D) are searched as a prefix (`:*`), so there is no completion
 * list to look up first, as SQLite's facts_words_vocab. (ts_stat over the column would list the
 * words, but reads every row; a words table kept by triggers would duplicate what the GIN
 * index already holds in prefix order.)
 */

/** The tsquery of a search: every word by its stem, the last also as a prefix of an indexed word. */
function tsQuery(q: ReturnType<typeof tsSearch>): SQL {
  const last = q.lastPrefix
    ? sql`(to_tsquery('chancery_stemmed', ${q.last}) || to_tsquery('chancery_words', ${q.lastPrefix}))`
    : sql`to_tsquery('chancery_stemmed', ${q.last})`;
  return q.head ? sql`(to_tsquery('chancery_stemmed', ${q.head}) && ${last})` : last;
}

/**
 * Relevance, lower is better as SQLite's bm25(): ts_rank's weights {D, C, B, A} count the text
 * (A) twice the quote (B), and the unstemmed copies (D) of both a little, for prefix matches.
 */
const rank = (query: SQL) => sql`-ts_rank('{0.1, 0, 0.5, 1}'::float4[], sf.search, ${query})`;

export async function postgresFactSearch({ q, partyId }: FactSearchOptions): Promise<FactSearch | null> {
  const search = parseSearch(q);
  if (!search) return null;
  const query = tsQuery(tsSearch(search));
  const about = partyId
    ? sql`AND EXISTS (SELECT 1 FROM fact_parties sp WHERE sp.fact_id = sf.id AND sp.party_id = ${partyId})`
    : sql``;
  return {
    hits: (seqAs, rankAs, { rankOnly } = {}) =>
      sql`SELECT sf.seq AS ${sql.raw(seqAs)}, ${rankOnly ? sql`CASE WHEN sf.seq IN (${rankOnly}) THEN ${rank(query)} END` : rank(query)} AS ${sql.raw(rankAs)}
        FROM facts sf WHERE sf.search @@ ${query} ${about}`,
    seqs: () => sql`SELECT sf.seq FROM facts sf WHERE sf.search @@ ${query} ${about}`,
    terms: search.words.length,
    pageMatches: (tx, seqs) => pageMatches(tx, tsHighlight(search), seqs),
  };
}

const MARKS = `StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}"`;
/** As SQLite's highlight(): the whole text. */
const TEXT_OPTIONS = `HighlightAll=true, ${MARKS}`;
/** As SQLite's snippet(…, 16): one passage of at most 16 words around a match. */
const QUOTE_OPTIONS = `MaxFragments=1, MaxWords=16, MinWords=8, ShortWord=0, ${MARKS}`;

/**
 * The marked words: any of the search's words by its stem, and the words of the page's facts
 * that the last one begins (their unstemmed lexemes, weight D, taken under `chancery_stemmed` so
 * they mark every form of the word), as SQLite marks the completions it searched for.
 */
function highlightQuery(h: TsHighlight): SQL {
  const words = sql`to_tsquery('chancery_stemmed', ${h.words})`;
  if (!h.prefix) return words;
  const folded = sql`(SELECT string_agg(lexeme, '') FROM unnest(to_tsvector('chancery_words', ${h.prefix})))`;
  // Each lexeme quoted for to_tsquery (a quote doubled, a backslash escaped), joined by OR.
  const completions = sql`(SELECT to_tsquery('chancery_stemmed',
      string_agg('''' || replace(replace(w.lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | '))
    FROM (SELECT DISTINCT u.lexeme FROM page, unnest(page.search) u WHERE starts_with(u.lexeme, ${folded})) w)`;
  return sql`coalesce(${words} || ${completions}, ${words})`;
}

/** What the index reads of a text: each character that is not a letter or digit a space (drizzle-pg/0005). */
const words = (column: SQL) => sql`regexp_replace(${column}, '[^[:alnum:]]', ' ', 'g')`;

/**
 * The text marked by ts_headline, and a passage of the quote when it holds a match. ts_headline
 * reads its input with the parser, as the index does, so it is given the index's copy (where
 * "<b>" would be a tag, "x.y" a host name) and its marks are carried back to the original.
 */
async function pageMatches(tx: Tx, highlight: TsHighlight, seqs: number[]): Promise<Map<number, FactMatch>> {
  if (seqs.length === 0) return new Map();
  const page = sql.join(
    seqs.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await selectRows<{
    seq: number;
    text: string;
    marked: string;
    quote: string;
    quoteWords: string;
    passage: string;
  }>(
    tx,
    sql`
    WITH page AS (SELECT seq, text, quote, search FROM facts WHERE seq IN (${page})),
    marked AS (SELECT ${highlightQuery(highlight)} AS query)
    SELECT seq, text, ts_headline('chancery_stemmed', ${words(sql`text`)}, marked.query, ${TEXT_OPTIONS}) AS marked,
      quote, ${words(sql`quote`)} AS "quoteWords",
      ts_headline('chancery_stemmed', ${words(sql`quote`)}, marked.query, ${QUOTE_OPTIONS}) AS passage
    FROM page, marked`,
  );
  return new Map(
    rows.map((r) => [
      r.seq,
      {
        text: remarked(r.marked, r.text),
        quote: hasMatch(r.passage) ? passageOf(r.passage, r.quote, r.quoteWords) : null,
      },
    ]),
  );
}

/**
 * Marks made on the index's copy of a text, on the original's characters: the copy differs only
 * in characters that became one space each, so a part's characters are the original's at the
 * same places (counted in code points, as PostgreSQL counts characters).
 */
function remarked(marked: string, original: string, from = 0): string {
  const chars = Array.from(original);
  let at = from;
  return splitMarked(marked)
    .map((part) => {
      const length = Array.from(part.text).length;
      const text = chars.slice(at, at + length).join("");
      at += length;
      return part.marked ? `${MARK_OPEN}${text}${MARK_CLOSE}` : text;
    })
    .join("");
}

/**
 * The quote's passage on the original characters, with "…" where it cuts the quote short, as
 * snippet() writes it. `copy` is the index's copy of the quote, which ts_headline cut it from.
 */
function passageOf(passage: string, quote: string, copy: string): string {
  const plain = splitMarked(passage)
    .map((p) => p.text)
    .join("");
  const found = copy.indexOf(plain);
  if (found < 0) return `…${passage}…`; // ts_headline trimmed it differently: the copy's passage
  const from = Array.from(copy.slice(0, found)).length;
  const to = from + Array.from(plain).length;
  return `${from > 0 ? "…" : ""}${remarked(passage, quote, from)}${to < Array.from(quote).length ? "…" : ""}`;
}
