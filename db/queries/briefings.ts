import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { MAX_BRIEFING_FACTS } from "@/lib/briefing/settings";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import {
  briefingContentSchema,
  LIMITS,
  type BriefingContent,
  type BriefingEdit,
  type NewBriefingInput,
} from "@/lib/validation/briefing";
import { getDb, writeTransaction, type DB } from "../client";
import { briefingItems, briefings, briefingSections, parties, topics, type Briefing } from "../schema";
import { recordAudit } from "./audit";
import { proposeFacts } from "./proposals";

export const RESTORE_DAYS = 30;

/** A briefing is only ever visible to its owner — admins included; anyone else gets 404. */
export function loadOwnBriefing(
  tx: DB,
  actor: Actor,
  briefingId: string,
  opts: { includeDeleted?: boolean } = {},
): Briefing {
  const row = tx
    .select()
    .from(briefings)
    .where(and(eq(briefings.id, briefingId), eq(briefings.ownerId, actor.userId)))
    .get();
  if (!row || (row.deletedAt && !opts.includeDeleted)) throw new NotFoundError("No such briefing.");
  return row;
}

export function parseContent(row: Pick<Briefing, "content">): BriefingContent {
  return briefingContentSchema.parse(row.content ?? {});
}

function proposeTitle(country: string, chosen: { name: string }[], allCount: number): string {
  if (chosen.length === 0 || chosen.length === allCount) return `${country}: country briefing`;
  if (chosen.length <= 3)
    return `${country}: ${chosen
      .map((t) => t.name.toLowerCase())
      .join(", ")
      .replace(/^./, (c) => c.toUpperCase())}`;
  return `${country}: ${chosen.length} topics`;
}

/** Creates a draft from filters: every matching fact proposed and included, sections in topic order. */
export function createBriefing({
  actor,
  input,
  db = getDb(),
}: {
  actor: Actor;
  input: NewBriefingInput;
  db?: DB;
}): string {
  const country = db
    .select()
    .from(parties)
    .where(and(eq(parties.id, input.country), isNull(parties.deletedAt)))
    .get();
  if (!country) throw new NotFoundError("No such country.");
  // A briefing is a country briefing: the form offers countries only, and so does this.
  if (country.kind !== "country") {
    const message = `${country.name} is an organisation; a briefing is prepared for a country.`;
    throw new ValidationError(message, { country: ["Choose a country."] });
  }
  const allTopics = db.select().from(topics).where(isNull(topics.deletedAt)).orderBy(asc(topics.sortOrder)).all();
  const unknown = input.topics.filter((id) => !allTopics.some((t) => t.id === id));
  if (unknown.length)
    throw new ValidationError(`Unknown topic: ${unknown.join(", ")}.`, {
      topics: [`Unknown topic: ${unknown.join(", ")}.`],
    });
  const chosen = input.topics.length ? allTopics.filter((t) => input.topics.includes(t.id)) : allTopics;
  const query = {
    countryId: country.id,
    topicIds: chosen.map((t) => t.id),
    from: input.from,
    to: input.to,
    q: input.q,
  };
  const proposal = proposeFacts({ actor, query, limit: MAX_BRIEFING_FACTS + 1, db });
  if (proposal.facts.length > MAX_BRIEFING_FACTS) {
    throw new ValidationError(
      `${proposal.total} facts match; narrow the topics, dates or search words to at most ${MAX_BRIEFING_FACTS}.`,
    );
  }
  const content: BriefingContent = {
    marking: "OFFICIAL",
    purpose: "",
    keyMessages: [],
    background: "",
    occasion: {
      meeting: input.occasionMeeting,
      date: input.occasionDate,
      place: input.occasionPlace,
      counterpart: input.occasionCounterpart,
      principal: input.occasionPrincipal,
    },
    filters: { topicIds: chosen.map((t) => t.id), from: input.from, to: input.to, q: input.q },
  };
  const id = randomUUID();
  writeTransaction(db, (tx) => {
    tx.insert(briefings)
      .values({
        id,
        ownerId: actor.userId,
        countryId: country.id,
        title: proposeTitle(country.name, chosen, allTopics.length),
        content,
      })
      .run();
    const sectionIds = [...new Set(proposal.facts.map((f) => f.topicId))];
    sectionIds.forEach((topicId, position) =>
      tx.insert(briefingSections).values({ briefingId: id, topicId, position }).run(),
    );
    proposal.facts.forEach((f, position) =>
      tx.insert(briefingItems).values({ briefingId: id, factId: f.id, topicId: f.topicId, position }).run(),
    );
    recordAudit(tx, { actor, action: "briefing.created", entity: "briefing", entityId: id, detail: { revision: 1 } });
  });
  return id;
}

