import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { newUserSchema } from "@/lib/validation/user";
import { getDb, withWriteTransaction, type Database } from "../../client";
import type { PublicUser } from "./_public-user";
import { applyChange, loadForChange } from "./_user-change";

export type SetUserPasswordOptions = { actor: Actor; userId: string; password: string; db?: Database };

/** Sets a password (an admin for anyone, a user for themselves) and ends the user's sessions; audited. */
export async function setUserPassword({
  actor,
  userId,
  password,
  db = getDb(),
}: SetUserPasswordOptions): Promise<PublicUser> {
  if (actor.userId !== userId) assertAdmin(actor);
  // Hashed before the transaction: argon2 is slow, and the write lock would be held through it.
  const passwordHash = await hashPassword(newUserSchema.shape.password.parse(password));
  return withWriteTransaction(db, async (tx) =>
    applyChange(tx, {
      actor,
      before: await loadForChange(tx, userId),
      change: { passwordHash, demoPassword: false },
      action: "user.password_changed",
    }),
  );
}
