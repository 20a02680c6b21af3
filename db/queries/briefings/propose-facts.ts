import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { sourceLabel } from "@/lib/briefing/labels";
import { getDb, selectRows, withReadTransaction, type Database } from "../../client";
import { BM25, factSearchMatch, pageMatches, type FactMatch } from "../_fact-search";

export interface ProposalQuery {
  countryId: string;
  /** The topics chosen (in any order); a fact goes to the first of its topics in topic order. */
  topicIds: string[];
  from?: string;
  to?: string;
  q?: string;
}

export interface ProposedFact {
  id: string;
  topicId: string;
  kind: string;
  text: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: "day" | "month" | "season" | "year";
  dateInferred: boolean;
  meetingName: string | null;
  sourceLabel: string;
  /**
   * With search words: the text with its matched words marked, and a passage of the quote
   * around its matches (null when the quote holds none); see lib/search/highlight.ts.
   */
  matched: FactMatch | null;
}

export interface Proposal {
  counts: { topicId: string; count: number }[];
  total: number;
  facts: ProposedFact[];
}

/**
 * The live facts matching a briefing's filters: about the country, in one of the topics,
 * with a date span overlapping [from, to], containing the search words (`fts`, see
 * ./fact-search.ts). Each fact is placed in one section — the first of its chosen topics in
 * topic order — so a briefing never prints a fact twice. With search words, the full-text
 * index finds the country's matching facts in one lookup (its `parties` column) and ranks
 * them (bm25, lower is better); without, the party index does and every rank is 0.
 * (`+ft.topic_id` keeps SQLite on the (fact_id, topic_id) key: one probe per fact, not one per topic.)
 */
function matchingFacts(query: ProposalQuery, fts: string | null): SQL {
  const topicList = sql.join(
    query.topicIds.map((id) => sql`${id}`),
    sql`, `,
  );
  // OFFSET keeps SQLite from flattening the hits into the GROUP BY below, which would call
  // bm25() after the index's cursor has moved on ("unable to use function bm25").
  const candidates = fts
    ? sql`(SELECT f2.id AS fact_id, ${BM25} AS rank FROM facts_fts JOIN facts f2 ON f2.seq = facts_fts.rowid WHERE facts_fts MATCH ${fts} LIMIT -1 OFFSET 0)`
    : sql`(SELECT fact_id, 0 AS rank FROM fact_parties WHERE party_id = ${query.countryId})`;
  // c.rank is one value per fact, so it may stand bare beside min(): any row of the group has it.
  return sql`
    SELECT f.id, f.date_start, x.topic_id, x.sort_order, x.rank FROM (
      SELECT c.fact_id AS fid, ft.topic_id AS topic_id, min(t.sort_order) AS sort_order, c.rank AS rank
      FROM ${candidates} c JOIN fact_topics ft ON ft.fact_id = c.fact_id JOIN topics t ON t.id = ft.topic_id
      WHERE +ft.topic_id IN (${topicList}) GROUP BY c.fact_id) x
    JOIN facts f ON f.id = x.fid
    WHERE f.deleted_at IS NULL
      ${query.from ? sql`AND f.date_end >= ${query.from}` : sql``}
      ${query.to ? sql`AND f.date_start <= ${query.to}` : sql``}`;
}

export interface ProposeFactsOptions {
  actor: Actor;
  query: ProposalQuery;
  limit: number;
  offset?: number;
  db?: Database;
}

/**
 * A page of the facts matching a briefing's filters, and the count per topic. The fact base
 * is readable by every signed-in user (and the command line), so any actor may ask. The
 * search words' completions, the page and its marks are read from one snapshot, so the marks
 * are those of the text shown.
 */
export async function proposeFacts({
  actor: _actor,
  query,
  limit,
  offset = 0,
  db = getDb(),
}: ProposeFactsOptions): Promise<Proposal> {
  if (query.topicIds.length === 0) return { counts: [], total: 0, facts: [] };
  return withReadTransaction(db, async (tx) => {
    const fts = await factSearchMatch({ tx, q: query.q, partyId: query.countryId });
    const rows = await selectRows<Record<string, unknown>>(tx, proposalStatement(query, fts, limit, offset));
    const pageRows = rows.filter((r) => r.row_kind === "fact");
    const marks = fts
      ? await pageMatches(
          tx,
          fts,
          pageRows.map((r) => Number(r.seq)),
        )
      : new Map<number, FactMatch>();
    return proposalOf(rows, pageRows, marks);
  });
}

/**
 * One statement for the per-topic counts and the page, so the matching set is built once.
 * Within a section: best match first when searched (bm25), else newest first.
 */
function proposalStatement(query: ProposalQuery, fts: string | null, limit: number, offset: number): SQL {
  return sql`
    WITH m AS MATERIALIZED (${matchingFacts(query, fts)})
    SELECT 'count' AS row_kind, topic_id, count(*) AS n, NULL AS id, NULL AS kind, NULL AS text, NULL AS date_start, NULL AS date_end,
      NULL AS date_precision, NULL AS date_inferred, NULL AS meeting_name, NULL AS publisher, NULL AS title, min(sort_order) AS sort_order,
      NULL AS rank, NULL AS seq
    FROM m GROUP BY topic_id
    UNION ALL
    SELECT 'fact', p.topic_id, NULL, f.id, f.kind, f.text, f.date_start, f.date_end, f.date_precision, f.date_inferred, mt.name, s.publisher, s.title, p.sort_order,
      p.rank, f.seq
    -- The page is cut from the sorted ids first; only its rows are joined for display. CROSS
    -- JOIN fixes that order: left to itself the planner may scan sources, then their facts.
    FROM (SELECT * FROM m ORDER BY sort_order, topic_id, rank, date_start DESC, id LIMIT ${limit} OFFSET ${offset}) p
    CROSS JOIN facts f ON f.id = p.id CROSS JOIN sources s ON s.id = f.source_id LEFT JOIN meetings mt ON mt.id = f.meeting_id`;
}

/** The statement's rows as a proposal: the counts in topic order, the page in section order. */
function proposalOf(
  rows: Record<string, unknown>[],
  pageRows: Record<string, unknown>[],
  marks: Map<number, FactMatch>,
): Proposal {
  const counts = rows
    .filter((r) => r.row_kind === "count")
    .sort((a, b) => Number(a.sort_order) - Number(b.sort_order) || String(a.topic_id).localeCompare(String(b.topic_id)))
    .map((r) => ({ topicId: String(r.topic_id), count: Number(r.n) }));
  return {
    counts,
    total: counts.reduce((n, c) => n + c.count, 0),
    facts: pageRows
      // A join may reorder the page's rows: restore section order, best match or newest first.
      .sort(
        (a, b) =>
          Number(a.sort_order) - Number(b.sort_order) ||
          String(a.topic_id).localeCompare(String(b.topic_id)) ||
          Number(a.rank) - Number(b.rank) ||
          String(b.date_start).localeCompare(String(a.date_start)) ||
          String(a.id).localeCompare(String(b.id)),
      )
      .map((r) => ({
        id: String(r.id),
        topicId: String(r.topic_id),
        kind: String(r.kind),
        text: String(r.text),
        dateStart: String(r.date_start),
        dateEnd: String(r.date_end),
        datePrecision: r.date_precision as ProposedFact["datePrecision"],
        dateInferred: r.date_inferred === 1,
        meetingName: (r.meeting_name as string | null) ?? null,
        sourceLabel: sourceLabel({ publisher: r.publisher as string | null, title: r.title as string | null }),
        matched: marks.get(Number(r.seq)) ?? null,
      })),
  };
}
