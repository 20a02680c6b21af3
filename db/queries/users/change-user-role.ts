import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { UserRole } from "@/lib/model/users";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { PublicUser } from "./_public-user";
import { applyChange, assertAnotherActiveAdmin, loadForChange } from "./_user-change";

export type ChangeUserRoleOptions = { actor: Actor; userId: string; role: UserRole; db?: Database };

/** Gives a user another role and ends their sessions; never demotes the last active admin; audited. */
export async function changeUserRole({
  actor,
  userId,
  role,
  db = getDb(),
}: ChangeUserRoleOptions): Promise<PublicUser> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const before = await loadForChange(tx, userId);
    if (before.role === role) return before;
    if (before.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    return applyChange(tx, { actor, before, change: { role }, action: "user.role_changed" });
  });
}
