import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { PublicUser } from "./_public-user";
import { applyChange, assertAnotherActiveAdmin, loadForChange } from "./_user-change";

export type SetUserDisabledOptions = { actor: Actor; userId: string; disabled: boolean; db?: Database };

/** Disables (ending every session) or enables an account; never the last active admin; audited. */
export async function setUserDisabled({
  actor,
  userId,
  disabled,
  db = getDb(),
}: SetUserDisabledOptions): Promise<PublicUser> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const before = await loadForChange(tx, userId);
    if ((before.disabledAt !== null) === disabled) return before;
    if (disabled && before.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    return applyChange(tx, {
      actor,
      before,
      change: { disabledAt: disabled ? new Date().toISOString() : null },
      action: disabled ? "user.disabled" : "user.enabled",
    });
  });
}
