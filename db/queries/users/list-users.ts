import { and, asc, count, eq, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";
import { getDb, withReadTransaction, type Database } from "../../client";
import { users, userSecondFactors } from "../../schema";
import { containsText, pageWindow, type ListPage } from "../_list-page";
import { publicColumns, type PublicUser } from "./_public-user";

/** A user as the users page lists them: with their second factor's state (never its secret). */
export type ListedUser = PublicUser & { secondFactor: "on" | "setting-up" | "off" };

export type ListUsersOptions = {
  actor: Actor;
  /** A piece of the email or name. */
  q?: string;
  page?: number;
  pageSize?: number;
  db?: Database;
};

/** One page of the users, by email, each with the state of their second factor, filtered by a piece of the email or name; admins only. */
export async function listUsers({
  actor,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: ListUsersOptions): Promise<ListPage<ListedUser>> {
  assertAdmin(actor);
  const where = and(isNull(users.deletedAt), containsText(q, [users.email, users.name]));
  // One snapshot, so the count and the page agree whatever is added meanwhile.
  return withReadTransaction(db, async (tx) => {
    const [counted] = await tx.select({ n: count() }).from(users).where(where);
    const total = counted?.n ?? 0;
    const { offset, ...window } = pageWindow(total, page, pageSize);
    const found = await tx
      .select({ user: publicColumns, factorUser: userSecondFactors.userId, enabledAt: userSecondFactors.enabledAt })
      .from(users)
      .leftJoin(userSecondFactors, eq(userSecondFactors.userId, users.id))
      .where(where)
      .orderBy(asc(users.email))
      .limit(pageSize)
      .offset(offset);
    const rows = found.map(({ user, factorUser, enabledAt }) => ({
      ...user,
      secondFactor: enabledAt ? ("on" as const) : factorUser ? ("setting-up" as const) : ("off" as const),
    }));
    return { rows, total, ...window };
  });
}
