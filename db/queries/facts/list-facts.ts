import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { PAGE_SIZE, type FactFilters } from "@/lib/validation/fact-filters";
import { getDb, withReadTransaction, type Database, type Tx } from "../../client";
import { factParties, facts, factTopics, sources, type Fact } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";
import { factSearch, type FactMatch, type FactSearch } from "../_fact-search";
import { pageWindow, type ListPage } from "../_list-page";

export interface ListFactsOptions {
  actor: Actor;
  filters: FactFilters;
  db?: Database;
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
  handling: Fact["handling"];
  marking: Fact["marking"];
  /** With search words: the text and a passage of the quote with their matches marked (see ProposedFact). */
  matched: FactMatch | null;
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

function filterConditions(tx: Tx, actor: Actor, f: FactFilters, match: FactSearch | null): SQL[] {
  const where: (SQL | undefined)[] = [isNull(facts.deletedAt), factVisibleTo(actor.clearanceLevel)];
  if (f.country)
    where.push(
      inArray(
        facts.id,
        tx.select({ id: factParties.factId }).from(factParties).where(eq(factParties.partyId, f.country)),
      ),
    );
  if (f.topic)
    where.push(
      inArray(facts.id, tx.select({ id: factTopics.factId }).from(factTopics).where(eq(factTopics.topicId, f.topic))),
    );
  if (f.source) where.push(eq(facts.sourceId, f.source));
  if (f.kind) where.push(eq(facts.kind, f.kind));
  // Overlap: a fact dated "2023" matches a range in March 2023.
  if (f.from) where.push(gte(facts.dateEnd, f.from));
  if (f.to) where.push(lte(facts.dateStart, f.to));
  if (match) where.push(sql`${facts.seq} IN (${match.seqs()})`);
  return where.filter((w): w is SQL => w !== undefined);
}

/**
 * A page of live facts matching the filters, with the total count; admins only, and only the
 * facts marked at most the admin's clearance level (in the rows and the count). With search
 * words the default order is relevance (best match, then newest first), and the page's matched
 * words are marked.
 */
export async function listFacts({ actor, filters, db = getDb() }: ListFactsOptions): Promise<ListPage<FactListRow>> {
  assertAdmin(actor);
  // One snapshot: a row's parties and marked words belong to the version of it the page shows.
  return withReadTransaction(db, (tx) => readFactPage(tx, actor, filters));
}

async function readFactPage(tx: Tx, actor: Actor, filters: FactFilters): Promise<ListPage<FactListRow>> {
  const match = await factSearch({ tx, q: filters.q });
  const where = and(...filterConditions(tx, actor, filters, match));
  const [counted] = await tx.select({ n: count() }).from(facts).where(where);
  const total = counted?.n ?? 0;
  const { offset, ...window } = pageWindow(total, filters.page, PAGE_SIZE);
  const order = filters.dir === "asc" ? asc : desc;
  // Ranks come from a join on the index's hits (one full-text query), not from a lookup per row.
  const ranked = match !== null && filters.sort === "relevance";
  const base = tx
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
      handling: facts.handling,
      marking: facts.marking,
      seq: facts.seq,
    })
    .from(facts)
    .leftJoin(sources, eq(sources.id, facts.sourceId))
    .$dynamic();
  const rows = await (
    ranked
      ? base
          .innerJoin(sql`(${match.hits("hit_seq", "hit_rank")}) hits`, sql`hits.hit_seq = ${facts.seq}`)
          .where(where)
          .orderBy(sql`hits.hit_rank`, desc(facts.dateStart), asc(facts.id))
      : base.where(where).orderBy(order(SORT_COLUMNS[filters.sort]), asc(facts.id))
  )
    .limit(PAGE_SIZE)
    .offset(offset);
  const links = rows.length
    ? await tx
        .select()
        .from(factParties)
        .where(
          inArray(
            factParties.factId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const marks = match
    ? await match.pageMatches(
        tx,
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
