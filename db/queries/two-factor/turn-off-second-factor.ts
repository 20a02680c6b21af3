import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { ValidationError } from "@/lib/errors";
import { getDb, readerOf, withWriteTransaction, type Database } from "../../client";
import { users } from "../../schema";
import { recordAudit } from "../_record-audit";
import { checkSecondFactorCode, codesRefusedFor, recordCodeFailure, removeSecondFactor } from "./_second-factor";
import { secondFactorRefusal } from "./_refusal";

export type TurnOffSecondFactorOptions = {
  actor: Actor;
  /** Re-authentication: the actor's password and a current code (or a recovery code). */
  password: string;
  code: string;
  now?: number;
  db?: Database;
};

export const WRONG_REAUTHENTICATION = "The password or the code is not right.";

/**
 * Turns the actor's own second factor off, after re-authentication: their password and a
 * current code. A wrong password or code counts against the account's strict code limit (a
 * stolen session cannot guess through this form). Removes the secret and the recovery codes;
 * audited as 2fa.disabled.
 */
export async function turnOffSecondFactor({
  actor,
  password,
  code,
  now = Date.now(),
  db = getDb(),
}: TurnOffSecondFactorOptions): Promise<void> {
  const [user] = await readerOf(db)
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), isNull(users.deletedAt)))
    .limit(1);
  // Verified outside any transaction: argon2 is slow, and the write lock would be held through it.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  // The outcome leaves the transaction as a value: a failure must be counted, not rolled back.
  const outcome = await withWriteTransaction(db, async (tx) => {
    if (!passwordOk) {
      const retryAfterSeconds = await codesRefusedFor(tx, actor.userId, now);
      await recordCodeFailure(tx, {
        actor,
        userId: actor.userId,
        now,
        purpose: "re-authentication",
        refused: retryAfterSeconds !== null,
      });
      return retryAfterSeconds !== null
        ? ({ ok: false, reason: "throttled", retryAfterSeconds } as const)
        : ({ ok: false, reason: "invalid" } as const);
    }
    const check = await checkSecondFactorCode(tx, {
      actor,
      userId: actor.userId,
      code,
      now,
      purpose: "re-authentication",
    });
    if (!check.ok) return check;
    await removeSecondFactor(tx, actor.userId);
    await recordAudit(tx, { actor, action: "2fa.disabled", entity: "user", entityId: actor.userId });
    return check;
  });
  if (outcome.ok) return;
  if (outcome.reason === "not-enabled") throw new ValidationError("Two-step verification is not on.");
  throw secondFactorRefusal(outcome, WRONG_REAUTHENTICATION);
}
