import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { ftsQuery } from "@/lib/search/fts";
import { getDb, type DB } from "../client";

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
}

export interface Proposal {
  counts: { topicId: string; count: number }[];
  total: number;
  facts: ProposedFact[];
}

/**
 * The live facts matching a briefing's filters: about the country, in one of the topics,
 * with a date span overlapping [from, to], containing the search words. Each fact is placed
 * in one section — the first of its chosen topics in topic order — so a briefing never
 * prints a fact twice. Ordered by section, then newest first.
 */
function matchingFacts(query: ProposalQuery): SQL {
  const fts = ftsQuery(query.q);
  const topicList = sql.join(query.topicIds.map((id) => sql`${id}`), sql`, `);
  return sql`
    SELECT f.id, f.kind, f.text, f.date_start, f.date_end, f.date_precision, f.date_inferred, f.meeting_id, f.source_id,
      (SELECT ft.topic_id FROM fact_topics ft JOIN topics t ON t.id = ft.topic_id
        WHERE ft.fact_id = f.id AND ft.topic_id IN (${topicList}) ORDER BY t.sort_order, t.id LIMIT 1) AS topic_id
    FROM fact_parties fp JOIN facts f ON f.id = fp.fact_id
    WHERE fp.party_id = ${query.countryId} AND f.deleted_at IS NULL
      ${query.from ? sql`AND f.date_end >= ${query.from}` : sql``}
      ${query.to ? sql`AND f.date_start <= ${query.to}` : sql``}
      ${fts ? sql`AND f.id IN (SELECT fact_id FROM facts_fts WHERE facts_fts MATCH ${fts})` : sql``}`;
}

const SECTION_ORDER = sql`(SELECT sort_order FROM topics WHERE id = m.topic_id), m.topic_id, m.date_start DESC, m.id`;

// The actor proves a verified session; every role may read the fact base
export function proposeFacts({ actor: _actor, query, limit, offset = 0, db = getDb() }: { actor: Actor; query: ProposalQuery; limit: number; offset?: number; db?: DB }): Proposal {
  if (query.topicIds.length === 0) return { counts: [], total: 0, facts: [] };
  const inner = matchingFacts(query);
  const counts = db.all<{ topicId: string; count: number }>(sql`
    SELECT m.topic_id AS topicId, count(*) AS count FROM (${inner}) m WHERE m.topic_id IS NOT NULL
    GROUP BY m.topic_id ORDER BY (SELECT sort_order FROM topics WHERE id = m.topic_id)`);
  const rows = db.all<Record<string, unknown>>(sql`
    SELECT m.*, mt.name AS meeting_name, coalesce(s.publisher, 'Unnamed publisher') || ', ' || coalesce(s.title, 'untitled') AS source_label
    FROM (${inner}) m
    LEFT JOIN meetings mt ON mt.id = m.meeting_id
    JOIN sources s ON s.id = m.source_id
    WHERE m.topic_id IS NOT NULL
    ORDER BY ${SECTION_ORDER} LIMIT ${limit} OFFSET ${offset}`);
  return {
    counts,
    total: counts.reduce((n, c) => n + c.count, 0),
    facts: rows.map((r) => ({
      id: String(r.id),
      topicId: String(r.topic_id),
      kind: String(r.kind),
      text: String(r.text),
      dateStart: String(r.date_start),
      dateEnd: String(r.date_end),
      datePrecision: r.date_precision as ProposedFact["datePrecision"],
      dateInferred: r.date_inferred === 1,
      meetingName: (r.meeting_name as string | null) ?? null,
      sourceLabel: String(r.source_label),
    })),
  };
}