export interface BriefingListEntry {
  id: string;
  title: string;
  countryName: string;
  topicNames: string[];
  status: "draft" | "final";
  revision: number;
  updatedAt: string;
  deletedAt: string | null;
}

/** The actor's own briefings, and those deleted within the last 30 days (restorable). */
export function listBriefings({ actor, db = getDb() }: { actor: Actor; db?: DB }): BriefingListEntry[] {
  const cutoff = new Date(Date.now() - RESTORE_DAYS * 86_400_000).toISOString();
  const rows = db
    .select({ b: briefings, countryName: parties.name })
    .from(briefings)
    .innerJoin(parties, eq(parties.id, briefings.countryId))
    .where(
      and(
        eq(briefings.ownerId, actor.userId),
        sql`(${briefings.deletedAt} IS NULL OR ${briefings.deletedAt} > ${cutoff})`,
      ),
    )
    .orderBy(desc(briefings.updatedAt))
    .all();
  const topicNames = new Map(
    db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .all()
      .map((t) => [t.id, t.name]),
  );
  return rows.map(({ b, countryName }) => ({
    id: b.id,
    title: b.title,
    countryName,
    status: b.status,
    revision: b.revision,
    updatedAt: b.updatedAt,
    deletedAt: b.deletedAt,
    topicNames: parseContent(b).filters.topicIds.map((id) => topicNames.get(id) ?? id),
  }));
}

/** Saves the composer's state. Refused for a finalised briefing, or from a stale version (409). */
export function saveBriefing({
  actor,
  briefingId,
  edit,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  edit: BriefingEdit;
  db?: DB;
}): { version: number } {
  return writeTransaction(db, (tx) => {
    const row = loadOwnBriefing(tx, actor, briefingId);
    if (row.status !== "draft")
      throw new ValidationError("A finalised briefing cannot be changed; start a new revision.");
    if (row.version !== edit.version)
      throw new ConflictError(
        "This briefing was saved elsewhere since you opened it. Reload to see that version; your changes are still on this page.",
        { version: row.version },
      );
    const existing = tx
      .select({ factId: briefingItems.factId })
      .from(briefingItems)
      .where(eq(briefingItems.briefingId, briefingId))
      .all();
    const known = new Set(existing.map((i) => i.factId));
    const sent = edit.sections.flatMap((s) => s.items.map((i) => i.factId));
    if (sent.length !== known.size || new Set(sent).size !== sent.length || sent.some((id) => !known.has(id))) {
      throw new ValidationError("The facts sent do not match this briefing; reload the page.");
    }
    // The sections are rearranged, never added: the same topics come back, each once.
    const topicsBefore = new Set(
      tx
        .select({ topicId: briefingSections.topicId })
        .from(briefingSections)
        .where(eq(briefingSections.briefingId, briefingId))
        .all()
        .map((s) => s.topicId),
    );
    const topicsSent = edit.sections.map((s) => s.topicId);
    if (
      topicsSent.length !== topicsBefore.size ||
      new Set(topicsSent).size !== topicsSent.length ||
      topicsSent.some((id) => !topicsBefore.has(id))
    ) {
      throw new ValidationError("The sections sent do not match this briefing; reload the page.");
    }
    tx.delete(briefingSections).where(eq(briefingSections.briefingId, briefingId)).run();
    edit.sections.forEach((s, position) => {
      tx.insert(briefingSections).values({ briefingId, topicId: s.topicId, position }).run();
      s.items.forEach((item, itemPosition) =>
        tx
          .update(briefingItems)
          .set({ topicId: s.topicId, position: itemPosition, included: item.included, note: item.note || null })
          .where(and(eq(briefingItems.briefingId, briefingId), eq(briefingItems.factId, item.factId)))
          .run(),
      );
    });
    const content: BriefingContent = {
      ...parseContent(row),
      marking: edit.marking,
      purpose: edit.purpose,
      keyMessages: edit.keyMessages,
      background: edit.background,
      occasion: edit.occasion,
    };
    const updated = tx
      .update(briefings)
      .set({ title: edit.title, content, version: row.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(briefings.id, briefingId), eq(briefings.version, row.version)))
      .returning({ version: briefings.version })
      .get();
    return { version: updated!.version };
  });
}

