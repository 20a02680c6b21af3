import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { getDb, writeTransaction, type DB } from "../client";
import {
  auditLog,
  briefingItems,
  briefings,
  briefingSections,
  facts,
  factParties,
  factTopics,
  meetings,
  meetingSources,
  parties,
  participations,
  people,
  personRoles,
  topics,
} from "../schema";
import { meetingRecordShape, partyRecord, personRecord, topicRecord } from "@/lib/admin/fact-base-format";
import { recordAudit } from "./audit";
import { containsText, pageWindow, type ListPage } from "./list-page";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";

/** The simpler curated tables the admin edits with one generic form: same versioning, audit and delete rules as facts. */
export const CURATED = { party: parties, topic: topics, person: people, meeting: meetings } as const;
export type CuratedEntity = keyof typeof CURATED;
type Row = { id: string; version: number; deletedAt: string | null; createdAt: string; updatedAt: string } & Record<
  string,
  unknown
>;

const live = <T extends { id: string }>(rows: T[], label: string) => rows.map((r) => `${label} ${r.id}`);
const counted = (n: number | undefined, label: string) => (n ? [`${n} ${label}`] : []);

/** What still refers to a record (live rows only); a record is deleted only when this is empty. */
export function referencesTo(tx: DB, entity: CuratedEntity, id: string): string[] {
  switch (entity) {
    case "party":
      return [
        ...live(
          tx
            .select({ id: facts.id })
            .from(facts)
            .innerJoin(factParties, eq(factParties.factId, facts.id))
            .where(and(eq(factParties.partyId, id), isNull(facts.deletedAt)))
            .all(),
          "fact",
        ),
        ...live(
          tx
            .select({ id: meetings.id })
            .from(meetings)
            .where(and(eq(meetings.hostPartyId, id), isNull(meetings.deletedAt)))
            .all(),
          "meeting",
        ),
        ...counted(
          tx
            .select({ n: count() })
            .from(participations)
            .where(and(eq(participations.partyId, id), isNull(participations.deletedAt)))
            .get()?.n,
          "participation(s)",
        ),
        ...counted(
          tx
            .select({ n: count() })
            .from(personRoles)
            .where(and(eq(personRoles.partyId, id), isNull(personRoles.deletedAt)))
            .get()?.n,
          "person role(s)",
        ),
        ...counted(
          tx.select({ n: count() }).from(briefings).where(eq(briefings.countryId, id)).get()?.n,
          "briefing(s)",
        ),
      ];
    case "topic":
      return [
        ...live(
          tx
            .select({ id: facts.id })
            .from(facts)
            .innerJoin(factTopics, eq(factTopics.factId, facts.id))
            .where(and(eq(factTopics.topicId, id), isNull(facts.deletedAt)))
            .all(),
          "fact",
        ),
        ...counted(
          tx.select({ n: count() }).from(briefingSections).where(eq(briefingSections.topicId, id)).get()?.n,
          "briefing section(s)",
        ),
        ...counted(
          tx.select({ n: count() }).from(briefingItems).where(eq(briefingItems.topicId, id)).get()?.n,
          "briefing item(s)",
        ),
      ];
    case "person":
      return [
        ...live(
          tx
            .select({ id: participations.id })
            .from(participations)
            .where(and(eq(participations.personId, id), isNull(participations.deletedAt)))
            .all(),
          "participation",
        ),
        ...live(
          tx
            .select({ id: personRoles.id })
            .from(personRoles)
            .where(and(eq(personRoles.personId, id), isNull(personRoles.deletedAt)))
            .all(),
          "role",
        ),
      ];
    case "meeting":
      return [
        ...live(
          tx
            .select({ id: facts.id })
            .from(facts)
            .where(and(eq(facts.meetingId, id), isNull(facts.deletedAt)))
            .all(),
          "fact",
        ),
        ...live(
          tx
            .select({ id: participations.id })
            .from(participations)
            .where(and(eq(participations.meetingId, id), isNull(participations.deletedAt)))
            .all(),
          "participation",
        ),
        ...counted(
          tx.select({ n: count() }).from(meetingSources).where(eq(meetingSources.meetingId, id)).get()?.n,
          "source report(s)",
        ),
      ];
  }
}

