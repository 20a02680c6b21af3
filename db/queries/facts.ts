import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { PAGE_SIZE, type FactFilters } from "@/lib/validation/fact-filters";
import { getDb, type DB } from "../client";
import { factParties, facts, factTopics, meetings, parties, sources, topics, type Fact } from "../schema";
import { BM25, factSearchMatch, pageMatches, type FactMatch } from "./fact-search";
import { pageWindow, type ListPage } from "./list-page";

/** A fact with the ids of its parties and topics (sorted), as the admin pages and history see it. */
export type FactRecord = Fact & { partyIds: string[]; topicIds: string[] };

/** Reads one fact with its links inside `tx`; deleted ones only when asked. */
export function loadFactRecord(tx: DB, id: string, opts: { includeDeleted?: boolean } = {}): FactRecord | undefined {
  const fact = tx
    .select()
    .from(facts)
    .where(and(eq(facts.id, id), opts.includeDeleted ? undefined : isNull(facts.deletedAt)))
    .get();
  if (!fact) return undefined;
  const partyIds = tx
    .select({ id: factParties.partyId })
    .from(factParties)
    .where(eq(factParties.factId, id))
    .all()
    .map((r) => r.id)
    .sort();
  const topicIds = tx
    .select({ id: factTopics.topicId })
    .from(factTopics)
    .where(eq(factTopics.factId, id))
    .all()
    .map((r) => r.id)
    .sort();
  return { ...fact, partyIds, topicIds };
}

/** One fact for the edit form (deleted ones too, so the trash can show them). */
export function getFact({
  actor,
  id,
  includeDeleted = false,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  includeDeleted?: boolean;
  db?: DB;
}): FactRecord {
  assertAdmin(actor);
  const record = loadFactRecord(db, id, { includeDeleted });
  if (!record) throw new NotFoundError("No such fact.");
  return record;
}

// "relevance" with no words to search orders by date.
const SORT_COLUMNS = {
  relevance: facts.dateStart,
  date: facts.dateStart,
  updated: facts.updatedAt,
  kind: facts.kind,
  source: facts.sourceId,
  id: facts.id,
} as const;

function filterConditions(db: DB, f: FactFilters, match: string | null): SQL[] {
  const where: (SQL | undefined)[] = [isNull(facts.deletedAt)];
  if (f.country)
    where.push(
      inArray(
        facts.id,
        db.select({ id: factParties.factId }).from(factParties).where(eq(factParties.partyId, f.country)),
      ),
    );
  if (f.topic)
    where.push(
      inArray(facts.id, db.select({ id: factTopics.factId }).from(factTopics).where(eq(factTopics.topicId, f.topic))),
    );
  if (f.source) where.push(eq(facts.sourceId, f.source));
  if (f.kind) where.push(eq(facts.kind, f.kind));
  // Overlap: a fact dated "2023" matches a range in March 2023.
  if (f.from) where.push(gte(facts.dateEnd, f.from));
  if (f.to) where.push(lte(facts.dateStart, f.to));
  if (match) where.push(sql`${facts.seq} IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH ${match})`);
  return where.filter((w): w is SQL => w !== undefined);
}

export interface FactListRow {
  id: string;
  kind: Fact["kind"];
  text: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: Fact["datePrecision"];
  dateInferred: boolean;
  sourceId: string;
  sourceTitle: string | null;
  updatedAt: string;
  partyIds: string[];
  /** With search words: the text and a passage of the quote with their matches marked (see ProposedFact). */
  matched: FactMatch | null;
}

/**
 * A page of live facts matching the filters, with the total count; admins only. With search
 * words the default order is relevance (bm25, then newest first), and the page's matched
 * words are marked.
 */
