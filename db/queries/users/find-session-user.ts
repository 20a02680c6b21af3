import { and, eq, isNull } from "drizzle-orm";
import { getDb, readerOf, type Database } from "../../client";
import { users } from "../../schema";
import { publicColumns, type PublicUser } from "./_public-user";

export type FindSessionUserOptions = {
  /** The user id and session version a session token carries. */
  userId: string;
  sessionVersion: number;
  db?: Database;
};

/**
 * The user a session token names, if the token is still good: the account exists, is not
 * disabled, and the token's session version is the current one (sign-out, disable, role or
 * password change bump it, so every older token stops working at once). It takes no actor:
 * it is how a request gets one (app/_request/session.ts), and the token is the credential.
 */
export async function findSessionUser({
  userId,
  sessionVersion,
  db = getDb(),
}: FindSessionUserOptions): Promise<PublicUser | undefined> {
  const [user] = await readerOf(db)
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return undefined;
  return user;
}
