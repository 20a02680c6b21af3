import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { z } from "zod";
import { sourceFormSchema, type SourceInput } from "@/lib/validation/source";
import { getDb, writeTransaction, type DB } from "../client";
import { auditLog, facts, meetingSources, participations, personRoles, sources, type Source } from "../schema";
import { recordAudit } from "./audit";
import { containsText, pageWindow } from "./list-page";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";

/** What the audit log keeps of a source (the full text too: it is the provenance). */
const snapshot = (s: Source) => {
  const { createdAt: _c, updatedAt: _u, addedAt: _a, ...rest } = s;
  return rest;
};

const sourceListColumns = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  publishedStart: sources.publishedStart,
  publishedPrecision: sources.publishedPrecision,
  factCount: sql<number>`count(${facts.id})`.mapWith(Number),
};

/** Every live source with its number of live facts, oldest first (the pickers in other forms). */
export function listSources({ actor, db = getDb() }: { actor: Actor; db?: DB }) {
  assertAdmin(actor);
  return sourceList(db).all();
}

/** One page of the sources list, filtered by a piece of the title, publisher or id. */
export function searchSources({
  actor,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: {
  actor: Actor;
  q?: string;
  page?: number;
  pageSize?: number;
  db?: DB;
}) {
  assertAdmin(actor);
  const match = containsText(q, [sources.title, sources.publisher, sources.id]);
  const total =
    db
      .select({ n: count() })
      .from(sources)
      .where(and(isNull(sources.deletedAt), match))
      .get()?.n ?? 0;
  const { offset, ...window } = pageWindow(total, page, pageSize);
  return { rows: sourceList(db, match).limit(pageSize).offset(offset).all(), total, ...window };
}

function sourceList(db: DB, match?: SQL) {
  return db
    .select(sourceListColumns)
    .from(sources)
    .leftJoin(facts, and(eq(facts.sourceId, sources.id), isNull(facts.deletedAt)))
    .where(and(isNull(sources.deletedAt), match))
    .groupBy(sources.id)
    .orderBy(asc(sources.publishedStart), asc(sources.id));
}

export function getSource({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: DB }): Source {
  assertAdmin(actor);
  const row = db
    .select()
    .from(sources)
    .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
    .get();
  if (!row) throw new NotFoundError("No such source.");
  return row;
}

/** The live facts taken from a source, with their quotes (for highlighting what is covered). */
export function factsOfSource({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: DB }) {
  assertAdmin(actor);
  return db
    .select({ id: facts.id, quote: facts.quote, text: facts.text })
    .from(facts)
    .where(and(eq(facts.sourceId, id), isNull(facts.deletedAt)))
    .orderBy(asc(facts.id))
    .all();
}

function columns(input: SourceInput) {
  const { id: _id, version: _v, ...data } = input;
  return data;
}

export function createSource({ actor, input, db = getDb() }: { actor: Actor; input: SourceInput; db?: DB }): Source {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const id = input.id ?? `src-${randomUUID()}`;
    if (tx.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).get())
      throw new ValidationError("A source with this id exists.");
    const row = tx
      .insert(sources)
      .values({ id, ...columns(input) })
      .returning()
      .get();
    recordAudit(tx, { actor, action: "source.created", entity: "source", entityId: id, after: snapshot(row) });
    return row;
  });
}

function staleError(current: Source) {
  return new ConflictError<Source>(
    `Someone else saved this source meanwhile (it is now at version ${current.version}). Reload it and apply your change again.`,
    current,
  );
}

