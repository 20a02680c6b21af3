import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { UserRole } from "@/lib/model/users";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { PublicUser } from "./_public-user";
import { applyChange, assertAnotherActiveAdmin, loadForChange } from "./_user-change";

export type ChangeUserRoleOptions = {
  actor: Actor;
  userId: string;
  /** The main role; unchanged when left out. */
  role?: UserRole;
  /** The clearer role beside it; unchanged when left out. */
  clearer?: boolean;
  db?: Database;
};

/**
 * Changes a user's roles — the main role (staff or admin) and the clearer role — and ends their
 * sessions (a new session version), so the change holds from their next request; never demotes
 * the last active admin; audited as user.role_changed with the roles before and after. A change
 * to nothing is no change: no audit row, sessions kept.
 */
export async function changeUserRole({
  actor,
  userId,
  role,
  clearer,
  db = getDb(),
}: ChangeUserRoleOptions): Promise<PublicUser> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const before = await loadForChange(tx, userId);
    const change = {
      ...(role !== undefined && role !== before.role ? { role } : {}),
      ...(clearer !== undefined && clearer !== before.clearer ? { clearer } : {}),
    };
    if (Object.keys(change).length === 0) return before;
    if (before.role === "admin" && change.role) await assertAnotherActiveAdmin(tx, userId);
    return applyChange(tx, { actor, before, change, action: "user.role_changed" });
  });
}
