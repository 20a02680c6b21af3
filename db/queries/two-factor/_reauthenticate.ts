// Re-authentication for changes to one's own second factor (turn it off, new recovery codes):
// the password and a current code, inside the caller's write transaction. Checks no permission.
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { readerOf, type Database, type Tx } from "../../client";
import { users } from "../../schema";
import { checkSecondFactorCode, codesRefusedFor, recordCodeFailure, type CodeCheck } from "./_second-factor";

export const WRONG_REAUTHENTICATION = "The password or the code is not right.";

/**
 * Checks the actor's password, outside any transaction: argon2 is slow, and the write lock would
 * be held through it. Pass the result to `checkReauthentication` inside the transaction.
 */
export async function checkOwnPassword(db: Database, actor: Actor, password: string): Promise<boolean> {
  const [user] = await readerOf(db)
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), isNull(users.deletedAt)))
    .limit(1);
  return verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
}

/**
 * A wrong password counts against the account's strict code limit like a wrong code, so a
 * stolen session cannot guess through these forms. The caller returns the outcome out of its
 * transaction as a value: a failure must be counted, not rolled back.
 */
export async function checkReauthentication(
  tx: Tx,
  { actor, passwordOk, code, now }: { actor: Actor; passwordOk: boolean; code: string; now: number },
): Promise<CodeCheck> {
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
      ? { ok: false, reason: "throttled", retryAfterSeconds }
      : { ok: false, reason: "invalid" };
  }
  return checkSecondFactorCode(tx, { actor, userId: actor.userId, code, now, purpose: "re-authentication" });
}
