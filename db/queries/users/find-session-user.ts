import { and, eq, isNull } from "drizzle-orm";
import { getDb, readerOf, type Database } from "../../client";
import { users, userSecondFactors } from "../../schema";
import { publicColumns, type PublicUser } from "./_public-user";

export type FindSessionUserOptions = {
  /** The user id and session version a session token carries. */
  userId: string;
  sessionVersion: number;
  db?: Database;
};

export type SessionUser = PublicUser & {
  /** Whether the user's second factor is on (set up and confirmed). */
  secondFactor: boolean;
  /** Wrong sign-in codes sent for the account that the user has not yet been told of. */
  failedCodes: { count: number; lastAt: string | null } | null;
};

/**
 * The user a session token names, if the token is still good: the account exists, is not
 * disabled, and the token's session version is the current one (sign-out, disable, role or
 * password change, or a second factor reset bump it, so every older token stops working at
 * once). It takes no actor: it is how a request gets one (app/_request/session.ts), and the
 * token is the credential. One query, with the second factor's state for the enrolment rule.
 */
export async function findSessionUser({
  userId,
  sessionVersion,
  db = getDb(),
}: FindSessionUserOptions): Promise<SessionUser | undefined> {
  const [row] = await readerOf(db)
    .select({
      user: publicColumns,
      enabledAt: userSecondFactors.enabledAt,
      failedCodesUnseen: userSecondFactors.failedCodesUnseen,
      failedCodeLastAt: userSecondFactors.failedCodeLastAt,
    })
    .from(users)
    .leftJoin(userSecondFactors, eq(userSecondFactors.userId, users.id))
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  const user = row?.user;
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return undefined;
  const failed = row.failedCodesUnseen ?? 0;
  return {
    ...user,
    secondFactor: row.enabledAt !== null,
    failedCodes: failed > 0 ? { count: failed, lastAt: row.failedCodeLastAt } : null,
  };
}
