import { and, eq, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getDb, readerOf, type Database } from "../../client";
import { users } from "../../schema";

export type FindUserIdByEmailOptions = { actor: Actor; email: string; db?: Database };

/** The id of the live account with this email (any case); admins only (the user:disable script). */
export async function findUserIdByEmail({ actor, email, db = getDb() }: FindUserIdByEmailOptions): Promise<string> {
  assertAdmin(actor);
  const [user] = await readerOf(db)
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
    .limit(1);
  if (!user) throw new NotFoundError(`No user with email ${email}.`);
  return user.id;
}
