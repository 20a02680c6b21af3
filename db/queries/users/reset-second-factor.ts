import { eq, sql } from "drizzle-orm";
import { assertAdmin, SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { users, userSecondFactors } from "../../schema";
import { recordAudit } from "../_record-audit";
import { secondFactorRefusal } from "../two-factor/_refusal";
import {
  checkSecondFactorCode,
  codeCheckTurns,
  enabledSecondFactor,
  removeSecondFactor,
} from "../two-factor/_second-factor";
import { auditedUser, type PublicUser } from "./_public-user";
import { loadForChange } from "./_user-change";

export type ResetSecondFactorOptions = {
  actor: Actor;
  userId: string;
  /** The acting admin's own current code: needed to reset another admin's when the actor has a second factor. */
  actorCode?: string;
  now?: number;
  db?: Database;
};

export const ACTOR_CODE_NEEDED = "Enter your own current code to reset another administrator's second factor.";
export const WRONG_ACTOR_CODE = "That is not your current code.";

/**
 * An administrator removes a user's second factor (a lost phone): the secret, the recovery
 * codes and the counted failures go, and the user's sessions end (a new session version); they
 * sign in with their password and set up a new one (at once, where CHANCERY_REQUIRE_2FA names
 * their role). Resetting another administrator's asks the acting administrator's own current
 * code when they have a second factor, so a hijacked admin session cannot strip another
 * admin's. Not one's own (turning it off asks for the password and a code, on the account
 * page) except from the command line, the way back in for a locked-out administrator.
 * Audited as 2fa.reset.
 */
export async function resetSecondFactor({
  actor,
  userId,
  actorCode,
  now = Date.now(),
  db = getDb(),
}: ResetSecondFactorOptions): Promise<PublicUser> {
  assertAdmin(actor);
  const commandLine = actor.userId === SYSTEM_ACTOR.userId;
  if (userId === actor.userId && !commandLine)
    throw new ForbiddenError("Turn your own two-step verification off on Account → Security.");
  const outcome = await withWriteTransaction(
    db,
    async (tx) => {
      const target = await loadForChange(tx, userId);
      const [factor] = await tx
        .select({ userId: userSecondFactors.userId })
        .from(userSecondFactors)
        .where(eq(userSecondFactors.userId, userId))
        .limit(1);
      if (!factor) throw new ValidationError(`${target.email} has no second factor to reset.`);
      if (target.role === "admin" && !commandLine && (await enabledSecondFactor(tx, actor.userId))) {
        if (!actorCode?.trim()) throw new ValidationError(ACTOR_CODE_NEEDED, { actorCode: [ACTOR_CODE_NEEDED] });
        const check = await checkSecondFactorCode(tx, {
          actor,
          userId: actor.userId,
          code: actorCode,
          now,
          purpose: "re-authentication",
          allowRecoveryCode: false,
        });
        // A wrong code is counted: it leaves the transaction as a value, not rolled back with a throw.
        if (!check.ok) return { ok: false as const, check };
      }
      await removeSecondFactor(tx, userId);
      const [after] = await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date(now).toISOString() })
        .where(eq(users.id, userId))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "2fa.reset",
        entity: "user",
        entityId: userId,
        before: auditedUser(target),
        detail: { sessionsEnded: true },
      });
      const { passwordHash: _omit, ...user } = after;
      return { ok: true as const, user };
    },
    codeCheckTurns(actor.userId),
  ); // the acting admin's code, when it is asked for
  if (outcome.ok) return outcome.user;
  const refusal = secondFactorRefusal(outcome.check, WRONG_ACTOR_CODE);
  if (refusal instanceof ValidationError && outcome.check.reason === "invalid")
    throw new ValidationError(WRONG_ACTOR_CODE, { actorCode: [WRONG_ACTOR_CODE] });
  throw refusal;
}
