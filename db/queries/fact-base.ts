import { asc, eq } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import {
  describeIssue,
  FACT_BASE_FORMAT,
  FACT_BASE_VERSION,
  factBaseSchema,
  type FactBaseDocument,
} from "@/lib/admin/fact-base-format";
import { checkFactBaseReferences } from "@/lib/admin/fact-base-references";
import { markingAtMost, type ClearanceLevel } from "@/lib/model/handling";
import { getDb, withReadTransaction, withWriteTransaction, type Database, type Tx } from "../client";
import {
  factParties,
  facts,
  factTopics,
  meetings,
  meetingSources,
  participations,
  parties,
  people,
  personRoles,
  sources,
  topics,
} from "../schema";
import { EVERY_FACT, factVisibleTo } from "./_fact-visibility";
import { optimizeSearchIndex } from "./optimize-search-index";
import { recordAudit } from "./_record-audit";

export interface ExportFactBaseOptions {
  actor: Actor;
  db?: Database;
}

/**
 * The whole fact base (trash included, users/briefings/audit excluded) as one document,
 * ordered by id — of the facts, those marked at most the admin's clearance level (the command
 * line's is SECRET: everything). Admins only; each export is audited.
 */
export async function exportFactBase({ actor, db = getDb() }: ExportFactBaseOptions): Promise<FactBaseDocument> {
  assertAdmin(actor);
  // Eleven tables read from one snapshot, so every reference in the document resolves.
  const doc = await withReadTransaction(db, (tx) => readFactBase(tx, actor.clearanceLevel));
  await withWriteTransaction(db, (tx) =>
    recordAudit(tx, { actor, action: "fact_base.exported", entity: "fact_base", detail: { facts: doc.facts.length } }),
  );
  return doc;
}

/** The fact base as a reader cleared to `level` may see it (EVERY_FACT for the import's own comparison). */
async function readFactBase(tx: Tx, level: ClearanceLevel): Promise<FactBaseDocument> {
  const visible = new Set((await tx.select({ id: facts.id }).from(facts).where(factVisibleTo(level))).map((f) => f.id));
  const links = {
    meetingSources: await tx
      .select()
      .from(meetingSources)
      .orderBy(asc(meetingSources.meetingId), asc(meetingSources.sourceId)),
    parties: (await tx.select().from(factParties).orderBy(asc(factParties.factId), asc(factParties.partyId))).filter(
      (l) => visible.has(l.factId),
    ),
    topics: (await tx.select().from(factTopics).orderBy(asc(factTopics.factId), asc(factTopics.topicId))).filter((l) =>
      visible.has(l.factId),
    ),
  };
  return {
    format: FACT_BASE_FORMAT,
    version: FACT_BASE_VERSION,
    parties: await tx.select().from(parties).orderBy(asc(parties.id)),
    topics: await tx.select().from(topics).orderBy(asc(topics.id)),
    sources: await tx.select().from(sources).orderBy(asc(sources.id)),
    meetings: (await tx.select().from(meetings).orderBy(asc(meetings.id))).map((m) => ({
      ...m,
      sources: links.meetingSources
        .filter((l) => l.meetingId === m.id)
        .map(({ sourceId, reports, quote }) => ({ sourceId, reports, quote })),
    })),
    people: await tx.select().from(people).orderBy(asc(people.id)),
    personRoles: await tx.select().from(personRoles).orderBy(asc(personRoles.id)),
    participations: await tx.select().from(participations).orderBy(asc(participations.id)),
    // Who created or edited a fact names a user, and users are not part of the fact base.
    // seq is the full-text index key, assigned by the database on insert: not part of the fact.
    facts: (await tx.select().from(facts).where(factVisibleTo(level)).orderBy(asc(facts.id))).map(
      ({ createdBy: _c, updatedBy: _u, seq: _s, ...f }) => ({
        ...f,
        partyIds: links.parties.filter((l) => l.factId === f.id).map((l) => l.partyId),
        topicIds: links.topics.filter((l) => l.factId === f.id).map((l) => l.topicId),
      }),
    ),
  };
}

