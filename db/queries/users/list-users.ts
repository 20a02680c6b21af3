import { and, asc, count, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";
import { getDb, withReadTransaction, type Database } from "../../client";
import { users } from "../../schema";
import { containsText, pageWindow, type ListPage } from "../_list-page";
import { publicColumns, type PublicUser } from "./_public-user";

export type ListUsersOptions = {
  actor: Actor;
  /** A piece of the email or name. */
  q?: string;
  page?: number;
  pageSize?: number;
  db?: Database;
};

/** One page of the users, by email, filtered by a piece of the email or name; admins only. */
export async function listUsers({
  actor,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: ListUsersOptions): Promise<ListPage<PublicUser>> {
  assertAdmin(actor);
  const where = and(isNull(users.deletedAt), containsText(q, [users.email, users.name]));
  // One snapshot, so the count and the page agree whatever is added meanwhile.
  return withReadTransaction(db, async (tx) => {
    const [counted] = await tx.select({ n: count() }).from(users).where(where);
    const total = counted?.n ?? 0;
    const { offset, ...window } = pageWindow(total, page, pageSize);
    const rows = await tx
      .select(publicColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(pageSize)
      .offset(offset);
    return { rows, total, ...window };
  });
}
