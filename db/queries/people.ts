import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { PersonRoleInput } from "@/lib/validation/person-role";
import { getDb, readerOf, withWriteTransaction, type Database, type Tx } from "../client";
import { parties, people, personRoles, sources, type PersonRole } from "../schema";
import { recordAudit } from "./_record-audit";

const snapshot = ({ createdAt: _c, updatedAt: _u, ...r }: PersonRole) => r;

/** A person's roles over time, earliest first (undated last). */
export async function listPersonRoles({
  actor,
  personId,
  db = getDb(),
}: {
  actor: Actor;
  personId: string;
  db?: Database;
}) {
  assertAdmin(actor);
  const rows = await readerOf(db)
    .select({ role: personRoles, partyName: parties.name })
    .from(personRoles)
    .leftJoin(parties, eq(parties.id, personRoles.partyId))
    .where(and(eq(personRoles.personId, personId), isNull(personRoles.deletedAt)))
    .orderBy(sql`${personRoles.validFrom} IS NULL`, asc(personRoles.validFrom), asc(personRoles.id));
  return rows.map((r) => ({ ...r.role, partyName: r.partyName }));
}

async function check(tx: Tx, input: PersonRoleInput): Promise<void> {
  const errors: Record<string, string[]> = {};
  const [person] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, input.personId), isNull(people.deletedAt)))
    .limit(1);
  if (!person) errors.personId = ["No such person."];
  const [party] = await tx
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.id, input.partyId), isNull(parties.deletedAt)))
    .limit(1);
  if (!party) errors.partyId = ["No such party."];
  if (input.sourceId) {
    const [src] = await tx
      .select({ fullText: sources.fullText })
      .from(sources)
      .where(and(eq(sources.id, input.sourceId), isNull(sources.deletedAt)))
      .limit(1);
    if (!src) errors.sourceId = ["No such source."];
    else if (input.quote && !src.fullText.includes(input.quote))
      errors.quote = ["The quote is not in the source's text; copy it exactly."];
  }
  if (Object.keys(errors).length) throw new ValidationError("Some fields need attention.", errors);
}

/** Adds a role, or changes one if it is still at `input.version`; audited either way. */
export async function savePersonRole({
  actor,
  input,
  db = getDb(),
}: {
  actor: Actor;
  input: PersonRoleInput;
  db?: Database;
}): Promise<PersonRole> {
  assertAdmin(actor);
  const { id, version, ...values } = input;
  return withWriteTransaction(db, async (tx) => {
    await check(tx, input);
    if (!id || !version) {
      const [row] = await tx
        .insert(personRoles)
        .values({ id: `role-${randomUUID()}`, ...values })
        .returning();
      await recordAudit(tx, {
        actor,
        action: "person_role.created",
        entity: "person_role",
        entityId: row.id,
        after: snapshot(row),
      });
      return row;
    }
    return change(tx, actor, id, version, values, "person_role.updated");
  });
}

async function change(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  values: Partial<PersonRole>,
  action: string,
): Promise<PersonRole> {
  const [before] = await tx
    .select()
    .from(personRoles)
    .where(and(eq(personRoles.id, id), isNull(personRoles.deletedAt)))
    .limit(1);
  if (!before) throw new NotFoundError("No such role.");
  const stale = (current: PersonRole) =>
    new ConflictError(
      `Someone else changed this role meanwhile (now version ${current.version}). Reload to see it.`,
      current,
    );
  if (before.version !== version) throw stale(before);
  const [after] = await tx
    .update(personRoles)
    .set({ ...values, version: sql`${personRoles.version} + 1`, updatedAt: new Date().toISOString() })
    .where(and(eq(personRoles.id, id), eq(personRoles.version, version)))
    .returning();
  if (!after) throw stale(before);
  await recordAudit(tx, {
    actor,
    action,
    entity: "person_role",
    entityId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

export async function deletePersonRole({
  actor,
  id,
  version,
  db = getDb(),
}: {
  actor: Actor;
  id: string;
  version: number;
  db?: Database;
}): Promise<PersonRole> {
  assertAdmin(actor);
  return withWriteTransaction(db, (tx) =>
    change(tx, actor, id, version, { deletedAt: new Date().toISOString() }, "person_role.deleted"),
  );
}
