import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { ValidationError } from "@/lib/errors";
import { newUserSchema, type NewUserInput } from "@/lib/validation/user";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { users } from "../../schema";
import { recordAudit } from "../_record-audit";
import { auditedUser, publicColumns, type PublicUser } from "./_public-user";
import { checkLevelWithinOwn } from "./_user-change";

export type CreateUserOptions = {
  actor: Actor;
  input: NewUserInput;
  /** A demo account, flagged until its published password is changed. */
  demo?: boolean;
  db?: Database;
};

/**
 * Adds a user (admins and the command line) at a clearance level (default OFFICIAL) no higher
 * than the acting admin's own; audited.
 */
export async function createUser({ actor, input, demo = false, db = getDb() }: CreateUserOptions): Promise<PublicUser> {
  assertAdmin(actor);
  const data = newUserSchema.parse(input);
  checkLevelWithinOwn(actor, data.clearanceLevel);
  // Hashed before the transaction: argon2 is slow, and the write lock would be held through it.
  const passwordHash = await hashPassword(data.password);
  return withWriteTransaction(db, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).limit(1);
    if (taken) {
      throw new ValidationError("A user with this email already exists.", {
        email: ["A user with this email already exists."],
      });
    }
    const [row] = await tx
      .insert(users)
      .values({
        id: randomUUID(),
        email: data.email,
        name: data.name,
        role: data.role,
        clearer: data.clearer,
        clearanceLevel: data.clearanceLevel,
        passwordHash,
        demoPassword: demo,
      })
      .returning(publicColumns);
    await recordAudit(tx, { actor, action: "user.created", entity: "user", entityId: row.id, after: auditedUser(row) });
    return row;
  });
}
