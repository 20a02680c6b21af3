import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { matchTotpStep, newRecoveryCodes } from "@/lib/auth/two-factor";
import { decryptSecret, twoFactorKey } from "@/lib/auth/two-factor-key";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { userSecondFactors } from "../../schema";
import { recordAudit } from "../_record-audit";
import { replaceStoredRecoveryCodes } from "./_second-factor";

export type ConfirmSecondFactorOptions = { actor: Actor; code: string; now?: number; db?: Database };

export const WRONG_SETUP_CODE =
  "That code does not match. Enter the code your app shows now (it changes every 30 seconds).";

/**
 * Turns the actor's second factor on once a code from their app matches the secret being set
 * up (that code's step is remembered, so it cannot sign in again), and makes ten recovery
 * codes: returned this once, stored only as SHA-256 hashes. Audited as 2fa.enabled.
 */
export async function confirmSecondFactor({
  actor,
  code,
  now = Date.now(),
  db = getDb(),
}: ConfirmSecondFactorOptions): Promise<{ recoveryCodes: string[] }> {
  const codes = newRecoveryCodes();
  return withWriteTransaction(db, async (tx) => {
    const [row] = await tx.select().from(userSecondFactors).where(eq(userSecondFactors.userId, actor.userId)).limit(1);
    if (!row) throw new ValidationError("Start setting up two-step verification first.");
    if (row.enabledAt) throw new ValidationError("Two-step verification is already on.");
    const secret = decryptSecret(row.secretEncrypted, actor.userId, twoFactorKey());
    if (secret === null) throw new ValidationError("This set-up can no longer be read. Start again.");
    const step = matchTotpStep({ secret, token: code, now, lastStep: null });
    if (step === null) throw new ValidationError(WRONG_SETUP_CODE, { code: [WRONG_SETUP_CODE] });
    const at = new Date(now).toISOString();
    await tx
      .update(userSecondFactors)
      .set({ enabledAt: at, lastUsedStep: step, failedCodesUnseen: 0, failedCodeLastAt: null, updatedAt: at })
      .where(eq(userSecondFactors.userId, actor.userId));
    await replaceStoredRecoveryCodes(tx, actor.userId, codes, at);
    await recordAudit(tx, {
      actor,
      action: "2fa.enabled",
      entity: "user",
      entityId: actor.userId,
      detail: { method: "totp", recoveryCodes: codes.length },
    });
    return { recoveryCodes: codes };
  });
}
