import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { markingAtMost, type ClearanceLevel } from "@/lib/model/handling";
import type { UserRole } from "@/lib/model/users";
import type { Tx } from "../../client";
import { users } from "../../schema";
import { recordAudit } from "../_record-audit";
import { auditedUser, publicColumns, type PublicUser } from "./_public-user";

/*
 * What the three changes to an account (role, disabled, password) share. Each runs inside its
 * caller's write transaction and checks nothing: the exported functions beside this file check
 * the actor first. Not for use outside db/queries/users/.
 */

/** The live user about to change, read inside the transaction that changes it. */
export async function loadForChange(tx: Tx, userId: string): Promise<PublicUser> {
  const [user] = await tx
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user) throw new NotFoundError("No such user.");
  return user;
}

/** An admin gives no one a clearance level above their own (refused at the field, saying why). */
export function checkLevelWithinOwn(actor: Actor, level: ClearanceLevel): void {
  if (markingAtMost(level, actor.clearanceLevel)) return;
  const reason = `You are cleared to ${actor.clearanceLevel}: you cannot give anyone ${level}.`;
  throw new ValidationError(reason, { clearanceLevel: [reason] });
}

/** Refuses a change that would leave no active admin to run the system. */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), isNull(users.deletedAt), ne(users.id, userId)))
    .limit(1);
  if (!other)
    throw new ValidationError("This is the last active administrator; make another user an administrator first.");
}

export type UserChange = {
  role?: UserRole;
  clearer?: boolean;
  disabledAt?: string | null;
  clearanceLevel?: ClearanceLevel;
  passwordHash?: string;
  demoPassword?: boolean;
};

/**
 * Applies a change, ends the user's sessions (a new session version, unless `keepSessions`: for
 * what every request reads afresh anyway) and audits it.
 */
export async function applyChange(
  tx: Tx,
  {
    actor,
    before,
    change,
    action,
    keepSessions = false,
  }: { actor: Actor; before: PublicUser; change: UserChange; action: string; keepSessions?: boolean },
): Promise<PublicUser> {
  const [after] = await tx
    .update(users)
    .set({
      ...change,
      ...(keepSessions ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }),
      version: sql`${users.version} + 1`,
      updatedAt: new Date().toISOString(),
    })
    .where(eq(users.id, before.id))
    .returning(publicColumns);
  if (!after) throw new NotFoundError("No such user.");
  await recordAudit(tx, {
    actor,
    action,
    entity: "user",
    entityId: before.id,
    before: auditedUser(before),
    after: auditedUser(after),
  });
  return after;
}
