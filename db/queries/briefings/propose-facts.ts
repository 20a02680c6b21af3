import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { sourceLabel } from "@/lib/briefing/labels";
import type { Handling, Marking } from "@/lib/model/handling";
import type { ClearanceLevel } from "@/lib/model/handling";
import { getDb, selectRows, withReadTransaction, type Database, type Tx } from "../../client";
import { dialect } from "../../dialect";
import { briefings, topics } from "../../schema";
import { EVERY_FACT, factAliasVisibleTo } from "../_fact-visibility";
import { factSearch, type FactMatch, type FactSearch } from "../_fact-search";

export interface ProposalQuery {
  countryId: string;
  /** The topics chosen (in any order); a fact goes to the first of its topics in topic order. */
  topicIds: string[];
  from?: string;
  to?: string;
  q?: string;
  /**
   * Only the facts new or changed since the actor's last finalised briefing on the country
   * (counts included). Without such a briefing nothing is marked and this has no effect.
   */
  onlySinceLastBriefing?: boolean;
}

/** A fact added ("new") or edited ("changed") since the actor's last finalised briefing on the country. */
export type SinceLastBriefing = "new" | "changed" | null;

/** The actor's last finalised briefing on the country, which the marks are measured from. */
export interface LastBriefing {
  id: string;
  title: string;
  finalisedAt: string;
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
  /** What may be done with it and the marking it needs (lib/model/handling.ts), shown as badges. */
  handling: Handling;
  marking: Marking;
  /**
   * With search words: the text with its matched words marked, and a passage of the quote
   * around its matches (null when the quote holds none); see lib/search/highlight.ts.
   */
  matched: FactMatch | null;
  /** Created ("new") or last edited ("changed") after `Proposal.lastBriefing` was finalised; null otherwise. */
  sinceLastBriefing: SinceLastBriefing;
}

export interface Proposal {
  /** Per topic, in topic order: the facts proposed (only the marked ones with `onlySinceLastBriefing`). */
  counts: { topicId: string; count: number }[];
  total: number;
  facts: ProposedFact[];
  /** The actor's last finalised briefing on the country (not deleted); null when there is none. */
  lastBriefing: LastBriefing | null;
  /** Of every fact matching the filters, whatever `onlySinceLastBriefing`: how many are new and changed. */
  sinceCounts: { new: number; changed: number };
  /**
   * Every fact matching the filters, whatever `onlySinceLastBriefing`: what a briefing created
   * from them starts with (the marks narrow what is shown, not what is proposed).
   */
  matchingTotal: number;
}

/**
 * The live facts matching a briefing's filters: about the country, in one of the topics,
 * with a date span overlapping [from, to], containing the search words (`fts`, see
 * ../_fact-search.ts). Each fact is placed in one section — the first of its chosen topics in
 * topic order — so a briefing never prints a fact twice. Everything is read from
 * `fact_party_topics` (drizzle/0012): one row per fact, party and topic with the columns
 * filtered on, keyed (party, seq, topic). Three shapes, by what is asked:
 * - every topic chosen, no search words: a fact's section is its first topic, which its row
 *   says (`first_topic`); those rows are the index fact_party_topics_sections_idx, in section
 *   order, newest first, so no grouping at all (see `listed`);
 * - some topics: the country's rows are one range of the key, read in seq order, so the GROUP
 *   BY placing each fact in its first chosen topic streams without a sort;
 * - search words: the full-text index finds the country's matching facts (on SQLite its
 *   `parties` column) and ranks them (lower is better); each hit is one probe of the key (and,
 *   with every topic chosen, its first topic's row is its section: no grouping).
 * Without search words every rank is 0. `since` marks each fact against the last briefing's
 * finalisation (see sinceMark). Only facts marked at most `level` (the actor's clearance
 * level) match. A filter that every row passes is left out: it would cost a test per row.
 * The raw SQL that differs between the engines comes from db/dialect (SQLite's is written for
 * its planner; see each function there).
 */
