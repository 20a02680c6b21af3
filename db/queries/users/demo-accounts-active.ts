import { and, eq, isNull } from "drizzle-orm";
import { getDb, readerOf, type Database } from "../../client";
import { users } from "../../schema";

export type DemoAccountsActiveOptions = { db?: Database };

/**
 * Whether an enabled account still has its published demo password. It takes no actor: the
 * sign-in page warns every visitor, signed in or not (the passwords are in README.md anyway).
 */
export async function demoAccountsActive({ db = getDb() }: DemoAccountsActiveOptions = {}): Promise<boolean> {
  const [row] = await readerOf(db)
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.demoPassword, true), isNull(users.disabledAt)))
    .limit(1);
  return row !== undefined;
}