export function deleteBriefing({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): void {
  writeTransaction(db, (tx) => {
    loadOwnBriefing(tx, actor, briefingId);
    tx.update(briefings).set({ deletedAt: new Date().toISOString() }).where(eq(briefings.id, briefingId)).run();
    recordAudit(tx, { actor, action: "briefing.deleted", entity: "briefing", entityId: briefingId });
  });
}

export function restoreBriefing({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): void {
  writeTransaction(db, (tx) => {
    const row = loadOwnBriefing(tx, actor, briefingId, { includeDeleted: true });
    const cutoff = new Date(Date.now() - RESTORE_DAYS * 86_400_000).toISOString();
    if (!row.deletedAt) return;
    if (row.deletedAt <= cutoff)
      throw new NotFoundError("This briefing was deleted more than 30 days ago and can no longer be restored.");
    tx.update(briefings).set({ deletedAt: null }).where(eq(briefings.id, briefingId)).run();
    recordAudit(tx, { actor, action: "briefing.restored", entity: "briefing", entityId: briefingId });
  });
}

/** Copies a briefing (its text, sections, items and notes) into a new draft of the actor's. */
export function copyBriefing(
  tx: DB,
  actor: Actor,
  source: Briefing,
  opts: { revision: number; previousId: string | null; title: string },
): string {
  const id = randomUUID();
  tx.insert(briefings)
    .values({
      id,
      ownerId: actor.userId,
      countryId: source.countryId,
      title: opts.title,
      content: parseContent(source),
      revision: opts.revision,
      previousId: opts.previousId,
    })
    .run();
  tx.insert(briefingSections)
    .select(
      tx
        .select({
          briefingId: sql<string>`${id}`.as("briefing_id"),
          topicId: briefingSections.topicId,
          position: briefingSections.position,
        })
        .from(briefingSections)
        .where(eq(briefingSections.briefingId, source.id)),
    )
    .run();
  tx.insert(briefingItems)
    .select(
      tx
        .select({
          briefingId: sql<string>`${id}`.as("briefing_id"),
          factId: briefingItems.factId,
          topicId: briefingItems.topicId,
          position: briefingItems.position,
          included: briefingItems.included,
          note: briefingItems.note,
        })
        .from(briefingItems)
        .where(eq(briefingItems.briefingId, source.id)),
    )
    .run();
  return id;
}

/** "Copy of …" within the title limit; a title cut short ends in an ellipsis, so it shows. */
function copyTitle(title: string): string {
  const copy = `Copy of ${title}`;
  return copy.length <= LIMITS.title ? copy : `${copy.slice(0, LIMITS.title - 1).trimEnd()}…`;
}

export function duplicateBriefing({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): string {
  return writeTransaction(db, (tx) => {
    const source = loadOwnBriefing(tx, actor, briefingId);
    const id = copyBriefing(tx, actor, source, { revision: 1, previousId: null, title: copyTitle(source.title) });
    recordAudit(tx, {
      actor,
      action: "briefing.duplicated",
      entity: "briefing",
      entityId: id,
      detail: { from: briefingId },
    });
    return id;
  });
}

/** Freezes a draft: status final, the snapshot stored, version bumped; audited with its revision only. */
export function markFinal(tx: DB, actor: Actor, row: Briefing, snapshot: BriefingSnapshot): void {
  tx.update(briefings)
    .set({
      status: "final",
      snapshot,
      finalisedAt: new Date().toISOString(),
      version: row.version + 1,
      updatedAt: new Date().toISOString(),
    })
    .where(and(eq(briefings.id, row.id), eq(briefings.version, row.version)))
    .run();
  recordAudit(tx, {
    actor,
    action: "briefing.finalised",
    entity: "briefing",
    entityId: row.id,
    detail: { revision: row.revision },
  });
}

/** The caller's live draft that continues `briefingId` (its next revision), if one was started. */
export function findNextRevision(tx: DB, actor: Actor, briefingId: string): string | undefined {
  return tx
    .select({ id: briefings.id })
    .from(briefings)
    .where(
      and(
        eq(briefings.previousId, briefingId),
        eq(briefings.ownerId, actor.userId),
        eq(briefings.status, "draft"),
        isNull(briefings.deletedAt),
      ),
    )
    .get()?.id;
}

/** Records a download of the caller's own briefing (who, when, which revision; never its content). */
export function recordDownload({
  actor,
  briefingId,
  revision,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  revision: number;
  db?: DB;
}): void {
  loadOwnBriefing(db, actor, briefingId);
  recordAudit(db, {
    actor,
    action: "briefing.downloaded",
    entity: "briefing",
    entityId: briefingId,
    detail: { revision },
  });
}