// Drizzle cannot type one query over a union of tables; these rows are read back whole and
// written with values a zod schema for that entity produced, so the widening is safe.
const table = (entity: CuratedEntity) => CURATED[entity] as unknown as typeof parties;
const snapshot = (r: Row) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

function load(tx: DB, entity: CuratedEntity, id: string): Row | undefined {
  const t = table(entity);
  return tx
    .select()
    .from(t)
    .where(and(eq(t.id, id), isNull(t.deletedAt)))
    .get() as Row | undefined;
}

export function listCurated({ actor, entity, db = getDb() }: { actor: Actor; entity: CuratedEntity; db?: DB }): Row[] {
  assertAdmin(actor);
  const t = table(entity);
  return db.select().from(t).where(isNull(t.deletedAt)).orderBy(asc(t.id)).all() as Row[];
}

/** One page of a curated list, filtered by a piece of the id or name. */
export function searchCurated({
  actor,
  entity,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  q?: string;
  page?: number;
  pageSize?: number;
  db?: DB;
}): ListPage<Row> {
  assertAdmin(actor);
  const t = table(entity);
  const where = and(isNull(t.deletedAt), containsText(q, [t.id, t.name]));
  const total = db.select({ n: count() }).from(t).where(where).get()?.n ?? 0;
  const { offset, ...window } = pageWindow(total, page, pageSize);
  const rows = db.select().from(t).where(where).orderBy(asc(t.id)).limit(pageSize).offset(offset).all() as Row[];
  return { rows, total, ...window };
}

export function getCurated({
  actor,
  entity,
  id,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  id: string;
  db?: DB;
}): Row {
  assertAdmin(actor);
  const row = load(db, entity, id);
  if (!row) throw new NotFoundError(`No such ${entity}.`);
  return row;
}

function unique(tx: DB, entity: CuratedEntity, fn: () => Row): Row {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed: \w+\.(\w+)/.test(e.message)) {
      const field = /UNIQUE constraint failed: \w+\.(\w+)/
        .exec(e.message)![1]
        .replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
      throw new ValidationError("Another record already has this value.", {
        [field]: [`Another ${entity} already has this value.`],
      });
    }
    throw e;
  }
}

/**
 * A meeting's host must be a live party, whether the meeting is created, changed, restored
 * to an earlier version or taken out of the trash (the host may have been deleted since).
 */
function checkHost(tx: DB, entity: CuratedEntity, values: Record<string, unknown>): void {
  const host = entity === "meeting" ? values.hostPartyId : undefined;
  if (typeof host !== "string") return;
  if (
    !tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.id, host), isNull(parties.deletedAt)))
      .get()
  ) {
    throw new ValidationError(`The host party ${host} does not exist (it may have been deleted).`, {
      hostPartyId: ["No such party (it may have been deleted)."],
    });
  }
}

export function createCurated({
  actor,
  entity,
  id,
  values,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  id?: string;
  values: Record<string, unknown>;
  db?: DB;
}): Row {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const newId = id ?? `${entity}-${randomUUID()}`;
    if (
      tx
        .select({ id: table(entity).id })
        .from(table(entity))
        .where(eq(table(entity).id, newId))
        .get()
    )
      throw new ValidationError("This id is taken.", { id: ["This id is taken."] });
    checkHost(tx, entity, values);
    const row = unique(
      tx,
      entity,
      () =>
        tx
          .insert(table(entity))
          .values({ ...values, id: newId } as never)
          .returning()
          .get() as Row,
    );
    recordAudit(tx, { actor, action: `${entity}.created`, entity, entityId: newId, after: snapshot(row) });
    return row;
  });
}

export function updateCurated({
  actor,
  entity,
  id,
  version,
  values,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  id: string;
  version: number;
  values: Record<string, unknown>;
  db?: DB;
}): Row {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => changeRow(tx, actor, entity, id, version, `${entity}.updated`, values));
}