/** Version-checked update; refused if a live fact's quote would no longer be in the text. */
export function updateSource({
  actor,
  id,
  version,
  input,
  auditAction = "source.updated",
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  input: SourceInput;
  auditAction?: string;
  db?: DB;
}): Source {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const before = tx
      .select()
      .from(sources)
      .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
      .get();
    if (!before) throw new NotFoundError("No such source.");
    if (before.version !== version) throw staleError(before);
    const broken = quotesFrom(tx, id)
      .filter((q) => !input.fullText.includes(q.quote))
      .map((q) => q.what);
    if (broken.length) {
      throw new ValidationError("The new text drops passages that are quoted.", {
        fullText: [`These quote passages no longer in the text: ${broken.join(", ")}.`],
      });
    }
    const after = tx
      .update(sources)
      .set({ ...columns(input), version: sql`${sources.version} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning()
      .get();
    if (!after) throw staleError(tx.select().from(sources).where(eq(sources.id, id)).get()!);
    recordAudit(tx, {
      actor,
      action: auditAction,
      entity: "source",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Every live passage quoted from a source: facts, meeting reports, participations and roles. */
function quotesFrom(tx: DB, id: string): { what: string; quote: string }[] {
  const live = <T extends { id: string; quote: string | null }>(rows: T[], label: string) =>
    rows.flatMap((r) => (r.quote ? [{ what: `${label} ${r.id}`, quote: r.quote }] : []));
  return [
    ...live(
      tx
        .select({ id: facts.id, quote: facts.quote })
        .from(facts)
        .where(and(eq(facts.sourceId, id), isNull(facts.deletedAt)))
        .all(),
      "fact",
    ),
    ...live(
      tx
        .select({ id: meetingSources.meetingId, quote: meetingSources.quote })
        .from(meetingSources)
        .where(eq(meetingSources.sourceId, id))
        .all(),
      "report of meeting",
    ),
    ...live(
      tx
        .select({ id: participations.id, quote: participations.quote })
        .from(participations)
        .where(and(eq(participations.sourceId, id), isNull(participations.deletedAt)))
        .all(),
      "participation",
    ),
    ...live(
      tx
        .select({ id: personRoles.id, quote: personRoles.quote })
        .from(personRoles)
        .where(and(eq(personRoles.sourceId, id), isNull(personRoles.deletedAt)))
        .all(),
      "role",
    ),
  ];
}

/** What still refers to a source; a source is deleted only when this is empty. */
export function sourceReferences(tx: DB, id: string): string[] {
  const refs = tx
    .select({ id: facts.id })
    .from(facts)
    .where(and(eq(facts.sourceId, id), isNull(facts.deletedAt)))
    .all()
    .map((f) => `fact ${f.id}`);
  const n = (c: number | undefined, what: string) => (c ? [`${c} ${what}`] : []);
  return [
    ...refs,
    ...n(
      tx.select({ n: count() }).from(meetingSources).where(eq(meetingSources.sourceId, id)).get()?.n,
      "meeting report(s)",
    ),
    ...n(
      tx
        .select({ n: count() })
        .from(participations)
        .where(and(eq(participations.sourceId, id), isNull(participations.deletedAt)))
        .get()?.n,
      "participation(s)",
    ),
    ...n(
      tx
        .select({ n: count() })
        .from(personRoles)
        .where(and(eq(personRoles.sourceId, id), isNull(personRoles.deletedAt)))
        .get()?.n,
      "person role(s)",
    ),
  ];
}

/** Soft delete; refused, naming what refers to it, while anything live does. */
export function deleteSource({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: DB;
}): Source {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const before = tx
      .select()
      .from(sources)
      .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
      .get();
    if (!before) throw new NotFoundError("No such source.");
    if (before.version !== version) throw staleError(before);
    const refs = sourceReferences(tx, id);
    if (refs.length)
      throw new ValidationError(`This source is still referred to, so it cannot be deleted: ${refs.join(", ")}.`);
    const after = tx
      .update(sources)
      .set({
        deletedAt: new Date().toISOString(),
        version: sql`${sources.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning()
      .get();
    if (!after) throw staleError(before);
    recordAudit(tx, {
      actor,
      action: "source.deleted",
      entity: "source",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/**
 * Brings back a source as an audit row recorded it: a new, version-checked and audited
 * change, validated like a form save (so it too is refused if it drops a quoted passage).
 */
export function restoreSourceVersion({
  actor,
  id,
  version,
  auditId,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  auditId: number;
  db?: DB;
}): Source {
  assertAdmin(actor);
  const entry = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.id, auditId), eq(auditLog.entity, "source"), eq(auditLog.entityId, id)))
    .get();
  const then = z.record(z.string(), z.unknown()).safeParse(entry?.after);
  if (!then.success) throw new NotFoundError("No such version of this source.");
  const input = sourceFormSchema.safeParse({
    ...then.data,
    id: undefined,
    version: undefined,
    publishedInferred: String(then.data.publishedInferred === true),
  });
  if (!input.success)
    throw new ValidationError("That version can no longer be restored: it does not pass today's rules.");
  return updateSource({ actor, id, version, input: input.data, auditAction: "source.version_restored", db });
}

/** Soft-deleted sources, newest deletion first: the trash. */
export function listDeletedSources({ actor, db = getDb() }: { actor: Actor; db?: DB }): Source[] {
  assertAdmin(actor);
  return db.select().from(sources).where(isNotNull(sources.deletedAt)).orderBy(desc(sources.deletedAt)).all();
}

/** Brings a source back from the trash: version-checked and audited. */
export function undeleteSource({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: DB;
}): Source {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const before = tx
      .select()
      .from(sources)
      .where(and(eq(sources.id, id), isNotNull(sources.deletedAt)))
      .get();
    if (!before) throw new NotFoundError("No such source in the trash.");
    if (before.version !== version) throw staleError(before);
    const after = tx
      .update(sources)
      .set({ deletedAt: null, version: sql`${sources.version} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning()
      .get()!;
    recordAudit(tx, {
      actor,
      action: "source.undeleted",
      entity: "source",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
