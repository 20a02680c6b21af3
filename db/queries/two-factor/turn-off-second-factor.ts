import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { checkOwnPassword, checkReauthentication, WRONG_REAUTHENTICATION } from "./_reauthenticate";
import { codeCheckTurns, removeSecondFactor } from "./_second-factor";
import { secondFactorRefusal } from "./_refusal";

export type TurnOffSecondFactorOptions = {
  actor: Actor;
  /** Re-authentication: the actor's password and a current code (or a recovery code). */
  password: string;
  code: string;
  now?: number;
  db?: Database;
};

/**
 * Turns the actor's own second factor off, after re-authentication: their password and a
 * current code. A wrong password or code counts against the account's strict code limit.
 * Removes the secret and the recovery codes; audited as 2fa.disabled.
 */
export async function turnOffSecondFactor({
  actor,
  password,
  code,
  now = Date.now(),
  db = getDb(),
}: TurnOffSecondFactorOptions): Promise<void> {
  const passwordOk = await checkOwnPassword(db, actor, password);
  const outcome = await withWriteTransaction(
    db,
    async (tx) => {
      const check = await checkReauthentication(tx, { actor, passwordOk, code, now });
      if (!check.ok) return check;
      await removeSecondFactor(tx, actor.userId);
      await recordAudit(tx, { actor, action: "2fa.disabled", entity: "user", entityId: actor.userId });
      return check;
    },
    codeCheckTurns(actor.userId),
  );
  if (outcome.ok) return;
  if (outcome.reason === "not-enabled") throw new ValidationError("Two-step verification is not on.");
  throw secondFactorRefusal(outcome, WRONG_REAUTHENTICATION);
}