export interface ImportFactBaseOptions {
  actor: Actor;
  /** The parsed JSON of a fact-base file: validated here, so anything may be passed. */
  document: unknown;
  db?: Database;
}

export type ImportReport =
  | { ok: true; counts: Record<string, { inserted: number; updated: number; unchanged: number }> }
  | { ok: false; errors: string[] };

const TABLES = [
  ["parties", parties, "party"],
  ["topics", topics, "topic"],
  ["sources", sources, "source"],
  ["people", people, "person"],
  ["personRoles", personRoles, "person_role"],
  ["meetings", meetings, "meeting"],
  ["participations", participations, "participation"],
  ["facts", facts, "fact"],
] as const;
type Key = (typeof TABLES)[number][0];

class RecordFailure extends Error {}

// What decides "unchanged": everything but the bookkeeping an import itself would move.
const comparable = (r: object) => canonical({ ...r, version: 0, createdAt: "", updatedAt: "" });

/** JSON with object keys sorted at every level, so column order and schema order compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/**
 * Merges a document into the database by stable id: everything is validated first (shape,
 * text rules, dates, references, verbatim quotes); then all of it is applied in one
 * transaction, so a failure anywhere leaves the database as it was. Rows that are new keep
 * the file's version and timestamps (so export → import → export is identical); rows that
 * differ are overwritten, their version bumped, and audited.
 */
export async function importFactBase({ actor, document, db = getDb() }: ImportFactBaseOptions): Promise<ImportReport> {
  assertAdmin(actor);
  const parsed = factBaseSchema.safeParse(document);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.slice(0, 100).map((i) => describeIssue(document, i)) };
  const doc = parsed.data;
  try {
    // All or nothing: one write transaction, awaiting nothing but its own statements.
    const report = await withWriteTransaction(db, async (tx): Promise<ImportReport> => {
      const current = await readFactBase(tx, EVERY_FACT);
      const problems = [
        ...aboveClearance(doc, current, actor.clearanceLevel),
        ...newerInDatabase(doc, current),
        ...checkFactBaseReferences(doc, current),
      ];
      if (problems.length) throw new ImportRefused(problems.slice(0, 100));
      const counts: Record<string, { inserted: number; updated: number; unchanged: number }> = {};
      for (const [key, table, entity] of TABLES) {
        const c = (counts[key] = { inserted: 0, updated: 0, unchanged: 0 });
        const existing = new Map<string, object>((current[key] as { id: string }[]).map((r) => [r.id, r]));
        const records = doc[key] as { id: string }[];
        for (const [index, record] of records.entries()) {
          const before = existing.get(record.id) as ({ version: number } & object) | undefined;
          if (before && comparable(before) === comparable(record)) {
            c.unchanged++;
            continue;
          }
          try {
            await writeRecord(tx, key, table, record, before);
          } catch (e) {
            throw new RecordFailure(`${key}[${index}] ${record.id}: ${e instanceof Error ? e.message : String(e)}`);
          }
          await recordAudit(tx, {
            actor,
            action: `${entity}.imported`,
            entity,
            entityId: record.id,
            before: before ?? null,
            after: record,
          });
          if (before) c.updated++;
          else c.inserted++;
        }
      }
      return { ok: true, counts };
    });
    if (report.ok) await optimizeAfterBulkLoad(actor, db, report.counts.facts);
    return report;
  } catch (e) {
    if (e instanceof ImportRefused) return { ok: false, errors: e.problems };
    if (e instanceof RecordFailure) return { ok: false, errors: [e.message] };
    throw e;
  }
}

/** The facts an import writes from which it ends by merging the search index. */
export const OPTIMIZE_AFTER_FACTS = 1_000;

/**
 * After an import that wrote many facts, the search index merged (optimizeSearchIndex): the
 * triggers left it in many segments. A smaller import leaves it to FTS5's automerge, as an
 * edit does: merging rewrites the whole index. The import is committed by then: a failure here
 * costs speed, not data, so it is reported rather than thrown.
 */