function matchingFacts(
  query: ProposalQuery,
  fts: FactSearch | null,
  since: string | null,
  level: ClearanceLevel,
  everyTopic: boolean,
  rankThrough: number | null,
): SQL {
  const filters = sql`e.party_id = ${query.countryId} AND e.deleted_at IS NULL
      ${level === EVERY_FACT ? sql`` : sql`AND ${factAliasVisibleTo("e", level)}`}
      ${query.from ? sql`AND e.date_end >= ${query.from}` : sql``}
      ${query.to ? sql`AND e.date_start <= ${query.to}` : sql``}`;
  if (listed(fts, everyTopic))
    return sql`
    SELECT e.fact_id AS id, e.date_start, e.topic_id, e.topic_order AS sort_order, 0 AS rank, ${sinceMark(since)} AS since
    FROM fact_party_topics e WHERE e.first_topic = ${dialect.booleanLiteral(true)} AND ${filters}`;
  const topicList = topicListOf(query);
  // Fenced: SQLite must not flatten the hits into a GROUP BY below (see FactSearch.hits).
  const source = fts
    ? sql`(${fts.hits("seq", "rank", { fenced: true, rankOnly: rankedSections(query, everyTopic, topicList, rankThrough) })}) c
      JOIN fact_party_topics e ON e.party_id = ${query.countryId} AND e.seq = c.seq`
    : sql`fact_party_topics e`;
  const columns = (sortOrder: SQL) => sql`e.fact_id AS id, e.date_start, e.topic_id, ${sortOrder} AS sort_order,
      ${fts ? sql`c.rank` : sql`0`} AS rank, ${sinceMark(since)} AS since`;
  // With every topic chosen, a fact's section is its first topic: its row says so.
  if (everyTopic)
    return sql`
    SELECT ${columns(sql`e.topic_order`)}
    FROM ${source}
    WHERE ${filters} AND e.first_topic = ${dialect.booleanLiteral(true)}`;
  // Otherwise the row of the first chosen topic: the lowest order, then the lowest topic id
  // (on SQLite the key's order, in which a fact's rows are read); the others are one value per fact.
  return dialect.selectFirstPer({
    key: sql`e.seq`,
    lowest: sql`e.topic_order`,
    tieBreak: sql`e.topic_id`,
    columns,
    from: sql`FROM ${source}
    WHERE ${filters} AND e.topic_id IN (${topicList})`,
  });
}

/**
 * Whether the matching facts are a plain read of the sections index (every topic chosen, no
 * search words): then the statement reads it twice, for the counts and the page, in its order,
 * instead of materialising the matching set and sorting it.
 */
function listed(fts: FactSearch | null, everyTopic: boolean): boolean {
  return !fts && everyTopic;
}

/**
 * The facts whose section's order is at most `rankThrough` (a superset of them when some
 * topics are chosen: those with a chosen topic of that order or lower), for FactSearch.hits'
 * `rankOnly`; undefined, every fact ranked, when `rankThrough` is null. With every topic chosen
 * they are a range of the sections index.
 */
function rankedSections(
  query: ProposalQuery,
  everyTopic: boolean,
  topicList: SQL,
  rankThrough: number | null,
): SQL | undefined {
  if (rankThrough === null) return undefined;
  return everyTopic
    ? sql`SELECT r.seq FROM fact_party_topics r WHERE r.party_id = ${query.countryId} AND r.first_topic = ${dialect.booleanLiteral(true)}
        AND r.deleted_at IS NULL AND r.topic_order <= ${rankThrough}`
    : sql`SELECT r.seq FROM fact_party_topics r WHERE r.party_id = ${query.countryId} AND r.topic_id IN (${topicList})
        AND r.topic_order <= ${rankThrough}`;
}

/**
 * "new" for a fact created after `since` (an ISO instant, as every timestamp column holds), else
 * "changed" for one updated after it (an edit, a restore, new links), else NULL. Both columns
 * are copied into fact_party_topics, so this costs no lookup.
 */
function sinceMark(since: string | null): SQL {
  if (!since) return sql`NULL`;
  return sql`CASE WHEN e.created_at > ${since} THEN 'new' WHEN e.updated_at > ${since} THEN 'changed' END`;
}

/**
 * Whether the topics chosen are all there are: then the topic filter is left out (every row of
 * fact_party_topics has a topic, its foreign key holds in fact_topics).
 */
async function choosesEveryTopic(tx: Tx, topicIds: string[]): Promise<boolean> {
  const chosen = new Set(topicIds);
  const all = await tx.select({ id: topics.id }).from(topics);
  return all.every((t) => chosen.has(t.id));
}

/**
 * Searches of at most this many terms (FactSearch.terms) are ranked by section. A last word
 * with many completions makes a search dear to evaluate ("116" at 100,000 synthetic facts:
 * 110 completions, 18 ms to find the matches and 18 to weigh the terms), and ranking by
 * section evaluates it twice when the matches are sparse; a few terms cost little either way.
 */
const MAX_TERMS_RANKED_BY_SECTION = 8;

/**
 * The order of the last section the page (`limit` facts from `offset`, counted in section
 * order; with `only`, the marked ones) reaches, or of the last section holding any when there
 * are fewer; null when the page is empty.
 */
function lastSectionReached(
  countRows: Record<string, unknown>[],
  offset: number,
  limit: number,
  only: boolean,
): number | null {
  let reached = 0;
  let last: number | null = null;
  for (const r of sortedCounts(countRows)) {
    const n = only ? Number(r.n_new ?? 0) + Number(r.n_changed ?? 0) : Number(r.n);
    if (n === 0) continue;
    reached += n;
    last = Number(r.sort_order);
    if (reached >= offset + limit) break;
  }
  return reached > offset ? last : null;
}

