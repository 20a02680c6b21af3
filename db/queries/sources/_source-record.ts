import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { SourceInput } from "@/lib/validation/source";
import type { Tx } from "../../client";
import { facts, sources, type Source } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";
import { recordAudit } from "../_record-audit";
import { quotesFrom } from "./_source-references";

/*
 * Internal to db/queries/sources: what the source operations share, run through the
 * transaction or reader the operation chose. They check no permission; the operations do.
 */

/** What the audit log keeps of a source (the full text too: it is the provenance). */
export const sourceSnapshot = (s: Source) => {
  const { createdAt: _c, updatedAt: _u, addedAt: _a, ...rest } = s;
  return rest;
};

/** The columns a form's input writes. */
export function sourceColumns(input: SourceInput) {
  const { id: _id, version: _v, ...data } = input;
  return data;
}

export function sourceStaleError(current: Source) {
  return new ConflictError<Source>(
    `Someone else saved this source meanwhile (it is now at version ${current.version}). Reload it and apply your change again.`,
    current,
  );
}

/**
 * Live sources (those `match` keeps) with their number of live facts the reader may see (at most
 * `level`), oldest first; a query to page.
 */
export function sourceListQuery(tx: Tx, level: ClearanceLevel, match?: SQL) {
  return tx
    .select({
      id: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      publishedStart: sources.publishedStart,
      publishedPrecision: sources.publishedPrecision,
      factCount: sql<number>`count(${facts.id})`.mapWith(Number),
    })
    .from(sources)
    .leftJoin(facts, and(eq(facts.sourceId, sources.id), isNull(facts.deletedAt), factVisibleTo(level)))
    .where(and(isNull(sources.deletedAt), match))
    .groupBy(sources.id)
    .orderBy(asc(sources.publishedStart), asc(sources.id));
}

/** One live source, or undefined. */
export async function loadLiveSource(tx: Tx, id: string): Promise<Source | undefined> {
  const [row] = await tx
    .select()
    .from(sources)
    .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
    .limit(1);
  return row;
}

/**
 * Writes `input` over a live source still at `version` (compare-and-set in the UPDATE) and
 * audits it as `action`; refused if a live passage quoted from it would no longer be in the text.
 */
export async function changeSource(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  input: SourceInput,
  action: string,
): Promise<Source> {
  const before = await loadLiveSource(tx, id);
  if (!before) throw new NotFoundError("No such source.");
  if (before.version !== version) throw sourceStaleError(before);
  const broken = (await quotesFrom(tx, id, actor.clearanceLevel))
    .filter((q) => !input.fullText.includes(q.quote))
    .map((q) => q.what);
  if (broken.length) {
    throw new ValidationError("The new text drops passages that are quoted.", {
      fullText: [`These quote passages no longer in the text: ${broken.join(", ")}.`],
    });
  }
  const [after] = await tx
    .update(sources)
    .set({ ...sourceColumns(input), version: sql`${sources.version} + 1`, updatedAt: new Date().toISOString() })
    .where(and(eq(sources.id, id), eq(sources.version, version)))
    .returning();
  if (!after) {
    const [now] = await tx.select().from(sources).where(eq(sources.id, id)).limit(1);
    throw sourceStaleError(now!);
  }
  await recordAudit(tx, {
    actor,
    action,
    entity: "source",
    entityId: id,
    before: sourceSnapshot(before),
    after: sourceSnapshot(after),
  });
  return after;
}
