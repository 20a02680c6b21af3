import type { Actor } from "@/lib/auth/actor";
import { newRecoveryCodes } from "@/lib/auth/two-factor";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { codeCheckTurns, replaceStoredRecoveryCodes } from "./_second-factor";
import { checkOwnPassword, checkReauthentication, WRONG_REAUTHENTICATION } from "./_reauthenticate";
import { secondFactorRefusal } from "./_refusal";

export type ReplaceRecoveryCodesOptions = {
  actor: Actor;
  /** Re-authentication: the actor's password and a current code (or one of the old recovery codes). */
  password: string;
  code: string;
  now?: number;
  db?: Database;
};

/**
 * Ten new recovery codes for the actor's own second factor, after re-authentication (password
 * and a current code, counted against the strict code limit when wrong). Every older code stops
 * working in the same transaction. Returned this once, stored only as hashes; audited as
 * 2fa.recovery_codes_replaced. For a user running low, or who fears the old ones were seen.
 */
export async function replaceRecoveryCodes({
  actor,
  password,
  code,
  now = Date.now(),
  db = getDb(),
}: ReplaceRecoveryCodesOptions): Promise<{ recoveryCodes: string[] }> {
  const passwordOk = await checkOwnPassword(db, actor, password);
  const codes = newRecoveryCodes();
  const outcome = await withWriteTransaction(
    db,
    async (tx) => {
      const check = await checkReauthentication(tx, { actor, passwordOk, code, now });
      if (!check.ok) return check;
      const at = new Date(now).toISOString();
      await replaceStoredRecoveryCodes(tx, actor.userId, codes, at);
      await recordAudit(tx, {
        actor,
        action: "2fa.recovery_codes_replaced",
        entity: "user",
        entityId: actor.userId,
        detail: { recoveryCodes: codes.length, confirmedWith: check.kind },
      });
      return check;
    },
    codeCheckTurns(actor.userId),
  );
  if (outcome.ok) return { recoveryCodes: codes };
  if (outcome.reason === "not-enabled") throw new ValidationError("Two-step verification is not on.");
  throw secondFactorRefusal(outcome, WRONG_REAUTHENTICATION);
}