/**
 * The order of the section holding the country's `n`th live fact in section order, search
 * words, dates and markings aside; null when it has fewer. A page of `n` matches reaches at
 * least that far (fewer facts match than there are), so ranking fewer sections would be
 * sure to need a second statement. One skip along the sections index.
 */
async function sectionOfNthFact(tx: Tx, query: ProposalQuery, everyTopic: boolean, n: number): Promise<number | null> {
  const [row] = await selectRows<{ topic_order: number }>(
    tx,
    sql`SELECT topic_order FROM fact_party_topics
    WHERE party_id = ${query.countryId} AND first_topic = ${dialect.booleanLiteral(true)} AND deleted_at IS NULL
      ${everyTopic ? sql`` : sql`AND topic_id IN (${topicListOf(query)})`}
    ORDER BY topic_order, topic_id, date_start DESC, fact_id LIMIT 1 OFFSET ${n - 1}`,
  );
  return row ? Number(row.topic_order) : null;
}

/** The chosen topics' ids, for an `IN`. */
const topicListOf = (query: ProposalQuery) =>
  sql.join(
    query.topicIds.map((id) => sql`${id}`),
    sql`, `,
  );

/** Count rows in section order. */
const sortedCounts = (countRows: Record<string, unknown>[]) =>
  [...countRows].sort(
    (a, b) => Number(a.sort_order) - Number(b.sort_order) || String(a.topic_id).localeCompare(String(b.topic_id)),
  );

/**
 * The actor's most recently finalised briefing on the country, deleted ones aside; only the
 * owner's own count (the owner index narrows it to the actor's briefings).
 */