export function listFacts({
  actor,
  filters,
  db = getDb(),
}: {
  actor: Actor;
  filters: FactFilters;
  db?: DB;
}): ListPage<FactListRow> {
  assertAdmin(actor);
  const match = factSearchMatch({ db, q: filters.q });
  const where = and(...filterConditions(db, filters, match));
  const total = db.select({ n: count() }).from(facts).where(where).get()?.n ?? 0;
  const { offset, ...window } = pageWindow(total, filters.page, PAGE_SIZE);
  const order = filters.dir === "asc" ? asc : desc;
  // Ranks come from a join on the index's hits (one FTS5 query), not from a lookup per row.
  const ranked = match !== null && filters.sort === "relevance";
  const base = db
    .select({
      id: facts.id,
      kind: facts.kind,
      text: facts.text,
      dateStart: facts.dateStart,
      dateEnd: facts.dateEnd,
      datePrecision: facts.datePrecision,
      dateInferred: facts.dateInferred,
      sourceId: facts.sourceId,
      sourceTitle: sources.title,
      updatedAt: facts.updatedAt,
      seq: facts.seq,
    })
    .from(facts)
    .leftJoin(sources, eq(sources.id, facts.sourceId))
    .$dynamic();
  const rows = (
    ranked
      ? base
          .innerJoin(
            sql`(SELECT rowid AS hit_seq, ${BM25} AS hit_rank FROM facts_fts WHERE facts_fts MATCH ${match}) hits`,
            sql`hits.hit_seq = ${facts.seq}`,
          )
          .where(where)
          .orderBy(sql`hits.hit_rank`, desc(facts.dateStart), asc(facts.id))
      : base.where(where).orderBy(order(SORT_COLUMNS[filters.sort]), asc(facts.id))
  )
    .limit(PAGE_SIZE)
    .offset(offset)
    .all();
  const links = rows.length
    ? db
        .select()
        .from(factParties)
        .where(
          inArray(
            factParties.factId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  const marks = match
    ? pageMatches(
        db,
        match,
        rows.map((r) => r.seq ?? 0),
      )
    : new Map<number, FactMatch>();
  const list: FactListRow[] = rows.map(({ seq, ...r }) => ({
    ...r,
    partyIds: links
      .filter((l) => l.factId === r.id)
      .map((l) => l.partyId)
      .sort(),
    matched: marks.get(seq ?? 0) ?? null,
  }));
  return { rows: list, total, ...window };
}

/** Facts in the trash, newest deletion first. */
export function listDeletedFacts({ actor, db = getDb() }: { actor: Actor; db?: DB }) {
  assertAdmin(actor);
  return db
    .select({ id: facts.id, kind: facts.kind, text: facts.text, deletedAt: facts.deletedAt, version: facts.version })
    .from(facts)
    .where(isNotNull(facts.deletedAt))
    .orderBy(desc(facts.deletedAt))
    .all();
}

/** What the fact form offers to choose from: live sources, parties, topics, meetings. */
export function factFormOptions({ actor, db = getDb() }: { actor: Actor; db?: DB }) {
  assertAdmin(actor);
  return {
    sources: db
      .select({
        id: sources.id,
        title: sources.title,
        publisher: sources.publisher,
        publishedStart: sources.publishedStart,
      })
      .from(sources)
      .where(isNull(sources.deletedAt))
      .orderBy(asc(sources.publishedStart))
      .all(),
    parties: db
      .select({ id: parties.id, name: parties.name })
      .from(parties)
      .where(isNull(parties.deletedAt))
      .orderBy(asc(parties.kind), asc(parties.name))
      .all(),
    topics: db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .where(isNull(topics.deletedAt))
      .orderBy(asc(topics.sortOrder), asc(topics.name))
      .all(),
    meetings: db
      .select({ id: meetings.id, name: meetings.name, dateStart: meetings.dateStart })
      .from(meetings)
      .where(isNull(meetings.deletedAt))
      .orderBy(asc(meetings.dateStart))
      .all(),
  };
}
export type FactFormOptions = ReturnType<typeof factFormOptions>;