function changeRow(
  tx: DB,
  actor: Actor,
  entity: CuratedEntity,
  id: string,
  version: number,
  action: string,
  values: Record<string, unknown>,
): Row {
  const t = table(entity);
  const before = load(tx, entity, id);
  if (!before) throw new NotFoundError(`No such ${entity}.`);
  const stale = (current: Row) =>
    new ConflictError<Row>(
      `Someone else saved this ${entity} meanwhile (now version ${current.version}). Their values are shown beside yours; save again to keep yours.`,
      current,
    );
  if (before.version !== version) throw stale(before);
  checkHost(tx, entity, values);
  const after = unique(
    tx,
    entity,
    () =>
      tx
        .update(t)
        .set({ ...values, version: sql`${t.version} + 1`, updatedAt: new Date().toISOString() } as never)
        .where(and(eq(t.id, id), eq(t.version, version)))
        .returning()
        .get() as Row,
  );
  if (!after) throw stale(load(tx, entity, id) ?? before);
  recordAudit(tx, { actor, action, entity, entityId: id, before: snapshot(before), after: snapshot(after) });
  return after;
}

/** Soft delete, version-checked; refused with the list of what still refers to the record. */
export function deleteCurated({
  actor,
  entity,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  id: string;
  version: number;
  db?: DB;
}): Row {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const refs = referencesTo(tx, entity, id);
    if (refs.length)
      throw new ValidationError(
        `This ${entity} is still referred to, so it cannot be deleted: ${refs.slice(0, 30).join(", ")}${refs.length > 30 ? ` and ${refs.length - 30} more` : ""}.`,
      );
    return changeRow(tx, actor, entity, id, version, `${entity}.deleted`, { deletedAt: new Date().toISOString() });
  });
}

const SNAPSHOT_SCHEMAS = {
  party: partyRecord.omit({ createdAt: true, updatedAt: true }),
  topic: topicRecord.omit({ createdAt: true, updatedAt: true }),
  person: personRecord.omit({ createdAt: true, updatedAt: true }),
  meeting: meetingRecordShape.omit({ createdAt: true, updatedAt: true, sources: true }),
} as const;

/**
 * Puts a record back to how an audit row recorded it (its `after`): a new change, audited
 * and version-checked like any edit. Deletion state is not restored (the trash does that).
 */
export function restoreCuratedVersion({
  actor,
  entity,
  id,
  version,
  auditId,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  id: string;
  version: number;
  auditId: number;
  db?: DB;
}): Row {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const entry = tx.select().from(auditLog).where(eq(auditLog.id, auditId)).get();
    const parsed =
      entry?.entity === entity && entry.entityId === id ? SNAPSHOT_SCHEMAS[entity].safeParse(entry.after) : undefined;
    if (!parsed?.success) throw new NotFoundError(`No such version of this ${entity}.`);
    const { id: _id, version: _v, deletedAt: _d, ...values } = parsed.data;
    return changeRow(tx, actor, entity, id, version, `${entity}.version_restored`, values);
  });
}

/** Soft-deleted records of a kind, newest deletion first: the trash. */
export function listDeletedCurated({
  actor,
  entity,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  db?: DB;
}): Row[] {
  assertAdmin(actor);
  const t = table(entity);
  return db.select().from(t).where(isNotNull(t.deletedAt)).orderBy(desc(t.deletedAt)).all() as Row[];
}

/** Brings a record back from the trash: version-checked and audited like any change. */
export function undeleteCurated({
  actor,
  entity,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  entity: CuratedEntity;
  id: string;
  version: number;
  db?: DB;
}): Row {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const t = table(entity);
    const before = tx
      .select()
      .from(t)
      .where(and(eq(t.id, id), isNotNull(t.deletedAt)))
      .get() as Row | undefined;
    if (!before) throw new NotFoundError(`No such ${entity} in the trash.`);
    if (before.version !== version)
      throw new ConflictError<Row>(`Someone else changed this ${entity} meanwhile; reload the trash.`, before);
    checkHost(tx, entity, before);
    const after = unique(
      tx,
      entity,
      () =>
        tx
          .update(t)
          .set({ deletedAt: null, version: sql`${t.version} + 1`, updatedAt: new Date().toISOString() } as never)
          .where(and(eq(t.id, id), eq(t.version, version)))
          .returning()
          .get() as Row,
    );
    recordAudit(tx, {
      actor,
      action: `${entity}.undeleted`,
      entity,
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