async function lastFinalisedBriefing(tx: Tx, actor: Actor, countryId: string): Promise<LastBriefing | null> {
  const [row] = await tx
    .select({ id: briefings.id, title: briefings.title, finalisedAt: briefings.finalisedAt })
    .from(briefings)
    .where(
      and(
        eq(briefings.ownerId, actor.userId),
        eq(briefings.countryId, countryId),
        eq(briefings.status, "final"),
        isNotNull(briefings.finalisedAt),
        isNull(briefings.deletedAt),
      ),
    )
    .orderBy(desc(briefings.finalisedAt), desc(briefings.id))
    .limit(1);
  return row ? { id: row.id, title: row.title, finalisedAt: row.finalisedAt! } : null;
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
 * is readable by every signed-in user (and the command line), so any actor may ask, but sees
 * only the facts marked at most their clearance level (in the page and every count). Each fact
 * is marked new or changed since the actor's last finalised briefing on the country, and
 * `onlySinceLastBriefing` keeps only those. The search words' completions, the last briefing,
 * the page and its marks are read from one snapshot, so the marks are those of the text shown.
 */
export async function proposeFacts({
  actor,
  query,
  limit,
  offset = 0,
  db = getDb(),
}: ProposeFactsOptions): Promise<Proposal> {
  return withReadTransaction(db, async (tx) => {
    const lastBriefing = await lastFinalisedBriefing(tx, actor, query.countryId);
    if (query.topicIds.length === 0)
      return { counts: [], total: 0, facts: [], lastBriefing, sinceCounts: { new: 0, changed: 0 }, matchingTotal: 0 };
    const fts = await factSearch({ tx, q: query.q, partyId: query.countryId });
    const only = Boolean(query.onlySinceLastBriefing && lastBriefing);
    const everyTopic = await choosesEveryTopic(tx, query.topicIds);
    const read = (rankThrough: number | null) =>
      selectRows<Record<string, unknown>>(
        tx,
        proposalStatement(
          query,
          fts,
          lastBriefing?.finalisedAt ?? null,
          only,
          limit,
          offset,
          actor.clearanceLevel,
          everyTopic,
          rankThrough,
        ),
      );
    // Ranking the matches is most of a common word's cost, and only the sections the page
    // reaches need it: first as far as the page would reach if every fact matched, then, when
    // it reaches further (the counts say how far), once more with exactly those sections. A
    // search of many terms is dearer to evaluate twice than to rank whole: it is ranked at once.
    const bySection = fts !== null && fts.terms <= MAX_TERMS_RANKED_BY_SECTION;
    const rankThrough = bySection ? await sectionOfNthFact(tx, query, everyTopic, offset + limit) : null;
    let rows = await read(rankThrough);
    if (rankThrough !== null) {
      const last = lastSectionReached(
        rows.filter((r) => r.row_kind === "count"),
        offset,
        limit,
        only,
      );
      if (last !== null && last > rankThrough) rows = await read(last);
    }
    const pageRows = rows.filter((r) => r.row_kind === "fact");
    const marks = fts
      ? await fts.pageMatches(
          tx,
          pageRows.map((r) => Number(r.seq)),
        )
      : new Map<number, FactMatch>();
    return proposalOf(rows, pageRows, marks, lastBriefing, only);
  });
}

/**
 * One statement for the per-topic counts and the page, so the matching set is built once (or,
 * when `listed`, read twice from an index in the order wanted). Within a section: best match first when searched (bm25), else newest first. Each count row
 * carries how many of its facts are new and changed; with `only`, the page holds marked facts only.
 */
function proposalStatement(
  query: ProposalQuery,
  fts: FactSearch | null,
  since: string | null,
  only: boolean,
  limit: number,
  offset: number,
  level: ClearanceLevel,
  everyTopic: boolean,
  rankThrough: number | null,
): SQL {
  const plain = listed(fts, everyTopic);
  return sql`
    WITH m AS ${plain ? sql`NOT MATERIALIZED` : sql`MATERIALIZED`} (${matchingFacts(query, fts, since, level, everyTopic, rankThrough)})
    SELECT 'count' AS row_kind, topic_id, count(*) AS n, NULL AS id, NULL AS kind, NULL AS text, NULL AS date_start, NULL AS date_end,
      NULL AS date_precision, NULL AS date_inferred, NULL AS meeting_name, NULL AS publisher, NULL AS title, NULL AS handling, NULL AS marking, min(sort_order) AS sort_order,
      NULL AS rank, NULL AS seq, NULL AS since, ${dialect.countWhere(sql`since = 'new'`)} AS n_new, ${dialect.countWhere(sql`since = 'changed'`)} AS n_changed
    FROM m GROUP BY sort_order, topic_id
    UNION ALL
    SELECT 'fact', p.topic_id, NULL, f.id, f.kind, f.text, f.date_start, f.date_end, f.date_precision, f.date_inferred, mt.name, s.publisher, s.title, f.handling, f.marking, p.sort_order,
      p.rank, f.seq, p.since, NULL, NULL
    -- The page is cut from the sorted ids first; only its rows are joined for display. A fixed
    -- join order keeps it so: left to itself SQLite's planner may scan sources, then their facts.
    FROM (SELECT * FROM m ${pageFilter(only, rankThrough)} ORDER BY sort_order, topic_id, ${plain ? sql`` : sql`rank, `}date_start DESC, id LIMIT ${limit} OFFSET ${offset}) p
    ${dialect.fixedOrderJoin()} facts f ON f.id = p.id ${dialect.fixedOrderJoin()} sources s ON s.id = f.source_id LEFT JOIN meetings mt ON mt.id = f.meeting_id`;
}

/**
 * Which of the matching facts the page is cut from: with `only`, the marked ones; when only
 * some sections are ranked, those (the page lies within them, or the statement runs again), so
 * fewer rows are sorted.
 */
function pageFilter(only: boolean, rankThrough: number | null): SQL {
  const conditions = [
    ...(only ? [sql`since IS NOT NULL`] : []),
    ...(rankThrough === null ? [] : [sql`sort_order <= ${rankThrough}`]),
  ];
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/**
 * The statement's rows as a proposal: the counts in topic order (with `only`, of the marked
 * facts, a topic without any left out), the page in section order.
 */
function proposalOf(
  rows: Record<string, unknown>[],
  pageRows: Record<string, unknown>[],
  marks: Map<number, FactMatch>,
  lastBriefing: LastBriefing | null,
  only: boolean,
): Proposal {
  const countRows = sortedCounts(rows.filter((r) => r.row_kind === "count"));
  const sum = (list: Record<string, unknown>[], column: string) => list.reduce((n, r) => n + Number(r[column] ?? 0), 0);
  const counts = countRows
    .map((r) => ({
      topicId: String(r.topic_id),
      count: only ? Number(r.n_new ?? 0) + Number(r.n_changed ?? 0) : Number(r.n),
    }))
    .filter((c) => c.count > 0);
  return {
    counts,
    total: counts.reduce((n, c) => n + c.count, 0),
    lastBriefing,
    sinceCounts: { new: sum(countRows, "n_new"), changed: sum(countRows, "n_changed") },
    matchingTotal: sum(countRows, "n"),
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
        dateInferred: dialect.readBoolean(r.date_inferred),
        meetingName: (r.meeting_name as string | null) ?? null,
        sourceLabel: sourceLabel({ publisher: r.publisher as string | null, title: r.title as string | null }),
        handling: r.handling as Handling,
        marking: r.marking as Marking,
        matched: marks.get(Number(r.seq)) ?? null,
        sinceLastBriefing: (r.since as SinceLastBriefing | undefined) ?? null,
      })),
  };
}