async function optimizeAfterBulkLoad(
  actor: Actor,
  db: Database,
  written: { inserted: number; updated: number } | undefined,
): Promise<void> {
  if (!written || written.inserted + written.updated < OPTIMIZE_AFTER_FACTS) return;
  try {
    await optimizeSearchIndex({ actor, db });
  } catch (e) {
    console.warn(`The import is saved, but its search index was not merged (searches are right, only slower): ${e}`);
  }
}

/**
 * An import never writes what the importer may not see: a file with a fact marked above their
 * clearance level is refused, naming the fact, and so is one whose fact has the id of a stored
 * fact marked above it (the import would overwrite a fact they cannot see). Facts the file
 * leaves out are never deleted, so the facts hidden from them stay as they are.
 */
function aboveClearance(doc: FactBaseDocument, current: FactBaseDocument, level: ClearanceLevel): string[] {
  const stored = new Map(current.facts.map((f) => [f.id, f]));
  return doc.facts.flatMap((f, i) => {
    if (!markingAtMost(f.marking, level))
      return [
        `facts[${i}] ${f.id}: marked ${f.marking}, above your clearance level (${level}); it cannot be imported by you.`,
      ];
    const there = stored.get(f.id);
    if (there && !markingAtMost(there.marking, level))
      return [
        `facts[${i}] ${f.id}: a fact with this id is stored marked above your clearance level (${level}); it cannot be overwritten by you.`,
      ];
    return [];
  });
}

/**
 * Records the file would change that were edited in the database after the file's copy was
 * taken (a higher version there): the import would silently undo that edit, so it is refused,
 * as a stale save in the admin forms is.
 */
function newerInDatabase(doc: FactBaseDocument, current: FactBaseDocument): string[] {
  const problems: string[] = [];
  for (const [key] of TABLES) {
    const stored = new Map<string, { version: number }>(
      (current[key] as { id: string; version: number }[]).map((r) => [r.id, r]),
    );
    (doc[key] as { id: string; version: number }[]).forEach((record, i) => {
      const before = stored.get(record.id);
      if (before && before.version > record.version && comparable(before) !== comparable(record)) {
        problems.push(
          `${key}[${i}] ${record.id}: changed in the database since this file was exported (version ${before.version} there, ${record.version} in the file). Export again and make your changes in that file.`,
        );
      }
    });
  }
  return problems;
}

class ImportRefused extends Error {
  constructor(readonly problems: string[]) {
    super("import refused");
  }
}

type AnyTable = (typeof TABLES)[number][1];

async function writeRecord(
  tx: Tx,
  key: Key,
  table: AnyTable,
  record: { id: string },
  before: { version: number } | undefined,
): Promise<void> {
  const {
    sources: reports,
    partyIds,
    topicIds,
    ...row
  } = record as {
    id: string;
    sources?: { sourceId: string; reports: string; quote: string }[];
    partyIds?: string[];
    topicIds?: string[];
  };
  // One code path for eight tables: drizzle cannot type insert/update over a union of
  // tables, and `row` is a record the format schema validated for exactly this table.
  const t = table as typeof parties;
  if (before)
    await tx
      .update(t)
      .set({ ...row, version: before.version + 1, updatedAt: new Date().toISOString() } as never)
      .where(eq(t.id, record.id));
  else await tx.insert(t).values(row as never);
  if (key === "meetings" && reports) {
    await tx.delete(meetingSources).where(eq(meetingSources.meetingId, record.id));
    for (const r of reports) await tx.insert(meetingSources).values({ meetingId: record.id, ...r } as never);
  }
  if (key === "facts" && partyIds && topicIds) {
    await tx.delete(factParties).where(eq(factParties.factId, record.id));
    await tx.delete(factTopics).where(eq(factTopics.factId, record.id));
    for (const partyId of partyIds) await tx.insert(factParties).values({ factId: record.id, partyId });
    for (const topicId of topicIds) await tx.insert(factTopics).values({ factId: record.id, topicId });
  }
}
